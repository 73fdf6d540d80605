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
    programme: { id: string; slug: string; period_from: number; period_to: number; status: string },
    request: FastifyRequest,
  ): Promise<VNode | null>;
}

/**
 * Pieces other modules add under the elements of the objective tree on the programme page (the
 * evaluation module's recommendations concerning a goal or an action): one call per page gives what
 * to show under each element, by element id; an element missing from the map shows nothing more.
 */
export interface ProgrammeElementSection {
  id: string;
  /** Pieces render in ascending order under each element. */
  order: number;
  load(
    ctx: ModuleContext,
    programme: { id: string; slug: string; period_from: number; period_to: number },
    request: FastifyRequest,
  ): Promise<ReadonlyMap<string, VNode>>;
}

declare module '../../core/module.js' {
  interface ModuleContributions {
    /** Sections of the public programme page (programme). */
    programmePageSections: ProgrammePageSection;
    /** What other modules show under an element of the objective tree on the programme page (programme). */
    programmeElementSections: ProgrammeElementSection;
  }
}

/** The sections of this app, in page order (a later section with the same id wins). */
export function programmePageSections(ctx: ModuleContext): ProgrammePageSection[] {
  const byId = new Map(ctx.contributions.of('programmePageSections').map((s) => [s.id, s]));
  return [...byId.values()].sort((a, b) => a.order - b.order);
}

/** What this app's modules add under each element of a programme's tree, by element id, in order. */
export async function programmeElementExtras(
  ctx: ModuleContext,
  programme: { id: string; slug: string; period_from: number; period_to: number },
  request: FastifyRequest,
): Promise<Map<string, VNode[]>> {
  const byId = new Map(ctx.contributions.of('programmeElementSections').map((s) => [s.id, s]));
  const sections = [...byId.values()].sort((a, b) => a.order - b.order);
  const maps = await Promise.all(sections.map((s) => s.load(ctx, programme, request)));
  const out = new Map<string, VNode[]>();
  for (const m of maps) for (const [id, node] of m) out.set(id, [...(out.get(id) ?? []), node]);
  return out;
}
