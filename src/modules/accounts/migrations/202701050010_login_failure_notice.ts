// Failed logins no longer lock an account; its owner is told by e-mail, at most once a day.
import type { ModuleMigration } from '../../../core/module.js';

export const loginFailureNoticeMigration: ModuleMigration = {
  async up(db) {
    await db.schema.alterTable('users').addColumn('failed_login_notice_at', 'text').execute();
    await db.schema.createIndex('login_attempts_email_ip_at').on('login_attempts').columns(['email_norm', 'ip', 'at']).execute();
  },
};
