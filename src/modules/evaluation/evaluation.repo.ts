// Kysely queries of the evaluation module; no rules here (see evaluation.service.ts). The lists are
// small (a few studies a programme period, tens of recommendations each), so filters that depend on
// derived statuses are applied in the service over whole lists.
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import type {
  EvaluationActionsTable,
  EvaluationRatingsTable,
  EvaluationRecommendationsTable,
  EvaluationStudiesTable,
} from './evaluation.tables.js';

type Executor = Kysely<Database> | Transaction<Database>;

export type StudyRow = Selectable<EvaluationStudiesTable>;
export type RecommendationRow = Selectable<EvaluationRecommendationsTable>;
export type ActionRow = Selectable<EvaluationActionsTable>;
export type RatingRow = Selectable<EvaluationRatingsTable>;
export type LinkRow = Selectable<Database['evaluation_recommendation_links']>;

export async function insertStudy(db: Executor, row: Insertable<EvaluationStudiesTable>): Promise<void> {
  await db.insertInto('evaluation_studies').values(row).execute();
}

export async function updateStudy(db: Executor, id: string, row: Updateable<EvaluationStudiesTable>): Promise<void> {
  await db.updateTable('evaluation_studies').set(row).where('id', '=', id).execute();
}

export async function findStudy(db: Executor, id: string): Promise<StudyRow | undefined> {
  return db.selectFrom('evaluation_studies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listStudies(db: Executor, publishedOnly: boolean): Promise<StudyRow[]> {
  let q = db.selectFrom('evaluation_studies').selectAll();
  if (publishedOnly) q = q.where('is_published', '=', true);
  return q.orderBy('title_sort').orderBy('id').execute();
}

export async function insertRecommendation(db: Executor, row: Insertable<EvaluationRecommendationsTable>): Promise<void> {
  await db.insertInto('evaluation_recommendations').values(row).execute();
}

export async function updateRecommendation(db: Executor, id: string, row: Updateable<EvaluationRecommendationsTable>): Promise<void> {
  await db.updateTable('evaluation_recommendations').set(row).where('id', '=', id).execute();
}

export async function findRecommendation(db: Executor, id: string): Promise<RecommendationRow | undefined> {
  return db.selectFrom('evaluation_recommendations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listRecommendations(db: Executor, studyIds: readonly string[]): Promise<RecommendationRow[]> {
  if (studyIds.length === 0) return [];
  return db
    .selectFrom('evaluation_recommendations')
    .selectAll()
    .where('study_id', 'in', studyIds)
    .orderBy('study_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function recommendationNumbers(db: Executor, studyId: string): Promise<{ number: string; position: number }[]> {
  return db.selectFrom('evaluation_recommendations').select(['number', 'position']).where('study_id', '=', studyId).execute();
}

export async function replaceLinks(
  db: Executor,
  recommendationId: string,
  rows: Insertable<Database['evaluation_recommendation_links']>[],
) {
  await db.deleteFrom('evaluation_recommendation_links').where('recommendation_id', '=', recommendationId).execute();
  if (rows.length) await db.insertInto('evaluation_recommendation_links').values(rows).execute();
}

export async function listLinks(db: Executor, recommendationIds: readonly string[]): Promise<LinkRow[]> {
  if (recommendationIds.length === 0) return [];
  return db.selectFrom('evaluation_recommendation_links').selectAll().where('recommendation_id', 'in', recommendationIds).execute();
}

export async function insertAction(db: Executor, row: Insertable<EvaluationActionsTable>): Promise<void> {
  await db.insertInto('evaluation_actions').values(row).execute();
}

export async function updateAction(db: Executor, id: string, row: Updateable<EvaluationActionsTable>): Promise<void> {
  await db.updateTable('evaluation_actions').set(row).where('id', '=', id).execute();
}

export async function findAction(db: Executor, id: string): Promise<ActionRow | undefined> {
  return db.selectFrom('evaluation_actions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listActions(db: Executor, recommendationIds: readonly string[]): Promise<ActionRow[]> {
  if (recommendationIds.length === 0) return [];
  return db
    .selectFrom('evaluation_actions')
    .selectAll()
    .where('recommendation_id', 'in', recommendationIds)
    .orderBy('deadline')
    .orderBy('id')
    .execute();
}

export async function insertRating(db: Executor, row: Insertable<EvaluationRatingsTable>): Promise<void> {
  await db.insertInto('evaluation_ratings').values(row).execute();
}

export async function updateRating(db: Executor, id: string, row: Updateable<EvaluationRatingsTable>): Promise<void> {
  await db.updateTable('evaluation_ratings').set(row).where('id', '=', id).execute();
}

export async function findRating(db: Executor, id: string): Promise<RatingRow | undefined> {
  return db.selectFrom('evaluation_ratings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listRatings(db: Executor, recommendationIds: readonly string[]): Promise<RatingRow[]> {
  if (recommendationIds.length === 0) return [];
  return db
    .selectFrom('evaluation_ratings')
    .selectAll()
    .where('recommendation_id', 'in', recommendationIds)
    .orderBy('proposed_at')
    .orderBy('id')
    .execute();
}

/** Records a digest; false when this user already had one that day (nothing is inserted). */
export async function insertDigest(db: Executor, row: Insertable<Database['evaluation_digests']>): Promise<boolean> {
  const res = await db
    .insertInto('evaluation_digests')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Active coordinators, who receive the digest. */
export async function listCoordinators(db: Executor): Promise<{ id: string; email: string; display_name: string; lang: string }[]> {
  return db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.email', 'u.display_name', 'u.lang'])
    .where('r.role', '=', 'coordinator')
    .where('u.is_active', '=', true)
    .where('u.anonymised_at', 'is', null)
    .groupBy(['u.id', 'u.email', 'u.display_name', 'u.lang'])
    .orderBy('u.id')
    .execute();
}

/** The latest change of a published study or of any recommendation's follow-up (null: nothing yet). */
export async function lastChange(db: Executor): Promise<string | null> {
  const [s, r, a, g] = await Promise.all([
    db
      .selectFrom('evaluation_studies')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .where('is_published', '=', true)
      .executeTakeFirst(),
    db
      .selectFrom('evaluation_recommendations')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .executeTakeFirst(),
    db
      .selectFrom('evaluation_actions')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .executeTakeFirst(),
    db
      .selectFrom('evaluation_ratings')
      .select((eb) => eb.fn.max('proposed_at').as('at'))
      .executeTakeFirst(),
  ]);
  const all = [s?.at, r?.at, a?.at, g?.at].filter((x): x is string => typeof x === 'string');
  return all.length ? all.sort().at(-1)! : null;
}
