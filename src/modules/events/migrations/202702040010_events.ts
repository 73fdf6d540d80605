// The events module's tables: events, their sessions, registrations and places (held, confirmed,
// waiting, offered). Keyed after territory (an event's gmina is a TERYT code, kept as plain text so
// a changed territorial division never blocks an event from being read).
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const eventsMigration: ModuleMigration = {
  async up(db, seam) {
    await db.schema
      .createTable('events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) =>
        c.notNull().check(sql`type in ('forum', 'conference', 'training', 'fair', 'open_day', 'study_visit', 'meeting')`),
      )
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('organiser', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('date_precision', 'text', (c) => c.notNull().check(sql`date_precision in ('minute', 'day', 'month')`))
      .addColumn('is_online', 'boolean', (c) => c.notNull())
      .addColumn('online_url', 'text')
      .addColumn('address', 'text')
      .addColumn('gmina_teryt', 'text')
      .addColumn('registration_opens_at', 'text')
      .addColumn('registration_closes_at', 'text')
      .addColumn('who_may_register', 'text', (c) => c.notNull())
      .addColumn('has_step_free_access', 'boolean', (c) => c.notNull())
      .addColumn('has_induction_loop', 'boolean', (c) => c.notNull())
      .addColumn('has_sign_language', 'boolean', (c) => c.notNull())
      .addColumn('accessibility_notes', 'text', (c) => c.notNull())
      .addColumn('source', 'text')
      .addColumn('is_published', 'boolean', (c) => c.notNull())
      .addColumn('is_example', 'boolean', (c) => c.notNull())
      .addColumn('personal_data_erased_at', 'text')
      .addColumn('title_sort', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .execute();
    await db.schema.createIndex('events_starts').on('events').columns(['is_published', 'starts_at']).execute();
    await db.schema.createIndex('events_gmina').on('events').columns(['gmina_teryt', 'starts_at']).execute();
    await seam.byteOrderColumn(db, 'events', 'title_sort');

    await db.schema
      .createTable('event_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('speakers', 'text', (c) => c.notNull())
      .addColumn('room', 'text', (c) => c.notNull())
      .addColumn('capacity', 'integer')
      .addColumn('taken', 'integer', (c) => c.notNull().check(sql`taken >= 0`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('event_sessions_event').on('event_sessions').columns(['event_id', 'starts_at']).execute();

    await db.schema
      .createTable('event_registrations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
      .addColumn('name', 'text')
      .addColumn('email', 'text')
      .addColumn('email_norm', 'text')
      .addColumn('institution', 'text')
      .addColumn('participant_type', 'text', (c) =>
        c
          .notNull()
          .check(sql`participant_type in ('pes', 'local_government', 'public_institution', 'ngo', 'business', 'individual', 'other')`),
      )
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'confirmed', 'cancelled', 'expired')`))
      .addColumn('confirm_token_hash', 'text', (c) => c.unique())
      .addColumn('manage_token_hash', 'text', (c) => c.unique())
      .addColumn('offer_token_hash', 'text', (c) => c.unique())
      .addColumn('hold_expires_at', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', 'text')
      .addColumn('cancelled_at', 'text')
      .addColumn('is_listed_publicly', 'boolean', (c) => c.notNull())
      .addColumn('access_needs', 'text')
      .addColumn('access_notes', 'text')
      .addColumn('has_access_consent', 'boolean', (c) => c.notNull())
      .addColumn('short_code', 'text', (c) => c.notNull())
      .addColumn('certificate_number', 'text', (c) => c.unique())
      .addColumn('certificate_issued_at', 'text')
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('is_erased', 'boolean', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('event_registrations_event').on('event_registrations').columns(['event_id', 'status']).execute();
    await db.schema.createIndex('event_registrations_hold').on('event_registrations').columns(['status', 'hold_expires_at']).execute();
    await db.schema
      .createIndex('event_registrations_code')
      .on('event_registrations')
      .columns(['event_id', 'short_code'])
      .unique()
      .execute();
    // one live registration per address and event (a cancelled or expired one may be followed by a new one)
    await db.schema
      .createIndex('event_registrations_live_email')
      .on('event_registrations')
      .columns(['event_id', 'email_norm'])
      .unique()
      .where(sql.ref('status'), 'in', sql`('pending', 'confirmed')`)
      .execute();

    await db.schema
      .createTable('event_places')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('registration_id', 'text', (c) => c.notNull().references('event_registrations.id').onDelete('cascade'))
      .addColumn('session_id', 'text', (c) => c.notNull().references('event_sessions.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('held', 'confirmed', 'waiting', 'offered', 'cancelled', 'released')`),
      )
      .addColumn('queued_at', 'text', (c) => c.notNull())
      .addColumn('offered_at', 'text')
      .addColumn('offer_expires_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('event_places_registration_session', ['registration_id', 'session_id'])
      .execute();
    await db.schema.createIndex('event_places_queue').on('event_places').columns(['session_id', 'status', 'queued_at']).execute();
    await db.schema.createIndex('event_places_offers').on('event_places').columns(['status', 'offer_expires_at']).execute();
    // one active offer per person (registration), whichever session it is for
    await db.schema
      .createIndex('event_places_one_offer')
      .on('event_places')
      .column('registration_id')
      .unique()
      .where(sql.ref('status'), '=', sql`'offered'`)
      .execute();

    // check-ins recorded on an organiser's phone: the id comes from the device, so a list synced twice
    // is applied once; one check-in per registration (the first wins, later ones are reported)
    await db.schema
      .createTable('event_checkins')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
      .addColumn('registration_id', 'text', (c) => c.notNull().unique().references('event_registrations.id').onDelete('cascade'))
      .addColumn('checked_at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('received_by', 'text')
      .execute();
  },
};
