// The write-invalidated cache: a value is computed once and served until a write to one of its
// tables (or a raw-write counter changes, or the time runs out); writes to other tables, and values
// of other table sets, are left alone; a failed computation is not kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './database.js';
import { withTestDatabase } from './testing.js';
import { cachedUntilWrite } from './write-cache.js';

test('cachedUntilWrite: computed once until a write to its tables', async () => {
  const tdb = await withTestDatabase();
  try {
    const db = tdb.handle.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await sql`create table counted (id text primary key)`.execute(db);
    await sql`create table unrelated (id text primary key)`.execute(db);
    const ctx = { db: tdb.handle.db, database: tdb.handle };
    let computed = 0;
    const count = () =>
      cachedUntilWrite(ctx, ['counted'], 'n', async () => {
        computed += 1;
        const rows = await db.selectFrom('counted').selectAll().execute();
        return rows.length;
      });
    assert.equal(await count(), 0);
    assert.equal(await count(), 0);
    assert.equal(computed, 1, 'served from the cache');
    await db.insertInto('unrelated').values({ id: 'x' }).execute();
    assert.equal(await count(), 0);
    assert.equal(computed, 1, 'a write elsewhere keeps the value');
    await db.insertInto('counted').values({ id: 'a' }).execute();
    assert.equal(await count(), 1, 'a write to the table is seen at once');
    assert.equal(computed, 2);

    let raw = 0;
    let extra = 0;
    const withRaw = () => cachedUntilWrite(ctx, ['counted'], 'raw', async () => (extra += 1), { extraVersion: () => raw });
    await withRaw();
    await withRaw();
    raw += 1;
    await withRaw();
    assert.equal(extra, 2, 'a change of the raw-write counter recomputes');

    let timed = 0;
    const short = () => cachedUntilWrite(ctx, ['counted'], 'short', async () => (timed += 1), { ttlMs: 0 });
    await short();
    await new Promise((r) => setTimeout(r, 2));
    await short();
    if (tdb.handle.seam.name === 'postgres') assert.equal(timed, 2, 'past its time a value is computed again');
    else assert.equal(timed, 1, 'past its time a value stays while no other connection has committed (data_version)');

    await assert.rejects(cachedUntilWrite(ctx, ['counted'], 'fails', async () => Promise.reject(new Error('boom'))));
    assert.equal(await cachedUntilWrite(ctx, ['counted'], 'fails', async () => 'ok'), 'ok', 'a failure is not kept');
  } finally {
    await tdb.dispose();
  }
});

test('cachedUntilWrite: a group keeps its own bound and never pushes out the other values of its tables', async () => {
  const tdb = await withTestDatabase();
  try {
    await sql`create table grouped (id text primary key)`.execute(tdb.handle.db);
    const ctx = { db: tdb.handle.db, database: tdb.handle };
    const computed = new Map<string, number>();
    const get = (key: string, group?: string) =>
      cachedUntilWrite(
        ctx,
        ['grouped'],
        key,
        async () => {
          computed.set(key, (computed.get(key) ?? 0) + 1);
          return key;
        },
        group ? { group, maxEntries: 2 } : {},
      );
    await get('small');
    for (const k of ['big1', 'big2', 'big3']) await get(k, 'big');
    await get('small');
    assert.equal(computed.get('small'), 1, 'the ungrouped value stayed');
    await get('big1', 'big');
    assert.equal(computed.get('big1'), 2, 'the group kept only its last two');
    await get('big3', 'big');
    assert.equal(computed.get('big3'), 1);
  } finally {
    await tdb.dispose();
  }
});

