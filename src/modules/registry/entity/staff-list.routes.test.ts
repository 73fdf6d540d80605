// The staff registry list with a registry of a few hundred entities: it is paged (50 a page, page 2
// other rows than page 1, a page past the end shows the last one, a page number that is not one is
// a 400 as on the catalogue), searched by words and by NIP/REGON/KRS typed with dashes, filtered by
// legal form, with the filters behind "Filtry (N)" and the staff links kept.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, loginAs, type TestApp } from '../../../testing/app.js';
import { seedSynthetic } from '../data-quality/registry.synthetic.js';
import { seedRegistryDemo } from './registry.service.js';
import { identifierOf } from './staff-list.service.js';

let t: TestApp;
let cookie = '';

before(async () => {
  t = await createTestApp();
  await seedRegistryDemo(t.ctx);
  await seedSynthetic(t.ctx, { count: 130, seed: 7 });
  cookie = (await loginAs(t, [{ role: 'coordinator' }])).cookie;
  const one = await t.ctx.db.selectFrom('entities').select('id').where('name', '=', 'Fundacja „Studio M6”').executeTakeFirstOrThrow();
  await t.ctx.db.updateTable('entities').set({ nip: '5252248481', krs: '0000123456' }).where('id', '=', one.id).execute();
});
after(async () => t.close());

const get = (url: string) => t.app.inject({ url, headers: { cookie } });
/** The entity links of the list's table (each row's name links to its staff page). */
const rowLinks = (html: string) => [...html.matchAll(/<th scope="row"><a href="\/admin\/podmioty\/([0-9a-f-]{36})">/g)].map((m) => m[1]!);

describe('staff registry list', () => {
  test('pages of 50: page 2 shows other rows, a page past the end the last one, a bad number a 400', async () => {
    const total = await t.ctx.db
      .selectFrom('entities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const n = Number(total.n);
    assert.equal(n, 154);
    const first = await get('/admin/podmioty');
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /Znaleziono 154 podmioty/);
    assert.match(first.body, /Podmioty w rejestrze, strona 1 z 4/);
    const page1 = rowLinks(first.body);
    assert.equal(page1.length, 50);
    assert.match(first.body, /<nav class="pagination"/);
    assert.match(first.body, /href="\/admin\/podmioty\?strona=2" rel="next"/);
    // the staff links stay
    assert.match(first.body, /href="\/admin\/podmioty\/nowy"/);
    assert.match(first.body, /href="\/admin\/podmioty\/import"/);
    assert.match(first.body, /href="\/admin\/podmioty\/duplikaty"/);

    const page2 = rowLinks((await get('/admin/podmioty?strona=2')).body);
    assert.equal(page2.length, 50);
    assert.equal(page1.filter((id) => page2.includes(id)).length, 0, 'page 2 holds other entities');
    const last = await get('/admin/podmioty?strona=4');
    assert.equal(rowLinks(last.body).length, 4);
    const past = await get('/admin/podmioty?strona=99');
    assert.equal(past.statusCode, 200);
    assert.deepEqual(rowLinks(past.body), rowLinks(last.body), 'a page past the end shows the last one');
    assert.match(past.body, /strona 4 z 4/);

    for (const bad of ['druga', '0', '-1', '1.5']) {
      const res = await get(`/admin/podmioty?strona=${bad}`);
      assert.equal(res.statusCode, 400, bad);
      assert.match(res.body, /Parametr „strona” ma nieprawidłową wartość/);
    }
    assert.equal((await get('/admin/podmioty?forma=nieznana')).statusCode, 400);
  });

  test('search by words of the name, by NIP or KRS with dashes; filters behind "Filtry (N)"', async () => {
    const byName = await get('/admin/podmioty?q=studio');
    assert.match(byName.body, /Znaleziono 1 podmiot</);
    assert.match(byName.body, /Fundacja „Studio M6”/);
    assert.doesNotMatch(byName.body, /<nav class="pagination"/);

    for (const q of ['525-224-84-81', '5252248481', '0000123456']) {
      const res = await get(`/admin/podmioty?q=${encodeURIComponent(q)}`);
      assert.match(res.body, /Znaleziono 1 podmiot</, q);
      assert.match(res.body, /Fundacja „Studio M6”/, q);
    }
    assert.match((await get('/admin/podmioty?q=1111111111')).body, /Żaden podmiot w rejestrze nie pasuje/);
    assert.match((await get('/admin/podmioty?q=%21%21')).body, /Znaleziono 0 podmiotów/, 'punctuation alone matches nothing');

    // words and a filter together, kept by the pager's links
    const coops = await get('/admin/podmioty?q=syntetyczny&forma=fundacja&stan=active');
    assert.match(coops.body, /<summary>Filtry \(2 wybrane\)<\/summary>/);
    assert.match(coops.body, /id="f-forma-fundacja" name="forma" value="fundacja" checked/);
    const links = rowLinks(coops.body);
    assert.ok(links.length > 0);
    const forms = await t.ctx.db.selectFrom('entities').select(['legal_form', 'lifecycle']).where('id', 'in', links).execute();
    assert.ok(forms.every((f) => f.legal_form === 'fundacja' && f.lifecycle === 'active'));
    const none = await get('/admin/podmioty');
    assert.match(none.body, /<summary>Filtry<\/summary>/);
    assert.match(none.body, /role="search"/);
  });

  test('an identifier is 9, 10 or 14 digits once dashes and spaces go', () => {
    assert.equal(identifierOf('525-224-84-81'), '5252248481');
    assert.equal(identifierOf('123 456 785'), '123456785');
    assert.equal(identifierOf('12345678512347'), '12345678512347');
    assert.equal(identifierOf('12345'), null);
    assert.equal(identifierOf('Fundacja 12'), null);
  });
});
