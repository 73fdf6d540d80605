// The organisers' list of an event's participants: who registered, in which state, for which
// sessions, and (on the page only, never in the default export) the accessibility needs they gave
// with their own consent. The CSV is a spreadsheet file from core/csv, the XLSX the same table
// written with exceljs; erased registrations show
// as such, so the counts stay readable after the retention job.
import { newWorkbook, spreadsheetCsv } from '../../core/csv/index.js';
import type { ModuleContext } from '../../core/module.js';
import { warsawTimestamp } from '../../core/time/index.js';
import type { T } from '../../i18n/index.js';
import * as repo from './events.repo.js';
import type { AccessNeed } from './events.tables.js';

export interface Participant {
  r: repo.RegistrationRow;
  places: { session: string; status: repo.PlaceRow['status'] }[];
  needs: AccessNeed[];
}

export async function participants(ctx: ModuleContext, eventId: string): Promise<Participant[]> {
  const sessions = new Map((await repo.listSessions(ctx.db, eventId)).map((s) => [s.id, s.title]));
  const places = await repo.placesOfEvent(ctx.db, eventId);
  return (await repo.listRegistrations(ctx.db, eventId)).map((r) => {
    let needs: AccessNeed[];
    try {
      needs = r.access_needs ? (JSON.parse(r.access_needs) as AccessNeed[]) : [];
    } catch {
      needs = [];
    }
    return {
      r,
      places: places
        .filter((p) => p.registration_id === r.id)
        .map((p) => ({ session: sessions.get(p.session_id) ?? '', status: p.status })),
      needs,
    };
  });
}

/**
 * The default export's table (the same for CSV and XLSX): no accessibility needs (special-category
 * data stay on the organisers' page); an event marked as example data says so in every row.
 */
export function participantTable(t: T, e: Pick<repo.EventRow, 'is_example'>, rows: readonly Participant[]): string[][] {
  const head = [
    t('events.register.name'),
    t('events.register.email'),
    t('events.register.institution'),
    t('events.register.participantType'),
    t('events.manage.status'),
    t('events.sessions'),
    t('events.admin.registeredAt'),
    t('events.export.example'),
  ];
  const example = e.is_example ? t('events.export.yes') : t('events.export.no');
  return [
    head,
    ...rows.map(({ r, places }) => [
      r.is_erased ? t('events.admin.erased') : (r.name ?? ''),
      r.email ?? '',
      r.institution ?? '',
      t(`events.register.participantTypes.${r.participant_type}`),
      t(`events.manage.statuses.${r.status}`),
      places.map((p) => `${p.session}: ${t(`events.placeStatus.${p.status}`)}`).join('; '),
      warsawTimestamp(r.created_at),
      example,
    ]),
  ];
}

export function participantsCsv(t: T, e: Pick<repo.EventRow, 'is_example'>, rows: readonly Participant[]): string {
  return spreadsheetCsv(participantTable(t, e, rows));
}

/** The same table as an XLSX workbook (exceljs, ADR 12): every cell is text, so nothing is read as a formula. */
export async function participantsXlsx(t: T, e: Pick<repo.EventRow, 'is_example'>, rows: readonly Participant[]): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'Spójnia';
  const ws = wb.addWorksheet(t('events.export.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const table = participantTable(t, e, rows);
  for (const row of table) ws.addRow(row);
  ws.getRow(1).font = { bold: true };
  for (let i = 0; i < table[0]!.length; i++)
    ws.getColumn(i + 1).width = Math.min(60, Math.max(12, ...table.map((r) => [...(r[i] ?? '')].length + 2)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
