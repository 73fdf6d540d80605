// Schema of the territory module.
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const territoryMigrations: Record<string, ModuleMigration> = {
  '202611270030_territorial_units': {
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
  },
  // OWES subregions with validity periods, gmina statistics and the uploads awaiting confirmation
  '202611281100_territory_subregions_statistics': {
    async up(db) {
      await db.schema
        .createTable('subregions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name_pl', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('valid_from', 'text', (c) => c.notNull())
        .addColumn('valid_to', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addCheckConstraint('subregions_period', sql`valid_to is null or valid_to >= valid_from`)
        .execute();
      await db.schema.createIndex('subregions_code_from').on('subregions').columns(['code', 'valid_from']).unique().execute();
      await db.schema
        .createTable('subregion_members')
        .addColumn('subregion_id', 'text', (c) => c.notNull().references('subregions.id').onDelete('cascade'))
        .addColumn('powiat_teryt', 'text', (c) => c.notNull().references('territorial_units.teryt'))
        .addPrimaryKeyConstraint('subregion_members_pk', ['subregion_id', 'powiat_teryt'])
        .execute();
      await db.schema.createIndex('subregion_members_powiat').on('subregion_members').column('powiat_teryt').execute();
      await db.schema
        .createTable('gmina_statistics')
        .addColumn('teryt', 'text', (c) => c.notNull().references('territorial_units.teryt'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('measure', 'text', (c) => c.notNull().check(sql`measure in ('population', 'registered_unemployed', 'social_assistance')`))
        .addColumn('value', 'integer', (c) => c.notNull().check(sql`value >= 0`))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('uploaded_at', 'text', (c) => c.notNull())
        .addColumn('uploaded_by', 'text')
        .addPrimaryKeyConstraint('gmina_statistics_pk', ['teryt', 'year', 'measure'])
        .execute();
      await db.schema.createIndex('gmina_statistics_year').on('gmina_statistics').columns(['year', 'measure']).execute();
      await db.schema
        .createTable('territory_stat_uploads')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
