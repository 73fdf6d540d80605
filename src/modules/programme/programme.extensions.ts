// Sections other modules add to the public programme page (the indicators module's indicators and
// annual reports), without the page's routes importing them: they list a renderer under
// `programmePageSections` in their AppModule's `contributes`, and the page renders every contributed
// section in `order` after the objective tree.
import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { ModuleContext } from '../../core/module.js';

export interface ProgrammePageSection {
  id: string;
  /** Sections render in ascending order (indicators 10, annual reports 20). */
  order: number;
  render(
    ctx: ModuleContext,
    programme: { id: string; slug: string; period_from: number; period_to: number },
    request: FastifyRequest,
  ): Promise<VNode | null>;
}

declare module '../../core/module.js' {
  interface ModuleContributions {
    /** Sections of the public programme page (programme). */
    programmePageSections: ProgrammePageSection;
  }
}

/** The sections of this app, in page order (a later section with the same id wins). */
export function programmePageSections(ctx: ModuleContext): ProgrammePageSection[] {
  const byId = new Map(ctx.contributions.of('programmePageSections').map((s) => [s.id, s]));
  return [...byId.values()].sort((a, b) => a.order - b.order);
}
