// Sections other modules add to a reporting partner's round page, after the round's numbers (the
// localgov survey's text questions), without the page's route importing them: they list a renderer
// under `partnerRoundSections` in their AppModule's `contributes`; a section renders null when it has
// nothing for this partner and round.
import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { ModuleContext } from '../../../core/module.js';

/** The round as a section sees it: its year (and quarter, 0 for the whole year) and its indicators' codes. */
export interface PartnerRoundSubject {
  id: string;
  name: string;
  period: number;
  quarter: number;
  isOpen: boolean;
  codes: string[];
}

export interface PartnerRoundSection {
  id: string;
  order: number;
  render(ctx: ModuleContext, round: PartnerRoundSubject, request: FastifyRequest): Promise<VNode | null>;
}

declare module '../../../core/module.js' {
  interface ModuleContributions {
    /** Sections of a partner's round page after the round's numbers (indicators' monitoring). */
    partnerRoundSections: PartnerRoundSection;
  }
}

/** The sections of this app for one round, rendered in order (a later section with the same id wins). */
export async function partnerRoundExtras(ctx: ModuleContext, round: PartnerRoundSubject, request: FastifyRequest): Promise<VNode[]> {
  const byId = new Map(ctx.contributions.of('partnerRoundSections').map((s) => [s.id, s]));
  const sections = [...byId.values()].sort((a, b) => a.order - b.order);
  const rendered = await Promise.all(sections.map((s) => s.render(ctx, round, request)));
  return rendered.filter((x): x is VNode => x !== null);
}
