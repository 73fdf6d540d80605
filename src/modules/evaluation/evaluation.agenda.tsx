// The evaluation module and the statutory bodies. Its studies and its yearly follow-up summary (the
// recommendations of a programme's studies in one year, the same figures as the annual report's
// section, on a page of its own) are objects a body's meeting may discuss: the bodies module's
// `agendaObjectKinds`, picked by name. And sections other modules add to a study's or a summary's page
// (the body's opinion on it) under `evaluationPageSections`, without the pages importing them.
import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { ModuleContext } from '../../core/module.js';
import { warsawToday } from '../../core/time/index.js';
import { translator, type Lang } from '../../i18n/index.js';
import type { AgendaObject, AgendaObjectKind } from '../bodies/index.js';
import { findProgramme, listProgrammes } from '../programme/index.js';
import * as repo from './evaluation.repo.js';

/** A page of the module other modules may add to: a study's (`study`) or a yearly summary's (`summary`, id `<programme id>:<year>`). */
export interface EvaluationPage {
  kind: 'study' | 'summary';
  id: string;
}

export interface EvaluationPageSection {
  id: string;
  order: number;
  render(ctx: ModuleContext, page: EvaluationPage, request: FastifyRequest): Promise<VNode | null>;
}

declare module '../../core/module.js' {
  interface ModuleContributions {
    /** Sections at the end of an evaluation study's or yearly summary's public page (evaluation). */
    evaluationPageSections: EvaluationPageSection;
  }
}

export async function evaluationPageExtras(ctx: ModuleContext, page: EvaluationPage, request: FastifyRequest): Promise<VNode[]> {
  const byId = new Map(ctx.contributions.of('evaluationPageSections').map((s) => [s.id, s]));
  const sections = [...byId.values()].sort((a, b) => a.order - b.order);
  const rendered = await Promise.all(sections.map((s) => s.render(ctx, page, request)));
  return rendered.filter((x): x is VNode => x !== null);
}

export function summaryPath(programmeSlug: string, year: number): string {
  return `/ewaluacja/podsumowanie/${programmeSlug}/${year}`;
}

/**
 * The years a programme has a follow-up summary for: from the first year one of its published studies
 * was accepted (or dated) to this year, within the programme's period. Empty without such a study.
 */
export async function summaryYears(
  ctx: ModuleContext,
  programme: { id: string; period_from: number; period_to: number },
): Promise<number[]> {
  const studies = (await repo.listStudies(ctx.db, true)).filter((s) => s.programme_id === programme.id);
  const starts = studies
    .map((s) => (s.accepted_on ? Number(s.accepted_on.slice(0, 4)) : s.study_year))
    .filter((y): y is number => y !== null);
  if (starts.length === 0) return [];
  const thisYear = Number(warsawToday(ctx.clock).slice(0, 4));
  const out: number[] = [];
  for (let y = Math.min(thisYear, programme.period_to); y >= Math.max(Math.min(...starts), programme.period_from); y--) out.push(y);
  return out;
}

function summaryObject(lang: Lang, p: { id: string; slug: string; title: string }, year: number): AgendaObject {
  return {
    id: `${p.id}:${year}`,
    title: `${translator(lang)('evaluation.summary.title', { year })} — ${p.title}`,
    url: summaryPath(p.slug, year),
  };
}

/** The yearly summary with the id `<programme id>:<year>`, or null. */
export async function findSummary(ctx: ModuleContext, id: string, lang: Lang): Promise<AgendaObject | null> {
  const m = /^(.+):(\d{4})$/u.exec(id);
  const p = m ? await findProgramme(ctx.db, m[1]!) : undefined;
  if (!m || !p) return null;
  return (await summaryYears(ctx, p)).includes(Number(m[2])) ? summaryObject(lang, p, Number(m[2])) : null;
}

export const studyAgendaKind: AgendaObjectKind = {
  kind: 'evaluation-study',
  labelKey: 'evaluation.agendaKinds.study',
  order: 30,
  async candidates(ctx) {
    return (await repo.listStudies(ctx.db, false)).map((s) => ({
      id: s.id,
      title: s.title,
      url: s.is_published ? `/ewaluacja/${s.id}` : null,
    }));
  },
  async resolve(ctx, id) {
    const s = await repo.findStudy(ctx.db, id);
    return s ? { id: s.id, title: s.title, url: s.is_published ? `/ewaluacja/${s.id}` : null } : null;
  },
};

export const summaryAgendaKind: AgendaObjectKind = {
  kind: 'evaluation-summary',
  labelKey: 'evaluation.agendaKinds.summary',
  order: 31,
  async candidates(ctx, _query, lang) {
    const out: AgendaObject[] = [];
    for (const p of await listProgrammes(ctx.db)) for (const y of await summaryYears(ctx, p)) out.push(summaryObject(lang, p, y));
    return out;
  },
  resolve: (ctx, id, lang) => findSummary(ctx, id, lang),
};
