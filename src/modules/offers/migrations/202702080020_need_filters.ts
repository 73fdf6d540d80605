// The optional filters of the matching rule stored with a need: only entities holding the PS
// status, only holders of a valid mark, only offers open to reserved contracts (false: no filter);
// and `is_example` for the demonstration need of `seed demo` (labelled everywhere, never notified).
import type { ModuleMigration } from '../../../core/module.js';

export const needFiltersMigration: ModuleMigration = {
  async up(db) {
    for (const column of ['only_ps', 'only_mark', 'only_reserved', 'is_example'])
      await db.schema
        .alterTable('needs')
        .addColumn(column, 'boolean', (c) => c.notNull().defaultTo(false))
        .execute();
  },
};
