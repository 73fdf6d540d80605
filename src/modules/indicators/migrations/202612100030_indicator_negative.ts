// Most indicators count things; a value below zero is then a typing mistake the form refuses, unless
// the indicator allows negative values (a change or a balance). Written when indicators were part of
// the programme module: databases recorded it as `202612100030_indicator_negative__programme`.
import type { ModuleMigration } from '../../../core/module.js';

export const indicatorNegativeMigration: ModuleMigration = {
  recordedUnder: 'programme',
  async up(db) {
    await db.schema
      .alterTable('indicators')
      .addColumn('is_negative_allowed', 'boolean', (c) => c.notNull().defaultTo(false))
      .execute();
  },
};
