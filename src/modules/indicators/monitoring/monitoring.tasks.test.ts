// The staff dashboard's "rounds with missing values", on a real round and a controlled clock: a round
// far from its deadline is not listed; within the last week (or past the deadline) with a partner's
// cell not submitted it is, with a plural count and a link to its page (several rounds: the
// programme's rounds); submitting every cell takes it off; a role that cannot run rounds never sees it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, csrfFrom, loginAs, sessionFor, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { insertTestIndicator, insertTestProgramme } from '../indicators.testing.js';

const clock = new ManualClock('2026-03-01T10:00:00Z');
const waitingList = (html: string) => /<section aria-labelledby="admin-waiting"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';

describe('rounds with missing values on /admin', () => {
  let t: TestApp;
  let programme: { id: string; slug: string };
  let indicator: string;
  let coordinatorId: string;
  let partnerId: string;

  before(async () => {
    t = await createTestApp({ clock });
    programme = await insertTestProgramme(t.ctx, { period_from: 2021, period_to: 2030, title: 'Program ekonomii społecznej' });
    indicator = await insertTestIndicator(t.ctx, programme.id, { code: 'W2.1', name: 'Liczba szkoleń', breakdown: 'none', position: 1 });
    coordinatorId = (await loginAs(t, [{ role: 'coordinator' }])).userId;
    partnerId = (await loginAs(t, [{ role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'indicator:W2.1' }])).userId;
  });
  after(async () => t.close());

  // a fresh session each time: the clock moves by weeks
  const coordinator = () => sessionFor(t, coordinatorId);
  const dashboard = async (cookie: string | Promise<string>, url = '/admin') =>
    waitingList((await t.app.inject({ url, headers: { cookie: await cookie } })).body);
  const post = async (url: string, session: string | Promise<string>, values: [string, string][]) => {
    const cookie = await session;
    const page = await t.app.inject({ url, headers: { cookie } });
    const payload = new URLSearchParams([['_csrf', csrfFrom(page.body)], ...values]).toString();
    return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload });
  };
  const openRound = async (name: string, period: string, deadline: string) => {
    const admin = `/admin/program/${programme.id}/monitorowanie`;
    const res = await post(admin, coordinator(), [
      ['name', name],
      ['period', period],
      ['deadline', deadline],
      ['indicators', indicator],
    ]);
    assert.equal(res.statusCode, 303, res.body);
    return (await t.ctx.db.selectFrom('monitoring_rounds').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  };

  it('lists open rounds near or past their deadline with cells not submitted, for those who run rounds', async () => {
    const first = await openRound('Monitorowanie 2025', '2025', '2026-03-31');
    assert.doesNotMatch(await dashboard(coordinator()), /runda monitorowania/, 'a month before the deadline');

    clock.set('2026-03-25T10:00:00Z');
    let html = await dashboard(coordinator());
    assert.match(
      html,
      new RegExp(
        `<a href="/admin/program/${programme.id}/monitorowanie/${first}">1 runda monitorowania po terminie lub tuż przed nim czeka na brakujące wartości</a>`,
      ),
    );
    const editor = (await loginAs(t, [{ role: 'editor' }])).cookie;
    assert.doesNotMatch(await dashboard(editor), /monitorowani/, 'an editor does not run rounds');
    assert.doesNotMatch(await dashboard(sessionFor(t, partnerId)), /runda monitorowania/);

    // a second round, past its deadline too: two, linked to the programme's rounds
    const second = await openRound('Monitorowanie 2024', '2024', '2026-03-26');
    clock.set('2026-04-02T10:00:00Z');
    html = await dashboard(coordinator());
    assert.match(
      html,
      new RegExp(
        `<a href="/admin/program/${programme.id}/monitorowanie">2 rundy monitorowania po terminie lub tuż przed nim czekają na brakujące wartości</a>`,
      ),
    );
    assert.match(await dashboard(coordinator(), '/en/admin'), /2 monitoring rounds past or near their deadline still miss values/);

    // the partner submits the first round's only cell: one round is left, linked to itself
    const res = await post(`/sprawozdawczosc/${first}`, sessionFor(t, partnerId), [
      [`value__${indicator}__region`, '12'],
      [`source__${indicator}__region`, 'sprawozdania OWES'],
      ['action', 'submit'],
    ]);
    assert.equal(res.statusCode, 303, res.body);
    html = await dashboard(coordinator());
    assert.match(html, new RegExp(`<a href="/admin/program/${programme.id}/monitorowanie/${second}">1 runda monitorowania`));
    assert.doesNotMatch(html, new RegExp(first));
  });
});
