// Importing a report's table of recommendations from CSV or XLSX (both read by core/csv: encoding,
// separator, line numbers; every cell as the text it shows, dates as YYYY-MM-DD). Headers
// are recognised in Polish or English written any way, as the registry import does; every row goes
// through the same checks, and a dry run lists each row's problems by its line and saves nothing.
// A real run saves all rows in one transaction, and only when no row has a problem.
import { readSpreadsheetFile } from '../../core/csv/index.js';
import { AppError, type Problem } from '../../core/errors/app-error.js';
import type { Upload } from '../../core/http/uploads.js';
import type { ModuleContext } from '../../core/module.js';
import { fold } from '../../core/search/index.js';
import { isCalendarDay } from '../../core/time/index.js';
import * as repo from './evaluation.repo.js';
import {
  getStudy,
  insertRecommendations,
  programmeTargets,
  type Actor,
  type RecommendationInput,
  type Target,
} from './evaluation.service.js';

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
const MAX_ROWS = 500;

export const IMPORT_COLUMNS = ['number', 'finding', 'text', 'addressee', 'proposed_way', 'deadline', 'targets'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: readonly ImportColumn[] = ['number', 'finding', 'text', 'addressee'];

const ALIASES: Record<ImportColumn, readonly string[]> = {
  number: ['nr', 'numer', 'lp', 'nr rekomendacji', 'numer rekomendacji', 'number', 'no', 'recommendation number'],
  finding: ['wniosek', 'ustalenie', 'wnioski', 'wniosek z badania', 'finding', 'conclusion'],
  text: ['rekomendacja', 'tresc rekomendacji', 'tresc', 'recommendation', 'text'],
  addressee: ['adresat', 'adresat rekomendacji', 'addressee', 'recipient'],
  proposed_way: ['sposob wdrozenia', 'proponowany sposob wdrozenia', 'sposob realizacji', 'proposed way', 'implementation'],
  deadline: ['termin', 'termin wdrozenia', 'termin realizacji', 'deadline'],
  targets: ['elementy programu', 'element programu', 'powiazane elementy', 'cele dzialania wskazniki', 'programme elements', 'elements'],
};

function normaliseHeader(h: string): string {
  return fold(h)
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim();
}

export function columnOf(header: string): ImportColumn | null {
  const n = normaliseHeader(header);
  return IMPORT_COLUMNS.find((c) => ALIASES[c].includes(n)) ?? null;
}

const pad = (n: number) => String(n).padStart(2, '0');

const unreadable = () =>
  new AppError('http.validation', {}, [{ field: 'file', label: 'evaluation.import.file', key: 'evaluation.errors.fileUnreadable' }]);

/** `31.12.2027` or `2027-12-31` → `2027-12-31`; null when it is not a day. */
function dayOf(text: string): string | null {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/u.exec(text);
  const day = m ? `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}` : text;
  return isCalendarDay(day) ? day : null;
}

export interface ImportRow {
  line: number;
  number: string;
  text: string;
  problems: Problem[];
}

export interface ImportResult {
  fileProblems: Problem[];
  rows: ImportRow[];
  /** Rows saved (0 in a dry run or when any row has a problem). */
  saved: number;
  dryRun: boolean;
}

/** Reads and checks the file; saves the rows unless it is a dry run or a row has a problem. */
export async function importRecommendations(
  ctx: ModuleContext,
  studyId: string,
  upload: Upload | null,
  dryRun: boolean,
  actor: Actor,
): Promise<ImportResult> {
  const study = await getStudy(ctx, studyId, false);
  if (!upload || upload.data.length === 0)
    throw new AppError('http.validation', {}, [{ field: 'file', label: 'evaluation.import.file', key: 'validation.required' }]);
  if (upload.truncated)
    throw new AppError('http.validation', {}, [{ field: 'file', label: 'evaluation.import.file', key: 'evaluation.errors.fileTooLarge' }]);
  const sheet = await readSpreadsheetFile(upload.data, { datesAsDays: true });
  if (!sheet) throw unreadable();
  const columns = sheet.headers.map(columnOf);
  const fileProblems: Problem[] = [];
  for (const c of REQUIRED) {
    if (!columns.includes(c)) fileProblems.push({ key: 'evaluation.errors.missingColumn', params: { column: ALIASES[c][0]! } });
  }
  if (sheet.rows.length === 0) fileProblems.push({ key: 'evaluation.errors.noRows' });
  if (sheet.rows.length > MAX_ROWS) fileProblems.push({ key: 'evaluation.errors.tooManyRows', params: { count: MAX_ROWS } });
  if (fileProblems.length) return { fileProblems, rows: [], saved: 0, dryRun };

  const targets = await programmeTargets(ctx, study.programme_id);
  const existing = new Set((await repo.recommendationNumbers(ctx.db, study.id)).map((r) => r.number));
  const seen = new Set<string>();
  const inputs: RecommendationInput[] = [];
  const rows: ImportRow[] = sheet.rows.map(({ line, cells }) => {
    const cell = (c: ImportColumn) => {
      const i = columns.indexOf(c);
      return i < 0 ? '' : (cells[i] ?? '').trim();
    };
    const problems: Problem[] = [];
    const need = (c: ImportColumn, max: number) => {
      const v = cell(c);
      if (v === '') problems.push({ key: 'evaluation.errors.rowRequired', params: { column: ALIASES[c][0]! } });
      else if ([...v].length > max) problems.push({ key: 'evaluation.errors.rowTooLong', params: { column: ALIASES[c][0]!, count: max } });
      return v;
    };
    const number = need('number', 20);
    const finding = need('finding', 10_000);
    const text = need('text', 10_000);
    const addressee = need('addressee', 500);
    if (number && (existing.has(number) || seen.has(number)))
      problems.push({ key: 'evaluation.errors.rowNumberTaken', params: { number } });
    seen.add(number);
    const deadlineText = cell('deadline');
    const deadline = deadlineText ? dayOf(deadlineText) : null;
    if (deadlineText && !deadline) problems.push({ key: 'evaluation.errors.rowDay', params: { value: deadlineText } });
    const chosen: Target[] = [];
    for (const name of cell('targets')
      .split(/[|\n]/u)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const f = fold(name);
      const t = targets.find((x) => x.code === name || fold(x.label) === f || fold(x.label.slice(x.code.length + 1)) === f);
      if (t) chosen.push(t);
      else problems.push({ key: 'evaluation.errors.rowTarget', params: { value: name } });
    }
    const way = cell('proposed_way');
    inputs.push({ number, finding, text, addressee, proposed_way: way || null, deadline, targets: chosen });
    return { line, number, text, problems };
  });
  const ok = rows.every((r) => r.problems.length === 0);
  if (dryRun || !ok) return { fileProblems, rows, saved: 0, dryRun };
  await insertRecommendations(ctx, study, inputs, actor, 'evaluation.recommendation.import');
  return { fileProblems, rows, saved: inputs.length, dryRun };
}
