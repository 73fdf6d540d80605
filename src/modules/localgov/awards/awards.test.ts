// Local governments' awards on both databases: a coordinator enters laureates and distinctions of an
// edition by the unit's name (audited; a bad form changes nothing; levels only for "Rozwijający");
// the public list by edition, the awards on the gmina's profile, the index function the Forum's page
// can use, and removal (audited); the staff pages are refused to everyone else.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { awardsOfEdition } from '../index.js';

let t: TestApp;
let cookie: string;

before(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-11-27T10:00:00Z') });
  ({ cookie } = await loginAs(t, [{ role: 'coordinator' }]));
});
after(async () => t.close());

async function post(url: string, values: Record<string, string>) {
  const page = await t.app.inject({ url: '/admin/samorzady/nagrody/nowa', headers: { cookie } });
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(page.body), ...values }),
  });
}

describe('local governments’ awards', () => {
  let goldId = '';

  it('refuses a bad form and changes nothing', async () => {
    const res = await post('/admin/samorzady/nagrody/nowa', {
      edition_year: '2025',
      award: 'developing',
      rank: 'laureate',
      unit: 'Chełmno (gmina miejska, powiat chełmiński)',
      source: 'Test',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Wybierz stopień/);
    const count = await t.ctx.db
      .selectFrom('localgov_awards')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
  });

  it('a coordinator enters a laureate and a distinction; both audited', async () => {
    const gold = await post('/admin/samorzady/nagrody/nowa', {
      edition_year: '2025',
      award: 'developing',
      level: 'gold',
      rank: 'laureate',
      unit: 'Chełmno (gmina miejska, powiat chełmiński)',
      source: 'Strona Forum (test)',
    });
    assert.equal(gold.statusCode, 303, gold.body);
    goldId = /nagrody\/([0-9a-f-]+)\?ok=1/.exec(gold.headers.location!)![1]!;
    const friendly = await post('/admin/samorzady/nagrody/nowa', {
      edition_year: '2025',
      award: 'friendly',
      rank: 'distinction',
      unit: 'powiat chełmiński',
      source: 'Strona Forum (test)',
    });
    assert.equal(friendly.statusCode, 303, friendly.body);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('action', 'like', 'localgov.award.%').execute();
    assert.equal(audit.length, 2);
  });

  it('the public list, the profile and the index function show them', async () => {
    const list = await t.app.inject({ url: '/samorzady/nagrody' });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Edycja 2025/);
    assert.match(list.body, /Samorząd Rozwijający Ekonomię Społeczną \(złoty\)/);
    assert.match(list.body, /wyróżnienie/);
    const profile = await t.app.inject({ url: '/en/terytorium/0404011' });
    assert.match(profile.body, /2025: Samorząd Rozwijający Ekonomię Społeczną \(gold\) — laureate/);
    const other = await t.app.inject({ url: '/terytorium/0404022' });
    assert.match(other.body, /Serwis nie zna nagród tego samorządu/);
    const edition = await awardsOfEdition(t.ctx, 2025, 'pl');
    assert.deepEqual(edition.map((a) => [a.unitTeryt, a.rank]).sort(), [
      ['0404', 'wyróżnienie'],
      ['0404011', 'laureat'],
    ]);
    assert.deepEqual(await awardsOfEdition(t.ctx, 2024, 'pl'), []);
  });

  it('removal is audited; other roles may not open the staff pages', async () => {
    const res = await post(`/admin/samorzady/nagrody/${goldId}/usun`, {});
    assert.equal(res.statusCode, 303);
    assert.equal((await awardsOfEdition(t.ctx, 2025, 'pl')).length, 1);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'localgov.award.delete').execute();
    assert.equal(audit.length, 1);
    const { cookie: editor } = await loginAs(t, [{ role: 'editor' }]);
    assert.equal((await t.app.inject({ url: '/admin/samorzady/nagrody', headers: { cookie: editor } })).statusCode, 403);
  });
});
