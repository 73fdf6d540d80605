// Kysely access to the CPV vocabulary table: the labels of some codes, and saving imported rows.
import type { Kysely } from 'kysely';
import type { Database } from '../../../core/db/schema.js';
import type { CpvCodesTable } from './cpv.tables.js';

/** Stored rows of the given codes, by code. */
export async function cpvRows(db: Kysely<Database>, codes: readonly string[]): Promise<Map<string, CpvCodesTable>> {
  const out = new Map<string, CpvCodesTable>();
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500);
    const rows = await db.selectFrom('cpv_codes').selectAll().where('code', 'in', chunk).execute();
    for (const r of rows) out.set(r.code, r);
  }
  return out;
}

/** Inserts new codes and rewrites the labels of known ones. */
export async function upsertCpv(db: Kysely<Database>, rows: readonly CpvCodesTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('cpv_codes')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          label_pl: eb.ref('excluded.label_pl'),
          label_en: eb.ref('excluded.label_en'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}
