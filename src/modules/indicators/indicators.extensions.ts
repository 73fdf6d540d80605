// Sections other modules add to an indicator's public page (the evaluation module's recommendations
// concerning the indicator), without the page's route importing them: they list a renderer under
// `indicatorPageSections` in their AppModule's `contributes`; the page renders them in `order` after
// the indicator's figures.
import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { ModuleContext } from '../../core/module.js';

export interface IndicatorPageSection {
  id: string;
  order: number;
  render(
    ctx: ModuleContext,
    programme: { id: string; slug: string },
    indicator: { id: string; code: string },
    request: FastifyRequest,
  ): Promise<VNode | null>;
}

declare module '../../core/module.js' {
  interface ModuleContributions {
    /** Sections of an indicator's public page after its figures (indicators). */
    indicatorPageSections: IndicatorPageSection;
  }
}

/** The sections of this app for one indicator, rendered in order (a later section with the same id wins). */
export async function indicatorPageExtras(
  ctx: ModuleContext,
  programme: { id: string; slug: string },
  indicator: { id: string; code: string },
  request: FastifyRequest,
): Promise<VNode[]> {
  const byId = new Map(ctx.contributions.of('indicatorPageSections').map((s) => [s.id, s]));
  const sections = [...byId.values()].sort((a, b) => a.order - b.order);
  const rendered = await Promise.all(sections.map((s) => s.render(ctx, programme, indicator, request)));
  return rendered.filter((x): x is VNode => x !== null);
}
