// Issue 19, second part: where a registrant comes from (their gmina chosen by name, its powiat kept
// after the personal data are erased so the counts per powiat stay; "unknown" for registrations made
// before the question existed), library documents attached to an event (portal's documents, by id,
// without a foreign key across modules: a document withdrawn from the library simply stops showing),
// and the record of organisers' e-mails to a session's participants (who, when, how many — never the
// text, which lives only in the outbox for its retention period).
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const eventsResidenceDocumentsMailingsMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .alterTable('event_registrations')
      .addColumn('residence', 'text', (c) =>
        c
          .notNull()
          .defaultTo('unknown')
          .check(sql`residence in ('region', 'outside', 'unknown')`),
      )
      .execute();
    await db.schema.alterTable('event_registrations').addColumn('gmina_teryt', 'text').execute();
    await db.schema.alterTable('event_registrations').addColumn('powiat_teryt', 'text').execute();

    await db.schema
      .createTable('event_documents')
      .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('event_documents_pk', ['event_id', 'document_id'])
      .execute();

    await db.schema
      .createTable('event_mailings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
      .addColumn('session_id', 'text', (c) => c.notNull().references('event_sessions.id').onDelete('cascade'))
      .addColumn('include_waiting', 'boolean', (c) => c.notNull())
      .addColumn('recipients', 'integer', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addColumn('sent_by', 'text')
      .execute();
    await db.schema.createIndex('event_mailings_event').on('event_mailings').columns(['event_id', 'sent_at']).execute();
  },
};
