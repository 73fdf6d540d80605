// Data migration: recomputes the search columns of every stored entity. The search document gained
// words (the legal forms' abbreviations CIS, KIS, ZAZ, WTZ, KGW, OSP…) that rows saved earlier do
// not have until someone edits them, so `cis` would not find an older centre.
//
// It calls the builders every writer uses (`entitySearchDocument`, `nameDocument`) instead of a
// frozen copy: the point is to make stored rows equal to what the service would write today, and
// the catalogue migration (202612050010) already imports `nameDocument` the same way. Should the
// builders change again, running this refresh again (a new key calling `refreshEntitySearchColumns`)
// is the way to carry the change to old rows.
//
// Rows are read in id order, 1000 at a time (memory stays flat), and only the rows whose columns
// differ are written, one UPDATE per batch. The Migrator already runs the migration in a
// transaction on both databases, so no transaction is opened here. The FTS index follows on its
// own: SQLite's external-content FTS5 table through its update trigger, PostgreSQL's GIN
// expression index as part of the row update.
import { sql, type Kysely } from 'kysely';
import type { Db } from '../../../core/db/database.js';
import type { ModuleMigration } from '../../../core/module.js';
import { listUnits } from '../../territory/index.js';
import { nameDocument } from '../catalogue/registry.sectors.js';
import { entitySearchDocument } from '../entity/registry.service.js';
import type { LegalForm } from '../entity/registry.tables.js';

export const SEARCH_REFRESH_BATCH = 1000;

interface Row {
  id: string;
  name: string;
  short_name: string | null;
  town: string | null;
  description: string | null;
  legal_form: LegalForm;
  activity_type: string | null;
  sectors: string;
  gmina_teryt: string | null;
  search_doc: string;
  name_doc: string;
}

/** `case id when … then … end` over one batch: one statement, portable, well under the parameter limits. */
function byId(rows: readonly { id: string; value: string }[]) {
  return sql<string>`case ${sql.ref('id')} ${sql.join(
    rows.map((r) => sql`when ${r.id} then ${r.value}`),
    sql` `,
  )} end`;
}

/**
 * Rewrites `search_doc` and `name_doc` of every entity whose stored value differs from what the
 * builders give now; returns how many rows were written (0 on an empty or up-to-date table).
 */
export async function refreshEntitySearchColumns(db: Kysely<any>, batchSize = SEARCH_REFRESH_BATCH): Promise<number> {
  // the same names the service passes (powiaty and gminy by TERYT)
  const units = [...(await listUnits(db as Db, 'powiat')), ...(await listUnits(db as Db, 'gmina'))];
  const names = new Map(units.map((u) => [u.teryt, u.name]));
  let after: string | null = null;
  let written = 0;
  for (;;) {
    let q = db
      .selectFrom('entities')
      .select([
        'id',
        'name',
        'short_name',
        'town',
        'description',
        'legal_form',
        'activity_type',
        'sectors',
        'gmina_teryt',
        'search_doc',
        'name_doc',
      ])
      .orderBy('id')
      .limit(batchSize);
    if (after !== null) q = q.where('id', '>', after);
    const rows = (await q.execute()) as Row[];
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const changed = rows
      .map((r) => ({
        id: r.id,
        search: entitySearchDocument(r, r.gmina_teryt ? (names.get(r.gmina_teryt) ?? null) : null),
        name: nameDocument(r.name, r.short_name),
        old: r,
      }))
      .filter((c) => c.search !== c.old.search_doc || c.name !== c.old.name_doc);
    if (changed.length > 0) {
      await db
        .updateTable('entities')
        .set({
          search_doc: byId(changed.map((c) => ({ id: c.id, value: c.search }))),
          name_doc: byId(changed.map((c) => ({ id: c.id, value: c.name }))),
        })
        .where(
          'id',
          'in',
          changed.map((c) => c.id),
        )
        .execute();
      written += changed.length;
    }
    if (rows.length < batchSize) break;
  }
  return written;
}

export const searchRefreshMigration: ModuleMigration = {
  async up(db) {
    await refreshEntitySearchColumns(db);
  },
};
