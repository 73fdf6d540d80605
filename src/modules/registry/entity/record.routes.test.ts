// The record sections end to end through HTTP on both databases: who may open and post them,
// places (TERYT, coordinates, subregion), the PS status history (illegal sequences refused), employment with
// the statutory warning (never public), marks (only valid ones public), activity with PKD codes
// and sectors, and the field history and audit of every change. Refused posts change nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../../testing/app.js';
import { createEntity, entityPath, checkEntityForm, parseCatalogueQuery, searchCatalogue } from './registry.service.js';

let t: TestApp;
let coordinator: string;
let coordinatorId: string;
let id: string;
let name: string;

before(async () => {
  t = await createTestApp();
  ({ cookie: coordinator, userId: coordinatorId } = await loginAs(t, [{ role: 'coordinator' }]));
  name = 'Spółdzielnia Socjalna Rekordowa';
  const input = await checkEntityForm(
    t.ctx,
    { name, legal_form: 'spoldzielnia_socjalna', lifecycle: 'active', gmina_teryt: '0463011', town: 'Toruń' },
    null,
  );
  id = await createEntity(t.ctx, input, { actorId: null, ip: null, requestId: null });
});
after(async () => t.close());

const get = (url: string, cookie = coordinator) => t.app.inject({ url, headers: cookie ? { cookie } : {} });

/** Opens `page` for its CSRF token and posts the form to `url` (the page by default). */
async function post(page: string, fields: Record<string, string>, url = page, cookie = coordinator) {
  const token = csrfFrom((await get(page, cookie)).body);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: token, ...fields }),
  });
}

const base = () => `/admin/podmioty/${id}`;
const count = async (table: 'entity_places' | 'entity_ps_status' | 'entity_marks' | 'entity_employment') =>
  (
    await t.ctx.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow()
  ).n;
const changes = (field: string) =>
  t.ctx.db
    .selectFrom('entity_changes')
    .selectAll()
    .where('entity_id', '=', id)
    .where('field', '=', field)
    .orderBy('at')
    .orderBy('id')
    .execute();
const audits = (action: string) =>
  t.ctx.db.selectFrom('audit_log').selectAll().where('subject_id', '=', id).where('action', '=', action).execute();
const publicPage = async () => (await get(entityPath({ id, name }), '')).body;
const decode = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

