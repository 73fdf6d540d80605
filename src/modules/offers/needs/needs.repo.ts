// Kysely queries of buyers' needs: the need with its places, the lists by state and owner, and the
// notification rows (inserted with "do nothing" on the unique key: true only for the one that wrote it).
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { countAll } from '../../../core/db/database.js';
import type { Database } from '../../../core/db/schema.js';
import type { NeedAnswersTable, NeedsTable, NeedState, NotificationKind } from './needs.tables.js';

export type Executor = Kysely<Database> | Transaction<Database>;
export type NeedRow = Selectable<NeedsTable>;
export type AnswerRow = Selectable<NeedAnswersTable>;

export async function insertNeed(db: Executor, row: Insertable<NeedsTable>): Promise<void> {
  await db.insertInto('needs').values(row).execute();
}

export async function updateNeed(db: Executor, id: string, row: Updateable<NeedsTable>): Promise<void> {
  await db.updateTable('needs').set(row).where('id', '=', id).execute();
}

export async function findNeed(db: Executor, id: string): Promise<NeedRow | undefined> {
  return db.selectFrom('needs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function replaceAreas(db: Executor, needId: string, teryts: string[]): Promise<void> {
  await db.deleteFrom('need_areas').where('need_id', '=', needId).execute();
  if (teryts.length)
    await db
      .insertInto('need_areas')
      .values(teryts.map((teryt) => ({ need_id: needId, teryt })))
      .execute();
}

export async function areasOf(db: Executor, needId: string): Promise<string[]> {
  const rows = await db.selectFrom('need_areas').select('teryt').where('need_id', '=', needId).orderBy('teryt').execute();
  return rows.map((r) => r.teryt);
}

export async function listByStatus(db: Executor, states: readonly NeedState[]): Promise<NeedRow[]> {
  return db
    .selectFrom('needs')
    .selectAll()
    .where('status', 'in', [...states])
    .orderBy('deadline')
    .orderBy('id')
    .execute();
}

export async function listByOwner(db: Executor, userId: string): Promise<NeedRow[]> {
  return db.selectFrom('needs').selectAll().where('created_by', '=', userId).orderBy('created_at', 'desc').execute();
}

/** Published needs whose deadline (a Warsaw day) is today or later: the only ones the job notifies about. */
export async function openPublished(db: Executor, today: string): Promise<NeedRow[]> {
  return db
    .selectFrom('needs')
    .selectAll()
    .where('status', '=', 'published')
    .where('deadline', '>=', today)
    .orderBy('published_at')
    .orderBy('id')
    .execute();
}

/** Published or closed needs whose deadline was on `deadlineBy` or earlier and have no recorded outcome. */
export async function awaitingOutcome(db: Executor, deadlineBy: string): Promise<NeedRow[]> {
  return db
    .selectFrom('needs')
    .selectAll()
    .where('status', 'in', ['published', 'closed'])
    .where('deadline', '<=', deadlineBy)
    .orderBy('deadline')
    .orderBy('id')
    .execute();
}

/** Records one notification; false when the row exists already (sent by an earlier run or another instance). */
export async function claimNotification(
  db: Executor,
  row: { need_id: string; entity_id: string; kind: NotificationKind; sent_at: string },
): Promise<boolean> {
  const res = await db
    .insertInto('need_notifications')
    .values(row)
    .onConflict((oc) => oc.columns(['need_id', 'entity_id', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function notifiedEntities(db: Executor, needId: string, kind: NotificationKind): Promise<Set<string>> {
  const rows = await db
    .selectFrom('need_notifications')
    .select('entity_id')
    .where('need_id', '=', needId)
    .where('kind', '=', kind)
    .execute();
  return new Set(rows.map((r) => r.entity_id));
}

export async function insertAnswerRow(db: Executor, row: Insertable<NeedAnswersTable>): Promise<void> {
  await db
    .insertInto('need_answers')
    .values(row)
    .onConflict((oc) => oc.columns(['need_id', 'entity_id']).doNothing())
    .execute();
}

export async function findAnswerByToken(db: Executor, tokenHash: string): Promise<AnswerRow | undefined> {
  return db.selectFrom('need_answers').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function updateAnswer(db: Executor, needId: string, entityId: string, row: Updateable<NeedAnswersTable>): Promise<void> {
  await db.updateTable('need_answers').set(row).where('need_id', '=', needId).where('entity_id', '=', entityId).execute();
}

export async function answersOf(db: Executor, needId: string): Promise<AnswerRow[]> {
  return db.selectFrom('need_answers').selectAll().where('need_id', '=', needId).orderBy('answered_at').orderBy('entity_id').execute();
}

/** Per need: entities notified (notices), entities that answered. */
export async function notifiedCounts(db: Executor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('need_notifications')
    .select(['need_id', countAll().as('n')])
    .where('kind', '=', 'notice')
    .groupBy('need_id')
    .execute();
  return new Map(rows.map((r) => [r.need_id, Number(r.n)]));
}

export async function answeredCounts(db: Executor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('need_answers')
    .select(['need_id', countAll().as('n')])
    .where('answer', 'is not', null)
    .groupBy('need_id')
    .execute();
  return new Map(rows.map((r) => [r.need_id, Number(r.n)]));
}

export async function allAreas(db: Executor): Promise<{ need_id: string; teryt: string }[]> {
  return db.selectFrom('need_areas').select(['need_id', 'teryt']).execute();
}

export async function findAnswer(db: Executor, needId: string, entityId: string): Promise<AnswerRow | undefined> {
  return db.selectFrom('need_answers').selectAll().where('need_id', '=', needId).where('entity_id', '=', entityId).executeTakeFirst();
}

/** Every notice sent (the first notification of an entity about a need), with its time: the indicators' "entities notified". */
export async function noticesSent(db: Executor): Promise<{ need_id: string; sent_at: string }[]> {
  return db.selectFrom('need_notifications').select(['need_id', 'sent_at']).where('kind', '=', 'notice').execute();
}

/** Every answer given, with its time (the indicators' "answers"). */
export async function answersGiven(db: Executor): Promise<{ need_id: string; answered_at: string }[]> {
  const rows = await db.selectFrom('need_answers').select(['need_id', 'answered_at']).where('answer', 'is not', null).execute();
  return rows.flatMap((r) => (r.answered_at ? [{ need_id: r.need_id, answered_at: r.answered_at }] : []));
}

/** When a published need last changed (the open dataset's date); null while none is published. */
export async function lastPublishedChange(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('needs')
    .select('updated_at')
    .where('status', 'in', ['published', 'closed', 'outcome_recorded'])
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.updated_at ?? null;
}

export async function findByTitle(db: Executor, title: string): Promise<NeedRow | undefined> {
  return db.selectFrom('needs').selectAll().where('title', '=', title).executeTakeFirst();
}

/** Needs submitted for publication and not yet decided (the staff's "Czeka na Ciebie"). */
export async function countSubmitted(db: Executor): Promise<number> {
  return (await db.selectFrom('needs').select(countAll().as('n')).where('status', '=', 'submitted').executeTakeFirstOrThrow()).n;
}
