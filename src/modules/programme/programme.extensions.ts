// Sections other modules add to the public programme page (the indicators module's indicators and
// annual reports), without the page's routes importing them: a module registers a renderer from its
// route function, and the page renders every registered section in `order` after the objective tree.
import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { ModuleContext } from '../../core/module.js';

export interface ProgrammePageSection {
  id: string;
  /** Sections render in ascending order (indicators 10, annual reports 20). */
  order: number;
  render(ctx: ModuleContext, programme: { id: string; slug: string; period_from: number; period_to: number }, request: FastifyRequest): Promise<VNode | null>;
}

const sections = new Map<string, ProgrammePageSection>();

/** Registers (or replaces, by id) a section of the public programme page. */
export function registerProgrammePageSection(section: ProgrammePageSection): void {
  sections.set(section.id, section);
}

export function programmePageSections(): ProgrammePageSection[] {
  return [...sections.values()].sort((a, b) => a.order - b.order);
}
