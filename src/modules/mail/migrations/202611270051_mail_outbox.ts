// The e-mail outbox, written in the same transaction as the change that sends the mail. The key is
// the one the interim version shipped with, so databases that already ran it are not migrated twice.
import type { ModuleMigration } from '../../../core/module.js';

export const mailOutboxMigration: ModuleMigration = {
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
};
