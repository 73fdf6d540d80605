// The outcome of a buyer's need, asked 30 days after its deadline: did a contract follow, and for how
// much — from the buyer (on the need) and from each interested entity (on its answer).
import type { ModuleMigration } from '../../../core/module.js';

export const needOutcomesMigration: ModuleMigration = {
  async up(db) {
    for (const table of ['needs', 'need_answers']) {
      await db.schema.alterTable(table).addColumn('outcome_signed', 'boolean').execute();
      await db.schema.alterTable(table).addColumn('outcome_value', 'integer').execute();
      await db.schema.alterTable(table).addColumn('outcome_at', 'text').execute();
    }
  },
};
