// The localgov module's table: one cooperation record per local government and year.
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const localgovCooperationMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('localgov_cooperation')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('unit_teryt', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('programme', 'text', (c) => c.check(sql`programme in ('yes', 'no')`))
      .addColumn('programme_title', 'text')
      .addColumn('programme_date', 'text')
      .addColumn('programme_url', 'text')
      .addColumn('coordinator', 'text', (c) => c.check(sql`coordinator in ('yes', 'no')`))
      .addColumn('clauses_count', 'integer')
      .addColumn('clauses_value_pln', 'bigint')
      .addColumn('clause_kinds', 'text')
      .addColumn('tasks_count', 'integer')
      .addColumn('tasks_value_pln', 'bigint')
      .addColumn('other_forms', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .execute();
    await db.schema
      .createIndex('localgov_cooperation_unit_year')
      .on('localgov_cooperation')
      .columns(['unit_teryt', 'year'])
      .unique()
      .execute();
    await db.schema.createIndex('localgov_cooperation_year').on('localgov_cooperation').column('year').execute();
  },
};
