// The annual report as an object a body's meeting may discuss (the bodies module's
// `agendaObjectKinds`): staff pick "the 2025 report of programme X" by name, and the agenda, the
// minutes and the API name it and link to its page once it is published (a draft has no public page).
import type { AgendaObject, AgendaObjectKind } from '../../bodies/index.js';
import { translator, type Lang } from '../../../i18n/index.js';
import type { ModuleContext } from '../../../core/module.js';
import { findProgramme, listProgrammes } from '../../programme/index.js';
import { reportPath, reportStatus, reportYears } from './report.service.js';

export const ANNUAL_REPORT_KIND = 'annual-report';

function reportObject(lang: Lang, p: { id: string; slug: string; title: string }, year: number, published: boolean): AgendaObject {
  return {
    id: `${p.id}:${year}`,
    title: `${translator(lang)('monitoring.report.title', { year })} — ${p.title}`,
    url: published ? reportPath(p.slug, year) : null,
  };
}

export const annualReportAgendaKind: AgendaObjectKind = {
  kind: ANNUAL_REPORT_KIND,
  labelKey: 'monitoring.report.agendaKind',
  order: 10,
  async candidates(ctx, _query, lang) {
    const out: AgendaObject[] = [];
    for (const p of await listProgrammes(ctx.db))
      for (const r of await reportYears(ctx, p)) out.push(reportObject(lang, p, r.year, r.status === 'published'));
    return out;
  },
  async resolve(ctx: ModuleContext, id, lang) {
    const m = /^(.+):(\d{4})$/u.exec(id);
    const p = m ? await findProgramme(ctx.db, m[1]!) : undefined;
    if (!m || !p) return null;
    const year = Number(m[2]);
    if (year < p.period_from || year > p.period_to) return null;
    return reportObject(lang, p, year, (await reportStatus(ctx, p.id, year)).status === 'published');
  },
};
