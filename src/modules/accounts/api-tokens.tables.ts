// The personal API tokens table: a named secret a user creates in their account to call the API
// (partners submitting indicator values from their own systems). Only the SHA-256 of the token is
// stored; the token itself is shown once, when created.
export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  /** SHA-256 (hex) of the token. */
  token_hash: string;
  /** The first characters of the token, so its owner can tell tokens apart; not enough to use it. */
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

declare module '../../core/db/schema.js' {
  interface Database {
    api_tokens: ApiTokensTable;
  }
}
