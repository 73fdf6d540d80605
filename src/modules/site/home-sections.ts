// The home page belongs to the site module, yet its sections (latest news, upcoming events…) come
// from other modules. They register here through their own index.ts, so the site module never
// imports another module's internals and a missing module simply leaves its section out.
import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { ModuleContext } from '../../core/module.js';

export interface HomeSection {
  /** Unique; registering the same id again replaces the section. */
  id: string;
  /** Position on the page, smaller first. */
  order: number;
  /** The section's markup, or null when it has nothing to show. */
  render(ctx: ModuleContext, request: FastifyRequest): Promise<VNode | null>;
}

const SECTIONS = new Map<string, HomeSection>();

export function registerHomeSection(section: HomeSection): void {
  SECTIONS.set(section.id, section);
}

export function homeSections(): HomeSection[] {
  return [...SECTIONS.values()].sort((a, b) => a.order - b.order);
}
