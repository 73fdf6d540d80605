// Indicator pages on SQLite and PostgreSQL: the public list, the chart with bars, the target line and
// a table of the same numbers, the breakdown map, the CSV, the API (approved values only), and the
// staff forms — definitions with translated problems, direct entry, approval and return.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../testing/app.js';
import {
  indicatorStaff,
  insertTestEntity,
  insertTestIndicator,
  insertTestProgramme,
  refreshComputedNow,
  tableCells as cells,
} from './indicators.testing.js';
import { enterApprovedValue, saveValue, submitValue } from './indicators.values.js';
import { ManualClock } from '../../testing/clock.js';

const clock = new ManualClock('2026-06-15T10:00:00Z');
const actor = { actorId: null, ip: null };

describe('indicator routes', () => {
  let t: TestApp;
  let programme: { id: string; slug: string };
  let reportedId: string;

  before(async () => {
    t = await createTestApp({ clock });
    programme = await insertTestProgramme(t.ctx, { slug: 'program-testowy', period_from: 2021, period_to: 2030, title: 'Program testowy' });
    reportedId = await insertTestIndicator(t.ctx, programme.id, {
      code: 'W1.1',
      name: 'Liczba miejsc pracy w PES',
      unit: 'osoby',
      baseline_value: 100,
      baseline_year: 2021,
      breakdown: 'powiat',
      targets: [{ year: 2030, value: 1000 }],
      data_source: 'Sprawozdania OWES',
    });
    await enterApprovedValue(t.ctx, { indicatorId: reportedId, period: 2023, territoryCode: 'region', value: '1 250,5' }, actor);
    await enterApprovedValue(t.ctx, { indicatorId: reportedId, period: 2024, territoryCode: 'region', value: 400 }, actor);
    await enterApprovedValue(t.ctx, { indicatorId: reportedId, period: 2024, territoryCode: '0463', value: 120 }, actor);
    // a draft and a submitted value must never be shown publicly
    await saveValue(t.ctx, { indicatorId: reportedId, period: 2025, territoryCode: 'region', value: 777 }, actor);
    await submitValue(t.ctx, { indicatorId: reportedId, period: 2025, territoryCode: '0401', value: 888 }, actor);
    // the registry knows one social cooperative in Toruń, with PS status from 2023
    await insertTestEntity(t.ctx, { gmina: '0463011', registered: '2020-05-01', psGranted: '2023-02-01' });
    await insertTestIndicator(t.ctx, programme.id, {
      code: 'W2',
      name: 'Podmioty ze statusem PS',
      method: 'computed',
      formula: 'registry_ps_entities',
      breakdown: 'subregion',
      targets: [{ year: 2030, value: 50 }],
    });
    // the computed figures are stored after writes, off the request path; tests wait for them
    await refreshComputedNow(t.ctx);
  });
  after(async () => t.close());

  it('lists indicators with progress in words', async () => {
    const res = await t.app.inject({ url: '/program/program-testowy/wskazniki' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /W1\.1 Liczba miejsc pracy w PES/);
    // the latest approved value (400 in 2024) is exactly on the path from 100 (2021) to 1000 (2030)
    assert.match(res.body, /progress-badge--on_track"><svg[^]*?<\/svg> zgodnie z planem/);
    assert.doesNotMatch(res.body, /777/);
    const en = await t.app.inject({ url: '/en/program/program-testowy/wskazniki' });
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /Programme indicators with progress/);
  });

  it('draws bars and the target path with a table of the same numbers', async () => {
    const res = await t.app.inject({ url: '/program/program-testowy/wskazniki/W1.1' });
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(html, /<svg[^>]*role="img"[^>]*aria-labelledby="indicator-chart-title"/);
    assert.match(html, /<title id="indicator-chart-title">/);
    assert.match(html, /<desc id="indicator-chart-desc">/);
    const bars = [...html.matchAll(/class="indicator-chart__bar" data-year="(\d+)" data-value="([^"]+)"/g)].map((m) => [
      m[1],
      m[2]!.replace(/\u00a0/g, ' '),
    ]);
    // Polish grouping starts at five digits: 1250,5 but 12 500
    assert.deepEqual(bars, [
      ['2023', '1250,5'],
      ['2024', '400'],
    ]);
    assert.match(html, /class="indicator-chart__path" d="M[^"]+L/);
    assert.match(html, /data-year="2030" data-target="1000"/);
    const rows = cells(html, 'Zatwierdzone wartości wskaźnika i ścieżka do celu według lat');
    const byYear = new Map(rows.map((r) => [r[0], r]));
    assert.equal(byYear.get('2023')![1], '1250,5');
    assert.equal(byYear.get('2024')![1], '400');
    assert.equal(byYear.get('2025')![1], '—', 'a draft is not shown');
    assert.equal(byYear.get('2021')![2], '100');
    assert.equal(byYear.get('2024')![2], '400');
    assert.equal(byYear.get('2030')![2], '1000');
    assert.equal(byYear.get('2030')![3], '1000');
    // every bar's number is in the table, for the same year
    for (const [year, value] of bars) assert.equal(byYear.get(year!)![1], value);
    assert.match(html, /Ostatnia wartość \(400, 2024\) jest na ścieżce do celu: oczekiwano 400/);
    // breakdown by powiat: the table and the map, without the submitted value
    const area = cells(html, 'Wartości wskaźnika według obszarów w roku 2024');
    assert.deepEqual(area, [['Toruń', '120']]);
    assert.match(html, /id="indicator-map"/);
    assert.doesNotMatch(html, /888/);
    assert.match(html, /Sprawozdania OWES/);
  });

  it('puts the indicators with progress on the programme page', async () => {
    const res = await t.app.inject({ url: '/program/program-testowy' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h2 id="programme-indicators-title">Wskaźniki i postęp<\/h2>/);
    assert.match(res.body, /href="\/program\/program-testowy\/wskazniki\/W1.1"/);
    assert.match(res.body, /href="\/program\/program-testowy\/wskazniki">Wszystkie wskaźniki programu/);
  });

  it('shows the latest value of the area on the territorial profile of the current programme', async () => {
    const before = await t.app.inject({ url: '/terytorium/0463011' });
    assert.match(before.body, /W serwisie nie wskazano bieżącego programu/);
    await t.ctx.db.updateTable('programmes').set({ is_current: true }).where('id', '=', programme.id).execute();
    try {
      const torun = await t.app.inject({ url: '/terytorium/0463011' });
      assert.equal(torun.statusCode, 200);
      const rows = cells(torun.body, 'Ostatnie wartości wskaźników programu dla obszarów obejmujących ten teren');
      assert.deepEqual(
        rows.find((r) => r[0]!.startsWith('W1.1')),
        ['W1.1 Liczba miejsc pracy w PES', 'Toruń', '2024', '120 osób'],
      );
      assert.ok(rows.some((r) => r[0]!.startsWith('W2') && r[1] === 'Subregion toruński'));
      // the section names the programme and whether it is in force today; a closed one is history
      const status = (await t.ctx.db.selectFrom('programmes').select('status').where('id', '=', programme.id).executeTakeFirstOrThrow())
        .status;
      assert.match(
        torun.body,
        status === 'adopted' || status === 'implementation'
          ? /Wartości programu „Program testowy” \(2021–2030\), obowiązującego obecnie\./
          : /Wartości programu „Program testowy” \(2021–2030\), który już nie obowiązuje/,
      );
      await t.ctx.db.updateTable('programmes').set({ status: 'closed' }).where('id', '=', programme.id).execute();
      const closed = await t.app.inject({ url: '/terytorium/0463011' });
      assert.match(closed.body, /Wartości programu „Program testowy” \(2021–2030\), który już nie obowiązuje: to dane historyczne/);
      await t.ctx.db.updateTable('programmes').set({ status }).where('id', '=', programme.id).execute();
      const other = await t.app.inject({ url: '/terytorium/0401' });
      assert.ok(
        !cells(other.body, 'Ostatnie wartości wskaźników programu dla obszarów obejmujących ten teren').some((r) =>
          r[0]!.startsWith('W1.1'),
        ),
      );
    } finally {
      await t.ctx.db.updateTable('programmes').set({ is_current: false }).where('id', '=', programme.id).execute();
    }
  });

  it('answers 404 for an unknown indicator or programme', async () => {
    assert.equal((await t.app.inject({ url: '/program/program-testowy/wskazniki/NIE' })).statusCode, 404);
    assert.equal((await t.app.inject({ url: '/program/brak/wskazniki' })).statusCode, 404);
  });

  it('downloads a CSV with a BOM and semicolons', async () => {
    const res = await t.app.inject({ url: '/program/program-testowy/wskazniki/W1.1.csv' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/csv; charset=utf-8/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="wskaznik-program-testowy-W1.1.csv"/);
    assert.ok(res.body.startsWith('\uFEFF'));
    const lines = res.body.slice(1).trim().split('\r\n');
    assert.equal(lines[0], 'kod;nazwa;jednostka;rodzaj;rok;kod_obszaru;obszar;wartosc;przykladowe;obliczona');
    assert.ok(lines.includes('W1.1;Liczba miejsc pracy w PES;osoby;wartość;2023;region;województwo (całość);1250,5;0;0'));
    assert.ok(lines.includes('W1.1;Liczba miejsc pracy w PES;osoby;wartość;2024;0463;Toruń;120;0;0'));
    assert.ok(lines.includes('W1.1;Liczba miejsc pracy w PES;osoby;cel;2030;region;województwo (całość);1000;0;0'));
    assert.ok(!res.body.includes('777') && !res.body.includes('888'));
  });

  it('makes formula-like names inert in the CSV and keeps negative values numbers', async () => {
    const other = await insertTestProgramme(t.ctx, {
      slug: 'program-formuly',
      period_from: 2021,
      period_to: 2030,
      title: 'Program z formułą',
    });
    const id = await insertTestIndicator(t.ctx, other.id, {
      code: 'F1',
      name: '=HYPERLINK("http://evil.example";"klik")',
      unit: '@saldo',
      is_negative_allowed: true,
    });
    await enterApprovedValue(t.ctx, { indicatorId: id, period: 2024, territoryCode: 'region', value: '-12,5' }, actor);
    const res = await t.app.inject({ url: '/program/program-formuly/wskazniki/F1.csv' });
    assert.equal(res.statusCode, 200);
    const lines = res.body.slice(1).trim().split('\r\n');
    assert.equal(lines[1], `F1;"'=HYPERLINK(""http://evil.example"";""klik"")";'@saldo;wartość;2024;region;województwo (całość);-12,5;0;0`);
  });

  it('serves the API with approved values only and documents it in OpenAPI', async () => {
    const res = await t.app.inject({ url: '/api/v1/program/program-testowy/wskazniki' });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.programme.slug, 'program-testowy');
    const w11 = body.items.find((i: { code: string }) => i.code === 'W1.1');
    assert.deepEqual(w11.baseline, { value: 100, year: 2021, is_example: false });
    assert.deepEqual(w11.targets, [{ year: 2030, value: 1000, is_example: false }]);
    assert.equal(w11.is_example, false);
    assert.equal(w11.progress.is_example, false);
    assert.equal(w11.progress.status, 'on_track');
    assert.deepEqual(w11.progress.latest, { period: 2024, value: 400 });
    assert.deepEqual(
      w11.values.map((v: { period: number; territory_code: string; value: number }) => [v.period, v.territory_code, v.value]),
      [
        [2023, 'region', 1250.5],
        [2024, '0463', 120],
        [2024, 'region', 400],
      ],
    );
    const w2 = body.items.find((i: { code: string }) => i.code === 'W2');
    assert.equal(w2.method, 'computed');
    const w2region = w2.values.filter((v: { territory_code: string }) => v.territory_code === 'region');
    assert.deepEqual(
      w2region.map((v: { period: number; value: number; is_live: boolean }) => [v.period, v.value, v.is_live]),
      [
        [2021, 0, true],
        [2022, 0, true],
        [2023, 1, true],
        [2024, 1, true],
        [2025, 1, true],
        [2026, 1, true],
      ],
    );
    assert.equal(
      (await t.app.inject({ url: '/api/v1/program/brak/wskazniki' })).headers['content-type'],
      'application/problem+json; charset=utf-8',
    );
    const openapi = (await t.app.inject({ url: '/api/openapi.json' })).json();
    assert.ok(openapi.paths['/api/v1/program/{slug}/wskazniki']);
  });

  it('lets a coordinator define an indicator, refusing bad input with translated messages', async () => {
    const staff = await indicatorStaff(t, programme.id);
    const { cookie } = staff;
    const post = (values: Record<string, string>) => staff.post(staff.newUrl, values);
    const good = {
      code: 'W3',
      name: 'Liczba znaków Zakup Prospołeczny',
      unit: 'szt.',
      type: 'output',
      direction: 'increase',
      breakdown: 'none',
      method: 'computed',
      formula: 'registry_valid_marks',
      baseline_value: '2',
      baseline_year: '2021',
      targets: '2025: 10\n2030: 20',
    };
    const bad = await post({ ...good, code: 'W1.1', baseline_year: '', targets: '2040: 5\nabc', unit: '', formula: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Wskaźnik o kodzie „W1\.1” już istnieje/);
    assert.match(bad.body, /Podaj wartość bazową razem z rokiem bazowym/);
    assert.match(bad.body, /Rok 2040 w wartościach docelowych jest poza okresem programu/);
    assert.match(bad.body, /Wiersz 2 wartości docelowych/);
    assert.match(bad.body, /Pole „Jednostka miary” jest wymagane/);
    assert.match(bad.body, /Wskaźnik obliczany musi mieć wybraną formułę/);
    assert.equal((await t.ctx.db.selectFrom('indicators').select('id').where('code', '=', 'W3').execute()).length, 0);
    const ok = await post(good);
    assert.equal(ok.statusCode, 303);
    const row = await t.ctx.db.selectFrom('indicators').selectAll().where('code', '=', 'W3').executeTakeFirstOrThrow();
    assert.equal(row.formula, 'registry_valid_marks');
    const targets = await t.ctx.db
      .selectFrom('indicator_targets')
      .select(['year', 'value'])
      .where('indicator_id', '=', row.id)
      .orderBy('year')
      .execute();
    assert.deepEqual(targets, [
      { year: 2025, value: 10 },
      { year: 2030, value: 20 },
    ]);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', row.id).execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['indicator.create'],
    );
    // the edit form shows the stored definition
    const edit = await t.app.inject({ url: `/admin/program/${programme.id}/wskazniki/${row.id}`, headers: { cookie } });
    assert.match(edit.body, /2025: 10\n2030: 20/);
    // an indicator with values by area keeps its method and breakdown
    const update = (values: Record<string, string>) => staff.post(`/admin/program/${programme.id}/wskazniki/${reportedId}`, values);
    const w11 = {
      code: 'W1.1',
      name: 'Liczba miejsc pracy w PES',
      unit: 'osoby',
      type: 'output',
      direction: 'increase',
      breakdown: 'powiat',
      method: 'reported',
      baseline_value: '100',
      baseline_year: '2021',
      targets: '2030: 1000',
      data_source: 'Sprawozdania OWES',
    };
    const locked = await update({ ...w11, breakdown: 'gmina', method: 'computed', formula: 'registry_ps_entities' });
    assert.equal(locked.statusCode, 400);
    assert.match(locked.body, /nie można zmienić sposobu ich pozyskania/);
    assert.match(locked.body, /nie można zmienić podziału terytorialnego/);
    const renamed = await update({ ...w11, name: 'Miejsca pracy w PES', data_source: 'OWES' });
    assert.equal(renamed.statusCode, 303);
    const changes = await t.ctx.db
      .selectFrom('audit_log')
      .select('changes')
      .where('subject_id', '=', reportedId)
      .where('action', '=', 'indicator.update')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(changes.changes!).name, { before: 'Liczba miejsc pracy w PES', after: 'Miejsca pracy w PES' });
    await update(w11);
  });

  it('lets a coordinator enter, approve and return values; bad values change nothing', async () => {
    const { cookie } = await loginAs(t, [{ role: 'coordinator' }]);
    const url = `/admin/program/${programme.id}/wskazniki/${reportedId}/wartosci`;
    const page = await t.app.inject({ url, headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Historia zmian/);
    const csrf = csrfFrom(page.body);
    const headers = { cookie, 'content-type': 'application/x-www-form-urlencoded' };
    const bad = await t.app.inject({
      method: 'POST',
      url,
      headers,
      payload: form({ _csrf: csrf, period: '2022', territory_code: '0463', value: 'sto' }),
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /musi zawierać liczbę/);
    const none = await t.ctx.db
      .selectFrom('indicator_values')
      .select('id')
      .where('indicator_id', '=', reportedId)
      .where('period', '=', 2022)
      .execute();
    assert.equal(none.length, 0);
    const ok = await t.app.inject({
      method: 'POST',
      url,
      headers,
      payload: form({ _csrf: csrf, period: '2022', territory_code: '0463', value: '55', source: 'OWES' }),
    });
    assert.equal(ok.statusCode, 303);
    const submitted = await t.ctx.db
      .selectFrom('indicator_values')
      .selectAll()
      .where('indicator_id', '=', reportedId)
      .where('status', '=', 'submitted')
      .executeTakeFirstOrThrow();
    const empty = await t.app.inject({
      method: 'POST',
      url: `${url}/${submitted.id}/zwroc`,
      headers,
      payload: form({ _csrf: csrf, reason: '' }),
    });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Pole „Powód zwrotu” jest wymagane/);
    const approve = await t.app.inject({
      method: 'POST',
      url: `${url}/${submitted.id}/zatwierdz`,
      headers,
      payload: form({ _csrf: csrf }),
    });
    assert.equal(approve.statusCode, 303);
    const row = await t.ctx.db
      .selectFrom('indicator_values')
      .select(['status', 'approved_by'])
      .where('id', '=', submitted.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'approved');
    const again = await t.app.inject({
      method: 'POST',
      url: `${url}/${submitted.id}/zwroc`,
      headers,
      payload: form({ _csrf: csrf, reason: 'x' }),
    });
    assert.equal(again.statusCode, 409);
  });

  it('recomputes and closes a year of computed indicators', async () => {
    const { cookie } = await loginAs(t, [{ role: 'administrator' }]);
    const list = await t.app.inject({ url: `/admin/program/${programme.slug}/wskazniki`, headers: { cookie } });
    assert.equal(list.statusCode, 200);
    const csrf = csrfFrom(list.body);
    const close = await t.app.inject({
      method: 'POST',
      url: `/admin/program/${programme.id}/wskazniki/zamknij-rok`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrf, year: '2025' }),
    });
    assert.equal(close.statusCode, 303);
    const stored = await t.ctx.db
      .selectFrom('indicator_values')
      .select(['territory_code', 'value', 'status'])
      .where('is_computed', '=', true)
      .where('period', '=', 2025)
      .execute();
    assert.ok(stored.length >= 5, 'the computed indicators of the programme are recorded');
    assert.ok(stored.every((s) => s.status === 'approved'));
    const future = await t.app.inject({
      method: 'POST',
      url: `/admin/program/${programme.id}/wskazniki/zamknij-rok`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrf, year: '2029' }),
    });
    assert.equal(future.statusCode, 400);
  });

  it('keeps the admin pages to coordinators and administrators', async () => {
    const { cookie } = await loginAs(t, [{ role: 'editor' }]);
    assert.equal((await t.app.inject({ url: `/admin/program/${programme.id}/wskazniki`, headers: { cookie } })).statusCode, 403);
    const partner = await loginAs(t, [{ role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'indicator:W1.1' }]);
    assert.equal(
      (await t.app.inject({ url: `/admin/program/${programme.id}/wskazniki/${reportedId}/wartosci`, headers: { cookie: partner.cookie } }))
        .statusCode,
      403,
    );
  });
});

