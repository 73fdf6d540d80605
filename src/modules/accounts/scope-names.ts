// A scoped role names the thing it applies to by an id (an entity, a body, a support centre, a
// public buyer). People read names, not UUIDs: the module that owns each kind of scope says the
// names of its ids under `scopeNames` in its AppModule's `contributes`, so accounts shows "Przedstawiciel
// podmiotu: Fundacja Iks" without importing the registry.
import type { ModuleContext } from '../../core/module.js';

export interface ScopeNames {
  /** The scope type it names (`entity`, `team`, `support_centre`, `buyer`, …). */
  scopeType: string;
  /** The names of those of `ids` that exist (one statement for all of them). */
  names(ctx: ModuleContext, ids: readonly string[]): Promise<ReadonlyMap<string, string>>;
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

/** The roles with their scopes' names, each kind of scope asked once. */
export async function namedRoles(
  ctx: ModuleContext,
  roles: readonly { role: string; scopeType: string | null; scopeId: string | null }[],
): Promise<NamedRole[]> {
  const idsByType = new Map<string, Set<string>>();
  for (const r of roles)
    if (r.scopeType && r.scopeId) (idsByType.get(r.scopeType) ?? idsByType.set(r.scopeType, new Set()).get(r.scopeType)!).add(r.scopeId);
  const namers = [...ctx.contributions.of('scopeNames')];
  const found = new Map<string, ReadonlyMap<string, string>>();
  await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      const namer = namers.find((n) => n.scopeType === type);
      if (namer) found.set(type, await namer.names(ctx, [...ids]));
    }),
  );
  return roles.map((r) => ({
    role: r.role,
    scopeId: r.scopeId,
    scopeName: r.scopeType && r.scopeId ? (found.get(r.scopeType)?.get(r.scopeId) ?? null) : null,
  }));
}