test('cachedUntilWrite on SQLite: past its time, a value is computed again only after another connection committed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spojnia-write-cache-'));
  const url = `sqlite:${join(dir, 'shared.db')}`;
  const mine = await openDatabase(url);
  const other = await openDatabase(url);
  try {
    await sql`create table counted (id text primary key)`.execute(mine.db);
    const ctx = { db: mine.db, database: mine };
    let computed = 0;
    const count = () =>
      cachedUntilWrite(
        ctx,
        ['counted'],
        'n',
        async () => {
          computed += 1;
          return (await sql<{ n: number }>`select count(*) as n from counted`.execute(mine.db)).rows[0]!.n;
        },
        { ttlMs: 0 },
      );
    assert.equal(await count(), 0);
    await new Promise((r) => setTimeout(r, 2));
    assert.equal(await count(), 0);
    assert.equal(computed, 1, 'nobody else wrote: kept past its time');
    // a write the observer cannot see: another connection (another process, another instance)
    await sql`insert into counted (id) values ('a')`.execute(other.db);
    await new Promise((r) => setTimeout(r, 2));
    assert.equal(await count(), 1, "the other connection's commit is seen once the time ran out");
    assert.equal(computed, 2);
  } finally {
    await other.close();
    await mine.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cachedUntilWrite with staleWhileRefresh: past its time the old value is served while one refresh runs; a local write still waits', async () => {
  const tdb = await withTestDatabase();
  try {
    const db = tdb.handle.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await sql`create table counted (id text primary key)`.execute(db);
    // without the seam the time limit always applies (as on PostgreSQL)
    const ctx = { db: tdb.handle.db, database: { onWrite: tdb.handle.onWrite } };
    let computed = 0;
    let release = () => {};
    const value = () =>
      cachedUntilWrite(
        ctx,
        ['counted'],
        'swr',
        async () => {
          computed += 1;
          const mine = computed;
          if (mine > 1) await new Promise<void>((resolve) => (release = resolve));
          return mine;
        },
        { ttlMs: 0, staleWhileRefresh: true },
      );
    const tick = () => new Promise((r) => setTimeout(r, 2));
    assert.equal(await value(), 1);
    await tick();
    assert.equal(await value(), 1, 'past its time: the old value at once');
    assert.equal(await value(), 1, 'still the old value while the refresh runs');
    assert.equal(computed, 2, 'one refresh at a time');
    release();
    await tick();
    assert.equal(await value(), 2, 'the refreshed value replaces it');
    release();
    await tick();
    await db.insertInto('counted').values({ id: 'a' }).execute();
    const afterWrite = value();
    const settled = await Promise.race([afterWrite.then(() => 'answered'), tick().then(() => 'waiting')]);
    assert.equal(settled, 'waiting', 'after a local write the request waits for the new value');
    release();
    assert.equal(await afterWrite, computed);
  } finally {
    await tdb.dispose();
  }
});

test('cachedUntilWrite with expires: a value is computed again from the instant it names, on the given clock', async () => {
  const tdb = await withTestDatabase();
  try {
    const db = tdb.handle.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await sql`create table timed (id text primary key)`.execute(db);
    const ctx = { db: tdb.handle.db, database: tdb.handle };
    let now = new Date('2026-05-01T10:00:00Z');
    const clock = { now: () => now };
    let computed = 0;
    // the value says until when it holds: e.g. the end of the first event it lists; null holds until a write
    let until: Date | null = new Date('2026-05-01T12:00:00Z');
    const read = () =>
      cachedUntilWrite(
        ctx,
        ['timed'],
        'k',
        async () => {
          computed += 1;
          return { until };
        },
        { expires: { clock, at: (v) => v.until } },
      );
    await read();
    now = new Date('2026-05-01T11:59:59.999Z');
    await read();
    assert.equal(computed, 1, 'kept before its instant');
    now = new Date('2026-05-01T12:00:00Z');
    until = null;
    await read();
    assert.equal(computed, 2, 'computed again at its instant');
    now = new Date('2030-01-01T00:00:00Z');
    await read();
    assert.equal(computed, 2, 'a value without an instant is kept however late');
    await db.insertInto('timed').values({ id: 'a' }).execute();
    await read();
    assert.equal(computed, 3, 'and a write still ends it');
  } finally {
    await tdb.dispose();
  }
});
