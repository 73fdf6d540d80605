// The awards of local governments: editions of "Samorząd Przyjazny Ekonomii Społecznej" and
// "Samorząd Rozwijający Ekonomię Społeczną" (silver, gold) with laureates and distinctions.
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const localgovAwardsMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('localgov_awards')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('edition_year', 'integer', (c) => c.notNull())
      .addColumn('award', 'text', (c) => c.notNull().check(sql`award in ('friendly', 'developing')`))
      .addColumn('level', 'text', (c) => c.check(sql`level in ('silver', 'gold')`))
      .addColumn('rank', 'text', (c) => c.notNull().check(sql`rank in ('laureate', 'distinction')`))
      .addColumn('unit_teryt', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .execute();
    await db.schema.createIndex('localgov_awards_unit').on('localgov_awards').column('unit_teryt').execute();
    await db.schema.createIndex('localgov_awards_edition').on('localgov_awards').column('edition_year').execute();
  },
};
