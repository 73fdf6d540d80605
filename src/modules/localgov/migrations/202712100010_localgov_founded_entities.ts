// The entities a local government founded or co-founded, per cooperation record (registry ids as a
// JSON array; null — unknown — for every record so far).
import type { ModuleMigration } from '../../../core/module.js';

export const localgovFoundedEntitiesMigration: ModuleMigration = {
  async up(db) {
    await db.schema.alterTable('localgov_cooperation').addColumn('founded_entity_ids', 'text').execute();
  },
};
