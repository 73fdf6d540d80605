// Issue 14, on SQLite and PostgreSQL: after `seed demo` no page, export or API of the registry
// reports a valid "Zakup Prospołeczny" mark or an active entity that the data cannot support. The
// reference list's marks are 2021–2022 certificates (their one-year licences long over) and undated
// mentions; its entities were named as active at their sources' dates and nobody has checked them
// since. Then a staff member's check makes one entity active everywhere, and a life-cycle change
// drops the check; synthetic records say they are examples in every output.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readSpreadsheetCsv } from '../../core/csv/index.js';
import { createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { seedSynthetic } from './data-quality/registry.synthetic.js';
import { entitiesMeasure } from './registry.extensions.js';
import { entityPath, parseCatalogueQuery, searchCatalogue, seedRegistryDemo } from './entity/registry.service.js';

let t: TestApp;
const get = (url: string, cookie = '') => t.app.inject({ url, headers: cookie ? { cookie } : {} });
const decode = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const byName = (name: string) => t.ctx.db.selectFrom('entities').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
const STUDIO = 'Fundacja „Studio M6”'; // certificate granted 2022-09-06 (ROPS Toruń)
const SMAKI = 'Spółdzielnia Socjalna „Twoje smaki”'; // "holder of the mark", undated article (ino.online)

before(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-06-15T10:00:00Z') });
  await seedRegistryDemo(t.ctx);
});
after(async () => t.close());

