// Buyers' needs: the need, the places it is to be met in, and the notifications sent (one row per
// need, entity and kind — the primary key is what keeps re-runs and two instances from double-sending).
import type { ModuleMigration } from '../../../core/module.js';

export const needsMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('needs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('cpv', 'text')
      .addColumn('area_scope', 'text', (c) => c.notNull())
      .addColumn('link', 'text')
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('amount_kind', 'text', (c) => c.notNull())
      .addColumn('amount_min', 'integer')
      .addColumn('amount_max', 'integer')
      .addColumn('institution', 'text', (c) => c.notNull())
      .addColumn('contact_name', 'text', (c) => c.notNull())
      .addColumn('contact_email', 'text', (c) => c.notNull())
      .addColumn('contact_phone', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('staff_message', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .execute();
    await db.schema.createIndex('needs_status').on('needs').columns(['status', 'deadline']).execute();
    await db.schema.createIndex('needs_owner').on('needs').columns(['created_by']).execute();
    await db.schema
      .createTable('need_areas')
      .addColumn('need_id', 'text', (c) => c.notNull().references('needs.id').onDelete('cascade'))
      .addColumn('teryt', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('need_areas_pk', ['need_id', 'teryt'])
      .execute();
    await db.schema
      .createTable('need_notifications')
      .addColumn('need_id', 'text', (c) => c.notNull().references('needs.id').onDelete('cascade'))
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('need_notifications_pk', ['need_id', 'entity_id', 'kind'])
      .execute();
  },
};
