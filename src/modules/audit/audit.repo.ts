// Kysely queries of the audit log. The log is append-only: this file inserts and reads rows, and
// the single update it holds (`setAuditMeta`) exists only to erase e-mail addresses of a user who
// was anonymised (see `scrubAuditPersonalData` in the service). Nothing here deletes rows.
import type { Insertable, Kysely, Transaction } from 'kysely';
import { countAll } from '../../core/db/database.js';
import type { Database } from '../../core/db/schema.js';
import type { AuditLogTable } from './audit.tables.js';

export type Executor = Kysely<Database> | Transaction<Database>;

/** A filter already checked and converted (dates are UTC bounds, `toIso` exclusive). */
export interface AuditQuery {
  /** An actor's id or e-mail address (compared with the normalised e-mail). */
  actor?: string;
  /** An actor's id, exactly. */
  actorId?: string;
  subjectType?: string;
  subjectId?: string;
  action?: string;
  fromIso?: string;
  toIso?: string;
}

export interface AuditRow extends AuditLogTable {
  actor_name: string | null;
  actor_email: string | null;
}

export async function insertAuditRow(db: Executor, row: Insertable<AuditLogTable>): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

// The audit module reads `users` (a global table type) only for the actor's name and e-mail; it
// never imports the accounts module's code, and works with rows whose user no longer exists.
function filtered(db: Executor, q: AuditQuery) {
  let qb = db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.actor_id');
  if (q.actor) {
    const actor = q.actor;
    qb = qb.where((eb) => eb.or([eb('audit_log.actor_id', '=', actor), eb('users.email_norm', '=', actor.toLowerCase())]));
  }
  if (q.actorId) qb = qb.where('audit_log.actor_id', '=', q.actorId);
  if (q.subjectType) qb = qb.where('audit_log.subject_type', '=', q.subjectType);
  if (q.subjectId) qb = qb.where('audit_log.subject_id', '=', q.subjectId);
  if (q.action) qb = qb.where('audit_log.action', '=', q.action);
  if (q.fromIso) qb = qb.where('audit_log.at', '>=', q.fromIso);
  if (q.toIso) qb = qb.where('audit_log.at', '<', q.toIso);
  return qb;
}

export async function countAuditRows(db: Executor, q: AuditQuery): Promise<number> {
  const row = await filtered(db, q).select(countAll().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

/** Newest first; `after` continues below a previous page's last row (keyset, for exports). */
export async function listAuditRows(
  db: Executor,
  q: AuditQuery,
  page: { limit: number; offset?: number; after?: { at: string; id: string } },
): Promise<AuditRow[]> {
  let qb = filtered(db, q).selectAll('audit_log').select(['users.display_name as actor_name', 'users.email as actor_email']);
  if (page.after) {
    const { at, id } = page.after;
    qb = qb.where((eb) => eb.or([eb('audit_log.at', '<', at), eb.and([eb('audit_log.at', '=', at), eb('audit_log.id', '<', id)])]));
  }
  return qb
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .execute();
}

/** The distinct values of a column, for the filter form's choices. */
export async function distinctValues(db: Executor, column: 'action' | 'subject_type'): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select(column).distinct().orderBy(column).execute();
  return rows.map((r) => r[column]);
}

/** Rows about one subject that carry extra facts (candidates for erasing personal data). */
export async function rowsWithMetaAbout(db: Executor, subjectType: string, subjectId: string): Promise<{ id: string; meta: string }[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'meta'])
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('meta', 'is not', null)
    .execute();
  return rows.map((r) => ({ id: r.id, meta: r.meta! }));
}

/**
 * The one permitted change to a written audit row: replacing its `meta` when a user is
 * anonymised (their e-mail address must not outlive the account). Only the service's
 * `scrubAuditPersonalData` calls it.
 */
export async function setAuditMeta(db: Executor, id: string, meta: string): Promise<void> {
  await db.updateTable('audit_log').set({ meta }).where('id', '=', id).execute();
}