describe('entity record sections', () => {
  test('only coordinators and administrators open or post them; refused posts change nothing', async () => {
    const others = [
      ['editor', [{ role: 'editor' }]],
      ['representative of this entity', [{ role: 'entity_representative', scopeType: 'entity', scopeId: id }]],
      ['team member', [{ role: 'team_member', scopeType: 'team', scopeId: 'T1' }]],
    ] as const;
    const admin = (await loginAs(t, [{ role: 'administrator' }])).cookie;
    const pages = ['/dzialalnosc', '/miejsca', '/status-ps', '/zatrudnienie', '/znaki'].map((p) => `${base()}${p}`);
    for (const url of pages) {
      assert.equal((await get(url, admin)).statusCode, 200, url);
      assert.equal((await get(url)).statusCode, 200, url);
      const anon = await get(url, '');
      assert.equal(anon.statusCode, 302, url);
      assert.match(String(anon.headers.location), /^\/konto\/logowanie\?next=/);
    }
    for (const [who, roles] of others) {
      const cookie = (await loginAs(t, [...roles])).cookie;
      for (const url of pages) assert.equal((await get(url, cookie)).statusCode, 403, `${who} GET ${url}`);
      // a valid token of their own session: the refusal is the policy's, not the CSRF check's
      const token = csrfFrom((await get('/konto', cookie)).body);
      const attempts: [string, Record<string, string>][] = [
        [`${base()}/miejsca`, { gmina_teryt: '0463011', town: 'Toruń' }],
        [`${base()}/status-ps/przyznanie`, { ps_type: 'reintegration', decision_number: 'X/1', decision_date: '2024-01-10' }],
        [
          `${base()}/zatrudnienie`,
          { year: '2024', headcount: '5', employees: '5', fte: '5', employees_half_time: '5', at_risk: '2', at_risk_half_time: '2' },
        ],
        [`${base()}/znaki`, { subject: 'Catering', granted_on: '2025-01-01', expires_on: '2026-01-01' }],
        [`${base()}/dzialalnosc`, { activity_type: 'business', pkd: '', sectors: '' }],
      ];
      for (const [url, fields] of attempts) {
        const res = await t.app.inject({
          method: 'POST',
          url,
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: form({ _csrf: token, ...fields }),
        });
        assert.equal(res.statusCode, 403, `${who} POST ${url}`);
      }
    }
    for (const table of ['entity_places', 'entity_ps_status', 'entity_marks', 'entity_employment'] as const)
      assert.equal(await count(table), 0, table);
    assert.equal(
      (await t.ctx.db.selectFrom('entities').select('activity_type').where('id', '=', id).executeTakeFirstOrThrow()).activity_type,
      null,
    );
    assert.equal((await get(`/admin/podmioty/0190f0c4-0000-7000-8000-000000000000/miejsca`)).statusCode, 404);
  });

  test('places: TERYT and coordinates checked, subregion derived, edits and removal in the history and audit', async () => {
    const page = `${base()}/miejsca`;
    const bad = await post(page, { gmina_teryt: '1465011', town: 'Warszawa', lat: '52.23', lon: '21.01' });
    assert.equal(bad.statusCode, 400);
    const text = decode(bad.body);
    assert.match(text, /W województwie kujawsko-pomorskim nie ma gminy „1465011”/);
    assert.match(text, /Wartość w polu „Szerokość geograficzna” leży poza województwem/);
    assert.match(text, /Wartość w polu „Długość geograficzna” leży poza województwem/);
    const half = await post(page, { gmina_teryt: '0463011', town: 'Toruń', lat: '53.01' });
    assert.equal(half.statusCode, 400);
    assert.match(decode(half.body), /brakuje pola „Długość geograficzna”/);
    assert.equal(await count('entity_places'), 0);

    assert.equal(
      (await post(page, { gmina_teryt: '0463011', town: 'Toruń', address: 'ul. Szeroka 1', lat: '53,0103', lon: '18.6048' })).statusCode,
      303,
    );
    assert.equal((await post(page, { gmina_teryt: '0461011', town: 'Bydgoszcz' })).statusCode, 303);
    const list = decode((await get(page)).body);
    assert.match(list, /Toruń, ul. Szeroka 1/);
    assert.match(list, /Subregion toruński/);
    assert.match(list, /Subregion bydgoski/);
    assert.match(list, /53.0103, 18.6048/);
    const bydgoszcz = await t.ctx.db
      .selectFrom('entity_places')
      .selectAll()
      .where('entity_id', '=', id)
      .where('town', '=', 'Bydgoszcz')
      .executeTakeFirstOrThrow();

    const editRefused = await post(`${page}/${bydgoszcz.id}`, { gmina_teryt: '0461011', town: '' });
    assert.equal(editRefused.statusCode, 400);
    assert.equal(
      (await post(`${page}/${bydgoszcz.id}`, { gmina_teryt: '0461011', town: 'Bydgoszcz', address: 'ul. Długa 2' })).statusCode,
      303,
    );
    const history = await changes('place');
    assert.equal(history.length, 3);
    assert.equal(JSON.parse(history[2]!.old_value!).address, null);
    assert.equal(JSON.parse(history[2]!.new_value!).address, 'ul. Długa 2');

    assert.equal((await post(page, {}, `${page}/${bydgoszcz.id}/usun`)).statusCode, 303);
    assert.equal(await count('entity_places'), 1);
    assert.deepEqual((await audits('registry.place.create')).length, 2);
    assert.deepEqual((await audits('registry.place.update')).length, 1);
    assert.deepEqual((await audits('registry.place.delete')).length, 1);

    const pub = decode(await publicPage());
    assert.match(pub, /Miejsca działalności/);
    assert.match(pub, /Toruń, ul. Szeroka 1 \(Toruń; subregion: Subregion toruński\)/);
    assert.doesNotMatch(pub, /ul. Długa 2/);
    const record = decode((await get(base())).body);
    assert.match(record, /Subregion siedziby: Subregion toruński/);
    assert.match(record, /Toruń; ul. Szeroka 1; TERYT 0463011; 53.0103, 18.6048/, 'the history shows the place readably');
    const author = (await t.ctx.db.selectFrom('users').select('display_name').where('id', '=', coordinatorId).executeTakeFirstOrThrow())
      .display_name;
    assert.equal(history[2]!.user_id, coordinatorId);
    assert.match(record, new RegExp(`<td>${author}</td>`), 'the history names who made the change');
    assert.match(record, /system \(wczytanie danych\)/, 'the creation by the service without a user');
  });

  test('places: the gmina is typed by name ("lubicz" → Lubicz\'s TERYT); several of one name or an unknown one refused, nothing saved', async () => {
    const page = `${base()}/miejsca`;
    const before = await count('entity_places');
    const two = await post(page, { gmina_teryt: 'Chełmża', town: 'Chełmża' });
    assert.equal(two.statusCode, 400);
    const twoText = decode(two.body);
    assert.match(
      twoText,
      /Nazwę „Chełmża” nosi kilka gmin: Chełmża \(gmina miejska, powiat toruński\); Chełmża \(gmina wiejska, powiat toruński\)\. Wybierz jedną z podpowiedzi w polu „Gmina”/,
    );
    assert.match(
      twoText,
      /<input id="f-gmina_teryt" name="gmina_teryt" type="text" value="Chełmża" list="f-gmina_teryt-list"/,
      'what was typed is shown again',
    );
    assert.match(twoText, /<option value="Chełmża \(gmina wiejska, powiat toruński\)">/, 'the datalist tells the two apart');
    assert.match(twoText, /<option value="Lubicz">/);
    const unknown = await post(page, { gmina_teryt: 'Atlantyda', town: 'Atlantyda' });
    assert.equal(unknown.statusCode, 400);
    assert.match(decode(unknown.body), /W województwie kujawsko-pomorskim nie ma gminy „Atlantyda”/);
    const english = await post(page, { gmina_teryt: 'Chełmża', town: 'Chełmża' }, `/en${page}`);
    assert.equal(english.statusCode, 400);
    assert.match(
      decode(english.body),
      /Several gminy are called “Chełmża”: Chełmża \(urban gmina, powiat toruński\); Chełmża \(rural gmina, powiat toruński\)/,
    );
    assert.equal(await count('entity_places'), before, 'a refused gmina saves nothing');

    assert.equal((await post(page, { gmina_teryt: 'lubicz', town: 'Lubicz Dolny' })).statusCode, 303);
    const lubicz = await t.ctx.db
      .selectFrom('entity_places')
      .selectAll()
      .where('entity_id', '=', id)
      .where('town', '=', 'Lubicz Dolny')
      .executeTakeFirstOrThrow();
    assert.equal(lubicz.gmina_teryt, '0415042');
    // the edit form names the stored gmina, never its code
    const edit = decode((await get(`${page}/${lubicz.id}`)).body);
    assert.match(edit, /name="gmina_teryt" type="text" value="Lubicz"/);
    assert.doesNotMatch(edit, /value="0415042"/);
    assert.equal(
      (await post(`${page}/${lubicz.id}`, { gmina_teryt: 'Chełmża (gmina wiejska, powiat toruński)', town: 'Zelgno' })).statusCode,
      303,
    );
    assert.equal(
      (await t.ctx.db.selectFrom('entity_places').select('gmina_teryt').where('id', '=', lubicz.id).executeTakeFirstOrThrow()).gmina_teryt,
      '0415022',
    );
    assert.equal((await post(page, {}, `${page}/${lubicz.id}/usun`)).statusCode, 303);
    assert.equal(await count('entity_places'), before);
  });

  test('PS status: illegal sequences refused, current status derived and shown with the decision', async () => {
    const page = `${base()}/status-ps`;
    const lossFirst = await post(page, { loss_date: '2023-05-01', loss_reason: 'brak zatrudnienia' }, `${page}/utrata`);
    assert.equal(lossFirst.statusCode, 400);
    assert.match(decode(lossFirst.body), /utrata statusu z dnia 2023-05-01 nie byłaby poprzedzona przyznaniem/);
    assert.equal(await count('entity_ps_status'), 0);

    assert.equal(
      (await post(page, { ps_type: 'reintegration', decision_number: 'WPS-I.9.2023', decision_date: '2023-01-10' }, `${page}/przyznanie`))
        .statusCode,
      303,
    );
    const twice = await post(
      page,
      { ps_type: 'social_services', decision_number: 'WPS-I.1.2024', decision_date: '2024-01-10' },
      `${page}/przyznanie`,
    );
    assert.equal(twice.statusCode, 400);
    assert.match(decode(twice.body), /przyznanie z dnia 2024-01-10 nastąpiłoby, gdy podmiot miał już status/);
    const early = await post(page, { loss_date: '2022-12-01', loss_reason: 'x' }, `${page}/utrata`);
    assert.equal(early.statusCode, 400);
    const future = await post(page, { loss_date: '2999-01-01', loss_reason: 'x' }, `${page}/utrata`);
    assert.equal(future.statusCode, 400);
    assert.match(decode(future.body), /nie może być późniejsza niż dzisiejsza/);
    assert.equal(await count('entity_ps_status'), 1);

    const pub = decode(await publicPage());
    assert.match(pub, /Ma status przedsiębiorstwa społecznego od 2023-01-10/);
    assert.match(pub, /Typ: reintegracyjne/);
    assert.match(pub, /Decyzja wojewody nr WPS-I.9.2023 z dnia 2023-01-10/);
    const found = await searchCatalogue(t.ctx, parseCatalogueQuery({ status_ps: '1' }));
    assert.deepEqual(
      found.rows.map((r) => r.id),
      [id],
    );

    assert.equal(
      (
        await post(
          page,
          { loss_date: '2024-05-01', loss_reason: 'mniej niż 3 zatrudnionych', loss_decision_number: 'WPS-I.2.2024' },
          `${page}/utrata`,
        )
      ).statusCode,
      303,
    );
    assert.equal((await searchCatalogue(t.ctx, parseCatalogueQuery({ status_ps: '1' }))).total, 0);
    const lostPub = decode(await publicPage());
    assert.match(lostPub, /2024-05-01: utrata statusu/);
    assert.doesNotMatch(lostPub, /mniej niż 3 zatrudnionych/, 'the reason of a loss stays with staff');

    // removing the grant would leave a loss without a grant
    const grant = await t.ctx.db
      .selectFrom('entity_ps_status')
      .select('id')
      .where('entity_id', '=', id)
      .where('kind', '=', 'granted')
      .executeTakeFirstOrThrow();
    const refused = await post(page, {}, `${page}/${grant.id}/usun`);
    assert.equal(refused.statusCode, 400);
    assert.match(decode(refused.body), /Nie można usunąć tego wpisu/);
    assert.equal(await count('entity_ps_status'), 2);

    assert.equal(
      (await post(page, { ps_type: 'reintegration', decision_number: 'WPS-I.3.2025', decision_date: '2025-02-01' }, `${page}/przyznanie`))
        .statusCode,
      303,
    );
    // correcting the loss: moving it after the second grant would break the order; fixing its reason is fine
    const loss = await t.ctx.db
      .selectFrom('entity_ps_status')
      .select('id')
      .where('entity_id', '=', id)
      .where('kind', '=', 'lost')
      .executeTakeFirstOrThrow();
    const form = await get(`${page}/${loss.id}`);
    assert.equal(form.statusCode, 200);
    assert.match(decode(form.body), /mniej niż 3 zatrudnionych/);
    const moved = await post(`${page}/${loss.id}`, { loss_date: '2025-03-01', loss_reason: 'mniej niż 3 zatrudnionych' });
    assert.equal(moved.statusCode, 400);
    assert.match(decode(moved.body), /przyznanie z dnia 2025-02-01 nastąpiłoby, gdy podmiot miał już status/);
    assert.equal(
      (
        await post(`${page}/${loss.id}`, {
          loss_date: '2024-05-01',
          loss_reason: 'zatrudnienie poniżej 3 osób',
          loss_decision_number: 'WPS-I.2.2024',
        })
      ).statusCode,
      303,
    );
    assert.equal(
      (await t.ctx.db.selectFrom('entity_ps_status').select('loss_reason').where('id', '=', loss.id).executeTakeFirstOrThrow()).loss_reason,
      'zatrudnienie poniżej 3 osób',
    );
    assert.equal((await audits('registry.ps.update')).length, 1);

    const history = await changes('ps_status');
    assert.equal(history.length, 4);
    assert.equal(JSON.parse(history[3]!.old_value!).loss_reason, 'mniej niż 3 zatrudnionych');
    assert.deepEqual((await audits('registry.ps.grant')).length, 2);
    assert.deepEqual((await audits('registry.ps.loss')).length, 1);
    assert.match(
      decode((await get(page)).body),
      /Ma status przedsiębiorstwa społecznego \(reintegracyjne\) od 2025-02-01, decyzja nr WPS-I.3.2025/,
    );
  });

  test('employment: statutory conditions checked, a warning with an icon while they fail, never public', async () => {
    const page = `${base()}/zatrudnienie`;
    // the entity holds the reintegration status since 2025-02-01 and has no figures yet
    assert.match(decode((await get(base())).body), /Uwaga: brak danych o zatrudnieniu/);
    const year = {
      year: '2025',
      headcount: '9',
      employees: '7',
      fte: '5,5',
      employees_half_time: '5',
      at_risk: '3',
      at_risk_half_time: '2',
      cat_disabled: '2',
      cat_long_term_unemployed: '1',
      source: 'sprawozdanie 2025',
    };
    const inconsistent = await post(page, { ...year, at_risk_half_time: '4' });
    assert.equal(inconsistent.statusCode, 400);
    assert.match(decode(inconsistent.body), /nie może być większa niż liczba zatrudnionych zagrożonych wykluczeniem/);
    assert.equal(await count('entity_employment'), 0);

    assert.equal((await post(page, year)).statusCode, 303);
    const record = decode((await get(base())).body);
    assert.match(record, /Uwaga: ustawowe warunki statusu przedsiębiorstwa społecznego nie są spełnione/);
    assert.match(record, /role="img" aria-label="Ostrzeżenie"/);
    assert.match(record, /Według danych za rok 2025/);
    assert.match(record, /co najmniej 30% zagrożonych wykluczeniem: 28,6%/);
    const list = decode((await get(page)).body);
    assert.match(list, /niespełnione/);
    assert.match(
      decode((await get('/admin/podmioty')).body),
      /ma status; uwaga: warunki ustawowe niespełnione/,
      'the staff list flags it too',
    );

    const dup = await post(page, year);
    assert.equal(dup.statusCode, 400);
    assert.match(decode(dup.body), /Dane za rok 2025 są już wpisane/);

    // one more at-risk employee at ≥ ½ FTE: 3 of 7 is 42.9 %
    assert.equal((await post(`${page}/2025`, { ...year, at_risk_half_time: '3' })).statusCode, 303);
    const fixed = decode((await get(base())).body);
    assert.doesNotMatch(fixed, /Uwaga: ustawowe warunki/);
    const staffList = decode((await get('/admin/podmioty')).body);
    assert.doesNotMatch(staffList, /uwaga: warunki ustawowe/);
    assert.match(staffList, /<td>ma status<\/td>/);
    assert.equal((await post(page, { ...year, year: '2024', employees_half_time: '2', at_risk_half_time: '2' })).statusCode, 303);
    assert.doesNotMatch(decode((await get(base())).body), /Uwaga: ustawowe warunki/, 'only the latest year warns');

    const history = await changes('employment');
    assert.equal(history.length, 3);
    assert.equal(JSON.parse(history[1]!.old_value!).at_risk_half_time, 2);
    assert.equal(JSON.parse(history[1]!.new_value!).at_risk_half_time, 3);
    assert.equal((await audits('registry.employment.update')).length, 1);

    // nothing of it reaches the public: page, exports or API
    const pub = decode(await publicPage());
    for (const s of ['sprawozdanie 2025', 'Zatrudnienie', 'zagrożon', 'etat']) assert.doesNotMatch(pub, new RegExp(s, 'i'), s);
    const json = (await get('/podmioty.json?q=rekordowa', '')).body;
    assert.doesNotMatch(json, /sprawozdanie|headcount|employ/i);
    const csv = (await get('/podmioty.csv?q=rekordowa', '')).rawPayload.toString('utf8');
    assert.doesNotMatch(csv, /sprawozdanie/);

    assert.equal((await post(page, {}, `${page}/2024/usun`)).statusCode, 303);
    assert.equal(await count('entity_employment'), 1);
    assert.equal((await get(`${page}/2024`)).statusCode, 404);
  });

  test('marks: expiry after grant, every mark public with its state, only valid ones counted, edit and removal recorded', async () => {
    const page = `${base()}/znaki`;
    const bad = await post(page, { subject: 'Catering dla firm', granted_on: '2025-10-01', expires_on: '2025-09-30' });
    assert.equal(bad.statusCode, 400);
    assert.match(decode(bad.body), /Ważny do” musi być późniejsza niż data nadania/);
    assert.equal(await count('entity_marks'), 0);
    assert.equal(
      (
        await post(page, {
          subject: 'Catering dla firm',
          granted_on: '2025-10-01',
          expires_on: '2999-09-30',
          source_url: 'https://rops.torun.pl/zp',
        })
      ).statusCode,
      303,
    );
    assert.equal((await post(page, { subject: 'Szycie toreb', granted_on: '2020-10-01', expires_on: '2021-09-30' })).statusCode, 303);
    const pub = decode(await publicPage());
    assert.match(pub, /Catering dla firm: nadany 2025-10-01, ważny do 2999-09-30/);
    assert.match(pub, /Szycie toreb: nadany 2020-10-01, ważność upłynęła 2021-09-30/);
    assert.match(decode((await get(page)).body), /wygasł/);
    assert.equal((await searchCatalogue(t.ctx, parseCatalogueQuery({ znak: '1', q: 'rekordowa' }))).total, 1);

    const expired = await t.ctx.db
      .selectFrom('entity_marks')
      .select('id')
      .where('entity_id', '=', id)
      .where('subject', '=', 'Szycie toreb')
      .executeTakeFirstOrThrow();
    assert.equal(
      (await post(`${page}/${expired.id}`, { subject: 'Szycie toreb', granted_on: '2020-10-01', expires_on: '2020-09-30' })).statusCode,
      400,
    );
    assert.equal(
      (await post(`${page}/${expired.id}`, { subject: 'Szycie toreb lnianych', granted_on: '2020-10-01', expires_on: '2021-09-30' }))
        .statusCode,
      303,
    );
    assert.equal((await post(page, {}, `${page}/${expired.id}/usun`)).statusCode, 303);
    assert.equal(await count('entity_marks'), 1);
    const history = await changes('mark');
    assert.deepEqual(
      history.map((h) => [
        h.old_value === null ? null : JSON.parse(h.old_value).subject,
        h.new_value === null ? null : JSON.parse(h.new_value).subject,
      ]),
      [
        [null, 'Catering dla firm'],
        [null, 'Szycie toreb'],
        ['Szycie toreb', 'Szycie toreb lnianych'],
        ['Szycie toreb lnianych', null],
      ],
    );
  });

  test('activity: PKD codes validated, sectors searchable, shown publicly', async () => {
    const page = `${base()}/dzialalnosc`;
    const bad = await post(page, { activity_type: 'business', pkd: '88.10.Z, 123', sectors: 'gastronomia' });
    assert.equal(bad.statusCode, 400);
    assert.match(decode(bad.body), /niepoprawne kody: 123/);
    assert.equal(
      (await t.ctx.db.selectFrom('entities').select('pkd_codes').where('id', '=', id).executeTakeFirstOrThrow()).pkd_codes,
      null,
    );

    assert.equal(
      (await post(page, { activity_type: 'paid_public_benefit', pkd: '8810z, 56.21.Z', sectors: 'Usługi opiekuńcze\nGastronomia' }))
        .statusCode,
      303,
    );
    const e = await t.ctx.db.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(e.activity_type, 'paid_public_benefit');
    assert.deepEqual(JSON.parse(e.pkd_codes!), ['88.10.Z', '56.21.Z']);
    assert.deepEqual(JSON.parse(e.sectors), ['Usługi opiekuńcze', 'Gastronomia']);
    const hits = await searchCatalogue(t.ctx, parseCatalogueQuery({ q: 'opiekuncze' }));
    assert.deepEqual(
      hits.rows.map((r) => r.id),
      [id],
    );
    const pub = decode(await publicPage());
    assert.match(pub, /odpłatna działalność pożytku publicznego/);
    assert.match(pub, /88.10.Z, 56.21.Z/);
    assert.match(pub, /Usługi opiekuńcze, Gastronomia/);
    assert.deepEqual(
      (await changes('pkd_codes')).map((h) => [h.old_value, h.new_value]),
      [[null, '88.10.Z, 56.21.Z']],
    );

    // the main form keeps the sectors in the search document
    const main = await post(base(), {
      name,
      legal_form: 'spoldzielnia_socjalna',
      lifecycle: 'active',
      gmina_teryt: '0463011',
      town: 'Toruń',
      data_source: 'KRS',
    });
    assert.equal(main.statusCode, 303);
    assert.equal((await searchCatalogue(t.ctx, parseCatalogueQuery({ q: 'gastronomia' }))).total, 1);
    const history = decode((await get(base())).body);
    assert.match(history, /Rodzaj działalności.*odpłatna działalność pożytku publicznego/s);
    assert.match(history, /Źródło danych/);
  });

  test('main form: a CIS needs its creating body; lifecycle and verification date are editable', async () => {
    const body = { name, legal_form: 'cis', lifecycle: 'suspended', gmina_teryt: '0463011', town: 'Toruń', verified_at: '2026-11-01' };
    const refused = await post(base(), body);
    assert.equal(refused.statusCode, 400);
    assert.match(decode(refused.body), /Jednostka tworząca” jest wymagane/);
    assert.equal(
      (await t.ctx.db.selectFrom('entities').select('legal_form').where('id', '=', id).executeTakeFirstOrThrow()).legal_form,
      'spoldzielnia_socjalna',
    );
    assert.equal((await post(base(), { ...body, creating_body: 'Gmina Miasta Toruń' })).statusCode, 303);
    const e = await t.ctx.db.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([e.legal_form, e.creating_body, e.lifecycle, e.verified_at], ['cis', 'Gmina Miasta Toruń', 'suspended', '2026-11-01']);
    assert.match(decode(await publicPage()), /Jednostka tworząca.*Gmina Miasta Toruń/s);
    const en = decode((await get(`/en${base()}`)).body);
    assert.match(en, /Sections of the record/);
    assert.match(en, /social integration centre \(CIS\)/);
  });
});
