// The consultations module's schema changes: one dated file per migration (`YYYYMMDDHHmm_description.ts`,
// named by its key), listed here. A key never changes once shipped: databases recorded it.
import type { ModuleMigration } from '../../../core/module.js';
import { consultationsMigration } from './202612200010_consultations.js';
import { commentSubmissionKeyMigration } from './202701050030_consultation_comment_submission_key.js';
import { consultationsSortKeysByteOrderMigration } from './202701060010_consultations_sort_keys_byte_order.js';

export const consultationsMigrations: Record<string, ModuleMigration> = {
  '202612200010_consultations': consultationsMigration,
  '202701050030_consultation_comment_submission_key': commentSubmissionKeyMigration,
  '202701060010_consultations_sort_keys_byte_order': consultationsSortKeysByteOrderMigration,
};
