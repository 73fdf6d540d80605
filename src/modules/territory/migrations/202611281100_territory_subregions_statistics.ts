// OWES subregions with validity periods, gmina statistics and the uploads awaiting confirmation
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const subregionsStatisticsMigration: ModuleMigration = {
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
};
