// The address a message's answer should go to (its Reply-To), when it is not the sender's: e.g. a
// visitor's enquiry forwarded to a support centre is answered straight to the visitor. Null for most.
import type { ModuleMigration } from '../../../core/module.js';

export const mailOutboxReplyToMigration: ModuleMigration = {
  async up(db) {
    await db.schema.alterTable('mail_outbox').addColumn('reply_to', 'text').execute();
  },
  async down(db) {
    await db.schema.alterTable('mail_outbox').dropColumn('reply_to').execute();
  },
};
