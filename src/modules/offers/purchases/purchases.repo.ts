// Kysely queries of the purchase share: buyer institutions, the yearly files (one per buyer and
// year; replacing one deletes its rows by cascade) and their rows.
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database } from '../../../core/db/schema.js';
import type { PurchaseBuyersTable, PurchaseFilesTable, PurchaseRowsTable } from './purchases.tables.js';

export type Executor = Kysely<Database> | Transaction<Database>;
export type BuyerRow = Selectable<PurchaseBuyersTable>;
export type FileRow = Selectable<PurchaseFilesTable>;
export type PurchaseRow = Selectable<PurchaseRowsTable>;

export function listBuyers(db: Executor): Promise<BuyerRow[]> {
  return db.selectFrom('purchase_buyers').selectAll().orderBy('name').orderBy('id').execute();
}

export function findBuyer(db: Executor, id: string): Promise<BuyerRow | undefined> {
  return db.selectFrom('purchase_buyers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertBuyer(db: Executor, row: Insertable<PurchaseBuyersTable>): Promise<void> {
  await db.insertInto('purchase_buyers').values(row).execute();
}

export async function updateBuyer(db: Executor, id: string, row: Updateable<PurchaseBuyersTable>): Promise<void> {
  await db.updateTable('purchase_buyers').set(row).where('id', '=', id).execute();
}

export function filesOf(db: Executor, buyerId: string): Promise<FileRow[]> {
  return db.selectFrom('purchase_files').selectAll().where('buyer_id', '=', buyerId).orderBy('year', 'desc').execute();
}

export function findFile(db: Executor, buyerId: string, year: number): Promise<FileRow | undefined> {
  return db.selectFrom('purchase_files').selectAll().where('buyer_id', '=', buyerId).where('year', '=', year).executeTakeFirst();
}

/** Replaces the buyer's file of that year with a new one and its rows. */
export async function replaceFile(
  db: Executor,
  file: Insertable<PurchaseFilesTable>,
  rows: Insertable<PurchaseRowsTable>[],
): Promise<void> {
  const old = await findFile(db, file.buyer_id, file.year);
  if (old) {
    await db.deleteFrom('purchase_rows').where('file_id', '=', old.id).execute();
    await db.deleteFrom('purchase_files').where('id', '=', old.id).execute();
  }
  await db.insertInto('purchase_files').values(file).execute();
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('purchase_rows')
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function rowsOf(db: Executor, fileId: string): Promise<PurchaseRow[]> {
  const rows = await db.selectFrom('purchase_rows').selectAll().where('file_id', '=', fileId).orderBy('line').execute();
  return rows.map((r) => ({ ...r, amount_gr: Number(r.amount_gr) }));
}

/** Every row with its buyer's powiat and the year (the public aggregates). */
export async function allRows(db: Executor): Promise<{ powiat: string; year: number; nip: string | null; amount_gr: number }[]> {
  const rows = await db
    .selectFrom('purchase_rows as r')
    .innerJoin('purchase_files as f', 'f.id', 'r.file_id')
    .innerJoin('purchase_buyers as b', 'b.id', 'f.buyer_id')
    .select(['b.powiat', 'f.year', 'r.nip', 'r.amount_gr'])
    .execute();
  return rows.map((r) => ({ powiat: r.powiat, year: Number(r.year), nip: r.nip, amount_gr: Number(r.amount_gr) }));
}

/** When any file last changed (the public aggregates' date). */
export async function lastUpload(db: Executor): Promise<string | null> {
  const row = await db.selectFrom('purchase_files').select('uploaded_at').orderBy('uploaded_at', 'desc').limit(1).executeTakeFirst();
  return row?.uploaded_at ?? null;
}

/** The names of those of `ids` that exist (the names of scoped roles' scopes, on account pages). */
export async function buyerNamesByIds(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('purchase_buyers')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
