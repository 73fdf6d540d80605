// Buyers' needs, second part, on SQLite and PostgreSQL: the optional filters of the matching rule on
// the form (only offers open to reserved contracts here; PS status and mark go through the same
// rule, needs.match.test.ts) change "N podmiotów otrzyma powiadomienie"; `seed demo` adds one
// example need once — published, labelled on the list, the page and in the API, never notified;
// the needs' API is an open dataset on /dane with its licence and last change.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cookieHeader, createTestApp, csrfFrom, loginAs, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { offersModule } from '../index.js';
import { makeEntity, makeOffer } from '../offers.testing.js';
import { DEMO_NEED_TITLE, notifyNeeds } from './needs.service.js';

const clock = new ManualClock('2027-03-01T10:00:00Z');
let t: TestApp;
let buyer = '';

before(async () => {
  t = await createTestApp({ clock });
  for (let i = 1; i <= 3; i++) {
    const e = await makeEntity(t.ctx, { name: `Spółdzielnia Socjalna Filtr ${i}` });
    const offer = await makeOffer(t.ctx, e, { title: `Obiady filtr ${i}` });
    // the test offers are open to reserved contracts: two of the three are not
    if (i > 1) await t.ctx.db.updateTable('offers').set({ is_reserved_contracts: false }).where('id', '=', offer).execute();
  }
  buyer = (await loginAs(t, [])).cookie;
});
after(async () => t.close());

const get = (url: string, cookie = '') => t.app.inject({ url, headers: cookie ? { cookie } : {} });

async function post(url: string, values: Record<string, string>, cookie: string, formUrl = url) {
  const res = await get(formUrl, cookie);
  const body = new URLSearchParams({ _csrf: csrfFrom(res.body), ...values });
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookieHeader(res, cookie), 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

const form = {
  kind: 'quote',
  title: 'Obiady dla klubu',
  category: 'catering',
  cpv: '',
  area_scope: 'region',
  link: '',
  deadline: '2027-03-20',
  amount_kind: 'undisclosed',
  institution: 'Gmina Przykładowo',
  contact_name: 'Anna Nowak',
  contact_email: 'zamowienia@gmina.example.pl',
  contact_phone: '',
};

test('the optional filters change "N podmiotów otrzyma powiadomienie"', async () => {
  const created = await post('/oferta/potrzeby/nowa', form, buyer);
  assert.equal(created.statusCode, 303);
  const path = created.headers.location!.replace(/\?.*$/, '');
  assert.match((await get(path, buyer)).body, /3 podmioty otrzymają powiadomienie/);
  const edited = await post(`${path}/edycja`, { ...form, only_reserved: '1' }, buyer);
  assert.equal(edited.statusCode, 303);
  const page = await get(path, buyer);
  assert.match(page.body, /1 podmiot otrzyma powiadomienie/);
  assert.match(page.body, /tylko oferty gotowe do zamówień zastrzeżonych/);
  const row = await t.ctx.db
    .selectFrom('needs')
    .select(['only_ps', 'only_mark', 'only_reserved'])
    .where('title', '=', form.title)
    .executeTakeFirstOrThrow();
  assert.deepEqual([Boolean(row.only_ps), Boolean(row.only_mark), Boolean(row.only_reserved)], [false, false, true]);
  const editForm = await get(`${path}/edycja`, buyer);
  assert.match(editForm.body, /name="only_reserved" value="1" checked/);
});

test('seed demo adds one example need once: labelled everywhere, never notified', async () => {
  await offersModule.seedDemo!(t.ctx);
  await offersModule.seedDemo!(t.ctx);
  const demo = await t.ctx.db.selectFrom('needs').selectAll().where('title', '=', DEMO_NEED_TITLE).execute();
  assert.equal(demo.length, 1);
  assert.equal(demo[0]!.status, 'published');
  assert.equal(Boolean(demo[0]!.is_example), true);
  const list = await get('/oferta/potrzeby');
  assert.match(list.body, /Obiady na spotkania klubu seniora \(przykład\)<\/a> <span class="badge badge--synthetic">/);
  assert.match((await get(`/oferta/potrzeby/${demo[0]!.id}`)).body, /To przykładowa potrzeba zakupowa/);
  const api = (await get('/api/v1/oferta/potrzeby')).json() as {
    licence: { id: string };
    last_changed: string | null;
    items: { title: string; is_example: boolean; filters: { only_ps: boolean } }[];
  };
  assert.equal(api.items.find((i) => i.title === DEMO_NEED_TITLE)?.is_example, true);
  assert.equal(api.licence.id, 'CC-BY-4.0');
  assert.equal(api.last_changed, demo[0]!.updated_at);
  await notifyNeeds(t.ctx);
  const sent = await t.ctx.db.selectFrom('need_notifications').select('entity_id').where('need_id', '=', demo[0]!.id).execute();
  assert.equal(sent.length, 0, 'the example need matches region-wide catering offers but is never announced');
});

test('the needs API is an open dataset on /dane', async () => {
  const page = await get('/dane');
  assert.match(page.body, /Potrzeby zakupowe zamawiających/);
  assert.match(page.body, /\/api\/v1\/oferta\/potrzeby/);
});