describe('after seed demo, nothing says more than the data', () => {
  test('no mark counts as valid anywhere; a mark without dates is "granted, validity unknown" with its source', async () => {
    const all = await searchCatalogue(t.ctx, parseCatalogueQuery({}));
    assert.equal(all.facets.mark, 0);
    const catalogue = await get('/podmioty');
    assert.match(catalogue.body, /Znak „Zakup Prospołeczny” <span class="facet__count">\(0\)<\/span>/);

    const studio = await byName(STUDIO);
    const page = decode((await get(entityPath(studio))).body);
    assert.match(page, /nadany 2022-09-06, ważność upłynęła 2023-09-06 \(licencja na rok od nadania; przedłużenia nie odnotowano\)/);
    assert.match(page, /Podmiot nie ma znaku ważnego według znanych dat/);
    assert.doesNotMatch(page, /ważny do/);
    const smaki = await byName(SMAKI);
    const undated = decode((await get(entityPath(smaki))).body);
    assert.match(
      undated,
      /znak przyznany \(data ważności nieznana, źródło: <a href="https:\/\/ino.online\/post\/115\/zakupy-u-nich-sa-prospoleczne.html">ino.online<\/a>\)/,
    );
    const en = decode((await get(`/en${entityPath(smaki)}`)).body);
    assert.match(en, /mark granted \(validity date unknown, source: <a href="https:\/\/ino.online[^"]*">ino.online<\/a>\)/);

    // staff see the state of each mark, and the summary counts none as valid
    const { cookie } = await loginAs(t, [{ role: 'coordinator' }]);
    const marks = decode((await get(`/admin/podmioty/${smaki.id}/znaki`, cookie)).body);
    assert.match(marks, /<td>data ważności nieznana<\/td>/);
    assert.doesNotMatch(marks, /<td>ważny<\/td>/);
    const studioMarks = decode((await get(`/admin/podmioty/${studio.id}/znaki`, cookie)).body);
    assert.match(studioMarks, /2023-09-06 \(wyliczona: licencja na rok od nadania\)<\/td><td>wygasł<\/td>/);
    assert.match(decode((await get(`/admin/podmioty/${studio.id}`, cookie)).body), /0 ważnych znaków „Zakup Prospołeczny”/);
  });

  test('no entity counts as active: each is "activity not verified since" its source date, on every page', async () => {
    const studio = await byName(STUDIO);
    const page = decode((await get(entityPath(studio))).body);
    assert.match(
      page,
      /<dt>Stan<\/dt><dd>działalność niesprawdzana od 2022-09-06\. Źródło z dnia 2022-09-06 wymieniło podmiot jako działający; nikt jeszcze nie sprawdził, czy działa obecnie\.<\/dd>/,
    );
    assert.match(page, /Dane według źródła z dnia 2022-09-06/);
    assert.doesNotMatch(page, /sprawdzono 20|Ostatnio sprawdzono/);
    assert.match(decode((await get(`/en${entityPath(studio)}`)).body), /activity not verified since 2022-09-06/);
    const undated = await byName('Zakład Aktywności Zawodowej w Drzonowie');
    assert.match(decode((await get(entityPath(undated))).body), /działalność niesprawdzana \(data źródła nieznana\)/);

    // catalogue: the state facet and column
    const result = await searchCatalogue(t.ctx, parseCatalogueQuery({}));
    assert.deepEqual([...result.facets.state], [['unverified', 24]]);
    const catalogue = decode((await get('/podmioty')).body);
    assert.match(catalogue, /działalność niesprawdzana <span class="facet__count">\(24\)<\/span>/);
    assert.doesNotMatch(catalogue, /name="stan" value="active"/, 'no "active" option with nothing in it');
    assert.match(catalogue, /<td>działalność niesprawdzana od 2022-09-06<\/td>/);
    assert.doesNotMatch(catalogue, /<td>działa<\/td>/);

    // staff list and the record summary
    const { cookie } = await loginAs(t, [{ role: 'coordinator' }]);
    const list = decode((await get('/admin/podmioty', cookie)).body);
    assert.equal(list.match(/<td>działalność niesprawdzana/g)?.length, 24);
    assert.doesNotMatch(list, /<td>działa<\/td>/);
    assert.match(decode((await get(`/admin/podmioty/${studio.id}`, cookie)).body), /Nikt nie sprawdził, czy podmiot działa/);

    // territory: profiles say so, the map's measure and white spots count no active entity
    const powiat = decode((await get('/terytorium/0463')).body);
    assert.match(powiat, /Fundacja „Studio M6”<\/a> \(fundacja; działalność niesprawdzana od 2022-09-06\)/);
    assert.equal((await entitiesMeasure.countByGmina(t.ctx)).size, 0);
  });

  test('files and API: activity state, PS status, marks with dates and validity, is_example, licence and last change', async () => {
    const json = (await get('/podmioty.json')).json();
    assert.equal(json.count, 24);
    assert.deepEqual(json.licence, {
      id: 'CC-BY-4.0',
      name: 'Creative Commons Attribution 4.0 International',
      url: 'https://creativecommons.org/licenses/by/4.0/',
    });
    assert.match(json.last_changed, /^2026-06-15T/);
    for (const i of json.items) {
      assert.equal(i.lifecycle, 'unverified', i.name);
      assert.equal(i.activity.state, 'unverified');
      assert.equal(i.activity.verified_on, null);
      assert.equal(i.is_example, false);
      assert.equal(i.ps_status.has, false);
      assert.ok(
        i.marks.every((m: { validity: string }) => m.validity !== 'valid'),
        i.name,
      );
    }
    assert.equal(json.items.filter((i: { marks: unknown[] }) => i.marks.length > 0).length, 11);

    const api = await get('/api/v1/podmioty?q=studio');
    assert.equal(api.statusCode, 200);
    const page = api.json();
    assert.equal(page.licence.id, 'CC-BY-4.0');
    assert.equal(page.last_changed, json.last_changed);
    const item = page.items[0];
    assert.equal(item.name, STUDIO);
    assert.deepEqual(item.activity, { state: 'unverified', source_date: '2022-09-06', verified_on: null });
    assert.deepEqual(item.marks, [
      {
        mark: 'zakup_prospoleczny',
        subject: null,
        granted_on: '2022-09-06',
        expires_on: '2023-09-06',
        expiry: 'derived',
        validity: 'expired',
        source_url: 'https://www.rops.torun.pl/42-archiwum-2022/1561-kolejne-podmioty-z-certyfikatem-zakup-prospoleczny',
        is_example: false,
      },
    ]);

    const one = await get(`/api/v1/podmioty/${item.id}`);
    assert.equal(one.statusCode, 200);
    const detail = one.json();
    assert.deepEqual(detail.ps_status, { has: false, type: null, since: null, decision_number: null });
    assert.deepEqual(detail.ps_history, []);
    assert.equal(detail.marks[0].validity, 'expired');
    assert.equal(detail.licence.id, 'CC-BY-4.0');
    assert.match(detail.last_changed, /^2026-06-15T/);
    const smaki = await byName(SMAKI);
    const undated = (await get(`/api/v1/podmioty/${smaki.id}`)).json();
    assert.deepEqual(
      undated.marks.map((m: { granted_on: unknown; expires_on: unknown; expiry: string; validity: string }) => [
        m.granted_on,
        m.expires_on,
        m.expiry,
        m.validity,
      ]),
      [[null, null, 'unknown', 'unknown']],
    );
    assert.equal((await get('/api/v1/podmioty/0190f0c4-0000-7000-8000-000000000000')).statusCode, 404);
    assert.equal((await get('/api/v1/podmioty/nie-ma')).statusCode, 400);

    const csv = await get('/podmioty.csv');
    assert.equal(csv.headers.link, '<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    assert.equal(new Date(String(csv.headers['last-modified'])).toISOString().slice(0, 10), '2026-06-15');
    const table = readSpreadsheetCsv(csv.rawPayload);
    const header = table.headers;
    const rows = table.rows.map((r) => r.cells);
    assert.deepEqual(header.slice(-8), [
      'Adres strony',
      'Działalność sprawdzono',
      'Status PS',
      'Typ PS',
      'Status PS od',
      'Znak „Zakup Prospołeczny”',
      'Ważne znaki',
      'Przykładowe',
    ]);
    const col = (name: string) => header.indexOf(name);
    assert.equal(rows.length, 24);
    assert.ok(rows.every((r) => r[col('Stan')]!.startsWith('działalność niesprawdzana')));
    assert.ok(rows.every((r) => r[col('Ważne znaki')] === '0' && r[col('Przykładowe')] === '0' && r[col('Działalność sprawdzono')] === ''));
    const studioRow = rows.find((r) => r[0] === STUDIO)!;
    assert.equal(
      studioRow[col('Znak „Zakup Prospołeczny”')],
      'nadany 2022-09-06, ważność upłynęła 2023-09-06 (licencja na rok od nadania; przedłużenia nie odnotowano)',
    );
    const smakiRow = rows.find((r) => r[0] === SMAKI)!;
    assert.equal(
      smakiRow[col('Znak „Zakup Prospołeczny”')],
      'znak przyznany (data ważności nieznana, źródło: https://ino.online/post/115/zakupy-u-nich-sa-prospoleczne.html)',
    );
  });

  test('OpenAPI documents each dataset with its licence and last change', async () => {
    const spec = (await get('/api/openapi.json')).json();
    const ok = (path: string) => spec.paths[path].get.responses['200'];
    for (const path of ['/api/v1/podmioty', '/podmioty.json']) {
      const schema = ok(path).content['application/json'].schema;
      assert.ok(schema.properties.licence && schema.properties.last_changed, path);
      const item = schema.properties.items.items;
      for (const field of ['activity', 'ps_status', 'marks', 'is_example']) assert.ok(item.properties[field], `${path} ${field}`);
      assert.deepEqual(item.properties.marks.items.properties.validity.enum, ['valid', 'expired', 'not_yet_valid', 'unknown']);
    }
    const detail = ok('/api/v1/podmioty/{id}').content['application/json'].schema;
    for (const field of ['ps_history', 'marks', 'licence', 'last_changed', 'is_example']) assert.ok(detail.properties[field], field);
    const csv = ok('/podmioty.csv');
    assert.ok(csv.content['text/csv']);
    assert.ok(csv.headers['last-modified'] && csv.headers.link);
  });
});

describe('a staff check of the activity', () => {
  test('makes the entity active on its page, in the catalogue, the API and the counts; a life-cycle change drops it', async () => {
    const studio = await byName(STUDIO);
    const { cookie, userId } = await loginAs(t, [{ role: 'coordinator' }]);
    const edit = await get(`/admin/podmioty/${studio.id}`, cookie);
    assert.match(decode(edit.body), /Sprawdziłem\(-am\) dziś, że podmiot działa/);
    const post = (url: string, fields: Record<string, string>, csrf: string) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ _csrf: csrf, ...fields }),
      });
    const checked = await post(`/admin/podmioty/${studio.id}/sprawdzenie-dzialalnosci`, {}, csrfFrom(edit.body));
    assert.equal(checked.statusCode, 303);
    const row = await byName(STUDIO);
    assert.deepEqual(
      [row.activity_verified_on, row.activity_verified_by, row.verified_at],
      ['2026-06-15', userId, '2022-09-06'],
      'the check is distinct from the source date',
    );
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_id']).where('subject_id', '=', studio.id).execute();
    assert.deepEqual(audit, [{ action: 'registry.activity.verify', actor_id: userId }]);
    const history = await t.ctx.db
      .selectFrom('entity_changes')
      .select(['field', 'old_value', 'new_value'])
      .where('entity_id', '=', studio.id)
      .execute();
    assert.deepEqual(history, [{ field: 'activity_verified_on', old_value: null, new_value: '2026-06-15' }]);

    assert.match(decode((await get(entityPath(studio))).body), /<dt>Stan<\/dt><dd>działa \(sprawdzono 2026-06-15\)<\/dd>/);
    const staff = decode((await get(`/admin/podmioty/${studio.id}`, cookie)).body);
    assert.match(staff, /Działalność sprawdził\(a\) [^<]+ w dniu 2026-06-15/);
    assert.match(staff, /Sprawdzenie działalności<\/td>/, 'the history names the check');
    assert.deepEqual([...(await searchCatalogue(t.ctx, parseCatalogueQuery({}))).facets.state].sort(), [
      ['active', 1],
      ['unverified', 23],
    ]);
    assert.deepEqual(
      (await searchCatalogue(t.ctx, parseCatalogueQuery({ stan: 'active' }))).rows.map((r) => r.name),
      [STUDIO],
    );
    const item = (await get(`/api/v1/podmioty/${studio.id}`)).json();
    assert.deepEqual([item.lifecycle, item.activity.state, item.activity.verified_on], ['active', 'active', '2026-06-15']);
    assert.equal((await entitiesMeasure.countByGmina(t.ctx)).get('0463011'), 1);

    // suspended, then active again: the check was of the earlier state and is gone
    const values = {
      name: studio.name,
      legal_form: studio.legal_form,
      gmina_teryt: studio.gmina_teryt!,
      town: studio.town!,
      verified_at: '2022-09-06',
      data_source: studio.data_source!,
      source_url: studio.source_url!,
    };
    const page = await get(`/admin/podmioty/${studio.id}`, cookie);
    assert.equal((await post(`/admin/podmioty/${studio.id}`, { ...values, lifecycle: 'suspended' }, csrfFrom(page.body))).statusCode, 303);
    assert.equal((await byName(STUDIO)).activity_verified_on, null);
    const again = await get(`/admin/podmioty/${studio.id}`, cookie);
    assert.doesNotMatch(decode(again.body), /Sprawdziłem\(-am\) dziś/, 'a suspended entity cannot be checked as active');
    const refused = await post(`/admin/podmioty/${studio.id}/sprawdzenie-dzialalnosci`, {}, csrfFrom(again.body));
    assert.equal(refused.statusCode, 400);
    assert.match(decode(refused.body), /według wpisu podmiot nie działa/);
    assert.equal((await post(`/admin/podmioty/${studio.id}`, { ...values, lifecycle: 'active' }, csrfFrom(refused.body))).statusCode, 303);
    assert.match(decode((await get(entityPath(studio))).body), /działalność niesprawdzana od 2022-09-06/);
    assert.equal((await entitiesMeasure.countByGmina(t.ctx)).size, 0);
  });
});

describe('synthetic records', () => {
  test('carry is_example in the API, the JSON and CSV files, down to their marks', async () => {
    await seedSynthetic(t.ctx, { count: 300, seed: 7 });
    const json = (await get('/podmioty.json?q=syntetyczny')).json();
    assert.ok(json.count > 0);
    assert.ok(json.items.every((i: { is_example: boolean }) => i.is_example));
    const marked = json.items.flatMap((i: { marks: { is_example: boolean; expiry: string }[] }) => i.marks);
    assert.ok(marked.length > 0, 'some synthetic marks');
    assert.ok(marked.every((m: { is_example: boolean; expiry: string }) => m.is_example && m.expiry === 'derived'));
    const csv = readSpreadsheetCsv((await get('/podmioty.csv?q=syntetyczny')).rawPayload);
    assert.ok(csv.rows.length > 0 && csv.rows.every((r) => r.cells.at(-1) === '1'));
    const api = (await get('/api/v1/podmioty?q=syntetyczny')).json();
    assert.ok(api.items.every((i: { is_example: boolean }) => i.is_example));
  });
});
