// Support centres reporting per quarter through the monitoring rounds, on SQLite and PostgreSQL:
// staff open quarterly rounds ("I kwartał 2026"); a bad or missing quarter is refused (400,
// translated) and saves nothing; each centre's reporting partner sees and fills only its subregion
// and never another centre's values; staff approve; the year's value becomes the sum of the
// approved quarters; the centre's public page shows the quarters in a chart and a table, with a
// small count as "<3"; a year reported by quarters cannot get a yearly round too.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, csrfFrom, loginAs, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { insertTestIndicator, insertTestProgramme } from '../../../testing/programmes.js';
import * as svc from '../support.service.js';

const actor = { actorId: null, ip: null, requestId: null };

describe('quarterly results of support centres', () => {
  let t: TestApp;
  let programmeId: string;
  let created: string;
  let centreA: string;
  let staff: string;
  let partnerA: { cookie: string; userId: string };
  let partnerB: { cookie: string; userId: string };
  const rounds: Record<string, string> = {};

  before(async () => {
    t = await createTestApp({ clock: new ManualClock('2026-07-15T10:00:00Z') });
    const programme = await insertTestProgramme(t.ctx, { period_from: 2021, period_to: 2027, is_current: true });
    programmeId = programme.id;
    created = await insertTestIndicator(t.ctx, programme.id, {
      code: 'OWES-N',
      name: 'Nowe podmioty',
      unit: 'podmioty',
      breakdown: 'subregion',
      is_small_count_suppressed: true,
    });
    centreA = await svc.createCentre(t.ctx, { name: 'Ośrodek A', sources: '', leads_email: 'a@owes-a.example.pl' }, actor);
    await svc.addArea(t.ctx, centreA, { subregion_code: 'torun', area_from: '2024-01-01', area_to: '' }, actor);
    const centreB = await svc.createCentre(t.ctx, { name: 'Ośrodek B', sources: '', leads_email: 'b@owes-b.example.pl' }, actor);
    await svc.addArea(t.ctx, centreB, { subregion_code: 'bydgoszcz', area_from: '2024-01-01', area_to: '' }, actor);
    staff = (await loginAs(t, [{ role: 'coordinator' }])).cookie;
    partnerA = await loginAs(t, [{ role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'territory:torun' }]);
    partnerB = await loginAs(t, [{ role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'territory:bydgoszcz' }]);
  });
  after(async () => t.close());

  const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
  const post = async (url: string, cookie: string, values: [string, string][], pageUrl = url) => {
    const page = await get(pageUrl, cookie);
    const payload = new URLSearchParams([['_csrf', csrfFrom(page.body)], ...values]).toString();
    return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload });
  };
  const admin = () => `/admin/program/${programmeId}/monitorowanie`;
  const roundCount = async () => (await t.ctx.db.selectFrom('monitoring_rounds').select('id').execute()).length;
  const roundForm = (quarter: string | null, kind = 'quarter'): [string, string][] => [
    ['name', `Wyniki OWES ${quarter ?? ''}`],
    ['period', '2026'],
    ['period_kind', kind],
    ...(quarter === null ? [] : ([['quarter', quarter]] as [string, string][])),
    ['deadline', '2026-08-31'],
    ['indicators', created],
  ];

  it('refuses a quarter that is not 1–4, a missing one and one not begun: 400, translated, nothing saved', async () => {
    const five = await post(admin(), staff, roundForm('5'));
    assert.equal(five.statusCode, 400);
    assert.match(five.body, /Pole „Kwartał” musi wskazywać kwartał: I, II, III albo IV\./);
    const missing = await post(admin(), staff, roundForm(null));
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Pole „Kwartał” jest wymagane\./);
    const notBegun = await post(admin(), staff, roundForm('4'));
    assert.equal(notBegun.statusCode, 400);
    assert.match(notBegun.body, /kwartał, który jeszcze się nie zaczął/);
    const en = await post(`/en${admin()}`, staff, roundForm('5'));
    assert.equal(en.statusCode, 400);
    assert.match(en.body, /The field “Quarter” must name a quarter: Q1, Q2, Q3 or Q4\./);
    assert.equal(await roundCount(), 0);
  });

  it('staff open a round for the first and the second quarter, named as quarters in both languages', async () => {
    for (const q of ['1', '2']) {
      const res = await post(admin(), staff, roundForm(q));
      assert.equal(res.statusCode, 303, res.body);
      const id = /monitorowanie\/([^?]+)\?/.exec(res.headers.location as string)![1]!;
      rounds[q] = id;
      const row = await t.ctx.db
        .selectFrom('monitoring_rounds')
        .select(['period', 'quarter'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { period: 2026, quarter: Number(q) });
    }
    const list = await get(admin(), staff);
    assert.match(list.body, /I kwartał 2026/);
    assert.match(list.body, /II kwartał 2026/);
    assert.match(list.body, /Wartości kwartałów się sumują/, 'the form says how quarters make the year');
    assert.match((await get(`/en${admin()}`, staff)).body, /Q2 2026/);
  });

  it('each centre’s partner fills its own subregion only and never sees another centre’s values', async () => {
    const cell = (code: string) => `value__${created}__${code}`;
    for (const [q, a, b] of [
      ['1', '5', '9'],
      ['2', '1', '8'],
    ] as const) {
      const url = `/sprawozdawczosc/${rounds[q]}`;
      const page = await get(url, partnerA.cookie);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`${q === '1' ? 'I' : 'II'} kwartał 2026`));
      assert.doesNotMatch(page.body, /Bydgoszcz/);
      // a field of another centre's cell sent along is ignored
      const res = await post(url, partnerA.cookie, [
        [cell('torun'), a],
        [cell('bydgoszcz'), '99'],
        ['action', 'submit'],
      ]);
      assert.equal(res.statusCode, 303, res.body);
      assert.equal(
        (
          await post(url, partnerB.cookie, [
            [cell('bydgoszcz'), b],
            ['action', 'submit'],
          ])
        ).statusCode,
        303,
      );
    }
    const partnerView = await get(`/sprawozdawczosc/${rounds['1']}`, partnerA.cookie);
    assert.doesNotMatch(partnerView.body, />9</, 'centre A does not see centre B’s value');
    assert.doesNotMatch(partnerView.body, /Bydgoszcz|bydgoszcz/);
    const quarters = await t.ctx.db
      .selectFrom('indicator_values')
      .select(['quarter', 'territory_code', 'value', 'status'])
      .where('quarter', '>', 0)
      .orderBy('quarter')
      .orderBy('territory_code')
      .execute();
    assert.deepEqual(quarters, [
      { quarter: 1, territory_code: 'bydgoszcz', value: 9, status: 'submitted' },
      { quarter: 1, territory_code: 'torun', value: 5, status: 'submitted' },
      { quarter: 2, territory_code: 'bydgoszcz', value: 8, status: 'submitted' },
      { quarter: 2, territory_code: 'torun', value: 1, status: 'submitted' },
    ]);
    assert.equal((await get(`${admin()}/${rounds['1']}`, partnerA.cookie)).statusCode, 403, 'a partner does not reach the staff page');
  });

  it('staff approve the quarters; the year’s value is the sum of the approved quarters', async () => {
    for (const q of ['1', '2']) {
      const page = `${admin()}/${rounds[q]}`;
      const body = (await get(page, staff)).body;
      const ids = [...body.matchAll(/wartosci\/([^/]+)\/zatwierdz/g)].map((m) => m[1]!);
      assert.equal(ids.length, 2);
      for (const id of ids) assert.equal((await post(`${page}/wartosci/${id}/zatwierdz`, staff, [], page)).statusCode, 303);
    }
    const years = await t.ctx.db
      .selectFrom('indicator_values')
      .select(['territory_code', 'value', 'status'])
      .where('indicator_id', '=', created)
      .where('period', '=', 2026)
      .where('quarter', '=', 0)
      .orderBy('territory_code')
      .execute();
    assert.deepEqual(years, [
      { territory_code: 'bydgoszcz', value: 17, status: 'approved' },
      { territory_code: 'torun', value: 6, status: 'approved' },
    ]);
    const history = await t.ctx.db
      .selectFrom('indicator_value_history as h')
      .innerJoin('indicator_values as v', 'v.id', 'h.value_id')
      .select(['h.action', 'h.value'])
      .where('v.territory_code', '=', 'torun')
      .where('v.quarter', '=', 0)
      .orderBy('h.at')
      .orderBy('h.id')
      .execute();
    assert.deepEqual(history, [
      { action: 'summed', value: 5 },
      { action: 'summed', value: 6 },
    ]);
  });

  it('the centre’s page shows its quarters in a chart and a table, a small count as "<3", the rest of its year withheld', async () => {
    const page = await get(`/wsparcie/${centreA}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Wyniki według kwartałów/);
    assert.match(page.body, /data-key="q2" data-value="&lt;3"/);
    assert.doesNotMatch(page.body, /data-key="q2" data-value="1"/);
    // the year (6) is published: with Q1's 5 shown, Q2's hidden 1 would be 6 − 5
    assert.match(page.body, /data-key="q1" data-value="ukryte"/);
    assert.doesNotMatch(page.body, /data-key="q1" data-value="5"|>5</);
    assert.match(page.body, /pozostałych kwartałów tego roku nie pokazujemy/);
    assert.match(page.body, /<th[^>]*>I kwartał 2026<\/th>/);
    assert.match(page.body, /<th[^>]*>II kwartał 2026<\/th>/);
    assert.match(page.body, /data-key="OWES-N" data-value="6"/, 'the year is the sum of the quarters');
    assert.doesNotMatch(page.body, /data-value="9"|data-value="17"/, 'nothing of centre B');
    const en = await get(`/en/wsparcie/${centreA}`);
    assert.match(en.body, /Results by quarter/);
    assert.match(en.body, /<th[^>]*>Q2 2026<\/th>/);
    assert.match(en.body, /data-key="q1" data-value="withheld"/);
  });

  it('a year reported by quarters gets no yearly round for the same indicator', async () => {
    const before = await roundCount();
    const res = await post(admin(), staff, roundForm(null, 'year'));
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /OWES-N są już zbierane za rok 2026 w rundach kwartalnych/);
    assert.equal(await roundCount(), before);
  });
});
