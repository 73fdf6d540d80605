// The sitemap at the registry's scale: with 100,000 synthetic entities every entity's profile is
// listed in both languages, the index names at least three parts (over 200,000 addresses, 50,000 at
// most per part) and every part validates against the sitemap schema. The parts are written batch
// by batch; a part's first batch skips into the key order, later ones continue after the last key
// (keyset), so no step reads the whole registry at once. The entities go in as bare rows (name,
// dates, the synthetic mark) in one transaction: `seed synthetic` would spend most of the test's
// time folding and stemming search documents that the sitemap never reads. On both databases
// (TEST_DIALECT).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { newId } from '../../core/db/ids.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { readSitemap } from '../../testing/sitemap.js';
import { SYNTHETIC_PREFIX } from './data-quality/registry.synthetic.js';
import { refreshPlannerStatistics } from './entity/registry.repo.js';

const COUNT = 100_000;
let t: TestApp;

before(async () => {
  t = await createTestApp();
  const day = '2026-03-10T09:00:00.000Z';
  await t.ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < COUNT; i += 1000) {
      const rows = Array.from({ length: 1000 }, (_, j) => {
        const name = `${SYNTHETIC_PREFIX} Stowarzyszenie nr ${i + j + 1}`;
        return {
          id: newId(),
          name,
          name_sort: name,
          legal_form: 'stowarzyszenie' as const,
          sectors: '[]',
          lifecycle: 'active' as const,
          search_doc: '',
          is_synthetic: true,
          created_at: day,
          updated_at: day,
        };
      });
      await trx.insertInto('entities').values(rows).execute();
    }
  });
  // as after `seed synthetic` or an import: without statistics PostgreSQL would sort the table for every batch
  await refreshPlannerStatistics(t.ctx.db);
});
after(async () => t.close());

test('100,000 entities: every profile listed in both languages, ≥ 3 parts of ≤ 50,000 addresses, each valid', async () => {
  const base = t.config.publicUrl;
  const entityPage = new RegExp(`^${base}(/en)?/podmioty/([0-9a-f-]{36})-`);
  const seen = { pl: new Set<string>(), en: new Set<string>() };
  let total = 0;
  const sizes = await readSitemap(t.app, base, (u) => {
    total += 1;
    const m = entityPage.exec(u.loc);
    if (!m) return;
    const set = m[1] ? seen.en : seen.pl;
    assert.ok(!set.has(m[2]!), `${u.loc} listed once`);
    set.add(m[2]!);
    assert.equal(Object.keys(u.alternates).length, 2);
    assert.ok(u.lastmod !== null, 'an entity is dated by its record');
  });
  assert.ok(sizes.length >= 3, `${sizes.length} parts`);
  assert.ok(
    sizes.every((n) => n <= 50_000),
    sizes.join(', '),
  );
  assert.ok(total >= 2 * COUNT, `${total} addresses`);
  const ids = await t.ctx.db.selectFrom('entities').select('id').where('merged_into', 'is', null).execute();
  assert.equal(seen.pl.size, ids.length);
  assert.equal(seen.en.size, ids.length);
  for (const { id } of ids) assert.ok(seen.pl.has(id) && seen.en.has(id), `entity ${id} listed`);
});
