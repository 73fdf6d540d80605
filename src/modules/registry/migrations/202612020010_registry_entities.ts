// The registry's first tables: entities, their places of activity, PS status history, marks and the
// field-level change history. Hard duplicates (same NIP, REGON or KRS) are refused by the service,
// which works the same on both databases; the indexes here only make the checks fast.
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const registryEntitiesMigration: ModuleMigration = {
  async up(db, seam) {
    await db.schema
      .createTable('entities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_sort', 'text', (c) => c.notNull())
      .addColumn('short_name', 'text')
      .addColumn('legal_form', 'text', (c) => c.notNull())
      .addColumn('creating_body', 'text')
      .addColumn('nip', 'text')
      .addColumn('regon', 'text')
      .addColumn('krs', 'text')
      .addColumn('other_register', 'text')
      .addColumn('registration_date', 'text')
      .addColumn('description', 'text')
      .addColumn('website', 'text')
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('activity_type', 'text')
      .addColumn('sectors', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('lifecycle', 'text', (c) => c.notNull().check(sql`lifecycle in ('active', 'suspended', 'closed')`))
      .addColumn('data_source', 'text')
      .addColumn('source_url', 'text')
      .addColumn('verified_at', 'text')
      .addColumn('gmina_teryt', 'text')
      .addColumn('town', 'text')
      .addColumn('address', 'text')
      .addColumn('search_doc', 'text', (c) => c.notNull())
      .addColumn('is_synthetic', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    for (const col of ['nip', 'regon', 'krs', 'gmina_teryt', 'name_sort']) {
      await db.schema.createIndex(`entities_${col}`).on('entities').column(col).execute();
    }
    await seam.createFtsIndex(db, { table: 'entities', column: 'search_doc' });
    await db.schema
      .createTable('entity_places')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addColumn('gmina_teryt', 'text')
      .addColumn('town', 'text')
      .addColumn('address', 'text')
      .addColumn('lat', 'real')
      .addColumn('lon', 'real')
      .execute();
    await db.schema
      .createTable('entity_ps_status')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('granted', 'lost')`))
      .addColumn('ps_type', 'text')
      .addColumn('decision_number', 'text')
      .addColumn('decision_date', 'text', (c) => c.notNull())
      .addColumn('loss_reason', 'text')
      .execute();
    await db.schema
      .createTable('entity_marks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addColumn('mark', 'text', (c) => c.notNull())
      .addColumn('subject', 'text')
      .addColumn('granted_on', 'text')
      .addColumn('expires_on', 'text')
      .addColumn('source_url', 'text')
      .execute();
    await db.schema
      .createTable('entity_changes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text')
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('old_value', 'text')
      .addColumn('new_value', 'text')
      .execute();
    for (const t of ['entity_places', 'entity_ps_status', 'entity_marks', 'entity_changes']) {
      await db.schema.createIndex(`${t}_entity`).on(t).column('entity_id').execute();
    }
  },
};
