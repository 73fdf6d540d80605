// Rules of the audit log: what is written (secrets masked before they reach the database), how a
// filter typed by an administrator becomes a query (Warsaw calendar days → UTC bounds), how rows
// are shown and exported, and the one sanctioned rewrite (erasing an anonymised user's e-mail).
import type { Readable } from 'node:stream';
import { newId } from '../../core/db/ids.js';
import { nowIso, type Clock } from '../../core/db/time.js';
import type { Problem } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { spreadsheetCsvStream } from '../../core/csv/index.js';
import { isCalendarDay, warsawDayStart, warsawTimestamp } from '../../core/time/index.js';
import { FormChecker } from '../../core/validation.js';
import { translator, type Lang } from '../../i18n/index.js';
import * as repo from './audit.repo.js';
import type { Executor } from './audit.repo.js';

export type Changes = Record<string, { before: unknown; after: unknown }>;

export interface AuditEntry {
  /** User id, null for anonymous (e.g. a failed login). */
  actorId: string | null;
  ip: string | null;
  requestId?: string | null;
  /** e.g. 'user.login', 'user.role_change', 'territory.subregion.update'. */
  action: string;
  /** e.g. 'user', 'subregion'. */
  subjectType: string;
  subjectId: string | null;
  /** Before/after of changed fields. */
  changes?: Changes;
  /** Extra facts, e.g. `{ email }` for a failed login. */
  meta?: Record<string, unknown>;
}

export const MASK = '***';
/** Keys whose values never reach the log, at any depth of `changes` or `meta`. */
export const SECRET_KEY = /password|token|secret|totp|recovery|hash|csrf|cookie/i;
const MAX_DEPTH = 20;

/** A copy of `value` with every secret-named key's value replaced by `***`. */
export function maskSecrets(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return MASK;
  if (Array.isArray(value)) return value.map((v) => maskSecrets(v, depth + 1));
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? MASK : maskSecrets(v, depth + 1)]));
  }
  return value;
}

/**
 * Masks changes keeping their shape: a secret field keeps `{ before, after }` with both masked,
 * so the log still says *that* it changed (e.g. a password) without saying what to.
 */
export function maskChanges(changes: Changes): Changes {
  const out: Changes = {};
  for (const [field, change] of Object.entries(changes)) {
    out[field] = SECRET_KEY.test(field)
      ? { before: MASK, after: MASK }
      : { before: maskSecrets(change?.before), after: maskSecrets(change?.after) };
  }
  return out;
}

export async function recordAudit(db: Executor, entry: AuditEntry, clock?: Clock): Promise<void> {
  const changes = entry.changes && Object.keys(entry.changes).length > 0 ? JSON.stringify(maskChanges(entry.changes)) : null;
  const meta = entry.meta && Object.keys(entry.meta).length > 0 ? JSON.stringify(maskSecrets(entry.meta)) : null;
  await repo.insertAuditRow(db, {
    id: newId(),
    at: nowIso(clock),
    actor_id: entry.actorId,
    ip: entry.ip,
    request_id: entry.requestId ?? null,
    action: entry.action,
    subject_type: entry.subjectType,
    subject_id: entry.subjectId,
    changes,
    meta,
  });
}

/**
 * Stores a site setting staff changed and records it (subject `setting`, the key; `field` names the
 * change from `before` to the new value), as modules' settings forms do.
 */
export async function setSettingAudited(
  ctx: Pick<ModuleContext, 'db' | 'settings' | 'clock'>,
  setting: { key: string; value: unknown; before: unknown; action: string; field: string },
  actor: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>,
): Promise<void> {
  await ctx.settings.set(setting.key, setting.value);
  await recordAudit(
    ctx.db,
    {
      ...actor,
      action: setting.action,
      subjectType: 'setting',
      subjectId: setting.key,
      changes: { [setting.field]: { before: setting.before, after: setting.value } },
    },
    ctx.clock,
  );
}

/** The listed fields whose values differ (compared as JSON, so arrays and objects work too). */
export function diffFields<T extends Record<string, unknown>>(before: T, after: T, fields: (keyof T)[]): Changes {
  const out: Changes = {};
  for (const f of fields) {
    if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) out[String(f)] = { before: before[f] ?? null, after: after[f] ?? null };
  }
  return out;
}

// --- erasure on anonymisation --------------------------------------------------------------------

