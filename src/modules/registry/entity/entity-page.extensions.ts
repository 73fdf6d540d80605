// Sections other modules add to an entity's public page (the offers it publishes, the support
// centre that serves it, the events it organises), without the registry importing them: they list a
// renderer under `entityPageSections` in their AppModule's `contributes`, and the page renders every
// contributed section in `order` after the entity's own facts.
import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { ModuleContext } from '../../../core/module.js';

/** What a section may know of the entity whose page it is on. */
export interface EntityPageSubject {
  id: string;
  name: string;
  /** 7-digit TERYT of the entity's gmina, when known. */
  gminaTeryt: string | null;
}

export interface EntityPageSection {
  id: string;
  /** Sections render in ascending order after the entity's facts. */
  order: number;
  /** The section (with its own `<h2>`), or null when it has nothing to say about this entity. */
  render(ctx: ModuleContext, request: FastifyRequest, entity: EntityPageSubject): Promise<VNode | null>;
}

declare module '../../../core/module.js' {
  interface ModuleContributions {
    /** Sections of an entity's public page (registry). */
    entityPageSections: EntityPageSection;
  }
}

/** The sections of this app, in page order (a later section with the same id wins). */
export function entityPageSections(ctx: ModuleContext): EntityPageSection[] {
  const byId = new Map(ctx.contributions.of('entityPageSections').map((s) => [s.id, s]));
  return [...byId.values()].sort((a, b) => a.order - b.order);
}

/** Renders every contributed section for `entity`, dropping those with nothing to show. */
export async function renderEntityPageSections(ctx: ModuleContext, request: FastifyRequest, entity: EntityPageSubject): Promise<VNode[]> {
  const rendered = await Promise.all(entityPageSections(ctx).map((s) => s.render(ctx, request, entity)));
  return rendered.filter((v): v is VNode => v !== null);
}
