// The entities a local government founded or co-founded, as people give them: by name, one per line,
// never by id. Each name is looked up in the registry (registry's `entitiesNamed`, through its
// index.ts): one entity of that name is the answer; namesakes are listed to choose from as
// "Name (town)"; an unknown name is refused with the registry's close names. Used by the staff
// record form and the local governments' survey answers alike.
import type { ModuleContext } from '../../core/module.js';
import type { FormChecker } from '../../core/validation.js';
import type { TKey } from '../../i18n/index.js';
import { entitiesNamed, entityFacts, type NamedEntity } from '../registry/index.js';

export const MAX_FOUNDED = 20;
const MAX_NAME = 300;

const choice = (e: NamedEntity) => (e.town ? `${e.name} (${e.town})` : e.name);

/**
 * The registry ids of the entities typed in `field` (one name per line), or null when the field is
 * empty (unknown). Every name that does not resolve to exactly one entity adds a problem naming the
 * candidates; the caller's `assertValid()` then refuses the whole form.
 */
export async function checkEntityNames(
  ctx: Pick<ModuleContext, 'db' | 'database'>,
  f: FormChecker,
  field: string,
  label: TKey,
): Promise<string[] | null> {
  const names = [
    ...new Set(
      f
        .text(field)
        .split('\n')
        .map((n) => n.trim())
        .filter(Boolean),
    ),
  ];
  if (names.length === 0) return null;
  if (names.length > MAX_FOUNDED) {
    f.add(field, label, 'localgov.problem.entityCount', { count: MAX_FOUNDED });
    return null;
  }
  const ids: string[] = [];
  for (const name of names) {
    const shown = name.slice(0, 100);
    if (name.length > MAX_NAME) {
      f.add(field, label, 'validation.tooLong', { count: MAX_NAME });
      continue;
    }
    const { found, near } = await entitiesNamed(ctx, name);
    if (found.length === 1) {
      if (!ids.includes(found[0]!.id)) ids.push(found[0]!.id);
    } else if (found.length > 1)
      f.add(field, label, 'localgov.problem.entityAmbiguous', { name: shown, candidates: found.slice(0, 8).map(choice).join('; ') });
    else if (near.length > 0) f.add(field, label, 'localgov.problem.entityNear', { name: shown, candidates: near.map(choice).join('; ') });
    else f.add(field, label, 'localgov.problem.entityUnknown', { name: shown });
  }
  return ids;
}

/** A founded entity as the registry knows it today: its name, page and whether it is example data. */
export interface FoundedEntity {
  id: string;
  name: string;
  path: string;
  isExample: boolean;
}

/** Stored ids (a JSON array) as the registry knows them today: name and page, in the stored order. */
export async function foundedEntities(ctx: Pick<ModuleContext, 'db' | 'clock'>, stored: string | null): Promise<FoundedEntity[]> {
  return (await foundedEntitiesOfMany(ctx, [stored]))[0]!;
}

/**
 * The same for many stored values at once (a year's table: one registry look-up for every row), in
 * the given order; an id the registry no longer knows is left out.
 */
export async function foundedEntitiesOfMany(
  ctx: Pick<ModuleContext, 'db' | 'clock'>,
  stored: readonly (string | null)[],
): Promise<FoundedEntity[][]> {
  const idLists = stored.map(parseIds);
  const all = idLists.flat();
  const facts = all.length ? await entityFacts(ctx, all) : new Map<string, never>();
  return idLists.map((ids) =>
    ids.flatMap((id) => {
      const e = facts.get(id);
      return e ? [{ id, name: e.name, path: e.path, isExample: e.isExample }] : [];
    }),
  );
}

/** The names to put back in a form (one per line): a namesake's with its town, so it resolves again. */
export async function entityNamesText(ctx: Pick<ModuleContext, 'db' | 'clock' | 'database'>, stored: string | null): Promise<string> {
  const out: string[] = [];
  for (const e of await foundedEntities(ctx, stored)) {
    const { found } = await entitiesNamed(ctx, e.name);
    const mine = found.find((x) => x.id === e.id);
    out.push(found.length > 1 && mine ? choice(mine) : e.name);
  }
  return out.join('\n');
}

export function parseIds(stored: string | null): string[] {
  if (!stored) return [];
  try {
    const v: unknown = JSON.parse(stored);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
