// The portal's content: pages, news, documents with their files kept in the database, media and the
// versions of edited content. Binary columns use the seam's type (blob / bytea); searchable tables get
// a `search_doc` column and a full-text index through the seam.
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const portalContentMigration: ModuleMigration = {
  async up(db, seam) {
    await db.schema
      .createTable('media')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('byte_size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('data', seam.binaryType, (c) => c.notNull())
      .addColumn('original_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .execute();

    await db.schema
      .createTable('pages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('parent_id', 'text', (c) => c.references('pages.id'))
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull().unique())
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('title_pl', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text')
      .addColumn('body_pl', 'text', (c) => c.notNull())
      .addColumn('body_en', 'text')
      .addColumn('is_published', 'boolean', (c) => c.notNull())
      .addColumn('publish_at', 'text')
      .addColumn('title_sort', 'text', (c) => c.notNull())
      .addColumn('search_doc', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pages_parent').on('pages').columns(['parent_id', 'position']).execute();
    await seam.createFtsIndex(db, { table: 'pages', column: 'search_doc' });

    await db.schema
      .createTable('news')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('title_pl', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text')
      .addColumn('lead_pl', 'text', (c) => c.notNull())
      .addColumn('lead_en', 'text')
      .addColumn('body_pl', 'text', (c) => c.notNull())
      .addColumn('body_en', 'text')
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('image_id', 'text', (c) => c.references('media.id'))
      .addColumn('image_alt_pl', 'text')
      .addColumn('image_alt_en', 'text')
      .addColumn('is_published', 'boolean', (c) => c.notNull())
      .addColumn('publish_at', 'text')
      .addColumn('search_doc', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('news_published').on('news').columns(['is_published', 'publish_at']).execute();
    await seam.createFtsIndex(db, { table: 'news', column: 'search_doc' });

    await db.schema
      .createTable('content_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('item_type', 'text', (c) => c.notNull().check(sql`item_type in ('page', 'news')`))
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addUniqueConstraint('content_versions_item_number', ['item_type', 'item_id', 'number'])
      .execute();

    await db.schema
      .createTable('documents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title_pl', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text')
      .addColumn('description_pl', 'text', (c) => c.notNull())
      .addColumn('description_en', 'text')
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('doc_date', 'text', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('is_accessible', 'boolean', (c) => c.notNull())
      .addColumn('is_published', 'boolean', (c) => c.notNull())
      .addColumn('title_sort', 'text', (c) => c.notNull())
      .addColumn('search_doc', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('documents_category').on('documents').columns(['category', 'doc_date']).execute();
    await seam.createFtsIndex(db, { table: 'documents', column: 'search_doc' });

    await db.schema
      .createTable('document_files')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('label_pl', 'text', (c) => c.notNull())
      .addColumn('label_en', 'text')
      .addColumn('version_date', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('byte_size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('data', seam.binaryType, (c) => c.notNull())
      .addColumn('download_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .execute();
    await db.schema.createIndex('document_files_document').on('document_files').columns(['document_id', 'version_date']).execute();
  },
};
