// The local governments' text answers to the annual survey: one row per unit and year (a unique
// index, so two submissions of one unit cannot make two rows), with its review status.
import type { ModuleMigration } from '../../../core/module.js';

export const localgovSurveyAnswersMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('localgov_survey_answers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('unit_teryt', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('programme_title', 'text')
      .addColumn('programme_date', 'text')
      .addColumn('programme_url', 'text')
      .addColumn('clause_kinds', 'text')
      .addColumn('other_forms', 'text')
      .addColumn('founded_entity_ids', 'text')
      .addColumn('return_message', 'text')
      .addColumn('submitted_by', 'text')
      .addColumn('submitted_at', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .execute();
    await db.schema
      .createIndex('localgov_survey_answers_unit_year')
      .on('localgov_survey_answers')
      .columns(['unit_teryt', 'year'])
      .unique()
      .execute();
    await db.schema.createIndex('localgov_survey_answers_status').on('localgov_survey_answers').column('status').execute();
  },
};
