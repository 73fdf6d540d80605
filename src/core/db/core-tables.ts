// Tables owned by the core itself (no domain): sessions, the key/value settings store and the
// bookkeeping of scheduled jobs.
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

/** One row per scheduled job: when it last started and until when a process holds it. */
export interface ScheduledJobsTable {
  name: string;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_result: string | null;
  locked_until: string | null;
}

declare module './schema.js' {
  interface Database {
    scheduled_jobs: ScheduledJobsTable;
    sessions: SessionsTable;
    settings: SettingsTable;
  }
}

export type { Database };
