// Kysely queries of the consultations module; no rules here (see consultations.service.ts).
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { countAll } from '../../core/db/database.js';
import type { Database } from '../../core/db/schema.js';
import type {
  ConsultationClausesTable,
  ConsultationCommentsTable,
  ConsultationResponsesTable,
  ConsultationSectionsTable,
  ConsultationsTable,
  TextKind,
} from './consultations.tables.js';

export type Executor = Kysely<Database> | Transaction<Database>;
export type ConsultationRow = Selectable<ConsultationsTable>;
export type SectionRow = Selectable<ConsultationSectionsTable>;
export type ClauseRow = Selectable<ConsultationClausesTable>;
export type CommentRow = Selectable<ConsultationCommentsTable>;
export type ResponseRow = Selectable<ConsultationResponsesTable>;
export type CommentWithResponse = CommentRow & {
  response_kind: ResponseRow['kind'] | null;
  response_justification: string | null;
  response_at: string | null;
};

export async function insertConsultation(db: Executor, row: Insertable<ConsultationsTable>): Promise<void> {
  await db.insertInto('consultations').values(row).execute();
}

export async function updateConsultation(db: Executor, id: string, set: Updateable<ConsultationsTable>): Promise<void> {
  await db.updateTable('consultations').set(set).where('id', '=', id).execute();
}

/**
 * Replaces the attached documents only while they are still `before` (compare and set), so two staff
 * members attaching at once never drop each other's document; false when another change came first.
 */
