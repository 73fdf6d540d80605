// The licences module's tables, and the registry's existing "Zakup Prospołeczny" marks as licences:
// each mark becomes one licence with its grant date, expiry (stated or derived, and which), source
// and holder kept, the product "not yet specified" (null) unless the mark named it. The registry
// keeps its `entity_marks` (its facets and badges still read them), so nothing it counts changes.
// A migrated mark gets a number like any licence: the year of its grant (or of its expiry, or of
// the migration when neither is known) and a random part.
import type { ModuleMigration } from '../../../core/module.js';
import { documentNumber } from '../../verification/index.js';

export const licencesMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('licences')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addColumn('offer_id', 'text', (c) => c.references('offers.id').onDelete('set null'))
      .addColumn('product', 'text')
      .addColumn('granted_on', 'text')
      .addColumn('expires_on', 'text')
      .addColumn('is_expiry_derived', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('source_url', 'text')
      .addColumn('source_mark_id', 'text')
      .addColumn('renews_id', 'text')
      .addColumn('withdrawn_on', 'text')
      .addColumn('withdrawal_reason', 'text')
      .addColumn('suspended_on', 'text')
      .addColumn('suspension_reason', 'text')
      .addColumn('is_example', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('licences_entity').on('licences').columns(['entity_id']).execute();
    await db.schema.createIndex('licences_expiry').on('licences').columns(['expires_on']).execute();
    await db.schema
      .createTable('licence_reminders')
      .addColumn('licence_id', 'text', (c) => c.notNull().references('licences.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('licence_reminders_pk', ['licence_id', 'kind'])
      .execute();

    const marks = await db
      .selectFrom('entity_marks as m')
      .innerJoin('entities as e', 'e.id', 'm.entity_id')
      // every column of the mark: `is_expiry_derived` came with a later registry migration, and a
      // test that stops the registry before it still runs this one
      .selectAll('m')
      .select('e.is_synthetic')
      .where('m.mark', '=', 'zakup_prospoleczny')
      .orderBy('m.id')
      .execute();
    const now = new Date().toISOString();
    for (const m of marks) {
      const year = m.granted_on
        ? Number(m.granted_on.slice(0, 4))
        : m.expires_on
          ? Number(m.expires_on.slice(0, 4)) - 1
          : Number(now.slice(0, 4));
      await db
        .insertInto('licences')
        .values({
          id: `mark-${m.id}`,
          number: documentNumber('ZP', year),
          entity_id: m.entity_id,
          offer_id: null,
          product: m.subject,
          granted_on: m.granted_on,
          expires_on: m.expires_on,
          is_expiry_derived: Boolean(m.is_expiry_derived ?? false),
          source_url: m.source_url,
          source_mark_id: m.id,
          renews_id: null,
          withdrawn_on: null,
          withdrawal_reason: null,
          suspended_on: null,
          suspension_reason: null,
          is_example: Boolean(m.is_synthetic),
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  },
};
