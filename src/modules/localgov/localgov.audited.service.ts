// The one way a localgov staff entry (a cooperation record, an award, a good practice) is saved or
// removed: found by id or refused as not found, written with its bookkeeping columns, and recorded in
// the audit log in the same transaction with the fields that changed. Each sub-feature keeps its own
// form rules and describes its table once (repository functions, audit subject and actions).
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import type { Executor } from './localgov.repo.js';

export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
type Changes = NonNullable<AuditEntry['changes']>;

/** The columns every localgov table keeps besides the entered values. */
interface Stamps {
  updated_at: string;
  updated_by: string | null;
}

/** A table of staff entries as the audited writes need it. */
interface AuditedTable<Row> {
  /** The audit log's subject type, e.g. `localgov_award`. */
  subjectType: string;
  find: (db: Executor, id: string) => Promise<Row | undefined>;
}

export interface SavedTable<Input, Row> extends AuditedTable<Row> {
  /** The audit actions of a new entry and of a change, e.g. `localgov.award.create`, `localgov.award.update`. */
  created: string;
  updated: string;
  insert: (db: Executor, row: Input & Stamps & { id: string; created_at: string }) => Promise<void>;
  update: (db: Executor, id: string, row: Input & Stamps) => Promise<void>;
}

export interface RemovedTable<Row> extends AuditedTable<Row> {
  /** The audit action of a removal, e.g. `localgov.award.delete`. */
  removed: string;
  remove: (db: Executor, id: string) => Promise<void>;
  /** What the audit log keeps of the removed entry (each field's `before`, `after` null). */
  changes: (before: Row) => Changes;
}

/**
 * Saves a checked form's values as a new entry (id null) or over the entry `id` (not found: 404),
 * after `check` (a rule that needs the stored entry, e.g. one record per unit and year). Returns the id.
 */
export async function saveAudited<Input extends object, Row extends Input & { id: string }>(
  ctx: ModuleContext,
  table: SavedTable<Input, Row>,
  id: string | null,
  input: Input,
  actor: Actor,
  check?: (existing: Row | undefined) => Promise<void>,
): Promise<string> {
  const existing = id ? await table.find(ctx.db, id) : undefined;
  if (id && !existing) throw new AppError('http.not_found');
  await check?.(existing);
  const now = nowIso(ctx.clock);
  const savedId = existing?.id ?? newId();
  const changes: Changes = {};
  for (const [k, v] of Object.entries(input)) {
    const before = existing ? existing[k as keyof Input] : null;
    if (before !== v) changes[k] = { before, after: v };
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (existing) await table.update(trx, savedId, { ...input, updated_at: now, updated_by: actor.actorId });
    else await table.insert(trx, { id: savedId, ...input, created_at: now, updated_at: now, updated_by: actor.actorId });
    await recordAudit(
      trx,
      { ...actor, action: existing ? table.updated : table.created, subjectType: table.subjectType, subjectId: savedId, changes },
      ctx.clock,
    );
  });
  return savedId;
}

/** Removes the entry `id` (not found: 404), recording what `table.changes` keeps of it. */
export async function removeAudited<Row>(ctx: ModuleContext, table: RemovedTable<Row>, id: string, actor: Actor): Promise<void> {
  const before = await table.find(ctx.db, id);
  if (!before) throw new AppError('http.not_found');
  await ctx.db.transaction().execute(async (trx) => {
    await table.remove(trx, id);
    await recordAudit(
      trx,
      { ...actor, action: table.removed, subjectType: table.subjectType, subjectId: id, changes: table.changes(before) },
      ctx.clock,
    );
  });
}

/** The entry `id`, or 404. */
export async function findOrNotFound<Row>(ctx: ModuleContext, table: AuditedTable<Row>, id: string): Promise<Row> {
  const row = await table.find(ctx.db, id);
  if (!row) throw new AppError('http.not_found');
  return row;
}
