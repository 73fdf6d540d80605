// Rules editions and applications for the "Zakup Prospołeczny" mark. An edition holds the criteria's
// thresholds and the day it took effect; the current one is seeded from what the sources state
// (≥ 30 % own revenue in the last accounting period, offer sold ≥ 3 months, ≥ 6 months on the
// market [K85][K86]) and its effective day, which no source gives, stays unknown (null). An
// application names the entity's offers, its figures and declaration, PDF attachments, and the
// edition it was judged under; Kapituła members' per-criterion assessments and conflict-of-interest
// declarations; and a licence records the application it came from.
import type { ModuleMigration } from '../../../core/module.js';

export const SEEDED_EDITION_ID = 'edition-k85-k86';

export const licenceApplicationsMigration: ModuleMigration = {
  async up(db, seam) {
    await db.schema
      .createTable('licence_rule_editions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('effective_from', 'text')
      .addColumn('min_own_revenue_pct', 'integer', (c) => c.notNull())
      .addColumn('min_offer_months', 'integer', (c) => c.notNull())
      .addColumn('min_market_months', 'integer', (c) => c.notNull())
      .addColumn('sources', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db
      .insertInto('licence_rule_editions')
      .values({
        id: SEEDED_EDITION_ID,
        effective_from: null,
        min_own_revenue_pct: 30,
        min_offer_months: 3,
        min_market_months: 6,
        sources:
          'K85 https://kpces.pl/zdobadz-znak-promocyjny-ekonomii-spolecznej-zakup-prospoleczny/\n' +
          'K86 https://fundacja.ekspert-kujawy.pl/inicjatywy/13206-trwa-nabor-wnioskow-o-przyznanie-znaku-promocyjnego-ekonomii-spolecznej-zakup-prospoleczny/',
        created_by: null,
        created_at: new Date().toISOString(),
      })
      .execute();

    await db.schema
      .createTable('licence_applications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addColumn('edition_id', 'text', (c) => c.references('licence_rule_editions.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('contact_name', 'text', (c) => c.notNull())
      .addColumn('contact_email', 'text', (c) => c.notNull())
      .addColumn('contact_phone', 'text', (c) => c.notNull())
      .addColumn('revenue_period', 'text', (c) => c.notNull())
      .addColumn('own_revenue_tenths', 'integer')
      .addColumn('offer_months', 'integer')
      .addColumn('market_months', 'integer')
      .addColumn('is_declared', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('formal_message', 'text')
      .addColumn('decision', 'text')
      .addColumn('meeting_on', 'text')
      .addColumn('justification', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('submitted_on', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('licence_applications_entity').on('licence_applications').columns(['entity_id']).execute();
    await db.schema
      .createTable('licence_application_offers')
      .addColumn('application_id', 'text', (c) => c.notNull().references('licence_applications.id').onDelete('cascade'))
      .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('licence_application_offers_pk', ['application_id', 'offer_id'])
      .execute();
    await db.schema
      .createTable('licence_application_files')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('application_id', 'text', (c) => c.notNull().references('licence_applications.id').onDelete('cascade'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('byte_size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('data', seam.binaryType, (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('licence_assessments')
      .addColumn('application_id', 'text', (c) => c.notNull().references('licence_applications.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('criterion', 'text', (c) => c.notNull())
      .addColumn('meets', 'boolean', (c) => c.notNull())
      .addColumn('opinion', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('licence_assessments_pk', ['application_id', 'user_id', 'criterion'])
      .execute();
    await db.schema
      .createTable('licence_conflicts')
      .addColumn('application_id', 'text', (c) => c.notNull().references('licence_applications.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('declared_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('licence_conflicts_pk', ['application_id', 'user_id'])
      .execute();
    await db.schema.alterTable('licences').addColumn('application_id', 'text').execute();
  },
};
