// Kysely queries of the local governments' survey answers (no rules): one row per unit and year.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../localgov.repo.js';
import type { LocalgovSurveyAnswersTable, SurveyAnswerStatus } from '../localgov.tables.js';

export type AnswerRow = Selectable<LocalgovSurveyAnswersTable>;

export async function findAnswer(db: Executor, id: string): Promise<AnswerRow | undefined> {
  return db.selectFrom('localgov_survey_answers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAnswerOf(db: Executor, teryt: string, year: number): Promise<AnswerRow | undefined> {
  return db.selectFrom('localgov_survey_answers').selectAll().where('unit_teryt', '=', teryt).where('year', '=', year).executeTakeFirst();
}

export async function listAnswers(db: Executor): Promise<AnswerRow[]> {
  return db.selectFrom('localgov_survey_answers').selectAll().orderBy('year', 'desc').orderBy('updated_at', 'desc').execute();
}

/**
 * Writes the unit's answers for the year: a new row, or over the existing one only while it is
 * `editable` (a draft or returned) — one statement, so two submissions at once cannot make two rows
 * or overwrite answers under review. Returns whether a row was written.
 */
export async function putAnswer(
  db: Executor,
  row: Insertable<LocalgovSurveyAnswersTable>,
  change: Updateable<LocalgovSurveyAnswersTable>,
  editable: readonly SurveyAnswerStatus[],
): Promise<boolean> {
  const res = await db
    .insertInto('localgov_survey_answers')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['unit_teryt', 'year'])
        .doUpdateSet(change)
        .where('localgov_survey_answers.status', 'in', [...editable]),
    )
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Moves the answer from `from` to a decision; returns whether it was still in `from` (one decision wins). */
export async function decideAnswer(
  db: Executor,
  id: string,
  from: SurveyAnswerStatus,
  change: Updateable<LocalgovSurveyAnswersTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('localgov_survey_answers')
    .set(change)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
