// The agenda object kinds: what an agenda item may concern besides its attached documents — a
// programme's annual report, a consultation, an evaluation study or its yearly follow-up summary, a
// "Zakup Prospołeczny" application… The module that owns such objects lists a kind under
// `agendaObjectKinds` in its AppModule's `contributes`: staff pick an object by its name
// (`candidates`), and every page, feed and document showing the item names it and links to it
// (`resolve`). The bodies module stores only the kind and the id, and never imports the owner.
import type { ModuleContext } from '../../core/module.js';
import { queryTerms, textMatches } from '../../core/search/index.js';
import type { Lang, TKey } from '../../i18n/index.js';

export interface AgendaObject {
  id: string;
  /** The object's name as people know it ("Sprawozdanie z realizacji programu … za 2025 r."). */
  title: string;
  /** Its public page (a path under the site); null while the public cannot see it (a draft report). */
  url: string | null;
}

export interface AgendaObjectKind {
  /** Stored with the item; unique among the kinds, never changed once used (e.g. `annual-report`). */
  kind: string;
  /** The kind's name ("Sprawozdanie roczne z realizacji programu"). */
  labelKey: TKey;
  /** Position in the staff's list of kinds. */
  order: number;
  /**
   * The objects to choose from, newest first. A kind with a short list returns all of them; a long one
   * may narrow them by the query first. The bodies module then keeps those whose name matches the
   * query by words (`pickByName`), so every kind is searched the same way.
   */
  candidates(ctx: ModuleContext, query: string, lang: Lang): Promise<AgendaObject[]>;
  /** The object by id, or null when it no longer exists. */
  resolve(ctx: ModuleContext, id: string, lang: Lang): Promise<AgendaObject | null>;
}

declare module '../../core/module.js' {
  interface ModuleContributions {
    /** Kinds of objects an agenda item of a body's meeting may concern (bodies). */
    agendaObjectKinds: AgendaObjectKind;
  }
}

/** The kinds of this app, in order (a later kind with the same name wins). */
export function agendaObjectKinds(ctx: ModuleContext): AgendaObjectKind[] {
  const byKind = new Map(ctx.contributions.of('agendaObjectKinds').map((k) => [k.kind, k]));
  return [...byKind.values()].sort((a, b) => a.order - b.order || (a.kind < b.kind ? -1 : 1));
}

export function agendaObjectKind(ctx: ModuleContext, kind: string): AgendaObjectKind | undefined {
  return agendaObjectKinds(ctx).find((k) => k.kind === kind);
}

/**
 * The objects of a short list whose name matches the query by words (Polish folding and stems, as
 * the site search), or the first `limit` of them when the query is empty: what most kinds'
 * `candidates` need.
 */
export function pickByName<X extends { title: string }>(items: readonly X[], query: string, limit: number): X[] {
  const terms = queryTerms(query);
  const found = query.trim() === '' ? items : items.filter((x) => textMatches(terms, x.title));
  return found.slice(0, limit);
}
