// An example indicator's invented targets are examples too, and must say so wherever a target is
// shown (page, chart, table, report, CSV, API): targets get their own flag, like values have. Rows of
// indicators already flagged as examples are flagged now, targets and values alike, so a database
// seeded before this change tells the truth without reseeding.
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const indicatorTargetExampleMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .alterTable('indicator_targets')
      .addColumn('is_example', 'boolean', (c) => c.notNull().defaultTo(false))
      .execute();
    // `true` is a literal both databases read as their boolean (SQLite stores it as 1)
    const examples = sql`(select id from indicators where is_example = true)`;
    await sql`update indicator_targets set is_example = true where indicator_id in ${examples}`.execute(db);
    await sql`update indicator_values set is_example = true where is_example = false and indicator_id in ${examples}`.execute(db);
  },
};
