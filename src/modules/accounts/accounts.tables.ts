// Tables of the accounts module: people who log in, the roles they hold (some scoped to one team,
// entity, indicator or territory), one-time tokens (password reset, invitation), two-factor
// recovery codes and the login attempts that brute-force protection counts.
export interface UsersTable {
  id: string;
  email: string;
  /** Lower-cased e-mail, unique; logins compare against it. */
  email_norm: string;
  display_name: string;
  /** argon2id PHC string; null until an invited user sets a password. */
  password_hash: string | null;
  is_active: boolean;
  /**
   * TOTP secret (RFC 6238) sealed as `v1:…` (totp-secret.ts, ADR 9); clear base32 only in rows written
   * before encryption, until used or sealed by the job. Set during enrolment, trusted once is_totp_enabled.
   */
  totp_secret: string | null;
  is_totp_enabled: boolean;
  /** Last accepted TOTP step: a code is never accepted twice. */
  totp_last_counter: number | null;
  lang: string;
  last_login_at: string | null;
  /** When the owner was last e-mailed about failed logins (at most one such notice a day). */
  failed_login_notice_at: string | null;
  deletion_requested_at: string | null;
  anonymised_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserRolesTable {
  id: string;
  user_id: string;
  role: string;
  scope_type: string | null;
  scope_id: string | null;
  created_at: string;
}

export interface UserTokensTable {
  id: string;
  user_id: string;
  purpose: 'password_reset' | 'invitation';
  /** SHA-256 of the token; the token itself exists only in the e-mailed link. */
  token_hash: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
}

export interface LoginAttemptsTable {
  id: string;
  at: string;
  email_norm: string;
  ip: string;
  is_success: boolean;
}

declare module '../../core/db/schema.js' {
  interface Database {
    users: UsersTable;
    user_roles: UserRolesTable;
    user_tokens: UserTokensTable;
    recovery_codes: RecoveryCodesTable;
    login_attempts: LoginAttemptsTable;
  }
}
