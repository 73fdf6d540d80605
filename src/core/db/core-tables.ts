// Tables owned by the core itself (no domain): sessions and the key/value settings store.
import type { Database } from './schema.js';

export interface SessionsTable {
  id: string;
  data: string;
  user_id: string | null;
  expires_at: string;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  /** JSON text. */
  value: string;
  updated_at: string;
}

declare module './schema.js' {
  interface Database {
    sessions: SessionsTable;
    settings: SettingsTable;
  }
}

export type { Database };
