// A scoped role names the thing it applies to by an id (an entity, a body, a support centre, a
// public buyer, a reporting partner's indicator or territory). People read and type names, not
// ids: the module that owns each kind of scope says the names of its ids under `scopeNames` in its
// AppModule's `contributes` — and, for the role form, either the whole (short) list to choose from
// or how a typed name becomes an id — so accounts shows and takes "Przedstawiciel podmiotu:
// Fundacja Iks" without importing the registry. Several modules may name one scope type (a
// reporting partner's scope is an indicator or a territory): each names and resolves its own ids.
import type { ModuleContext } from '../../core/module.js';
import type { Lang } from '../../i18n/index.js';

/** A scope by its id with the name people read. */
export interface ScopeChoice {
  id: string;
  label: string;
}

/** What a typed name means: one scope, several (each with what tells it apart), or none (with close names). */
export type ScopeResolution =
  { kind: 'found'; id: string; label: string } | { kind: 'ambiguous'; candidates: string[] } | { kind: 'unknown'; suggestions: string[] };

export interface ScopeNames {
  /** The scope type it names (`entity`, `team`, `support_centre`, `buyer`, `indicator_or_territory`, …). */
  scopeType: string;
  /** The names of those of `ids` it knows (one statement for all of them), in `lang` (Polish by default). */
  names(ctx: ModuleContext, ids: readonly string[], lang?: Lang): Promise<ReadonlyMap<string, string>>;
  /** A short list (bodies, centres, buyers): every scope, chosen by name with checkboxes. */
  choices?(ctx: ModuleContext, lang: Lang): Promise<ScopeChoice[]>;
  /** A long list (entities, territories, indicators): a typed name (or number, address, code) resolved to an id. */
  resolve?(ctx: ModuleContext, text: string, lang: Lang): Promise<ScopeResolution>;
}

declare module '../../core/module.js' {
  interface ModuleContributions {
    /** The names of scoped roles' scope ids, on the account page and in user administration (accounts). */
    scopeNames: ScopeNames;
  }
}

export interface NamedRole {
  role: string;
  scopeId: string | null;
  /** The scope's name; null for an unscoped role, or when no module knows the id (then shown as unknown). */
  scopeName: string | null;
}

/** The namers of one scope type. */
export function namersOf(ctx: ModuleContext, scopeType: string): ScopeNames[] {
  return [...ctx.contributions.of('scopeNames')].filter((n) => n.scopeType === scopeType);
}

/** The names of scope ids by type and id (`type\u0000id`), each kind of scope asked once for all of `roles`. */
export async function scopeNamesOf(
  ctx: ModuleContext,
  roles: readonly { scopeType: string | null; scopeId: string | null }[],
  lang: Lang = 'pl',
): Promise<Map<string, string>> {
  const idsByType = new Map<string, Set<string>>();
  for (const r of roles)
    if (r.scopeType && r.scopeId) (idsByType.get(r.scopeType) ?? idsByType.set(r.scopeType, new Set()).get(r.scopeType)!).add(r.scopeId);
  const found = new Map<string, string>();
  await Promise.all(
    [...idsByType].flatMap(([type, ids]) =>
      namersOf(ctx, type).map(async (namer) => {
        for (const [id, name] of await namer.names(ctx, [...ids], lang))
          if (!found.has(scopeKey(type, id))) found.set(scopeKey(type, id), name);
      }),
    ),
  );
  return found;
}

export const scopeKey = (type: string, id: string) => `${type}\u0000${id}`;

/** The roles with their scopes' names, each kind of scope asked once. */
export async function namedRoles(
  ctx: ModuleContext,
  roles: readonly { role: string; scopeType: string | null; scopeId: string | null }[],
  lang: Lang = 'pl',
): Promise<NamedRole[]> {
  const found = await scopeNamesOf(ctx, roles, lang);
  return roles.map((r) => ({
    role: r.role,
    scopeId: r.scopeId,
    scopeName: r.scopeType && r.scopeId ? (found.get(scopeKey(r.scopeType, r.scopeId)) ?? null) : null,
  }));
}

/**
 * What a typed text names among every namer of the type: found when exactly one scope fits (one
 * namer found it, the others know nothing like it), ambiguous when several fit, else unknown with
 * every namer's close names.
 */
export async function resolveScope(ctx: ModuleContext, scopeType: string, text: string, lang: Lang): Promise<ScopeResolution> {
  const answers = await Promise.all(namersOf(ctx, scopeType).map((n) => n.resolve?.(ctx, text, lang)));
  const found = answers.filter((a) => a?.kind === 'found');
  const ambiguous = answers.flatMap((a) => (a?.kind === 'ambiguous' ? a.candidates : []));
  const ids = new Set(found.map((a) => a.id));
  if (ids.size === 1 && ambiguous.length === 0) return found[0]!;
  if (ids.size + ambiguous.length > 0) return { kind: 'ambiguous', candidates: [...new Set([...found.map((a) => a.label), ...ambiguous])] };
  return { kind: 'unknown', suggestions: [...new Set(answers.flatMap((a) => (a?.kind === 'unknown' ? a.suggestions : [])))].slice(0, 8) };
}
