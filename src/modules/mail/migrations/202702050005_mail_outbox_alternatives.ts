// Further alternative parts of a message besides its text and HTML (e.g. a `text/calendar` invitation),
// as JSON; null for the plain messages of most templates.
import type { ModuleMigration } from '../../../core/module.js';

export const mailOutboxAlternativesMigration: ModuleMigration = {
  async up(db) {
    await db.schema.alterTable('mail_outbox').addColumn('alternatives', 'text').execute();
  },
  async down(db) {
    await db.schema.alterTable('mail_outbox').dropColumn('alternatives').execute();
  },
};
