// The dialect seam promises that repositories see the same values on SQLite and PostgreSQL. These
// checks run on whichever database the harness selects, so a difference between the two shows up
// as a failure on one run rather than as a bug in production.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MODULES } from '../../app.js';
import { moduleContext, seedReference } from '../../bootstrap.js';
import { loadConfig } from '../../config.js';
import type { ModuleContext } from '../module.js';
import { createUser } from '../../modules/accounts/index.js';
import { countUnitsByKind, listUnits } from '../../modules/territory/index.js';
import { sql } from 'kysely';
import { polishSortKey } from './collation.js';
import { countAll } from './database.js';
import { newId, UUID_PATTERN } from './ids.js';
import { migrateToLatest } from './migrate.js';
import { withTestDatabase, type TestDatabase } from './testing.js';

let database: TestDatabase;
let ctx: ModuleContext;
let firstMigration: string[];

before(async () => {
  database = await withTestDatabase();
  firstMigration = await migrateToLatest(database.handle, MODULES);
  const config = loadConfig({ DATABASE_URL: database.url, SESSION_SECRET: 'database-test-secret-0123456789abcdef', LOG_LEVEL: 'silent' });
  ctx = moduleContext(config, database.handle);
});
after(async () => database.dispose());

test('running the migrations again applies nothing', async () => {
  assert.ok(firstMigration.length > 0, 'the first run applied the schema');
  assert.deepEqual(await migrateToLatest(database.handle, MODULES), []);
});

test('countAll() is a JavaScript number on both databases', async () => {
  const empty = await ctx.db.selectFrom('sessions').select(countAll().as('n')).executeTakeFirstOrThrow();
  assert.equal(typeof empty.n, 'number');
  assert.equal(empty.n, 0);
  await ctx.db
    .insertInto('settings')
    .values([
      { key: 'test.a', value: '1', updated_at: '2026-01-01T00:00:00.000Z' },
      { key: 'test.b', value: '2', updated_at: '2026-01-01T00:00:00.000Z' },
    ])
    .execute();
  const two = await ctx.db.selectFrom('settings').select(countAll().as('n')).where('key', 'like', 'test.%').executeTakeFirstOrThrow();
  assert.equal(two.n, 2);
});

test('a boolean column (users.is_active) reads back as a JavaScript boolean', async () => {
  const active = await createUser(ctx, { email: 'aktywna@example.pl', roles: [], password: 'długie hasło testowe 1' });
  const inactive = await createUser(ctx, { email: 'nieaktywna@example.pl', roles: [], password: 'długie hasło testowe 2' });
  await ctx.db.updateTable('users').set({ is_active: false }).where('id', '=', inactive).execute();

  const rows = await ctx.db.selectFrom('users').select(['id', 'is_active']).where('id', 'in', [active, inactive]).execute();
  const byId = new Map(rows.map((r) => [r.id, r.is_active]));
  assert.equal(byId.get(active), true);
  assert.equal(byId.get(inactive), false);

  // a boolean as a parameter must bind on SQLite (as 0/1) and filter the same way
  const onlyInactive = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('is_active', '=', false)
    .where('id', 'in', [active, inactive])
    .execute();
  assert.deepEqual(
    onlyInactive.map((r) => r.id),
    [inactive],
  );
});

test('newId() gives UUIDv7 strings that sort in the order they were made', () => {
  const pattern = new RegExp(UUID_PATTERN);
  const ids: string[] = [];
  for (let i = 0; i < 500; i += 1) ids.push(newId());
  // many ids in one millisecond, enough to wrap the 12-bit sequence
  const sameMs = Date.now();
  for (let i = 0; i < 5000; i += 1) ids.push(newId(sameMs));
  // a clock that steps back must not break the order
  ids.push(newId(sameMs - 10_000));
  ids.push(newId());
  for (const id of ids) assert.match(id, pattern);
  for (let i = 1; i < ids.length; i += 1) assert.ok(ids[i - 1]! < ids[i]!, `id ${i} sorts after id ${i - 1}: ${ids[i - 1]} < ${ids[i]}`);
  const ms = Number.parseInt(ids[0]!.replaceAll('-', '').slice(0, 12), 16);
  assert.ok(Math.abs(ms - Date.now()) < 24 * 3600 * 1000, 'the first 48 bits are the Unix time in milliseconds');
});

test('reference seeding is idempotent: 1 województwo, 23 powiaty, 144 gminy, 167 boundaries', async () => {
  for (let run = 1; run <= 2; run += 1) {
    await seedReference(ctx);
    assert.deepEqual(await countUnitsByKind(ctx.db), { wojewodztwo: 1, powiat: 23, gmina: 144 }, `run ${run}`);
    const types = await ctx.db
      .selectFrom('territorial_units')
      .select(['gmina_type', countAll().as('n')])
      .where('kind', '=', 'gmina')
      .groupBy('gmina_type')
      .orderBy('gmina_type')
      .execute();
    assert.deepEqual(
      types.map((r) => [r.gmina_type, r.n]),
      [
        [1, 17],
        [2, 88],
        [3, 39],
      ],
      `run ${run}: urban / rural / urban-rural`,
    );
    const boundaries = await ctx.db.selectFrom('unit_boundaries').select(countAll().as('n')).executeTakeFirstOrThrow();
    assert.equal(boundaries.n, 167, `run ${run}`);
  }
});

test('listUnits returns gminy in Polish alphabetical order', async () => {
  await seedReference(ctx);
  const names = (await listUnits(ctx.db, 'gmina')).map((u) => u.name);
  assert.equal(names.length, 144);
  assert.deepEqual(names, [...names].sort(new Intl.Collator('pl').compare));
  // the order must not be plain code-point order, or this test would prove nothing
  assert.notDeepEqual([...names].sort(), [...names].sort(new Intl.Collator('pl').compare));
});

test('sort-key columns order byte by byte whatever collation the database would use', async () => {
  const db = database.handle.db;
  const seam = database.handle.seam;
  const names = ['Toruń', 'Żnin', 'Aleksandrów Kujawski', 'Łysomice', 'Brodnica', 'Świecie', 'Chełmno'];
  const keys = names.map(polishSortKey);
  // a Polish (ICU) collation on PostgreSQL, as a database created with a pl_PL locale gives every column
  const column = seam.name === 'postgres' ? sql`text collate "pl-x-icu"` : sql`text`;
  await sql`create table sort_key_probe (k ${column} not null)`.execute(db);
  try {
    for (const k of keys) await sql`insert into sort_key_probe (k) values (${k})`.execute(db);
    const ordered = async () =>
      (await sql<{ k: string }>`select k from sort_key_probe order by k`.execute(db)).rows.map((r) => names[keys.indexOf(r.k)]);
    if (seam.name === 'postgres')
      assert.notDeepEqual(
        await ordered(),
        [...names].sort(new Intl.Collator('pl').compare),
        "the locale order of the keys is not the names' order",
      );
    await seam.byteOrderColumn(db, 'sort_key_probe', 'k');
    assert.deepEqual(await ordered(), [...names].sort(new Intl.Collator('pl').compare));
  } finally {
    await sql`drop table sort_key_probe`.execute(db);
  }
});
