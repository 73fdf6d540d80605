// Historical transitions (the 2014 programme's consultation, its ex-ante evaluation) are known
// only by year; the timeline must not show an invented day.
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const eventPrecisionMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .alterTable('programme_status_events')
      .addColumn('date_precision', 'text', (c) =>
        c
          .notNull()
          .defaultTo('day')
          .check(sql`date_precision in ('day', 'month', 'year')`),
      )
      .execute();
  },
};
