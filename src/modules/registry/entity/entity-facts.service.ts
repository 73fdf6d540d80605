// What other modules may know of entities they attach things to (offers, events): name, legal form,
// seat, public contact, whether it is listed at all, and its PS status and valid "Zakup
// Prospołeczny" mark on today's Warsaw date by the same rules as the catalogue (registry.repo's
// psHolders/markHolders). Read for a set of ids at once, so a list costs one statement.
import type { ModuleContext } from '../../../core/module.js';
import { queryTerms } from '../../../core/search/index.js';
import { warsawToday } from '../../../core/time/index.js';
import { entityIdsByNip } from './nip-lookup.repo.js';
import { entityNameKey } from './name-key.js';
import * as repo from './registry.repo.js';
import { entityPath } from './registry.service.js';
import type { LegalForm } from './registry.tables.js';

export interface EntityFacts {
  id: string;
  name: string;
  legalForm: LegalForm;
  gminaTeryt: string | null;
  town: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  /** False for closed or merged records: their things are not offered in their name. */
  isListed: boolean;
  /** Holds the PS status now. */
  isPs: boolean;
  /** Holds a "Zakup Prospołeczny" mark valid today (known dates only). */
  hasValidMark: boolean;
  /** Synthetic (example) record: everything shown with it carries the label. */
  isExample: boolean;
  path: string;
}

/** Facts of the entities of `ids` that exist, by id. */
export async function entityFacts(ctx: Pick<ModuleContext, 'db' | 'clock'>, ids: readonly string[]): Promise<Map<string, EntityFacts>> {
  const rows = await repo.entityFacts(ctx.db, [...new Set(ids)], warsawToday(ctx.clock));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        legalForm: r.legal_form as LegalForm,
        gminaTeryt: r.gmina_teryt,
        town: r.town,
        email: r.email,
        phone: r.phone,
        website: r.website,
        isListed: r.lifecycle !== 'closed' && r.merged_into === null,
        isPs: Number(r.p) === 1,
        hasValidMark: Number(r.m) === 1,
        isExample: r.is_synthetic,
        path: entityPath(r),
      },
    ]),
  );
}

/** The id of the entity named exactly `name` (seeds of other modules find demo entities by name). */
export function entityIdByName(ctx: Pick<ModuleContext, 'db'>, name: string): Promise<string | undefined> {
  return repo.entityIdByName(ctx.db, name);
}

/** Registry entities carrying these NIPs (10 digits), id by NIP (the purchase share recognises suppliers by it). */
export function entitiesByNip(ctx: Pick<ModuleContext, 'db'>, nips: readonly string[]): Promise<Map<string, string>> {
  return entityIdsByNip(ctx.db, nips);
}

/** An entity as a name lookup offers it: its name and seat's town (to tell namesakes apart). */
export interface NamedEntity {
  id: string;
  name: string;
  town: string | null;
}

/**
 * The entities a typed name may mean, for forms where a person names entities (never by id):
 * `found` — those whose name is this name (letter case, Polish letters and punctuation aside; "Name
 * (town)" picks a namesake by its seat's town) — and, when none is, `near`: up to five whose name
 * contains the typed words. One entity found is an answer; several are namesakes to choose from.
 */
export async function entitiesNamed(
  ctx: Pick<ModuleContext, 'db' | 'database'>,
  typed: string,
): Promise<{ found: NamedEntity[]; near: NamedEntity[] }> {
  const lookup = async (name: string) => {
    const rows = await repo.entitiesMatchingTerms(ctx.db, ctx.database.seam, queryTerms(name), 50);
    const key = entityNameKey(name);
    return { rows, same: rows.filter((r) => (r.name_key ?? entityNameKey(r.name)) === key) };
  };
  const plain = (r: NamedEntity) => ({ id: r.id, name: r.name, town: r.town });
  let { rows, same } = await lookup(typed);
  const withTown = /^(.+?)\s*\(([^()]+)\)$/u.exec(typed.trim());
  if (same.length === 0 && withTown) {
    ({ rows, same } = await lookup(withTown[1]!));
    const town = entityNameKey(withTown[2]!);
    same = same.filter((r) => r.town !== null && entityNameKey(r.town) === town);
  }
  return { found: same.map(plain), near: same.length ? [] : rows.slice(0, 5).map(plain) };
}
