// Public face of the audit module: the append-only log of staff changes, logins and exports.
// (Interim core written by the lead so the accounts module can record its actions; the audit
// module's owner extends it with its pages and tests.)
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import { newId } from '../../core/db/ids.js';
import { nowIso, type Clock } from '../../core/db/time.js';
import type { AppModule } from '../../core/module.js';

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  ip: string | null;
  request_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  changes: string | null;
  meta: string | null;
}

declare module '../../core/db/schema.js' {
  interface Database {
    audit_log: AuditLogTable;
  }
}

export interface AuditEntry {
  actorId: string | null;
  ip: string | null;
  requestId?: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  changes?: Record<string, { before: unknown; after: unknown }>;
  meta?: Record<string, unknown>;
}

const SECRET = /password|token|secret|totp|recovery|hash|csrf|cookie/i;

function mask(value: unknown, key = ''): unknown {
  if (SECRET.test(key)) return '***';
  if (Array.isArray(value)) return value.map((v) => mask(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mask(v, k)]));
  return value;
}

export async function recordAudit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry, clock?: Clock): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: nowIso(clock),
      actor_id: entry.actorId,
      ip: entry.ip,
      request_id: entry.requestId ?? null,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      changes: entry.changes ? JSON.stringify(mask(entry.changes)) : null,
      meta: entry.meta ? JSON.stringify(mask(entry.meta)) : null,
    })
    .execute();
}

export function diffFields<T extends Record<string, unknown>>(before: T, after: T, fields: (keyof T)[]): Record<string, { before: unknown; after: unknown }> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const f of fields) if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) out[String(f)] = { before: before[f], after: after[f] };
  return out;
}

export function auditFromRequest(request: FastifyRequest): Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'> {
  return { actorId: request.user?.id ?? null, ip: request.ip, requestId: request.id };
}

/** The one permitted change to audit rows: e-mail addresses in meta of an anonymised user's rows. */
export async function scrubAuditPersonalData(db: Kysely<Database> | Transaction<Database>, userId: string): Promise<void> {
  const rows = await db.selectFrom('audit_log').select(['id', 'meta']).where('subject_type', '=', 'user').where('subject_id', '=', userId).where('meta', 'is not', null).execute();
  for (const r of rows) {
    const meta = JSON.parse(r.meta!) as Record<string, unknown>;
    if (!('email' in meta)) continue;
    meta.email = '***';
    await db.updateTable('audit_log').set({ meta: JSON.stringify(meta) }).where('id', '=', r.id).execute();
  }
}

export interface AuditListItem {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** "field: before → after" of the changes, for a table cell. */
  summary: string;
}

export async function listAuditEntries(
  db: Kysely<Database> | Transaction<Database>,
  filter: { actorId?: string; subjectType?: string; subjectId?: string; limit?: number },
): Promise<AuditListItem[]> {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.actor_id', 'users.display_name', 'audit_log.action', 'audit_log.subject_type', 'audit_log.subject_id', 'audit_log.changes']);
  if (filter.actorId) q = q.where('audit_log.actor_id', '=', filter.actorId);
  if (filter.subjectType) q = q.where('audit_log.subject_type', '=', filter.subjectType);
  if (filter.subjectId) q = q.where('audit_log.subject_id', '=', filter.subjectId);
  const rows = await q.orderBy('audit_log.at', 'desc').orderBy('audit_log.id', 'desc').limit(filter.limit ?? 100).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.display_name ?? null,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    summary: r.changes
      ? Object.entries(JSON.parse(r.changes) as Record<string, { before: unknown; after: unknown }>)
          .map(([k, v]) => `${k}: ${JSON.stringify(v.before)} → ${JSON.stringify(v.after)}`)
          .join('; ')
      : '',
  }));
}

export const auditModule: AppModule = {
  name: 'audit',
  migrations: {
    '202611270050_audit_log': {
      async up(db) {
        await db.schema
          .createTable('audit_log')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor_id', 'text')
          .addColumn('ip', 'text')
          .addColumn('request_id', 'text')
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('subject_type', 'text', (c) => c.notNull())
          .addColumn('subject_id', 'text')
          .addColumn('changes', 'text')
          .addColumn('meta', 'text')
          .execute();
        await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
        await db.schema.createIndex('audit_log_actor').on('audit_log').column('actor_id').execute();
        await db.schema.createIndex('audit_log_subject').on('audit_log').columns(['subject_type', 'subject_id']).execute();
        await db.schema.createIndex('audit_log_action').on('audit_log').column('action').execute();
      },
    },
  },
};
