// The purchase share: buyer institutions, one file of yearly spending per buyer and year (unique),
// and the file's rows (deleted with it).
import type { ModuleMigration } from '../../../core/module.js';

export const purchasesMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('purchase_buyers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('powiat', 'text', (c) => c.notNull())
      .addColumn('nip', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('purchase_files')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('buyer_id', 'text', (c) => c.notNull().references('purchase_buyers.id').onDelete('cascade'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('row_count', 'integer', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('uploaded_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('purchase_files_buyer_year', ['buyer_id', 'year'])
      .execute();
    await db.schema
      .createTable('purchase_rows')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('file_id', 'text', (c) => c.notNull().references('purchase_files.id').onDelete('cascade'))
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('nip', 'text')
      .addColumn('supplier', 'text', (c) => c.notNull())
      .addColumn('amount_gr', 'bigint', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('purchase_rows_file').on('purchase_rows').columns(['file_id']).execute();
  },
};
