// Kysely queries of the local governments' good practices (no rules).
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../localgov.repo.js';
import type { LocalgovPracticesTable } from '../localgov.tables.js';

export type PracticeRow = Selectable<LocalgovPracticesTable>;

export async function listPractices(db: Executor, filter: { teryt?: string } = {}): Promise<PracticeRow[]> {
  let q = db.selectFrom('localgov_practices').selectAll();
  if (filter.teryt !== undefined) q = q.where('unit_teryt', '=', filter.teryt);
  return q.orderBy('created_at', 'desc').orderBy('id').execute();
}

export async function findPractice(db: Executor, id: string): Promise<PracticeRow | undefined> {
  return db.selectFrom('localgov_practices').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPractice(db: Executor, row: Insertable<LocalgovPracticesTable>): Promise<void> {
  await db.insertInto('localgov_practices').values(row).execute();
}

export async function updatePractice(db: Executor, id: string, row: Updateable<LocalgovPracticesTable>): Promise<void> {
  await db.updateTable('localgov_practices').set(row).where('id', '=', id).execute();
}
