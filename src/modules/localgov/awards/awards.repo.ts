// Kysely queries of the local governments' awards (no rules).
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../localgov.repo.js';
import type { LocalgovAwardsTable } from '../localgov.tables.js';

export type AwardRow = Selectable<LocalgovAwardsTable>;

export async function listAwards(db: Executor, filter: { year?: number; teryt?: string } = {}): Promise<AwardRow[]> {
  let q = db.selectFrom('localgov_awards').selectAll();
  if (filter.year !== undefined) q = q.where('edition_year', '=', filter.year);
  if (filter.teryt !== undefined) q = q.where('unit_teryt', '=', filter.teryt);
  return q.orderBy('edition_year', 'desc').orderBy('award').orderBy('rank', 'desc').orderBy('id').execute();
}

export async function findAward(db: Executor, id: string): Promise<AwardRow | undefined> {
  return db.selectFrom('localgov_awards').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAward(db: Executor, row: Insertable<LocalgovAwardsTable>): Promise<void> {
  await db.insertInto('localgov_awards').values(row).execute();
}

export async function updateAward(db: Executor, id: string, row: Updateable<LocalgovAwardsTable>): Promise<void> {
  await db.updateTable('localgov_awards').set(row).where('id', '=', id).execute();
}

export async function deleteAward(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('localgov_awards').where('id', '=', id).execute();
}
