// Sections other modules add to an event's public page (e.g. the localgov module's awards given at a
// Forum edition), without the events module importing them: they list a renderer under
// `eventPageSections` in their AppModule's `contributes`, and the page renders the ones that answer.
import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { ModuleContext } from '../../core/module.js';
import type { EventType } from './events.tables.js';

/** What a section learns about the event whose page it is on. */
export interface EventPageSubject {
  id: string;
  type: EventType;
  /** ISO-8601 UTC start. */
  startsAt: string;
}

export interface EventPageSection {
  id: string;
  order: number;
  /** The section (with an `h2` heading), or null when it has nothing to say about this event. */
  render(ctx: ModuleContext, event: EventPageSubject, request: FastifyRequest): Promise<VNode | null>;
}

declare module '../../core/module.js' {
  interface ModuleContributions {
    /** Sections near the end of an event's public page (events). */
    eventPageSections: EventPageSection;
  }
}

/** The sections of this app for one event, rendered in order (a later section with the same id wins). */
export async function eventPageExtras(ctx: ModuleContext, event: EventPageSubject, request: FastifyRequest): Promise<VNode[]> {
  const byId = new Map(ctx.contributions.of('eventPageSections').map((s) => [s.id, s]));
  const sections = [...byId.values()].sort((a, b) => a.order - b.order);
  const rendered = await Promise.all(sections.map((s) => s.render(ctx, event, request)));
  return rendered.filter((x): x is VNode => x !== null);
}
