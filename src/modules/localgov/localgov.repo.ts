// Kysely queries of the localgov module (no rules).
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import type { LocalgovCooperationTable } from './localgov.tables.js';

export type Executor = Kysely<Database> | Transaction<Database>;
export type CooperationRow = Selectable<LocalgovCooperationTable>;

export async function listByYear(db: Executor, year: number): Promise<CooperationRow[]> {
  return db.selectFrom('localgov_cooperation').selectAll().where('year', '=', year).execute();
}

export async function listOfUnit(db: Executor, teryt: string): Promise<CooperationRow[]> {
  return db.selectFrom('localgov_cooperation').selectAll().where('unit_teryt', '=', teryt).orderBy('year', 'desc').execute();
}

export async function findOne(db: Executor, id: string): Promise<CooperationRow | undefined> {
  return db.selectFrom('localgov_cooperation').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findByUnitYear(db: Executor, teryt: string, year: number): Promise<CooperationRow | undefined> {
  return db.selectFrom('localgov_cooperation').selectAll().where('unit_teryt', '=', teryt).where('year', '=', year).executeTakeFirst();
}

export async function years(db: Executor): Promise<number[]> {
  const rows = await db.selectFrom('localgov_cooperation').select('year').distinct().orderBy('year', 'desc').execute();
  return rows.map((r) => Number(r.year));
}

export async function insert(db: Executor, row: Insertable<LocalgovCooperationTable>): Promise<void> {
  await db.insertInto('localgov_cooperation').values(row).execute();
}

export async function update(db: Executor, id: string, row: Updateable<LocalgovCooperationTable>): Promise<void> {
  await db.updateTable('localgov_cooperation').set(row).where('id', '=', id).execute();
}

export async function remove(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('localgov_cooperation').where('id', '=', id).execute();
}

/** When a cooperation record was last entered or corrected: the open dataset's "last changed". */
export async function lastRecordChange(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('localgov_cooperation')
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .executeTakeFirst();
  return row?.at ?? null;
}
