// The catalogue, its map and the entity pages are the registry's busiest public pages, so they
// opt in to the few seconds' page copy for anonymous visitors (ADR 7). What that must never
// break: each query string has its own copy, a logged-in user always gets a fresh page, and a
// staff change is visible to the next anonymous visitor at once (on both databases).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../../testing/app.js';
import { entityPath } from '../index.js';
import { seedRegistryDemo } from '../entity/registry.service.js';

let t: TestApp;
before(async () => {
  // a long time to live: only a write may end a copy during the test
  t = await createTestApp({ env: { PAGE_CACHE_MS: '600000' } });
  await seedRegistryDemo(t.ctx);
});
after(async () => t.close());

const get = (url: string, cookie = '') => t.app.inject({ url, headers: cookie ? { cookie } : {} });

test('anonymous visitors get a copy of the catalogue, its map and entity pages; logged-in users never do', async () => {
  const entity = await t.ctx.db.selectFrom('entities').select(['id', 'name']).orderBy('name_sort').limit(1).executeTakeFirstOrThrow();
  for (const url of [
    '/podmioty?forma=fundacja&powiat=0463',
    '/podmioty?q=spoldzielnia',
    '/en/podmioty',
    '/podmioty/mapa?forma=fundacja',
    entityPath(entity),
    '/terytorium',
  ]) {
    const first = await get(url);
    assert.equal(first.statusCode, 200, url);
    assert.equal(first.headers['x-cache'], 'MISS', url);
    const second = await get(url);
    assert.equal(second.headers['x-cache'], 'HIT', url);
    assert.equal(second.body, first.body, url);
    assert.equal(second.headers['content-security-policy'], first.headers['content-security-policy'], url);
  }
  assert.equal((await get('/podmioty?forma=fundacja&powiat=0461')).headers['x-cache'], 'MISS', 'another query string is another page');
  const { cookie } = await loginAs(t, [{ role: 'coordinator' }]);
  const mine = await get('/podmioty?forma=fundacja&powiat=0463', cookie);
  assert.equal(mine.statusCode, 200);
  assert.equal(mine.headers['x-cache'], undefined);
});

test("a staff edit is on the next anonymous visitor's page at once", async () => {
  const entity = await t.ctx.db
    .selectFrom('entities')
    .selectAll()
    .where('legal_form', '=', 'fundacja')
    .orderBy('name_sort')
    .limit(1)
    .executeTakeFirstOrThrow();
  const page = entityPath(entity);
  const catalogue = '/podmioty?forma=fundacja';
  await get(page);
  await get(catalogue);
  assert.equal((await get(page)).headers['x-cache'], 'HIT');

  const { cookie } = await loginAs(t, [{ role: 'coordinator' }]);
  const edit = await get(`/admin/podmioty/${entity.id}`, cookie);
  assert.equal(edit.statusCode, 200);
  const renamed = `${entity.name} (nowa nazwa)`;
  const fields: Record<string, string> = {
    name: renamed,
    legal_form: entity.legal_form,
    lifecycle: entity.lifecycle,
    gmina_teryt: entity.gmina_teryt ?? '',
    town: entity.town ?? '',
  };
  const saved = await t.app.inject({
    method: 'POST',
    url: `/admin/podmioty/${entity.id}`,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(edit.body), ...fields }),
  });
  assert.equal(saved.statusCode, 303, saved.body);

  // the old address (its slug came from the old name) now redirects instead of serving its copy
  const old = await get(page);
  assert.equal(old.statusCode, 301);
  const fresh = await get(entityPath({ id: entity.id, name: renamed }));
  assert.equal(fresh.statusCode, 200);
  assert.equal(fresh.headers['x-cache'], 'MISS');
  assert.match(fresh.body, /\(nowa nazwa\)/);
  const list = await get(catalogue);
  assert.equal(list.headers['x-cache'], 'MISS');
  assert.match(list.body, /\(nowa nazwa\)/);
});