describe('the breakdown of an indicator page (rendered once per content)', () => {
  let t: TestApp;
  after(async () => t?.close());

  it('shows a newly approved area value and a new name in its table and map at once', async () => {
    t = await createTestApp({ clock });
    const programme = await insertTestProgramme(t.ctx, { slug: 'program-podzial', period_from: 2021, period_to: 2030 });
    const id = await insertTestIndicator(t.ctx, programme.id, { code: 'P1', name: 'Miejsca pracy', unit: 'osoby', breakdown: 'powiat' });
    await enterApprovedValue(t.ctx, { indicatorId: id, period: 2024, territoryCode: '0463', value: 120 }, actor);
    const page = async (lang = '') => (await t.app.inject({ url: `${lang}/program/program-podzial/wskazniki/P1` })).body;
    const caption = 'Wartości wskaźnika według obszarów w roku 2024';
    const first = await page();
    assert.deepEqual(cells(first, caption), [['Toruń', '120']]);
    assert.equal(await page(), first, 'the same figures give the same page');
    await enterApprovedValue(t.ctx, { indicatorId: id, period: 2024, territoryCode: '0401', value: 55 }, actor);
    const second = await page();
    assert.deepEqual(cells(second, caption), [
      ['powiat aleksandrowski', '55'],
      ['Toruń', '120'],
    ]);
    assert.ok(second.includes('<title>Aleksandrów Kujawski — powiat aleksandrowski: 55 osób</title>'), 'the map labels the new value');
    await t.ctx.db.updateTable('indicators').set({ name: 'Miejsca pracy w PES' }).where('id', '=', id).execute();
    assert.ok(
      (await page()).includes('<title id="indicator-map-title">Mapa: Miejsca pracy w PES, 2024</title>'),
      'the map has the new name',
    );
    const en = await page('/en');
    assert.ok(
      en.includes('<a href="/en/terytorium/0463011" class="territory-map__unit"><title>Toruń'),
      'the English map links English profiles',
    );
  });
});
