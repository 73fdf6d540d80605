// The migration of the registry's marks into licences on a database that already holds marks
// (SQLite and PostgreSQL): every mark becomes one licence with its dates, derived-expiry flag and
// source kept and the product "not yet specified", and the valid-marks figure (the registry's own
// count, countValidMarksByGmina) equals the count of valid licences on every day checked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MODULES } from '../../app.js';
import { migrateToLatest } from '../../core/db/migrate.js';
import { withTestDatabase } from '../../core/db/testing.js';
import { countValidMarksByGmina } from '../registry/index.js';
import { countValidLicences } from './index.js';

const KEY = '202702080010_licences';

test('marks become licences and the valid-marks figure is the same before and after', async () => {
  const database = await withTestDatabase();
  try {
    const before = MODULES.filter((m) => m.name !== 'licences');
    await migrateToLatest(database.handle, before);
    const db = database.handle.db;
    const at = '2026-01-01T00:00:00.000Z';
    const entity = (id: string, merged: string | null = null) => ({
      id,
      name: `Podmiot ${id}`,
      name_sort: `podmiot ${id}`,
      legal_form: 'spoldzielnia_socjalna',
      sectors: '[]',
      lifecycle: 'active',
      search_doc: id,
      is_synthetic: id === 'syn',
      merged_into: merged,
      created_at: at,
      updated_at: at,
    });
    await db
      .insertInto('entities')
      .values([entity('a'), entity('b'), entity('syn'), entity('m')] as never)
      .execute();
    await db.updateTable('entities').set({ merged_into: 'a' }).where('id', '=', 'm').execute();
    const mark = (
      id: string,
      entity_id: string,
      granted_on: string | null,
      expires_on: string | null,
      derived = false,
      subject: string | null = null,
    ) => ({
      id,
      entity_id,
      mark: 'zakup_prospoleczny',
      subject,
      granted_on,
      expires_on,
      is_expiry_derived: derived,
      source_url: `https://rops.torun.pl/${id}`,
    });
    await db
      .insertInto('entity_marks')
      .values([
        mark('m1', 'a', '2026-09-06', '2027-09-06', true),
        mark('m2', 'a', '2025-12-04', '2026-12-04', true, 'Catering'),
        mark('m3', 'b', '2026-03-01', '2027-02-28', false),
        mark('m4', 'b', null, null),
        mark('m5', 'b', null, '2026-06-30'),
        mark('m6', 'syn', '2026-10-01', '2027-10-01', true),
        mark('m7', 'm', '2026-10-01', '2027-10-01', true),
      ] as never)
      .execute();
    const days = ['2026-01-15', '2026-09-06', '2026-12-04', '2026-12-05', '2027-02-28', '2027-03-01', '2027-09-06', '2027-09-07'];
    const registryFigure = async (day: string) => (await countValidMarksByGmina(db, day)).reduce((s, r) => s + Number(r.n), 0);
    const figures = await Promise.all(days.map(registryFigure));
    assert.ok(
      figures.some((n) => n > 1),
      `the fixture has valid marks: ${figures.join(',')}`,
    );

    const applied = await migrateToLatest(database.handle, MODULES);
    assert.ok(
      applied.some((n) => n.startsWith(KEY)),
      `applied: ${applied.join(', ')}`,
    );
    for (const [i, day] of days.entries()) {
      assert.equal(await countValidLicences({ db }, day), figures[i], `valid on ${day}`);
      assert.equal(await registryFigure(day), figures[i], `the registry's own figure on ${day} is unchanged`);
    }
    const licences = await db.selectFrom('licences').selectAll().orderBy('source_mark_id').execute();
    assert.equal(licences.length, 7);
    const m1 = licences.find((l) => l.source_mark_id === 'm1')!;
    assert.equal(m1.product, null, 'product not yet specified');
    assert.equal(m1.granted_on, '2026-09-06');
    assert.equal(m1.expires_on, '2027-09-06');
    assert.equal(Boolean(m1.is_expiry_derived), true);
    assert.equal(m1.source_url, 'https://rops.torun.pl/m1');
    assert.match(m1.number, /^ZP-2026-[0-9A-Z]{6}$/);
    assert.equal(licences.find((l) => l.source_mark_id === 'm2')!.product, 'Catering');
    assert.equal(Boolean(licences.find((l) => l.source_mark_id === 'm6')!.is_example), true, 'synthetic holder: example licence');
    const undated = licences.find((l) => l.source_mark_id === 'm4')!;
    assert.equal(undated.granted_on, null);
    assert.equal(new Set(licences.map((l) => l.number)).size, 7);
  } finally {
    await database.dispose();
  }
});
