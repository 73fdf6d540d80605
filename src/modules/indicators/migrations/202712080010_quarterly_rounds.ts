// A monitoring round may report on a quarter of a year as well as on the whole year (issue 18: the
// support centres report per quarter), so rounds and values get a `quarter`: 0 is the whole year,
// 1–4 a quarter. Every existing round and value is yearly (0). A value's cell becomes (indicator,
// year, quarter, territory): the old unique key (indicator, year, territory) cannot be dropped on
// SQLite, so indicator_values is rebuilt under a new name on both databases — with its history,
// whose foreign key would otherwise cascade its rows away when the old table is dropped — and the
// copies take the old names (SQLite rewrites the history's reference on the rename; PostgreSQL
// keeps it by identity). Runs inside the migration's transaction: it applies whole or not at all.
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

const VALUE_COLUMNS = [
  'id',
  'indicator_id',
  'period',
  'territory_code',
  'value',
  'source',
  'comment',
  'status',
  'return_reason',
  'round_id',
  'is_computed',
  'is_example',
  'entered_by',
  'approved_by',
  'created_at',
  'updated_at',
] as const;
const HISTORY_COLUMNS = ['id', 'value_id', 'at', 'user_id', 'action', 'status', 'value', 'comment'] as const;

export const quarterlyRoundsMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .alterTable('monitoring_rounds')
      .addColumn('quarter', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`quarter between 0 and 4`),
      )
      .execute();

    await db.schema
      .createTable('indicator_values_quarterly')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
      .addColumn('period', 'integer', (c) => c.notNull())
      .addColumn('quarter', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`quarter between 0 and 4`),
      )
      .addColumn('territory_code', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision')
      .addColumn('source', 'text')
      .addColumn('comment', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'submitted', 'approved', 'returned')`))
      .addColumn('return_reason', 'text')
      .addColumn('round_id', 'text', (c) => c.references('monitoring_rounds.id').onDelete('set null'))
      .addColumn('is_computed', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('is_example', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('entered_by', 'text')
      .addColumn('approved_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('indicator_values_quarter_cell', ['indicator_id', 'period', 'quarter', 'territory_code'])
      .execute();
    const values = sql.join(VALUE_COLUMNS.map((c) => sql.ref(c)));
    await sql`insert into indicator_values_quarterly (${values}, quarter) select ${values}, 0 from indicator_values`.execute(db);

    await db.schema
      .createTable('indicator_value_history_quarterly')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('value_id', 'text', (c) => c.notNull().references('indicator_values_quarterly.id').onDelete('cascade'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision')
      .addColumn('comment', 'text')
      .execute();
    const history = sql.join(HISTORY_COLUMNS.map((c) => sql.ref(c)));
    await sql`insert into indicator_value_history_quarterly (${history}) select ${history} from indicator_value_history`.execute(db);

    await db.schema.dropTable('indicator_value_history').execute();
    await db.schema.dropTable('indicator_values').execute();
    await db.schema.alterTable('indicator_values_quarterly').renameTo('indicator_values').execute();
    await db.schema.alterTable('indicator_value_history_quarterly').renameTo('indicator_value_history').execute();
    await db.schema.createIndex('indicator_value_history_value').on('indicator_value_history').column('value_id').execute();
  },
};