const PERSONAL_KEY = /e-?mail|display_name/i;

function scrubPersonal(value: unknown, depth = 0): { value: unknown; changed: boolean } {
  if (depth > MAX_DEPTH || !value || typeof value !== 'object') return { value, changed: false };
  if (Array.isArray(value)) {
    const items = value.map((v) => scrubPersonal(v, depth + 1));
    return { value: items.map((i) => i.value), changed: items.some((i) => i.changed) };
  }
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (PERSONAL_KEY.test(k) && v !== MASK) {
      out[k] = MASK;
      changed = true;
    } else {
      const inner = scrubPersonal(v, depth + 1);
      out[k] = inner.value;
      changed ||= inner.changed;
    }
  }
  return { value: out, changed };
}

/**
 * Replaces e-mail addresses (and display names) in `meta` of the rows whose subject is the user
 * with `***`. This is the only update the append-only log permits: when an administrator
 * anonymises a user (RODO art. 17), the account keeps its id but no longer its address, and the
 * log must not keep the address either. Who did what, and when, stays untouched.
 */
export async function scrubAuditPersonalData(db: Executor, userId: string): Promise<number> {
  let n = 0;
  for (const row of await repo.rowsWithMetaAbout(db, 'user', userId)) {
    const scrubbed = scrubPersonal(JSON.parse(row.meta));
    if (!scrubbed.changed) continue;
    await repo.setAuditMeta(db, row.id, JSON.stringify(scrubbed.value));
    n += 1;
  }
  return n;
}

// --- reading ------------------------------------------------------------------------------------

/** A value as a person reads it: text as is, nothing as "—", anything else as JSON. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function parseJson<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** One field's change as stored (secrets already masked). */
export interface AuditChange {
  before: unknown;
  after: unknown;
}

/** A stored changes column as field → { before, after } (a value stored without its before: before masked). */
export function parseChanges(changes: string | null): Record<string, AuditChange> {
  const parsed = parseJson<Record<string, unknown>>(changes);
  if (!parsed || typeof parsed !== 'object') return {};
  return Object.fromEntries(
    Object.entries(parsed).map(([field, c]) => [
      field,
      c && typeof c === 'object' && 'before' in c ? (c as AuditChange) : { before: MASK, after: c },
    ]),
  );
}

/** "field: before → after" lines of a stored changes column. */
export function changeLines(changes: string | null): string[] {
  return Object.entries(parseChanges(changes)).map(
    ([field, change]) => `${field}: ${describeValue(change.before)} → ${describeValue(change.after)}`,
  );
}

/** "key: value" lines of a stored meta column. */
export function metaLines(meta: string | null): string[] {
  const parsed = parseJson<Record<string, unknown>>(meta);
  if (!parsed) return [];
  return Object.entries(parsed).map(([k, v]) => `${k}: ${describeValue(v)}`);
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
  /** The same changes by field, for a module that shows a field its own way (accounts: roles by name). */
  changes: Record<string, AuditChange>;
}

/** Recent entries by actor or about a subject (used by the accounts module's pages and export). */
export async function listAuditEntries(
  db: Executor,
  filter: { actorId?: string; subjectType?: string; subjectId?: string; limit?: number },
): Promise<AuditListItem[]> {
  const q: repo.AuditQuery = {};
  if (filter.actorId) q.actorId = filter.actorId;
  if (filter.subjectType) q.subjectType = filter.subjectType;
  if (filter.subjectId) q.subjectId = filter.subjectId;
  const rows = await repo.listAuditRows(db, q, { limit: filter.limit ?? 100 });
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    summary: changeLines(r.changes).join('; '),
    changes: parseChanges(r.changes),
  }));
}

// --- the administrator's filter ------------------------------------------------------------------

export const PAGE_SIZE = 50;

/** The filter as typed (query string values), kept to refill the form and build links. */
export interface AuditFilterInput {
  actor: string;
  subject_type: string;
  subject_id: string;
  action: string;
  from: string;
  to: string;
}

export const FILTER_FIELDS = ['actor', 'subject_type', 'subject_id', 'action', 'from', 'to'] as const;

