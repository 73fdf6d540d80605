// Queries of the site module.
import type { Insertable } from 'kysely';
import type { Db } from '../../core/db/database.js';
import type { HolidayRule } from './office-hours.js';
import type { PublicHolidayRulesTable } from './site.tables.js';

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
