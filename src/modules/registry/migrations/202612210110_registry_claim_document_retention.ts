// The date a claim's document was deleted by the retention job, so staff pages say so instead of
// offering a download.
import type { ModuleMigration } from '../../../core/module.js';

export const claimDocumentRetentionMigration: ModuleMigration = {
  async up(db) {
    await db.schema.alterTable('entity_claims').addColumn('document_erased_at', 'text').execute();
  },
};
