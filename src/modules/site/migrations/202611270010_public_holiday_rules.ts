// The site's public holiday rules (fixed dates and Easter-relative ones), read by the open-now
// sentence of the office hours.
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const publicHolidayRulesMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('public_holiday_rules')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name_pl', 'text', (c) => c.notNull())
      .addColumn('rule_type', 'text', (c) => c.notNull().check(sql`rule_type in ('fixed', 'easter')`))
      .addColumn('month_day', 'text')
      .addColumn('easter_offset_days', 'integer')
      .addColumn('valid_from', 'text')
      .execute();
  },
};
