// The offers module's tables: offers with their text index, the areas they serve, their photos (bytes
// in the database, like every stored file) and enquiries (personal fields nullable: erased after six months).
import type { ModuleMigration } from '../../../core/module.js';

export const offersMigration: ModuleMigration = {
  async up(db, seam) {
    await db.schema
      .createTable('offers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('title_sort', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('subcategory', 'text', (c) => c.notNull())
      .addColumn('cpv_codes', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('price_kind', 'text', (c) => c.notNull())
      .addColumn('price_text', 'text')
      .addColumn('area_scope', 'text', (c) => c.notNull())
      .addColumn('is_reserved_contracts', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('is_published', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('is_example', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('search_doc', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await seam.byteOrderColumn(db, 'offers', 'title_sort');
    await db.schema.createIndex('offers_entity').on('offers').columns(['entity_id']).execute();
    await db.schema.createIndex('offers_category').on('offers').columns(['is_published', 'category']).execute();
    await seam.createFtsIndex(db, { table: 'offers', column: 'search_doc' });
    await db.schema
      .createTable('offer_areas')
      .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id').onDelete('cascade'))
      .addColumn('teryt', 'text', (c) => c.notNull())
      .addColumn('powiat_teryt', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('offer_areas_pk', ['offer_id', 'teryt'])
      .execute();
    await db.schema.createIndex('offer_areas_powiat').on('offer_areas').columns(['powiat_teryt', 'offer_id']).execute();
    await db.schema.createIndex('offer_areas_teryt').on('offer_areas').columns(['teryt', 'offer_id']).execute();
    await db.schema
      .createTable('offer_photos')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('data', seam.binaryType, (c) => c.notNull())
      .addColumn('byte_size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('alt', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('offer_photos_offer').on('offer_photos').columns(['offer_id', 'position']).execute();
    await db.schema
      .createTable('offer_enquiries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // no foreign key to offers: the counts outlive a deleted offer
      .addColumn('offer_id', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('institution', 'text')
      .addColumn('email_norm', 'text')
      .addColumn('phone', 'text')
      .addColumn('message', 'text')
      .addColumn('erased_at', 'text')
      .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('offer_enquiries_created').on('offer_enquiries').columns(['created_at']).execute();
    await db.schema.createIndex('offer_enquiries_email').on('offer_enquiries').columns(['email_norm', 'created_at']).execute();
  },
};
