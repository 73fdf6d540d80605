// The migration that lets rounds and values cover a quarter, on SQLite and PostgreSQL, over a
// database that already holds a round, a value and its history: all stay, as whole-year rows; two
// quarters of one cell may then be stored, one quarter twice may not; the history still belongs to
// its value (deleting the value deletes its history, as before).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { MODULES } from '../../app.js';
import { migrateToLatest } from '../../core/db/migrate.js';
import { withTestDatabase, type TestDatabase } from '../../core/db/testing.js';

const KEY = '202712080010_quarterly_rounds';

describe(`migration ${KEY}`, () => {
  let database: TestDatabase;
  before(async () => {
    database = await withTestDatabase();
  });
  after(async () => database.dispose());

  it('keeps rounds, values and history as whole-year rows and makes the quarter part of the cell', async () => {
    const without = MODULES.map((m) =>
      m.name === 'indicators' ? { ...m, migrations: Object.fromEntries(Object.entries(m.migrations ?? {}).filter(([k]) => k !== KEY)) } : m,
    );
    await migrateToLatest(database.handle, without);
    const db = database.handle.db;
    const at = '2026-01-01T00:00:00.000Z';
    await sql`insert into programmes (id, slug, title, period_from, period_to, alignment, status, is_current, created_at, updated_at) values ('p', 'p', 'P', 2021, 2027, '[]', 'implementation', ${false}, ${at}, ${at})`.execute(
      db,
    );
    await sql`insert into indicators (id, programme_id, code, name, unit, type, direction, frequency, breakdown, method, formula_params, position, is_example) values ('i', 'p', 'W1', 'W1', 'szt.', 'output', 'increase', 'annual', 'none', 'reported', '{}', 0, ${false})`.execute(
      db,
    );
    await sql`insert into monitoring_rounds (id, programme_id, name, period, deadline, status, created_at) values ('r', 'p', 'R', 2025, '2026-03-31', 'open', ${at})`.execute(
      db,
    );
    await sql`insert into indicator_values (id, indicator_id, period, territory_code, value, status, round_id, is_computed, is_example, created_at, updated_at) values ('v', 'i', 2025, 'region', 5, 'approved', 'r', ${false}, ${false}, ${at}, ${at})`.execute(
      db,
    );
    await sql`insert into indicator_value_history (id, value_id, at, action, status, value) values ('h', 'v', ${at}, 'approved', 'approved', 5)`.execute(
      db,
    );

    assert.deepEqual(await migrateToLatest(database.handle, MODULES), [`${KEY}__indicators`]);
    assert.deepEqual(await db.selectFrom('monitoring_rounds').select(['id', 'quarter']).execute(), [{ id: 'r', quarter: 0 }]);
    const values = await db.selectFrom('indicator_values').select(['id', 'quarter', 'value', 'round_id', 'status']).execute();
    assert.deepEqual(values, [{ id: 'v', quarter: 0, value: 5, round_id: 'r', status: 'approved' }]);
    assert.deepEqual(await db.selectFrom('indicator_value_history').select(['id', 'value_id']).execute(), [{ id: 'h', value_id: 'v' }]);

    const row = (id: string, quarter: number) =>
      sql`insert into indicator_values (id, indicator_id, period, quarter, territory_code, value, status, is_computed, is_example, created_at, updated_at) values (${id}, 'i', 2025, ${quarter}, 'region', 1, 'draft', ${false}, ${false}, ${at}, ${at})`.execute(
        db,
      );
    await row('q1', 1);
    await row('q2', 2);
    await assert.rejects(row('q1-again', 1), 'one quarter of a cell is stored once');
    await assert.rejects(row('q5', 5), 'a fifth quarter is refused');
    await assert.rejects(
      sql`insert into indicator_value_history (id, value_id, at, action, status) values ('h2', 'nothing', ${at}, 'saved', 'draft')`.execute(
        db,
      ),
      'the history still refers to values',
    );
    await db.deleteFrom('indicator_values').where('id', '=', 'v').execute();
    assert.equal((await db.selectFrom('indicator_value_history').select('id').execute()).length, 0, 'deleting a value deletes its history');
  });
});
