// The TERYT units of the voivodeship (voivodeship, powiaty, gminy) and their boundaries.
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const territorialUnitsMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('territorial_units')
      .addColumn('teryt', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('wojewodztwo', 'powiat', 'gmina')`))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_sort', 'text', (c) => c.notNull())
      .addColumn('gmina_type', 'integer')
      .addColumn('parent_teryt', 'text', (c) => c.references('territorial_units.teryt'))
      .execute();
    await db.schema.createIndex('territorial_units_kind_sort').on('territorial_units').columns(['kind', 'name_sort']).execute();
    await db.schema.createIndex('territorial_units_parent').on('territorial_units').column('parent_teryt').execute();
    await db.schema
      .createTable('unit_boundaries')
      .addColumn('teryt', 'text', (c) => c.primaryKey().references('territorial_units.teryt').onDelete('cascade'))
      .addColumn('geometry', 'text', (c) => c.notNull())
      .execute();
  },
};
