// Schema of the accounts module.
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const accountsMigrations: Record<string, ModuleMigration> = {
  '202611270020_users_roles': {
    async up(db) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('email_norm', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('is_active', 'boolean', (c) => c.notNull())
        .addColumn('totp_secret', 'text')
        .addColumn('is_totp_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('totp_last_counter', 'integer')
        .addColumn('lang', 'text', (c) => c.notNull().defaultTo('pl'))
        .addColumn('last_login_at', 'text')
        .addColumn('deletion_requested_at', 'text')
        .addColumn('anonymised_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('user_roles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('scope_type', 'text')
        .addColumn('scope_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('user_roles_user').on('user_roles').column('user_id').execute();
      await db.schema
        .createTable('user_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('password_reset', 'invitation')`))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('recovery_codes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema.createIndex('recovery_codes_user').on('recovery_codes').column('user_id').execute();
      await db.schema
        .createTable('login_attempts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('email_norm', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('is_success', 'boolean', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('login_attempts_email_at').on('login_attempts').columns(['email_norm', 'at']).execute();
      await db.schema.createIndex('login_attempts_ip_at').on('login_attempts').columns(['ip', 'at']).execute();
    },
  },
  // personal API tokens (partners submit indicator values with them); only hashes are stored
  '202612100210_api_tokens': {
    async up(db) {
      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();
    },
  },
  // failed logins no longer lock an account; its owner is told by e-mail, at most once a day
  '202701050010_login_failure_notice': {
    async up(db) {
      await db.schema.alterTable('users').addColumn('failed_login_notice_at', 'text').execute();
      await db.schema.createIndex('login_attempts_email_ip_at').on('login_attempts').columns(['email_norm', 'ip', 'at']).execute();
    },
  },
};
