// A programme is in force only while adopted or in implementation and within its years, by the
// office's calendar (Europe/Warsaw): `/program` then calls it the programme in force; otherwise it
// says no programme is in force and shows the one it has as closed (or ended), on both databases,
// in both languages, and the API says `in_force`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { insertTestProgramme } from '../../testing/programmes.js';
import { isInForce } from './programme.service.js';
import type { ProgrammeStatus } from './programme.tables.js';

describe('programme in force', () => {
  it('follows the status and the years of the period', () => {
    const p = (status: ProgrammeStatus) => ({ status, period_from: 2021, period_to: 2027 });
    assert.equal(isInForce(p('implementation'), '2026-12-06'), true);
    assert.equal(isInForce(p('adopted'), '2021-01-01'), true);
    assert.equal(isInForce(p('implementation'), '2028-01-01'), false, 'the period has ended');
    assert.equal(isInForce(p('adopted'), '2020-12-31'), false, 'the period has not begun');
    for (const status of ['draft', 'consultation', 'ex_ante', 'closed'] as const)
      assert.equal(isInForce(p(status), '2026-12-06'), false, status);
  });

  const clock = new ManualClock('2020-12-31T22:30:00Z'); // 23:30 on 31 December 2020 in Toruń
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ reference: false, clock });
    await insertTestProgramme(t.ctx, {
      slug: 'program-2020',
      title: 'Program do roku 2020',
      period_from: 2014,
      period_to: 2020,
      is_current: true,
    });
  });
  after(async () => t.close());

  it('is in force until the last day of its period ends in Warsaw', async () => {
    const page = await t.app.inject({ url: '/program' });
    assert.match(page.body, /Regionalny program rozwoju ekonomii społecznej, który obecnie obowiązuje\./);
    assert.doesNotMatch(page.body, /Obecnie nie obowiązuje/);
    assert.equal((await t.app.inject({ url: '/api/v1/program/program-2020' })).json().in_force, true);
    assert.match(
      (await t.app.inject({ url: '/program/archiwum' })).body,
      /Program do roku 2020<\/a> — 2014–2020, W realizacji \(obowiązuje\)/,
    );

    clock.set('2020-12-31T23:30:00Z'); // already 1 January 2021 in Toruń, still 2020 in UTC
    const after = await t.app.inject({ url: '/program' });
    assert.match(after.body, /Obecnie nie obowiązuje żaden regionalny program rozwoju ekonomii społecznej \(stan na 1 stycznia 2021\)/);
    assert.match(
      after.body,
      /Poniżej ostatni program, na lata 2014–2020 \(status: W realizacji\)\. Okres programu zakończył się w 2020 r\./,
    );
    assert.doesNotMatch(after.body, /który obecnie obowiązuje/);
    const en = await t.app.inject({ url: '/en/program' });
    assert.match(en.body, /No regional social economy programme is in force at present \(as of 1 January 2021\)/);
    assert.match(en.body, /The programme’s period ended in 2020/);
    const api = (await t.app.inject({ url: '/api/v1/program' })).json();
    assert.deepEqual(
      api.items.map((i: { is_current: boolean; in_force: boolean }) => [i.is_current, i.in_force]),
      [[true, false]],
    );
    assert.doesNotMatch((await t.app.inject({ url: '/program/archiwum' })).body, /\(obowiązuje\)/);
  });

  it('a closed programme is shown as closed', async () => {
    await t.ctx.db.updateTable('programmes').set({ status: 'closed' }).where('slug', '=', 'program-2020').execute();
    const page = await t.app.inject({ url: '/program' });
    assert.match(
      page.body,
      /\(status: Zamknięty\)\. Program jest zamknięty, więc jego wskaźnikom nie przypisujemy bieżących liczb z rejestru podmiotów/,
    );
  });
});
