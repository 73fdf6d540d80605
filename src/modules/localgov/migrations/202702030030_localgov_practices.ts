// Good practices of local governments: a short article linked to a gmina or powiat, the registry
// entities involved and the measure it illustrates.
import type { ModuleMigration } from '../../../core/module.js';

export const localgovPracticesMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('localgov_practices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('unit_teryt', 'text', (c) => c.notNull())
      .addColumn('measure', 'text', (c) => c.notNull())
      .addColumn('entity_ids', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .execute();
    await db.schema.createIndex('localgov_practices_unit').on('localgov_practices').column('unit_teryt').execute();
  },
};
