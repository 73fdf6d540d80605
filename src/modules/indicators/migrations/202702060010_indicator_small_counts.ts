// An indicator that counts people (or entities few enough to point at people) may show its small
// values only as "<3" in public: the flag says which indicators do (indicators.privacy.ts).
import type { ModuleMigration } from '../../../core/module.js';

export const indicatorSmallCountsMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .alterTable('indicators')
      .addColumn('is_small_count_suppressed', 'boolean', (c) => c.notNull().defaultTo(false))
      .execute();
  },
};
