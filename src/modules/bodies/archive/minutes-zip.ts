// The approved minutes of a term in one ZIP: the tagged PDF of each meeting whose minutes are approved
// (the same document as the single download), numbered in order and named by the meeting's Warsaw day. The public gets the
// public meetings of a body that publishes its minutes; members and staff every approved meeting.
import { zipSync } from 'fflate';
import { renderPdf } from '../../../core/export/index.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { ModuleContext } from '../../../core/module.js';
import { toWarsawLocal, warsawDay } from '../../../core/time/index.js';
import { translator, type Lang } from '../../../i18n/index.js';
import { getInstitution } from '../../site/index.js';
import * as repo from '../bodies.repo.js';
import * as mrepo from '../meetings.repo.js';
import { minutesDocument } from '../minutes.document.js';
import { minutesOf } from '../minutes.service.js';

export async function termMinutesZip(
  ctx: ModuleContext,
  body: repo.BodyRow,
  termNumber: number,
  opts: { publicOnly: boolean; lang: Lang },
): Promise<{ filename: string; bytes: Uint8Array; count: number }> {
  const term = (await repo.listTerms(ctx.db, body.id)).find((x) => x.number === termNumber);
  if (!term) throw new AppError('http.not_found');
  const meetings = (await mrepo.listMeetings(ctx.db, body.id))
    .filter((m) => m.term_id === term.id && m.status === 'minutes_approved' && (!opts.publicOnly || m.is_public))
    .sort((a, b) => (a.starts_at < b.starts_at ? -1 : a.starts_at > b.starts_at ? 1 : 0));
  if (meetings.length === 0) throw new AppError('http.not_found');
  const t = translator(opts.lang);
  const author = (await getInstitution(ctx)).name;
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const [i, m] of meetings.entries()) {
    const doc = minutesDocument(await minutesOf(ctx, body, m), t, opts.lang, toWarsawLocal(m.starts_at, ' '), author);
    // numbered in order, so two meetings on one day never share a name
    files[`${String(i + 1).padStart(2, '0')}-protokol-${warsawDay(m.starts_at)}.pdf`] = [
      new Uint8Array(await renderPdf(doc)),
      { level: 0 },
    ];
  }
  return { filename: `protokoly-${body.slug}-kadencja-${term.number}.zip`, bytes: zipSync(files), count: meetings.length };
}
