// The migration that gives targets their example flag, on SQLite and PostgreSQL, run over a database
// that already holds an example indicator (as one seeded before it would): its targets and values
// become examples; a real indicator's rows stay as they were.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { MODULES } from '../../app.js';
import { migrateToLatest } from '../../core/db/migrate.js';
import { withTestDatabase, type TestDatabase } from '../../core/db/testing.js';

const KEY = '202701120110_indicator_target_example';

describe(`migration ${KEY}`, () => {
  let database: TestDatabase;
  before(async () => {
    database = await withTestDatabase();
  });
  after(async () => database.dispose());

  it('flags the targets and values of example indicators, and only those', async () => {
    const before = MODULES.map((m) =>
      m.name === 'indicators' ? { ...m, migrations: Object.fromEntries(Object.entries(m.migrations ?? {}).filter(([k]) => k !== KEY)) } : m,
    );
    await migrateToLatest(database.handle, before);
    const db = database.handle.db;
    const at = '2026-01-01T00:00:00.000Z';
    await sql`insert into programmes (id, slug, title, period_from, period_to, alignment, status, is_current, created_at, updated_at) values ('p', 'p', 'P', 2014, 2020, '[]', 'closed', ${false}, ${at}, ${at})`.execute(
      db,
    );
    for (const [id, example] of [
      ['ex', true],
      ['real', false],
    ] as const) {
      await sql`insert into indicators (id, programme_id, code, name, unit, type, direction, frequency, breakdown, method, formula_params, position, is_example) values (${id}, 'p', ${id}, ${id}, 'szt.', 'output', 'increase', 'annual', 'none', 'reported', '{}', 0, ${example})`.execute(
        db,
      );
      await sql`insert into indicator_targets (id, indicator_id, year, value) values (${`t-${id}`}, ${id}, 2020, 10)`.execute(db);
      await sql`insert into indicator_values (id, indicator_id, period, territory_code, value, status, is_computed, is_example, created_at, updated_at) values (${`v-${id}`}, ${id}, 2019, 'region', 5, 'approved', ${false}, ${false}, ${at}, ${at})`.execute(
        db,
      );
    }
    assert.deepEqual(await migrateToLatest(database.handle, MODULES), [`${KEY}__indicators`]);
    const targets = await db.selectFrom('indicator_targets').select(['indicator_id', 'is_example']).orderBy('indicator_id').execute();
    assert.deepEqual(targets, [
      { indicator_id: 'ex', is_example: true },
      { indicator_id: 'real', is_example: false },
    ]);
    const values = await db.selectFrom('indicator_values').select(['indicator_id', 'is_example']).orderBy('indicator_id').execute();
    assert.deepEqual(values, [
      { indicator_id: 'ex', is_example: true },
      { indicator_id: 'real', is_example: false },
    ]);
  });
});
