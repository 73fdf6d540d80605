// The support module's tables (support.tables.ts explains them). Subregions are referenced by their
// code, not by a foreign key: a subregion row belongs to one funding period, a centre's area outlives it.
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const supportCentresMigration: ModuleMigration = {
  async up(db, seam) {
    await db.schema
      .createTable('support_centres')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_sort', 'text', (c) => c.notNull())
      .addColumn('website', 'text')
      .addColumn('leads_email', 'text')
      .addColumn('sources', 'text', (c) => c.notNull())
      .addColumn('is_example', 'boolean', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await seam.byteOrderColumn(db, 'support_centres', 'name_sort');
    const child = (name: string) =>
      db.schema
        .createTable(name)
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('centre_id', 'text', (c) => c.notNull().references('support_centres.id').onDelete('cascade'));
    await child('support_centre_partners')
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('lead', 'partner', 'member')`))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .execute();
    await child('support_centre_areas')
      .addColumn('subregion_code', 'text', (c) => c.notNull())
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('valid_to', 'text')
      .execute();
    await child('support_centre_offices')
      .addColumn('street', 'text', (c) => c.notNull())
      .addColumn('postal_code', 'text', (c) => c.notNull())
      .addColumn('city', 'text', (c) => c.notNull())
      .addColumn('gmina_teryt', 'text', (c) => c.notNull())
      .addColumn('hours', 'text')
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .execute();
    await child('support_centre_contacts')
      .addColumn('function_name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('support_centre_services')
      .addColumn('centre_id', 'text', (c) => c.notNull().references('support_centres.id').onDelete('cascade'))
      .addColumn('service', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('support_centre_services_pk', ['centre_id', 'service'])
      .execute();
    await child('support_accreditations')
      .addColumn('decision_number', 'text', (c) => c.notNull())
      .addColumn('decision_date', 'text')
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('valid_to', 'text', (c) => c.notNull())
      .addColumn('granting_body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('support_accreditation_reminders')
      .addColumn('accreditation_id', 'text', (c) => c.notNull().references('support_accreditations.id').onDelete('cascade'))
      .addColumn('days_before', 'integer', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('support_accreditation_reminders_pk', ['accreditation_id', 'days_before'])
      .execute();
    await child('support_leads')
      .addColumn('subregion_code', 'text', (c) => c.notNull())
      .addColumn('gmina_teryt', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('email', 'text')
      .addColumn('message', 'text')
      .addColumn('erased_at', 'text')
      .execute();
    await db.schema.createIndex('support_leads_month').on('support_leads').columns(['month', 'subregion_code']).execute();
  },
};
