// The migration of marks and activity checks on a database that already holds them (SQLite and
// PostgreSQL): a mark with a grant date and no expiry gets its one-year licence's derived expiry,
// a stated or unknown one is left alone, and no stored entity gets an activity check.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MODULES } from '../../../app.js';
import { migrateToLatest } from '../../../core/db/migrate.js';
import { withTestDatabase } from '../../../core/db/testing.js';

const KEY = '202701150010_registry_mark_expiry_activity_check';

test('the mark-expiry migration derives the expiry of dated marks and checks no entity', async () => {
  const database = await withTestDatabase();
  try {
    const before = MODULES.map((m) =>
      m.name === 'registry' ? { ...m, migrations: Object.fromEntries(Object.entries(m.migrations ?? {}).filter(([k]) => k < KEY)) } : m,
    );
    await migrateToLatest(database.handle, before);
    const db = database.handle.db;
    const at = '2026-01-01T00:00:00.000Z';
    await db
      .insertInto('entities')
      .values({
        id: 'e',
        name: 'e',
        name_sort: 'e',
        legal_form: 'fundacja',
        sectors: '[]',
        lifecycle: 'active',
        verified_at: '2022-09-06',
        search_doc: 'e',
        is_synthetic: false,
        created_at: at,
        updated_at: at,
      } as never)
      .execute();
    const mark = (id: string, granted_on: string | null, expires_on: string | null) => ({
      id,
      entity_id: 'e',
      mark: 'zakup_prospoleczny',
      subject: null,
      granted_on,
      expires_on,
      source_url: null,
    });
    await db
      .insertInto('entity_marks')
      .values([
        mark('dated', '2022-09-06', null),
        mark('leap', '2024-02-29', null),
        mark('stated', '2025-01-01', '2025-06-30'),
        mark('undated', null, null),
      ] as never)
      .execute();
    const applied = await migrateToLatest(database.handle, MODULES);
    assert.ok(
      applied.some((name) => name.startsWith(KEY)),
      `applied: ${applied.join(', ')}`,
    );
    const marks = await db.selectFrom('entity_marks').select(['id', 'expires_on', 'is_expiry_derived']).orderBy('id').execute();
    assert.deepEqual(marks, [
      { id: 'dated', expires_on: '2023-09-06', is_expiry_derived: true },
      { id: 'leap', expires_on: '2025-02-28', is_expiry_derived: true },
      { id: 'stated', expires_on: '2025-06-30', is_expiry_derived: false },
      { id: 'undated', expires_on: null, is_expiry_derived: false },
    ]);
    const e = await db
      .selectFrom('entities')
      .select(['lifecycle', 'verified_at', 'activity_verified_on', 'activity_verified_by'])
      .executeTakeFirstOrThrow();
    assert.deepEqual(e, { lifecycle: 'active', verified_at: '2022-09-06', activity_verified_on: null, activity_verified_by: null });
    assert.deepEqual(await migrateToLatest(database.handle, MODULES), [], 'running again is a no-op');
  } finally {
    await database.dispose();
  }
});
