// The institution's logo that an administrator uploads for the page header: one row at most, its
// bytes in the database like every stored file, so backups and several instances need nothing else.
import type { ModuleMigration } from '../../../core/module.js';

export const institutionLogoMigration: ModuleMigration = {
  async up(db, seam) {
    await db.schema
      .createTable('institution_logo')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('data', seam.binaryType, (c) => c.notNull())
      .addColumn('byte_size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('alt', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
