// What the consultations module offers other modules and takes from them. Sections other modules add
// to a consultation's public page (the bodies module's opinions and resolutions on the consultation),
// without the page's route importing them: they list a renderer under `consultationPageSections` in
// their AppModule's `contributes`. And a consultation as an object a body's meeting may discuss (the
// bodies module's `agendaObjectKinds`), picked by its title. And the home page's open and announced
// consultations (site's `homeSections`).
import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { ModuleContext } from '../../core/module.js';
import type { AgendaObjectKind } from '../bodies/index.js';
import type { AdminTask } from '../accounts/index.js';
import { cachedUntilWrite } from '../../core/db/write-cache.js';
import type { HomeSection } from '../site/index.js';
import * as repo from './consultations.repo.js';
import { phaseOf } from './consultations.phase.js';
import { HomeConsultations } from './public.views.js';

export interface ConsultationPageSection {
  id: string;
  order: number;
  render(ctx: ModuleContext, consultation: { id: string }, request: FastifyRequest): Promise<VNode | null>;
}

declare module '../../core/module.js' {
  interface ModuleContributions {
    /** Sections at the end of a consultation's public page (consultations). */
    consultationPageSections: ConsultationPageSection;
  }
}

/** The sections of this app for one consultation, rendered in order (a later section with the same id wins). */
export async function consultationPageExtras(ctx: ModuleContext, consultation: { id: string }, request: FastifyRequest): Promise<VNode[]> {
  const byId = new Map(ctx.contributions.of('consultationPageSections').map((s) => [s.id, s]));
  const sections = [...byId.values()].sort((a, b) => a.order - b.order);
  const rendered = await Promise.all(sections.map((s) => s.render(ctx, consultation, request)));
  return rendered.filter((x): x is VNode => x !== null);
}

const consultationObject = (c: repo.ConsultationRow) => ({ id: c.id, title: c.title, url: c.is_published ? `/konsultacje/${c.id}` : null });

export const consultationAgendaKind: AgendaObjectKind = {
  kind: 'consultation',
  labelKey: 'consultations.agendaKind',
  order: 20,
  async candidates(ctx) {
    return (await repo.listConsultations(ctx.db, false)).map(consultationObject);
  },
  async resolve(ctx, id) {
    const c = await repo.findConsultation(ctx.db, id);
    return c ? consultationObject(c) : null;
  },
};

/** Comments without a response wait for the moderators (the administration's "Czeka na Ciebie"). */
export const unansweredCommentsTask: AdminTask = {
  id: 'consultations.unanswered',
  order: 20,
  roles: ['coordinator', 'administrator', 'moderator'],
  label: 'consultations.waiting.unanswered',
  path: '/admin/konsultacje',
  count: (ctx) => repo.countUnanswered(ctx.db),
};

/**
 * The home page's open consultations with the days left (and the announced ones with their start),
 * or nothing when none is open or announced. The rows are kept until a write to the consultations,
 * the phase is taken at each view from the clock, so a view runs no query.
 */
export const consultationsHomeSection: HomeSection = {
  id: 'consultations.open',
  order: 10,
  async render(ctx) {
    const rows = await cachedUntilWrite(ctx, ['consultations'], 'home-unreported', () => repo.listUnreported(ctx.db));
    const now = ctx.clock.now();
    const open = rows.filter((c) => phaseOf(c, now) === 'open');
    const announced = rows.filter((c) => phaseOf(c, now) === 'announced').sort((a, b) => a.starts_at.localeCompare(b.starts_at));
    if (open.length === 0 && announced.length === 0) return null;
    return <HomeConsultations open={open} announced={announced} now={now} />;
  },
};
