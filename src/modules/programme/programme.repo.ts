// Kysely queries over programmes and their dated status events. No rules here: the life cycle's
// graph, the adoption fields and the single "current" programme are decided in the service.
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import type { ProgrammesTable, ProgrammeStatusEventsTable } from './programme.tables.js';

type Executor = Kysely<Database> | Transaction<Database>;
export type ProgrammeRow = Selectable<ProgrammesTable>;
export type StatusEventRow = Selectable<ProgrammeStatusEventsTable>;

export async function listProgrammes(db: Executor): Promise<ProgrammeRow[]> {
  return db.selectFrom('programmes').selectAll().orderBy('period_from', 'desc').orderBy('title').execute();
}

export async function findProgramme(db: Executor, id: string): Promise<ProgrammeRow | undefined> {
  return db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findProgrammeBySlug(db: Executor, slug: string): Promise<ProgrammeRow | undefined> {
  return db.selectFrom('programmes').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findCurrentProgramme(db: Executor): Promise<ProgrammeRow | undefined> {
  return db.selectFrom('programmes').selectAll().where('is_current', '=', true).executeTakeFirst();
}

export async function insertProgramme(db: Executor, row: Insertable<ProgrammesTable>): Promise<void> {
  await db.insertInto('programmes').values(row).execute();
}

export async function updateProgramme(db: Executor, id: string, patch: Updateable<ProgrammesTable>): Promise<void> {
  await db.updateTable('programmes').set(patch).where('id', '=', id).execute();
}

/** Makes one programme the current one; every other loses the flag in the same statement pair. */
export async function setCurrentProgramme(db: Executor, id: string, now: string): Promise<void> {
  await db
    .updateTable('programmes')
    .set({ is_current: false, updated_at: now })
    .where('is_current', '=', true)
    .where('id', '!=', id)
    .execute();
  await db.updateTable('programmes').set({ is_current: true, updated_at: now }).where('id', '=', id).execute();
}

/** Events of the given programmes in insertion order (the service sorts them for display). */
export async function listStatusEvents(db: Executor, programmeIds: readonly string[]): Promise<StatusEventRow[]> {
  if (programmeIds.length === 0) return [];
  return db
    .selectFrom('programme_status_events')
    .selectAll()
    .where('programme_id', 'in', [...programmeIds])
    .orderBy('occurred_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertStatusEvent(db: Executor, row: Insertable<ProgrammeStatusEventsTable>): Promise<void> {
  await db.insertInto('programme_status_events').values(row).execute();
}

/** When a programme's record and a programme's text last changed (the open dataset's "last changed" is the later). */
export async function lastProgrammeChange(db: Executor): Promise<[string | null, string | null]> {
  const [p, v] = await Promise.all([
    db
      .selectFrom('programmes')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .executeTakeFirst(),
    db
      .selectFrom('programme_versions')
      .select((eb) => eb.fn.max('created_at').as('at'))
      .executeTakeFirst(),
  ]);
  return [p?.at ?? null, v?.at ?? null];
}
