// Schema of the mail module. The first key is the one the interim version shipped with, so
// databases that already ran it are not migrated twice; the listing index came later.
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const mailMigrations: Record<string, ModuleMigration> = {
  '202611270051_mail_outbox': {
    async up(db) {
      await db.schema
        .createTable('mail_outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('to_address', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('template', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('text_body', 'text', (c) => c.notNull())
        .addColumn('html_body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('sent_at', 'text')
        .addColumn('locked_until', 'text')
        .execute();
      // the worker's question: pending rows that are due
      await db.schema.createIndex('mail_outbox_status_next').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();
    },
    async down(db) {
      await db.schema.dropTable('mail_outbox').execute();
    },
  },
  '202611281000_mail_outbox_created': {
    // the administrators' list: newest first, optionally by status
    async up(db) {
      await db.schema.createIndex('mail_outbox_created').on('mail_outbox').column('created_at').execute();
      await db.schema.createIndex('mail_outbox_status_created').on('mail_outbox').columns(['status', 'created_at']).execute();
    },
    async down(db) {
      await db.schema.dropIndex('mail_outbox_status_created').execute();
      await db.schema.dropIndex('mail_outbox_created').execute();
    },
  },
  // a lease per attempt with a fencing token (renewed while sending), and every attempt recorded
  '202701050020_mail_lease_attempts': {
    async up(db) {
      await db.schema.alterTable('mail_outbox').addColumn('claim_token', 'text').execute();
      await db.schema
        .createTable('mail_attempts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('mail_id', 'text', (c) => c.notNull().references('mail_outbox.id').onDelete('cascade'))
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('claim_token', 'text', (c) => c.notNull())
        .addColumn('worker', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('sending', 'sent', 'failed')`))
        .addColumn('error', 'text')
        .execute();
      await db.schema.createIndex('mail_attempts_mail').on('mail_attempts').columns(['mail_id', 'started_at']).execute();
    },
    async down(db) {
      await db.schema.dropTable('mail_attempts').execute();
      await db.schema.alterTable('mail_outbox').dropColumn('claim_token').execute();
    },
  },
};
