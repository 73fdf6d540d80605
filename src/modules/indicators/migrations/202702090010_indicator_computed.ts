// Computed indicators were counted on every page view (grouped counts over the whole registry per
// indicator and open year); their figures are now stored per indicator, year and territory and
// refreshed after writes and by a job (indicators/computed/). Generated annual reports are stored
// per content version and served from the database with an ETag instead of being rendered per
// download. Nothing is computed here: the first refresh after start-up fills the tables.
import type { ModuleMigration } from '../../../core/module.js';

export const indicatorComputedMigration: ModuleMigration = {
  async up(db, seam) {
    await db.schema
      .createTable('indicator_computed_values')
      .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
      .addColumn('period', 'integer', (c) => c.notNull())
      .addColumn('territory_code', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addColumn('as_of', 'text', (c) => c.notNull())
      .addColumn('is_example', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('refreshed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('indicator_computed_values_pk', ['indicator_id', 'period', 'territory_code'])
      .execute();
    await db.schema
      .createTable('indicator_computed_refreshes')
      .addColumn('indicator_id', 'text', (c) => c.primaryKey().references('indicators.id').onDelete('cascade'))
      .addColumn('refreshed_at', 'text', (c) => c.notNull())
      .addColumn('as_of', 'text', (c) => c.notNull())
      .addColumn('signature', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('annual_report_files')
      .addColumn('version', 'text', (c) => c.primaryKey())
      .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('data', seam.binaryType, (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('annual_report_files_programme').on('annual_report_files').columns(['programme_id', 'year']).execute();
  },
};
