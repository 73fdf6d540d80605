// The home page belongs to the site module, yet its sections (latest news, upcoming events…) come
// from other modules. They list them under `homeSections` in their AppModule's `contributes`, so the
// site module never imports another module and a missing module simply leaves its section out.
import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { ModuleContext } from '../../core/module.js';

export interface HomeSection {
  /** Unique among the home sections. */
  id: string;
  /** Position on the page, smaller first. */
  order: number;
  /** The section's markup, or null when it has nothing to show. */
  render(ctx: ModuleContext, request: FastifyRequest): Promise<VNode | null>;
}

declare module '../../core/module.js' {
  interface ModuleContributions {
    /** Sections of the home page (site). */
    homeSections: HomeSection;
  }
}

/** The sections the modules of this app contribute, in page order. */
export function homeSections(ctx: ModuleContext): HomeSection[] {
  return [...ctx.contributions.of('homeSections')].sort((a, b) => a.order - b.order);
}
