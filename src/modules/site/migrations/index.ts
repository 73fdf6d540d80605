// Schema of the site module.
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const siteMigrations: Record<string, ModuleMigration> = {
  '202611270010_public_holiday_rules': {
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
  },
};
