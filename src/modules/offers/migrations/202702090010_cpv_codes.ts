// The CPV vocabulary with its labels, loaded by `spojnia import cpv FILE` from the official file an
// operator provides (the full vocabulary is not shipped); empty until then, and pages show bare codes.
import type { ModuleMigration } from '../../../core/module.js';

export const cpvCodesMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('cpv_codes')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('label_pl', 'text', (c) => c.notNull())
      .addColumn('label_en', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
