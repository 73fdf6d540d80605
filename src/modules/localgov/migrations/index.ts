// The localgov module's schema changes: one dated file per migration (`YYYYMMDDHHmm_description.ts`,
// named by its key), listed here. A key never changes once shipped: databases recorded it.
import type { ModuleMigration } from '../../../core/module.js';
import { localgovCooperationMigration } from './202702030010_localgov_cooperation.js';
import { localgovAwardsMigration } from './202702030020_localgov_awards.js';
import { localgovPracticesMigration } from './202702030030_localgov_practices.js';
import { localgovFoundedEntitiesMigration } from './202712100010_localgov_founded_entities.js';
import { localgovSurveyAnswersMigration } from './202712100020_localgov_survey_answers.js';

export const localgovMigrations: Record<string, ModuleMigration> = {
  '202702030010_localgov_cooperation': localgovCooperationMigration,
  '202702030020_localgov_awards': localgovAwardsMigration,
  '202702030030_localgov_practices': localgovPracticesMigration,
  '202712100010_localgov_founded_entities': localgovFoundedEntitiesMigration,
  '202712100020_localgov_survey_answers': localgovSurveyAnswersMigration,
};
