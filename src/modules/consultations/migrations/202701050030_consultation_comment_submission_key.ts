// A resubmitted comment form is recognised by its one-time value (both databases: unique per
// consultation).
import type { ModuleMigration } from '../../../core/module.js';

export const commentSubmissionKeyMigration: ModuleMigration = {
  async up(db) {
    await db.schema.alterTable('consultation_comments').addColumn('submission_key', 'text').execute();
    await db.schema
      .createIndex('consultation_comments_submission')
      .on('consultation_comments')
      .columns(['consultation_id', 'submission_key'])
      .unique()
      .execute();
  },
};
