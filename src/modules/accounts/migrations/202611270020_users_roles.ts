// The accounts module's first tables: users, their roles (optionally scoped to one entity or
// indicator), one-time tokens (password reset, invitations), TOTP recovery codes and login attempts.
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const usersRolesMigration: ModuleMigration = {
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
};
