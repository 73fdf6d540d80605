// Kysely queries of the staff record screens: places of activity, PS status entries, marks and
// employment figures of one entity. Entities themselves are read and written through
// registry.repo (which keeps their derived columns and side tables in step). No rules here.
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database } from '../../../core/db/schema.js';
import type { EntityEmploymentTable } from './record.tables.js';
import type { EntityMarksTable, EntityPlacesTable, EntityPsStatusTable } from './registry.tables.js';

type Executor = Kysely<Database> | Transaction<Database>;
export type PlaceRow = Selectable<EntityPlacesTable>;
export type PsEntryRow = Selectable<EntityPsStatusTable>;
export type MarkRow = Selectable<EntityMarksTable>;
export type EmploymentRow = Selectable<EntityEmploymentTable>;

// --- places ------------------------------------------------------------------------------------

export async function listPlaces(db: Executor, entityId: string): Promise<PlaceRow[]> {
  return db.selectFrom('entity_places').selectAll().where('entity_id', '=', entityId).orderBy('town').orderBy('id').execute();
}

export async function findPlace(db: Executor, entityId: string, id: string): Promise<PlaceRow | undefined> {
  return db.selectFrom('entity_places').selectAll().where('entity_id', '=', entityId).where('id', '=', id).executeTakeFirst();
}

export async function insertPlace(db: Executor, row: Insertable<EntityPlacesTable>): Promise<void> {
  await db.insertInto('entity_places').values(row).execute();
}

export async function updatePlace(db: Executor, entityId: string, id: string, row: Updateable<EntityPlacesTable>): Promise<void> {
  await db.updateTable('entity_places').set(row).where('entity_id', '=', entityId).where('id', '=', id).execute();
}

export async function deletePlace(db: Executor, entityId: string, id: string): Promise<void> {
  await db.deleteFrom('entity_places').where('entity_id', '=', entityId).where('id', '=', id).execute();
}

// --- PS status ---------------------------------------------------------------------------------

export async function findPsEntry(db: Executor, entityId: string, id: string): Promise<PsEntryRow | undefined> {
  return db.selectFrom('entity_ps_status').selectAll().where('entity_id', '=', entityId).where('id', '=', id).executeTakeFirst();
}

export async function updatePsEntry(db: Executor, entityId: string, id: string, row: Updateable<EntityPsStatusTable>): Promise<void> {
  await db.updateTable('entity_ps_status').set(row).where('entity_id', '=', entityId).where('id', '=', id).execute();
}

export async function deletePsEntry(db: Executor, entityId: string, id: string): Promise<void> {
  await db.deleteFrom('entity_ps_status').where('entity_id', '=', entityId).where('id', '=', id).execute();
}

// --- marks -------------------------------------------------------------------------------------

export async function findMark(db: Executor, entityId: string, id: string): Promise<MarkRow | undefined> {
  return db.selectFrom('entity_marks').selectAll().where('entity_id', '=', entityId).where('id', '=', id).executeTakeFirst();
}

export async function updateMark(db: Executor, entityId: string, id: string, row: Updateable<EntityMarksTable>): Promise<void> {
  await db.updateTable('entity_marks').set(row).where('entity_id', '=', entityId).where('id', '=', id).execute();
}

export async function deleteMark(db: Executor, entityId: string, id: string): Promise<void> {
  await db.deleteFrom('entity_marks').where('entity_id', '=', entityId).where('id', '=', id).execute();
}

// --- employment --------------------------------------------------------------------------------

/** Newest year first. */
export async function listEmployment(db: Executor, entityId: string): Promise<EmploymentRow[]> {
  return db.selectFrom('entity_employment').selectAll().where('entity_id', '=', entityId).orderBy('year', 'desc').execute();
}

export async function findEmployment(db: Executor, entityId: string, year: number): Promise<EmploymentRow | undefined> {
  return db.selectFrom('entity_employment').selectAll().where('entity_id', '=', entityId).where('year', '=', year).executeTakeFirst();
}

export async function insertEmployment(db: Executor, row: Insertable<EntityEmploymentTable>): Promise<void> {
  await db.insertInto('entity_employment').values(row).execute();
}

export async function updateEmployment(
  db: Executor,
  entityId: string,
  year: number,
  row: Updateable<EntityEmploymentTable>,
): Promise<void> {
  await db.updateTable('entity_employment').set(row).where('entity_id', '=', entityId).where('year', '=', year).execute();
}

export async function deleteEmployment(db: Executor, entityId: string, year: number): Promise<void> {
  await db.deleteFrom('entity_employment').where('entity_id', '=', entityId).where('year', '=', year).execute();
}

// --- field history -----------------------------------------------------------------------------

/** The newest 200 changes with the display name of who made each (null: a system load or a removed account). */
export async function listChangesWithAuthors(db: Executor, entityId: string) {
  return (
    db
      .selectFrom('entity_changes')
      .leftJoin('users', 'users.id', 'entity_changes.user_id')
      // an accepted proposal of a representative: the proposer besides the verifying staff member
      .leftJoin('users as proposers', 'proposers.id', 'entity_changes.proposed_by')
      .select([
        'entity_changes.id',
        'entity_changes.at',
        'entity_changes.field',
        'entity_changes.old_value',
        'entity_changes.new_value',
        'users.display_name as author',
        'proposers.display_name as proposer',
      ])
      .where('entity_changes.entity_id', '=', entityId)
      .orderBy('entity_changes.at', 'desc')
      .orderBy('entity_changes.id', 'desc')
      .limit(200)
      .execute()
  );
}

/** The display name of a user (who checked an entity's activity); null for a removed account. */
export async function userDisplayName(db: Executor, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
  return row?.display_name ?? null;
}

/** The status entries of the given entities (one page of the staff list), oldest decision first per entity. */
export async function listPsEntriesOf(db: Executor, entityIds: readonly string[]): Promise<PsEntryRow[]> {
  if (entityIds.length === 0) return [];
  return db
    .selectFrom('entity_ps_status')
    .selectAll()
    .where('entity_id', 'in', entityIds)
    .orderBy('entity_id')
    .orderBy('decision_date')
    .execute();
}

/** The latest year's figures of each of the entities that has any. */
export async function listLatestEmploymentOf(db: Executor, entityIds: readonly string[]): Promise<EmploymentRow[]> {
  if (entityIds.length === 0) return [];
  return db
    .selectFrom('entity_employment as e')
    .selectAll('e')
    .where('e.entity_id', 'in', entityIds)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('entity_employment as n').select('n.id').whereRef('n.entity_id', '=', 'e.entity_id').whereRef('n.year', '>', 'e.year'),
        ),
      ),
    )
    .execute();
}
