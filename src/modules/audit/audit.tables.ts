// Table of the audit module: one append-only row per staff change, login, logout or export, kept so
// the institution can answer "who did what, when and from where" (RODO accountability, art. 5(2)).
export interface AuditLogTable {
  id: string;
  /** ISO-8601 UTC time of the event. */
  at: string;
  /** The acting user's id only (never a name or e-mail, so anonymising a user needs no rewrite). */
  actor_id: string | null;
  ip: string | null;
  request_id: string | null;
  /** Dotted event name, e.g. `user.role_change`. */
  action: string;
  subject_type: string;
  subject_id: string | null;
  /** JSON `{ field: { before, after } }` with secrets masked. */
  changes: string | null;
  /** JSON of extra facts with secrets masked. */
  meta: string | null;
}

declare module '../../core/db/schema.js' {
  interface Database {
    audit_log: AuditLogTable;
  }
}
