// Queries of the site module: holiday rules and the institution's logo.
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Db } from '../../core/db/database.js';
import type { Database } from '../../core/db/schema.js';
import type { HolidayRule } from './office-hours.js';
import type { InstitutionLogoTable, PublicHolidayRulesTable } from './site.tables.js';

export type Executor = Kysely<Database> | Transaction<Database>;
/** The logo without its bytes: what the header and the conditional answers need. */
export type LogoHead = Omit<Selectable<InstitutionLogoTable>, 'data'>;
/** The one row the logo table holds. */
export const LOGO_ROW = 'logo';

/** Inserts missing rules and refreshes existing ones; returns how many were new. */
export async function upsertHolidayRules(db: Db, rules: Insertable<PublicHolidayRulesTable>[]): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const existing = new Set((await trx.selectFrom('public_holiday_rules').select('id').execute()).map((r) => r.id));
    for (const r of rules) {
      await trx
        .insertInto('public_holiday_rules')
        .values(r)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            name_pl: r.name_pl,
            rule_type: r.rule_type,
            month_day: r.month_day ?? null,
            easter_offset_days: r.easter_offset_days ?? null,
            valid_from: r.valid_from ?? null,
          }),
        )
        .execute();
    }
    return rules.filter((r) => !existing.has(r.id)).length;
  });
}

export async function listHolidayRules(db: Db): Promise<HolidayRule[]> {
  return db.selectFrom('public_holiday_rules').selectAll().orderBy('id').execute();
}

export async function findLogo(db: Executor): Promise<LogoHead | undefined> {
  return db
    .selectFrom('institution_logo')
    .select(['id', 'content_type', 'byte_size', 'sha256', 'width', 'height', 'alt', 'created_by', 'created_at'])
    .where('id', '=', LOGO_ROW)
    .executeTakeFirst();
}

export async function logoBytes(db: Executor): Promise<Buffer> {
  const row = await db.selectFrom('institution_logo').select('data').where('id', '=', LOGO_ROW).executeTakeFirstOrThrow();
  return row.data;
}

/** Replaces the logo (or sets the first one) in one statement. */
export async function putLogo(db: Executor, row: Omit<Insertable<InstitutionLogoTable>, 'id'>): Promise<void> {
  const values = { ...row, id: LOGO_ROW };
  await db
    .insertInto('institution_logo')
    .values(values)
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}

/** Removes the logo; the number of rows removed (0 when none was set). */
export async function deleteLogo(db: Executor): Promise<number> {
  const res = await db.deleteFrom('institution_logo').where('id', '=', LOGO_ROW).executeTakeFirst();
  return Number(res.numDeletedRows);
}