export async function replaceDocumentIds(db: Executor, id: string, before: string, after: string, updatedAt: string): Promise<boolean> {
  const res = await db
    .updateTable('consultations')
    .set({ document_ids: after, updated_at: updatedAt })
    .where('id', '=', id)
    .where('document_ids', '=', before)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function findConsultation(db: Executor, id: string): Promise<ConsultationRow | undefined> {
  return db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listConsultations(db: Executor, publishedOnly: boolean): Promise<ConsultationRow[]> {
  let q = db.selectFrom('consultations').selectAll();
  if (publishedOnly) q = q.where('is_published', '=', true);
  return q.orderBy('starts_at', 'desc').orderBy('title_sort').execute();
}

/** Published consultations without a published report: the candidates for "open" and "announced" (few rows). */
export async function listUnreported(
  db: Executor,
): Promise<Pick<ConsultationRow, 'id' | 'title' | 'starts_at' | 'ends_at' | 'is_published' | 'is_report_published'>[]> {
  return db
    .selectFrom('consultations')
    .select(['id', 'title', 'starts_at', 'ends_at', 'is_published', 'is_report_published'])
    .where('is_published', '=', true)
    .where('is_report_published', '=', false)
    .orderBy('ends_at')
    .orderBy('title_sort')
    .execute();
}

export async function insertSections(db: Executor, rows: Insertable<ConsultationSectionsTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('consultation_sections').values(rows).execute();
}

export async function deleteSections(db: Executor, consultationId: string, kind: TextKind): Promise<void> {
  await db.deleteFrom('consultation_sections').where('consultation_id', '=', consultationId).where('text_kind', '=', kind).execute();
}

export async function listSections(db: Executor, consultationId: string, kind: TextKind): Promise<SectionRow[]> {
  return db
    .selectFrom('consultation_sections')
    .selectAll()
    .where('consultation_id', '=', consultationId)
    .where('text_kind', '=', kind)
    .orderBy('position')
    .execute();
}

export async function insertClause(db: Executor, row: Insertable<ConsultationClausesTable>): Promise<void> {
  await db.insertInto('consultation_clauses').values(row).execute();
}

export async function currentClause(db: Executor, consultationId: string): Promise<ClauseRow | undefined> {
  return db
    .selectFrom('consultation_clauses')
    .selectAll()
    .where('consultation_id', '=', consultationId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function listClauses(db: Executor, consultationId: string): Promise<ClauseRow[]> {
  return db.selectFrom('consultation_clauses').selectAll().where('consultation_id', '=', consultationId).orderBy('version').execute();
}

/**
 * Stores a comment unless one from the same form (consultation and submission key) is already
 * stored, which may be committing concurrently; false then.
 */
export async function insertComment(db: Executor, row: Insertable<ConsultationCommentsTable>): Promise<boolean> {
  const res = await db
    .insertInto('consultation_comments')
    .values(row)
    .onConflict((oc) => oc.columns(['consultation_id', 'submission_key']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Whether a comment from this form (its one-time submission key) is already stored. */
export async function hasSubmission(db: Executor, consultationId: string, submissionKey: string): Promise<boolean> {
  const row = await db
    .selectFrom('consultation_comments')
    .select('id')
    .where('consultation_id', '=', consultationId)
    .where('submission_key', '=', submissionKey)
    .executeTakeFirst();
  return row !== undefined;
}

export async function updateComment(db: Executor, id: string, set: Updateable<ConsultationCommentsTable>): Promise<void> {
  await db.updateTable('consultation_comments').set(set).where('id', '=', id).execute();
}

export async function findCommentByToken(db: Executor, tokenHash: string): Promise<CommentRow | undefined> {
  return db.selectFrom('consultation_comments').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function findComment(db: Executor, consultationId: string, id: string): Promise<CommentRow | undefined> {
  return db
    .selectFrom('consultation_comments')
    .selectAll()
    .where('id', '=', id)
    .where('consultation_id', '=', consultationId)
    .executeTakeFirst();
}

export async function deleteComment(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('consultation_comments').where('id', '=', id).execute();
}

/** Confirmed comments with their responses, in the order they were confirmed (the report's numbering). */
export async function listConfirmedComments(db: Executor, consultationId: string): Promise<CommentWithResponse[]> {
  return db
    .selectFrom('consultation_comments as c')
    .leftJoin('consultation_responses as r', 'r.id', 'c.response_id')
    .selectAll('c')
    .select(['r.kind as response_kind', 'r.justification as response_justification', 'r.responded_at as response_at'])
    .where('c.consultation_id', '=', consultationId)
    .where('c.status', '=', 'confirmed')
    .orderBy('c.confirmed_at')
    .orderBy('c.id')
    .execute();
}

export async function countSubmissionsByEmail(db: Executor, emailNorm: string, sinceIso: string): Promise<number> {
  const row = await db
    .selectFrom('consultation_comments')
    .select(countAll().as('n'))
    .where('email_norm', '=', emailNorm)
    .where('created_at', '>=', sinceIso)
    .executeTakeFirst();
  return row?.n ?? 0;
}

export async function authorRefFor(db: Executor, consultationId: string, emailNorm: string): Promise<string | null> {
  const row = await db
    .selectFrom('consultation_comments')
    .select('author_ref')
    .where('consultation_id', '=', consultationId)
    .where('email_norm', '=', emailNorm)
    .where('status', '=', 'confirmed')
    .where('author_ref', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row?.author_ref ?? null;
}

export async function countConfirmed(db: Executor, consultationId: string): Promise<number> {
  const row = await db
    .selectFrom('consultation_comments')
    .select(countAll().as('n'))
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
  return row?.n ?? 0;
}

export async function insertResponse(db: Executor, row: Insertable<ConsultationResponsesTable>): Promise<void> {
  await db.insertInto('consultation_responses').values(row).execute();
}

export async function attachResponse(
  db: Executor,
  consultationId: string,
  commentIds: readonly string[],
  responseId: string,
): Promise<void> {
  if (!commentIds.length) return;
  await db
    .updateTable('consultation_comments')
    .set({ response_id: responseId })
    .where('consultation_id', '=', consultationId)
    .where('id', 'in', commentIds)
    .where('status', '=', 'confirmed')
    .execute();
}

/** Responses no comment points to any more (after a comment was answered again on its own). */
export async function deleteOrphanResponses(db: Executor, consultationId: string): Promise<void> {
  await db
    .deleteFrom('consultation_responses')
    .where('consultation_id', '=', consultationId)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('consultation_comments as c').select('c.id').whereRef('c.response_id', '=', 'consultation_responses.id'))),
    )
    .execute();
}

export async function deleteExpiredUnconfirmed(db: Executor, nowIsoText: string): Promise<number> {
  const res = await db
    .deleteFrom('consultation_comments')
    .where('status', '=', 'unconfirmed')
    .where('token_expires_at', '<', nowIsoText)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Consultations whose report was published before `beforeIso` and whose data are not erased yet. */
export async function dueForErasure(db: Executor, beforeIso: string): Promise<ConsultationRow[]> {
  return db
    .selectFrom('consultations')
    .selectAll()
    .where('is_report_published', '=', true)
    .where('report_published_at', '<=', beforeIso)
    .where('personal_data_erased_at', 'is', null)
    .execute();
}

/** Personal data out: e-mails of everyone, names of private persons and of people acting for organisations. */
export async function erasePersonalData(db: Executor, consultationId: string, commentIds?: readonly string[]): Promise<number> {
  let q = db
    .updateTable('consultation_comments')
    .set({ email: null, email_norm: null, first_name: null, last_name: null, acting_person: null, token_hash: null, is_erased: true })
    .where('consultation_id', '=', consultationId)
    .where('is_erased', '=', false);
  if (commentIds) {
    if (!commentIds.length) return 0;
    q = q.where('id', 'in', commentIds);
  }
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function commentsOfEmail(db: Executor, consultationId: string, emailNorm: string): Promise<CommentRow[]> {
  return db
    .selectFrom('consultation_comments')
    .selectAll()
    .where('consultation_id', '=', consultationId)
    .where('email_norm', '=', emailNorm)
    .execute();
}

/** When a published consultation last changed (its record, its report): the open dataset's "last changed". */
export async function lastPublishedChange(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('consultations')
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .where('is_published', '=', true)
    .executeTakeFirst();
  return row?.at ?? null;
}

/** Confirmed comments still without a response, over every consultation (the staff's "Czeka na Ciebie"). */
export async function countUnanswered(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('consultation_comments')
    .select(countAll().as('n'))
    .where('status', '=', 'confirmed')
    .where('response_id', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}
