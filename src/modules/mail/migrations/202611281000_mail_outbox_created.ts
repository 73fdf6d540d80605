// Indexes for the administrators' list of the outbox: newest first, optionally by status.
import type { ModuleMigration } from '../../../core/module.js';

export const mailOutboxCreatedMigration: ModuleMigration = {
  async up(db) {
    await db.schema.createIndex('mail_outbox_created').on('mail_outbox').column('created_at').execute();
    await db.schema.createIndex('mail_outbox_status_created').on('mail_outbox').columns(['status', 'created_at']).execute();
  },
  async down(db) {
    await db.schema.dropIndex('mail_outbox_status_created').execute();
    await db.schema.dropIndex('mail_outbox_created').execute();
  },
};
