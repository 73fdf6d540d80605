// The indicator form's "counts people" flag on SQLite and PostgreSQL: a coordinator sets and clears it
// (stored, shown checked on the edit form, audited; a refused form changes nothing), and a flagged
// indicator's public outputs — its page's chart and table, the CSV and the API, in both languages —
// show a value below 3 only as "<3" while staff keep the number.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import {
  indicatorStaff,
  insertTestIndicator,
  insertTestProgramme,
  tableCells as cells,
  type IndicatorStaff,
} from './indicators.testing.js';
import { enterApprovedValue } from './indicators.values.js';

const actor = { actorId: null, ip: null };
const CHECKBOX = /<input type="checkbox" id="f-is_small_count_suppressed" name="is_small_count_suppressed" value="on"([^>]*)\/?>/;

describe('indicators counting people', () => {
  let t: TestApp;
  let programme: { id: string; slug: string };
  let staff: IndicatorStaff;
  let cookie = '';
  const definition = {
    code: 'L1',
    name: 'Osoby zatrudnione w spółdzielniach socjalnych',
    unit: 'osoby',
    type: 'output',
    direction: 'increase',
    breakdown: 'none',
    method: 'reported',
    targets: '2030: 40',
  };

  before(async () => {
    t = await createTestApp({ clock: new ManualClock('2026-06-15T10:00:00Z') });
    programme = await insertTestProgramme(t.ctx, { slug: 'program-osoby', period_from: 2021, period_to: 2030, title: 'Program osób' });
    staff = await indicatorStaff(t, programme.id);
    cookie = staff.cookie;
  });
  after(async () => t.close());

  const post = (url: string, values: Record<string, string>) => staff.post(url, values);
  const flagOf = async (code: string) =>
    (await t.ctx.db.selectFrom('indicators').select(['id', 'is_small_count_suppressed']).where('code', '=', code).executeTakeFirstOrThrow())
      .is_small_count_suppressed;

  it('offers the checkbox on the form, in Polish and English', async () => {
    const pl = await t.app.inject({ url: `/admin/program/${programme.id}/wskazniki/nowy`, headers: { cookie } });
    const box = CHECKBOX.exec(pl.body);
    assert.ok(box, 'the checkbox is on the form');
    assert.doesNotMatch(box[1]!, /checked/);
    assert.match(
      pl.body,
      /<label for="f-is_small_count_suppressed">Wskaźnik liczy osoby \(małe liczby są ukrywane w publikacjach\)<\/label>/,
    );
    assert.match(pl.body, /wartości mniejsze niż 3 są pokazywane jako „&lt;3”/);
    const en = await t.app.inject({ url: `/en/admin/program/${programme.id}/wskazniki/nowy`, headers: { cookie } });
    assert.match(en.body, /<label for="f-is_small_count_suppressed">Counts people \(small counts suppressed in public outputs\)<\/label>/);
  });

  it('saves the flag, shows it on the edit form and audits it; a refused form changes nothing', async () => {
    const created = await post(`/admin/program/${programme.id}/wskazniki/nowy`, { ...definition, is_small_count_suppressed: 'on' });
    assert.equal(created.statusCode, 303);
    assert.equal(await flagOf('L1'), true);
    const row = await t.ctx.db.selectFrom('indicators').select('id').where('code', '=', 'L1').executeTakeFirstOrThrow();
    const editUrl = `/admin/program/${programme.id}/wskazniki/${row.id}`;
    const edit = await t.app.inject({ url: editUrl, headers: { cookie } });
    assert.match(CHECKBOX.exec(edit.body)![1]!, /checked/);

    // a refused edit (no unit) that would clear the flag keeps it, and shows the form as sent
    const refused = await post(editUrl, { ...definition, unit: '' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Pole „Jednostka miary” jest wymagane/);
    assert.doesNotMatch(CHECKBOX.exec(refused.body)![1]!, /checked/);
    assert.equal(await flagOf('L1'), true);

    // a refused new indicator with the flag is not stored
    const refusedNew = await post(`/admin/program/${programme.id}/wskazniki/nowy`, {
      ...definition,
      code: 'L2',
      name: '',
      is_small_count_suppressed: 'on',
    });
    assert.equal(refusedNew.statusCode, 400);
    assert.match(CHECKBOX.exec(refusedNew.body)![1]!, /checked/, 'the form keeps the ticked box');
    assert.equal((await t.ctx.db.selectFrom('indicators').select('id').where('code', '=', 'L2').execute()).length, 0);

    // clearing it is stored and audited; ticking it again too
    assert.equal((await post(editUrl, definition)).statusCode, 303);
    assert.equal(await flagOf('L1'), false);
    assert.equal((await post(editUrl, { ...definition, is_small_count_suppressed: 'on' })).statusCode, 303);
    assert.equal(await flagOf('L1'), true);
    const updates = await t.ctx.db
      .selectFrom('audit_log')
      .select('changes')
      .where('subject_id', '=', row.id)
      .where('action', '=', 'indicator.update')
      .execute();
    // both updates are recorded (the test clock does not move, so their order is not asserted)
    assert.deepEqual(updates.map((u) => JSON.stringify(JSON.parse(u.changes!).is_small_count_suppressed)).sort(), [
      JSON.stringify({ before: false, after: true }),
      JSON.stringify({ before: true, after: false }),
    ]);
  });

  it('shows a flagged indicator’s values below 3 only as "<3" on the page, the CSV and the API', async () => {
    const id = await insertTestIndicator(t.ctx, programme.id, {
      code: 'L3',
      name: 'Osoby w reintegracji',
      unit: 'osoby',
      is_small_count_suppressed: true,
    });
    const plain = await insertTestIndicator(t.ctx, programme.id, { code: 'L4', name: 'Podmioty w inkubacji', unit: 'szt.' });
    await enterApprovedValue(t.ctx, { indicatorId: id, period: 2023, territoryCode: 'region', value: 2 }, actor);
    await enterApprovedValue(t.ctx, { indicatorId: id, period: 2024, territoryCode: 'region', value: 7 }, actor);
    await enterApprovedValue(t.ctx, { indicatorId: plain, period: 2023, territoryCode: 'region', value: 2 }, actor);

    const page = await t.app.inject({ url: '/program/program-osoby/wskazniki/L3' });
    assert.equal(page.statusCode, 200);
    const byYear = new Map(cells(page.body, 'Zatwierdzone wartości wskaźnika i ścieżka do celu według lat').map((r) => [r[0], r]));
    assert.equal(byYear.get('2023')![1], '<3');
    assert.equal(byYear.get('2024')![1], '7');
    const bars = [...page.body.matchAll(/class="indicator-chart__bar" data-year="(\d+)" data-value="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(bars, [['2024', '7']], 'no bar gives the small number away');
    const en = await t.app.inject({ url: '/en/program/program-osoby/wskazniki/L3' });
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /&lt;3/);
    assert.doesNotMatch(en.body, /data-value="2"/);
    // the same small value of an indicator that does not count people is published
    const other = await t.app.inject({ url: '/program/program-osoby/wskazniki/L4' });
    assert.equal(cells(other.body, 'Zatwierdzone wartości wskaźnika i ścieżka do celu według lat').find((r) => r[0] === '2023')![1], '2');

    const csv = await t.app.inject({ url: '/program/program-osoby/wskazniki/L3.csv' });
    const lines = csv.body.slice(1).trim().split('\r\n');
    assert.ok(lines.includes('L3;Osoby w reintegracji;osoby;wartość;2023;region;województwo (całość);<3;0;0'), lines.join('\n'));
    assert.ok(lines.includes('L3;Osoby w reintegracji;osoby;wartość;2024;region;województwo (całość);7;0;0'));

    const api = (await t.app.inject({ url: '/api/v1/program/program-osoby/wskazniki' })).json();
    const l3 = api.items.find((i: { code: string }) => i.code === 'L3');
    assert.deepEqual(
      l3.values.map((v: { period: number; value: number | null; is_suppressed: boolean }) => [v.period, v.value, v.is_suppressed]),
      [
        [2023, null, true],
        [2024, 7, false],
      ],
    );

    // staff keep the number
    const staff = await t.app.inject({ url: `/admin/program/${programme.id}/wskazniki/${id}/wartosci`, headers: { cookie } });
    assert.equal(staff.statusCode, 200);
    assert.match(staff.body, />2<\/td>/);
  });
});
