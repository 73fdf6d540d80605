// The mail module's schema changes: one dated file per migration (`YYYYMMDDHHmm_description.ts`,
// named by its key), listed here. A key never changes once shipped: databases recorded it.
import type { ModuleMigration } from '../../../core/module.js';
import { mailOutboxMigration } from './202611270051_mail_outbox.js';
import { mailOutboxCreatedMigration } from './202611281000_mail_outbox_created.js';
import { mailLeaseAttemptsMigration } from './202701050020_mail_lease_attempts.js';
import { mailOutboxAboutMigration } from './202701070010_mail_outbox_about.js';
import { mailOutboxAlternativesMigration } from './202702050005_mail_outbox_alternatives.js';
import { mailOutboxReplyToMigration } from './202712110030_mail_outbox_reply_to.js';

export const mailMigrations: Record<string, ModuleMigration> = {
  '202611270051_mail_outbox': mailOutboxMigration,
  '202611281000_mail_outbox_created': mailOutboxCreatedMigration,
  '202701050020_mail_lease_attempts': mailLeaseAttemptsMigration,
  '202701070010_mail_outbox_about': mailOutboxAboutMigration,
  '202702050005_mail_outbox_alternatives': mailOutboxAlternativesMigration,
  '202712110030_mail_outbox_reply_to': mailOutboxReplyToMigration,
};
