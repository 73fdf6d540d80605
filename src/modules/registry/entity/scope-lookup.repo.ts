// The queries behind naming an entity in the role form of user administration (scope-names):
// live (not merged) entities by folded name, by identifier, by id, and a few close names.
import type { Kysely, Transaction } from 'kysely';
import type { DialectSeam } from '../../../core/db/dialect/index.js';
import type { Database } from '../../../core/db/schema.js';
import { FTS } from './registry.repo.js';

type Executor = Kysely<Database> | Transaction<Database>;

const COLUMNS = ['id', 'name', 'gmina_teryt', 'nip', 'krs', 'regon'] as const;
export interface ScopeEntityRow {
  id: string;
  name: string;
  gmina_teryt: string | null;
  nip: string | null;
  krs: string | null;
  regon: string | null;
}

const live = (db: Executor) =>
  db
    .selectFrom('entities')
    .select([...COLUMNS])
    .where('merged_into', 'is', null);

/** Live entities whose folded name (`name_key`) is `key`. */
export function entitiesByNameKey(db: Executor, key: string): Promise<ScopeEntityRow[]> {
  return live(db).where('name_key', '=', key).orderBy('name_sort').orderBy('id').limit(20).execute();
}

/** Live entities carrying this NIP, KRS or REGON (digits only). */
export function entitiesByIdentifier(db: Executor, digits: string): Promise<ScopeEntityRow[]> {
  return live(db)
    .where((eb) => eb.or([eb('nip', '=', digits), eb('krs', '=', digits), eb('regon', '=', digits)]))
    .orderBy('name_sort')
    .orderBy('id')
    .limit(20)
    .execute();
}

/** The live entity with this id. */
export function liveEntityById(db: Executor, id: string): Promise<ScopeEntityRow | undefined> {
  return live(db).where('id', '=', id).executeTakeFirst();
}

/** A few live entities whose words begin with the search terms (close names for an unknown one). */
export function entitiesMatching(db: Executor, seam: DialectSeam, terms: readonly string[], limit: number): Promise<ScopeEntityRow[]> {
  if (terms.length === 0) return Promise.resolve([]);
  return live(db).where(seam.ftsMatch(FTS, terms)).orderBy('name_sort').orderBy('id').limit(limit).execute();
}
