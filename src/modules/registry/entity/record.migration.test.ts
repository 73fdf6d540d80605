// The record migration on a database that already holds entities: a stored 'jednostka_budzetowa'
// (a legal form the list no longer has) becomes 'inna', and the employment table appears. Runs on
// SQLite and PostgreSQL like every migration.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MODULES } from '../../../app.js';
import { migrateToLatest } from '../../../core/db/migrate.js';
import { withTestDatabase } from '../../../core/db/testing.js';

const KEY = '202612070010_registry_record';

test('the record migration turns the dropped legal form into "inna" and keeps the rest', async () => {
  const database = await withTestDatabase();
  try {
    const before = MODULES.map((m) =>
      m.name === 'registry' ? { ...m, migrations: Object.fromEntries(Object.entries(m.migrations ?? {}).filter(([k]) => k < KEY)) } : m,
    );
    await migrateToLatest(database.handle, before);
    const at = '2026-01-01T00:00:00.000Z';
    const row = (id: string, legal_form: string) => ({
      id,
      name: id,
      name_sort: id,
      legal_form,
      sectors: '[]',
      lifecycle: 'active',
      search_doc: id,
      is_synthetic: false,
      created_at: at,
      updated_at: at,
    });
    // the old value is no longer in the type, which is the point of the migration
    await database.handle.db
      .insertInto('entities')
      .values([row('budget-unit', 'jednostka_budzetowa'), row('foundation', 'fundacja')] as never)
      .execute();
    const applied = await migrateToLatest(database.handle, MODULES);
    assert.ok(
      applied.some((name) => name.startsWith(KEY)),
      `applied: ${applied.join(', ')}`,
    );
    const forms = await database.handle.db.selectFrom('entities').select(['id', 'legal_form', 'pkd_codes']).orderBy('id').execute();
    assert.deepEqual(forms, [
      { id: 'budget-unit', legal_form: 'inna', pkd_codes: null },
      { id: 'foundation', legal_form: 'fundacja', pkd_codes: null },
    ]);
    assert.deepEqual(await database.handle.db.selectFrom('entity_employment').selectAll().execute(), []);
    assert.deepEqual(await migrateToLatest(database.handle, MODULES), [], 'running again is a no-op');
  } finally {
    await database.dispose();
  }
});
