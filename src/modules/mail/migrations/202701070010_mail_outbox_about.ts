// What a message is about (so the module that queued it can find it again when it erases the
// person it was for) and when a sent message's personal data were erased.
import type { ModuleMigration } from '../../../core/module.js';

export const mailOutboxAboutMigration: ModuleMigration = {
  async up(db) {
    await db.schema.alterTable('mail_outbox').addColumn('about', 'text').execute();
    await db.schema.alterTable('mail_outbox').addColumn('erased_at', 'text').execute();
    await db.schema.createIndex('mail_outbox_about').on('mail_outbox').column('about').execute();
  },
  async down(db) {
    await db.schema.dropIndex('mail_outbox_about').execute();
    await db.schema.alterTable('mail_outbox').dropColumn('erased_at').execute();
    await db.schema.alterTable('mail_outbox').dropColumn('about').execute();
  },
};
