// A lease per attempt with a fencing token (renewed while sending), and every attempt recorded.
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const mailLeaseAttemptsMigration: ModuleMigration = {
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
};
