// Kysely queries of the import and data-quality work: lookups of identifiers and folded names in
// bulk (import checks), import jobs, suspected duplicate groups, dismissed pairs, and moving an
// entity's dependent rows to another entity (merge). No rules here.
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database } from '../../../core/db/schema.js';
import type { EntityDuplicateDismissalsTable, EntityImportsTable } from './quality.tables.js';
import { touchCatalogue } from '../entity/registry.repo.js';
import './quality.tables.js';

export type Executor = Kysely<Database> | Transaction<Database>;
export type ImportRow = Selectable<EntityImportsTable>;

/** Which of `values` some entity already holds in `field`. */
export async function existingIdentifiers(db: Executor, field: 'nip' | 'regon' | 'krs', values: readonly string[]): Promise<Set<string>> {
  if (values.length === 0) return new Set();
  const rows = await db
    .selectFrom('entities')
    .select(field)
    .where(field, 'in', [...new Set(values)])
    .execute();
  return new Set(rows.map((r) => r[field]!));
}

/** `gmina|name_key` of the live (not merged) entities whose folded name is one of `keys`. */
export async function existingNameKeys(db: Executor, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('entities')
    .select(['gmina_teryt', 'name_key'])
    .where('name_key', 'in', [...new Set(keys)])
    .where('gmina_teryt', 'is not', null)
    .where('merged_into', 'is', null)
    .execute();
  return new Set(rows.map((r) => `${r.gmina_teryt}|${r.name_key}`));
}

// --- import jobs --------------------------------------------------------------------------------

export async function insertImport(db: Executor, row: Insertable<EntityImportsTable>): Promise<void> {
  await db.insertInto('entity_imports').values(row).execute();
}

export async function findImport(db: Executor, id: string): Promise<ImportRow | undefined> {
  return db.selectFrom('entity_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateImport(db: Executor, id: string, row: Updateable<EntityImportsTable>): Promise<void> {
  await db.updateTable('entity_imports').set(row).where('id', '=', id).execute();
}

/** Moves a job from one status to the next only if it is still in the first (a double click starts it once). */
export async function claimImport(
  db: Executor,
  id: string,
  from: EntityImportsTable['status'],
  row: Updateable<EntityImportsTable>,
): Promise<boolean> {
  const res = await db.updateTable('entity_imports').set(row).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function listImports(db: Executor, limit: number): Promise<Omit<ImportRow, 'content' | 'problems' | 'headers' | 'mapping'>[]> {
  return db
    .selectFrom('entity_imports')
    .select([
      'id',
      'file_name',
      'encoding',
      'delimiter',
      'status',
      'total_rows',
      'ok_rows',
      'refused_rows',
      'processed_rows',
      'imported_rows',
      'error',
      'created_by',
      'created_at',
      'updated_at',
      'finished_at',
    ])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

// --- duplicates ---------------------------------------------------------------------------------

export interface DuplicateMember {
  id: string;
  name: string;
  gmina_teryt: string;
  name_key: string;
  legal_form: string;
  town: string | null;
  nip: string | null;
  regon: string | null;
  krs: string | null;
  lifecycle: string;
  created_at: string;
}

/** Live entities sharing a folded name within a gmina, for at most `limit` groups. */
export async function suspectedGroups(db: Executor, limit: number): Promise<DuplicateMember[]> {
  const groups = await db
    .selectFrom('entities')
    .select(['gmina_teryt', 'name_key'])
    .where('name_key', 'is not', null)
    .where('gmina_teryt', 'is not', null)
    .where('merged_into', 'is', null)
    .groupBy(['gmina_teryt', 'name_key'])
    .having((eb) => eb.fn.countAll(), '>', 1)
    .orderBy('name_key')
    .orderBy('gmina_teryt')
    .limit(limit)
    .execute();
  if (groups.length === 0) return [];
  const rows = await db
    .selectFrom('entities')
    .select(['id', 'name', 'gmina_teryt', 'name_key', 'legal_form', 'town', 'nip', 'regon', 'krs', 'lifecycle', 'created_at'])
    .where('merged_into', 'is', null)
    .where('name_key', 'in', [...new Set(groups.map((g) => g.name_key!))])
    .where('gmina_teryt', 'in', [...new Set(groups.map((g) => g.gmina_teryt!))])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const wanted = new Set(groups.map((g) => `${g.gmina_teryt}|${g.name_key}`));
  return rows.filter((r) => wanted.has(`${r.gmina_teryt}|${r.name_key}`)) as DuplicateMember[];
}

export async function dismissalsAmong(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('entity_duplicate_dismissals')
    .select(['entity_a', 'entity_b'])
    .where('entity_a', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => `${r.entity_a}|${r.entity_b}`));
}

export async function isDismissed(db: Executor, a: string, b: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('entity_duplicate_dismissals')
      .select('id')
      .where('entity_a', '=', a)
      .where('entity_b', '=', b)
      .executeTakeFirst()) !== undefined
  );
}

export async function insertDismissal(db: Executor, row: Insertable<EntityDuplicateDismissalsTable>): Promise<void> {
  await db
    .insertInto('entity_duplicate_dismissals')
    .values(row)
    .onConflict((oc) => oc.columns(['entity_a', 'entity_b']).doNothing())
    .execute();
}

/**
 * Re-points the dependent rows of `from` to `to`: places, PS history, marks, field history, claims
 * and proposals, and employment for years `to` has no figures of (one row per entity and year;
 * the kept record's figures win and the other's stay with the closed record).
 */
export async function moveDependents(db: Executor, from: string, to: string): Promise<void> {
  for (const table of [
    'entity_places',
    'entity_ps_status',
    'entity_marks',
    'entity_changes',
    'entity_claims',
    'entity_proposals',
  ] as const) {
    await db.updateTable(table).set({ entity_id: to }).where('entity_id', '=', from).execute();
  }
  await db
    .updateTable('entity_employment')
    .set({ entity_id: to })
    .where('entity_id', '=', from)
    .where('year', 'not in', db.selectFrom('entity_employment as k').select('k.year').where('k.entity_id', '=', to))
    .execute();
  touchCatalogue();
}
