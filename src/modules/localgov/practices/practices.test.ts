// Good practices of local governments on both databases: a coordinator writes one for a gmina by its
// name with a registry entity by its name (an unknown entity refuses the form and nothing is saved;
// audited); the public list filters by words without Polish letters, the article links the entity,
// the gmina's profile lists it and the site search finds it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';

let t: TestApp;
let cookie: string;
const ENTITY = 'Spółdzielnia Socjalna Przykład (test)';

before(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-11-27T10:00:00Z') });
  ({ cookie } = await loginAs(t, [{ role: 'coordinator' }]));
  await t.ctx.db
    .insertInto('entities')
    .values({
      id: '01a00000-0000-7000-8000-000000000001',
      name: ENTITY,
      name_sort: ENTITY.toLowerCase(),
      legal_form: 'spoldzielnia_socjalna',
      registration_date: '2015-01-01',
      sectors: '[]',
      lifecycle: 'active',
      gmina_teryt: '0404011',
      search_doc: '',
      is_synthetic: false,
      created_at: '2026-01-10T00:00:00.000Z',
      updated_at: '2026-01-10T00:00:00.000Z',
    })
    .execute();
});
after(async () => t.close());

async function post(values: Record<string, string>) {
  const page = await t.app.inject({ url: '/admin/samorzady/dobre-praktyki/nowa', headers: { cookie } });
  return t.app.inject({
    method: 'POST',
    url: '/admin/samorzady/dobre-praktyki/nowa',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(page.body), ...values }),
  });
}

const practice = {
  title: 'Klauzule społeczne w cateringu szkolnym',
  body: 'Gmina zastrzegła zamówienie na catering dla spółdzielni socjalnych.',
  unit: 'Chełmno (gmina miejska, powiat chełmiński)',
  measure: 'clauses',
  source: 'BIP gminy (test)',
};

describe('good practices', () => {
  let path = '';

  it('an unknown entity refuses the form and saves nothing', async () => {
    const res = await post({ ...practice, entities: 'Nie ma takiego podmiotu' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /W rejestrze nie ma podmiotu o nazwie „Nie ma takiego podmiotu”/);
    const n = await t.ctx.db
      .selectFrom('localgov_practices')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 0);
  });

  it('a coordinator writes one, linked to the gmina, the entity and the measure (audited)', async () => {
    const res = await post({ ...practice, entities: ENTITY });
    assert.equal(res.statusCode, 303, res.body);
    const id = /dobre-praktyki\/([0-9a-f-]+)\?ok=1/.exec(res.headers.location!)![1]!;
    path = `/samorzady/dobre-praktyki/${id}`;
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'localgov.practice.create').execute();
    assert.equal(audit.length, 1);
    const article = await t.app.inject({ url: path });
    assert.equal(article.statusCode, 200);
    assert.match(article.body, /<h1>Klauzule społeczne w cateringu szkolnym<\/h1>/);
    assert.match(article.body, /href="\/podmioty\/01a00000-0000-7000-8000-000000000001-[^"]*">Spółdzielnia Socjalna Przykład \(test\)</);
    assert.match(article.body, /href="\/terytorium\/0404011"/);
  });

  it('the list filters by words, folded; the profile and the site search find it', async () => {
    const found = await t.app.inject({ url: '/samorzady/dobre-praktyki?q=SPOLDZIELNI%20catering' });
    assert.ok(found.body.includes(path));
    assert.match(found.body, /1 dobra praktyka/);
    const none = await t.app.inject({ url: '/samorzady/dobre-praktyki?q=rowery' });
    assert.ok(!none.body.includes(path));
    assert.match(none.body, /0 dobrej praktyki|0 dobrych praktyk/);
    const profile = await t.app.inject({ url: '/terytorium/0404011' });
    assert.ok(profile.body.includes(path));
    const search = await t.app.inject({ url: '/szukaj?q=klauzule%20cateringu' });
    assert.ok(search.body.includes(path), 'site search finds the practice');
  });

  it('other roles may not open the staff pages', async () => {
    const { cookie: editor } = await loginAs(t, [{ role: 'editor' }]);
    assert.equal((await t.app.inject({ url: '/admin/samorzady/dobre-praktyki', headers: { cookie: editor } })).statusCode, 403);
  });
});