/** Checks the typed filter; problems name the fields (the form shows them, nothing is queried). */
export function checkAuditFilter(query: Record<string, unknown>): { input: AuditFilterInput; query: repo.AuditQuery; problems: Problem[] } {
  const f = new FormChecker(query);
  const input: AuditFilterInput = {
    actor: f.text('actor'),
    subject_type: f.text('subject_type'),
    subject_id: f.text('subject_id'),
    action: f.text('action'),
    from: f.text('from'),
    to: f.text('to'),
  };
  const q: repo.AuditQuery = {};
  if (input.actor) q.actor = input.actor;
  if (input.subject_type) q.subjectType = input.subject_type;
  if (input.subject_id) q.subjectId = input.subject_id;
  if (input.action) q.action = input.action;
  if (input.from) {
    if (isCalendarDay(input.from)) q.fromIso = warsawDayStart(input.from);
    else f.add('from', 'audit.from', 'validation.invalid');
  }
  if (input.to) {
    if (isCalendarDay(input.to)) q.toIso = warsawDayStart(input.to, 1);
    else f.add('to', 'audit.to', 'validation.invalid');
  }
  if (q.fromIso && q.toIso && q.fromIso >= q.toIso) f.add('to', 'audit.to', 'audit.rangeOrder');
  return { input, query: q, problems: f.problems };
}

/** The non-empty filter fields as query parameters (for pagination links and the CSV link). */
export function filterParams(input: AuditFilterInput): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of FILTER_FIELDS) if (input[k]) p.set(k, input[k]);
  return p;
}

export interface AuditViewRow {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  changes: string[];
  meta: string[];
}

function viewRow(r: repo.AuditRow): AuditViewRow {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorEmail: r.actor_email,
    ip: r.ip,
    requestId: r.request_id,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    changes: changeLines(r.changes),
    meta: metaLines(r.meta),
  };
}

export interface AuditPage {
  rows: AuditViewRow[];
  total: number;
  page: number;
  pages: number;
}

export async function searchAudit(db: Executor, q: repo.AuditQuery, page: number): Promise<AuditPage> {
  const total = await repo.countAuditRows(db, q);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = total === 0 ? [] : await repo.listAuditRows(db, q, { limit: PAGE_SIZE, offset: (current - 1) * PAGE_SIZE });
  return { rows: rows.map(viewRow), total, page: current, pages };
}

export async function filterChoices(db: Executor): Promise<{ actions: string[]; subjectTypes: string[] }> {
  const [actions, subjectTypes] = await Promise.all([repo.distinctValues(db, 'action'), repo.distinctValues(db, 'subject_type')]);
  return { actions, subjectTypes };
}

export async function countMatching(db: Executor, q: repo.AuditQuery): Promise<number> {
  return repo.countAuditRows(db, q);
}

// --- CSV export ----------------------------------------------------------------------------------

const EXPORT_BATCH = 500;

/**
 * The filtered log as CSV for spreadsheets (core/csv: BOM, `;`, CRLF, the formula guard on every
 * cell — the log holds text typed by strangers, e.g. the e-mail of a failed login), a header row in
 * the reader's language. Rows are read in batches (keyset), so a large log streams
 * without being held in memory.
 */
export function auditCsv(db: Executor, q: repo.AuditQuery, lang: Lang, onError: (err: Error) => void): Readable {
  const t = translator(lang);
  const header = [
    t('audit.csv.time'),
    t('audit.csv.timeUtc'),
    t('audit.csv.actorId'),
    t('audit.csv.actorName'),
    t('audit.csv.actorEmail'),
    t('audit.csv.ip'),
    t('audit.csv.requestId'),
    t('audit.csv.action'),
    t('audit.csv.subjectType'),
    t('audit.csv.subjectId'),
    t('audit.csv.changes'),
    t('audit.csv.meta'),
  ];
  async function* records(): AsyncGenerator<(string | null)[]> {
    yield header;
    let after: { at: string; id: string } | undefined;
    for (;;) {
      const rows = await repo.listAuditRows(db, q, { limit: EXPORT_BATCH, ...(after ? { after } : {}) });
      for (const r of rows) {
        yield [
          warsawTimestamp(r.at),
          r.at,
          r.actor_id,
          r.actor_name,
          r.actor_email,
          r.ip,
          r.request_id,
          r.action,
          r.subject_type,
          r.subject_id,
          r.changes,
          r.meta,
        ];
      }
      if (rows.length < EXPORT_BATCH) return;
      const last = rows.at(-1)!;
      after = { at: last.at, id: last.id };
    }
  }
  return spreadsheetCsvStream(records(), onError);
}
