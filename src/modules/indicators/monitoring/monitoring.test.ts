// Monitoring rounds end to end over HTTP, on SQLite and PostgreSQL: the coordinator opens a round;
// two partners with different scopes (an indicator; a powiat) are told by e-mail and see only
// their cells; bad input changes nothing; drafts, submission and read-only after submission; the
// coordinator approves one value and returns another (the partner is told why and may correct
// it); completeness per partner; closing; reminders 7 and 1 days before the deadline, each once,
// only to partners with something missing, on a controlled clock.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runDueJobs } from '../../../core/jobs.js';
import { createTestApp, csrfFrom, form, loginAs, sessionFor, type TestApp } from '../../../testing/app.js';
import { insertTestIndicator, insertTestProgramme } from '../indicators.testing.js';
import { partnerScope, coversCell } from './monitoring.scope.js';
import { reminderDue } from './monitoring.service.js';
import { indicatorsModule } from '../index.js';
import { ManualClock } from '../../../testing/clock.js';

const clock = new ManualClock('2026-03-01T10:00:00Z');

async function mails(t: TestApp, template: string): Promise<{ to_address: string; text_body: string; lang: string }[]> {
  return t.ctx.db
    .selectFrom('mail_outbox')
    .select(['to_address', 'text_body', 'lang'])
    .where('template', '=', template)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

async function valueCount(t: TestApp): Promise<number> {
  const r = await t.ctx.db
    .selectFrom('indicator_values')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('partner scope', () => {
  it('reads indicator and territory scopes; both together are an intersection; a powiat covers its gminy', () => {
    const a = { id: 'id-a', code: 'W1' };
    const b = { id: 'id-b', code: 'W2' };
    const ind = partnerScope([{ role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'indicator:W1' }]);
    assert.ok(coversCell(ind, a, 'region') && coversCell(ind, a, '0401'));
    assert.ok(!coversCell(ind, b, 'region'));
    const ter = partnerScope([{ role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: '0401' }]);
    assert.ok(coversCell(ter, a, '0401') && coversCell(ter, b, '0401') && coversCell(ter, b, '0401011'));
    assert.ok(!coversCell(ter, a, 'region') && !coversCell(ter, a, '0402') && !coversCell(ter, a, '0402011'));
    const both = partnerScope([
      { role: 'reporting_partner', scopeType: 'indicator', scopeId: 'id-b' },
      { role: 'reporting_partner', scopeType: 'territory', scopeId: 'torun' },
    ]);
    assert.ok(coversCell(both, b, 'torun'));
    assert.ok(!coversCell(both, a, 'torun') && !coversCell(both, b, 'region'));
    assert.equal(partnerScope([{ role: 'coordinator', scopeType: null, scopeId: null }]), null);
    assert.ok(
      !coversCell(partnerScope([{ role: 'reporting_partner', scopeType: null, scopeId: null }]), a, 'region'),
      'a role without a scope grants nothing',
    );
  });

  it('knows when a reminder is due (Warsaw days)', () => {
    const round = { deadline: '2026-03-31', created_at: '2026-03-01T10:00:00.000Z' };
    assert.equal(reminderDue(round, '2026-03-23'), null);
    assert.equal(reminderDue(round, '2026-03-24'), '7d');
    assert.equal(reminderDue(round, '2026-03-29'), '7d');
    assert.equal(reminderDue(round, '2026-03-30'), '1d');
    assert.equal(reminderDue(round, '2026-03-31'), '1d');
    assert.equal(reminderDue(round, '2026-04-01'), null);
    assert.equal(
      reminderDue({ deadline: '2026-03-31', created_at: '2026-03-27T10:00:00.000Z' }, '2026-03-28'),
      null,
      'opened within the last week: no 7-day reminder',
    );
  });
});

describe('monitoring rounds', () => {
  let t: TestApp;
  let programme: { id: string; slug: string };
  let indicatorA: string;
  let indicatorB: string;
  let coordinator: string;
  let coordinatorId: string;
  let p1: { cookie: string; userId: string };
  let p2: { cookie: string; userId: string };
  let p3: { cookie: string; userId: string };
  let roundId: string;

  before(async () => {
    t = await createTestApp({ clock });
    programme = await insertTestProgramme(t.ctx, { period_from: 2021, period_to: 2030, title: 'Program ekonomii społecznej' });
    indicatorA = await insertTestIndicator(t.ctx, programme.id, {
      code: 'W1.1',
      name: 'Liczba spółdzielni socjalnych',
      breakdown: 'powiat',
      position: 1,
    });
    indicatorB = await insertTestIndicator(t.ctx, programme.id, { code: 'W2.1', name: 'Liczba szkoleń', breakdown: 'none', position: 2 });
    await insertTestIndicator(t.ctx, programme.id, {
      code: 'W9',
      name: 'Obliczany',
      method: 'computed',
      formula: 'registry_active_entities',
      position: 3,
    });
    ({ cookie: coordinator, userId: coordinatorId } = await loginAs(t, [{ role: 'coordinator' }]));
    p1 = await loginAs(
      t,
      [{ role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'indicator:W1.1' }],
      'p1@partner.example.pl',
    );
    p2 = await loginAs(
      t,
      [{ role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'territory:0401' }],
      'p2@partner.example.pl',
    );
    p3 = await loginAs(
      t,
      [{ role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'indicator:W2.1' }],
      'p3@partner.example.pl',
    );
  });
  after(async () => t.close());

  const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
  const post = async (url: string, pageUrl: string, cookie: string, values: Record<string, string>) => {
    const page = await get(pageUrl, cookie);
    return t.app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrfFrom(page.body), ...values }),
    });
  };
  const postMulti = async (url: string, pageUrl: string, cookie: string, values: [string, string][]) => {
    const page = await get(pageUrl, cookie);
    const body = new URLSearchParams([['_csrf', csrfFrom(page.body)], ...values]).toString();
    return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body });
  };

  it('refuses a bad round form and changes nothing', async () => {
    const admin = `/admin/program/${programme.id}/monitorowanie`;
    const res = await postMulti(admin, admin, coordinator, [
      ['name', ''],
      ['period', '2031'],
      ['deadline', '2026-02-01'],
    ]);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /error-summary/);
    assert.equal((await t.ctx.db.selectFrom('monitoring_rounds').selectAll().execute()).length, 0);
    // only reported indicators are offered
    assert.match(res.body, /W1\.1/);
    assert.doesNotMatch(res.body, /W9 Obliczany/);
  });

  it('the coordinator opens a round; partners whose scope covers it get an e-mail', async () => {
    const admin = `/admin/program/${programme.slug}/monitorowanie`;
    const res = await postMulti(admin, admin, coordinator, [
      ['name', 'Monitorowanie 2025'],
      ['period', '2025'],
      ['deadline', '2026-03-31'],
      ['indicators', indicatorA],
    ]);
    assert.equal(res.statusCode, 303, res.body);
    const round = await t.ctx.db.selectFrom('monitoring_rounds').selectAll().executeTakeFirstOrThrow();
    roundId = round.id;
    assert.equal(round.period, 2025);
    const opened = await mails(t, 'round_opened');
    assert.deepEqual(
      opened.map((m) => m.to_address).sort(),
      ['p1@partner.example.pl', 'p2@partner.example.pl'],
      'p3 reports only W2.1, which is not in the round',
    );
    assert.match(opened[0]!.text_body, new RegExp(`/sprawozdawczosc/${roundId}`));
    assert.match(opened[0]!.text_body, /31 marca 2026/);
  });

  it('each partner sees only their indicators and territories; a partner with nothing in the round gets 403', async () => {
    const list = await get('/sprawozdawczosc', p1.cookie);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Monitorowanie 2025/);
    const one = await get(`/sprawozdawczosc/${roundId}`, p1.cookie);
    assert.equal(one.statusCode, 200);
    assert.match(one.body, /W1\.1/);
    assert.match(one.body, /województwo \(całość\)/);
    assert.match(one.body, /aleksandrowski/);
    assert.doesNotMatch(one.body, /W2\.1/);
    const two = await get(`/sprawozdawczosc/${roundId}`, p2.cookie);
    assert.equal(two.statusCode, 200);
    assert.match(two.body, /aleksandrowski/);
    assert.doesNotMatch(two.body, /województwo \(całość\)/, 'a powiat partner does not report the region');
    assert.doesNotMatch(two.body, /brodnicki/);
    assert.equal((await get(`/sprawozdawczosc/${roundId}`, p3.cookie)).statusCode, 403);
    assert.doesNotMatch((await get('/sprawozdawczosc', p3.cookie)).body, /Monitorowanie 2025/);
    assert.equal((await get(`/sprawozdawczosc/${roundId}`, coordinator)).statusCode, 403);
  });

  it('a bad value refuses the whole form and changes nothing; a draft, then a submission', async () => {
    const url = `/sprawozdawczosc/${roundId}`;
    const f = (territory: string, part = 'value') => `${part}__${indicatorA}__${territory}`;
    const bad = await post(url, url, p1.cookie, { [f('region')]: '12', [f('0402')]: 'dużo', action: 'save' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /W1\.1 — /);
    assert.equal(await valueCount(t), 0, 'nothing saved');
    const draft = await post(url, url, p1.cookie, {
      [f('region')]: '1 234,5',
      [f('region', 'source')]: 'sprawozdania OWES',
      action: 'save',
    });
    assert.equal(draft.statusCode, 303);
    let row = await t.ctx.db.selectFrom('indicator_values').selectAll().where('territory_code', '=', 'region').executeTakeFirstOrThrow();
    assert.equal(row.status, 'draft');
    assert.equal(row.value, 1234.5);
    assert.equal(row.round_id, roundId);
    const sub = await post(url, url, p1.cookie, { [f('region')]: '1 300', [f('region', 'source')]: 'sprawozdania OWES', action: 'submit' });
    assert.equal(sub.statusCode, 303);
    row = await t.ctx.db.selectFrom('indicator_values').selectAll().where('territory_code', '=', 'region').executeTakeFirstOrThrow();
    assert.equal(row.status, 'submitted');
    assert.equal(row.value, 1300);
    assert.equal(row.entered_by, p1.userId);
    // after submission the cell is read-only: a forged field is ignored
    const page = await get(url, p1.cookie);
    assert.doesNotMatch(page.body, new RegExp(`name="${f('region')}"`));
    await post(url, url, p1.cookie, { [f('region')]: '5', action: 'submit' });
    assert.equal(
      (await t.ctx.db.selectFrom('indicator_values').select('value').where('id', '=', row.id).executeTakeFirstOrThrow()).value,
      1300,
    );
  });

  it('a territory partner cannot write outside the territory, even with a forged field', async () => {
    const url = `/sprawozdawczosc/${roundId}`;
    const res = await post(url, url, p2.cookie, {
      [`value__${indicatorA}__0402`]: '7',
      [`value__${indicatorA}__0401`]: '3',
      action: 'submit',
    });
    assert.equal(res.statusCode, 303);
    const rows = await t.ctx.db
      .selectFrom('indicator_values')
      .select(['territory_code', 'status', 'entered_by'])
      .where('indicator_id', '=', indicatorA)
      .orderBy('territory_code')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.territory_code, r.status]),
      [
        ['0401', 'submitted'],
        ['region', 'submitted'],
      ],
    );
  });

  it('the coordinator sees completeness per partner, approves one value and returns another with a reason', async () => {
    const page = `/admin/program/${programme.id}/monitorowanie/${roundId}`;
    const res = await get(page, coordinator);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<caption>Liczba wartości każdego partnera według statusu<\/caption>/);
    // p1 reports W1.1 everywhere (the region and 23 powiaty), so p2's powiat value counts for both
    assert.match(
      res.body,
      /p1<\/th>\s*<td class="num">24<\/td>\s*<td class="num">2<\/td>\s*<td class="num">0<\/td>\s*<td class="num">0<\/td>\s*<td class="num">22<\/td>/,
    );
    assert.match(
      res.body,
      /p2<\/th>\s*<td class="num">1<\/td>\s*<td class="num">1<\/td>\s*<td class="num">0<\/td>\s*<td class="num">0<\/td>\s*<td class="num">0<\/td>/,
    );
    const values = await t.ctx.db
      .selectFrom('indicator_values')
      .select(['id', 'territory_code'])
      .where('indicator_id', '=', indicatorA)
      .execute();
    const regionId = values.find((v) => v.territory_code === 'region')!.id;
    const powiatId = values.find((v) => v.territory_code === '0401')!.id;
    assert.equal((await post(`${page}/wartosci/${regionId}/zatwierdz`, page, coordinator, {})).statusCode, 303);
    const noReason = await post(`${page}/wartosci/${powiatId}/zwroc`, page, coordinator, { reason: ' ' });
    assert.equal(noReason.statusCode, 400);
    assert.equal(
      (await post(`${page}/wartosci/${powiatId}/zwroc`, page, coordinator, { reason: 'Wartość niezgodna ze sprawozdaniem PCPR.' }))
        .statusCode,
      303,
    );
    const statuses = await t.ctx.db
      .selectFrom('indicator_values')
      .select(['territory_code', 'status', 'return_reason'])
      .where('indicator_id', '=', indicatorA)
      .orderBy('territory_code')
      .execute();
    assert.deepEqual(
      statuses.map((s) => [s.territory_code, s.status]),
      [
        ['0401', 'returned'],
        ['region', 'approved'],
      ],
    );
    const returned = await mails(t, 'value_returned');
    assert.equal(returned.length, 1);
    assert.equal(returned[0]!.to_address, 'p2@partner.example.pl');
    assert.match(returned[0]!.text_body, /Wartość niezgodna ze sprawozdaniem PCPR\./);
    // a partner cannot decide, and only values of this round's indicators are decided here
    assert.equal((await post(`${page}/wartosci/${powiatId}/zatwierdz`, `/sprawozdawczosc/${roundId}`, p2.cookie, {})).statusCode, 403);
    // the returned value is editable again for p2, with the reason shown
    const again = await get(`/sprawozdawczosc/${roundId}`, p2.cookie);
    assert.match(again.body, /Wartość niezgodna ze sprawozdaniem PCPR\./);
    assert.match(again.body, new RegExp(`name="value__${indicatorA}__0401"`));
  });

  it('closing the round makes the form read-only', async () => {
    const page = `/admin/program/${programme.id}/monitorowanie/${roundId}`;
    assert.equal((await post(`${page}/zamknij`, page, coordinator, {})).statusCode, 303);
    assert.equal(
      (await t.ctx.db.selectFrom('monitoring_rounds').select('status').where('id', '=', roundId).executeTakeFirstOrThrow()).status,
      'closed',
    );
    const url = `/sprawozdawczosc/${roundId}`;
    const formPage = await get(url, p2.cookie);
    assert.doesNotMatch(formPage.body, /<form method="post" action="\/sprawozdawczosc/);
    // the page has no form any more; the session's token comes from the account page
    const csrf = csrfFrom((await get('/konto', p2.cookie)).body);
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: p2.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrf, [`value__${indicatorA}__0401`]: '4', action: 'submit' }),
    });
    assert.equal(res.statusCode, 409);
  });

  it('reminders go out 7 days and 1 day before the deadline, once each, only to partners with values missing', async () => {
    const jobs = indicatorsModule.jobs!;
    const admin = `/admin/program/${programme.id}/monitorowanie`;
    clock.set('2026-04-01T08:00:00Z');
    // a month later the earlier sessions have expired: the coordinator and p3 log in again
    coordinator = await sessionFor(t, coordinatorId);
    p3 = { ...p3, cookie: await sessionFor(t, p3.userId) };
    const res = await postMulti(admin, admin, coordinator, [
      ['name', 'Monitorowanie 2025 — korekta'],
      ['period', '2025'],
      ['deadline', '2026-04-20'],
      ['indicators', indicatorA],
      ['indicators', indicatorB],
    ]);
    assert.equal(res.statusCode, 303, res.body);
    const second = (await t.ctx.db.selectFrom('monitoring_rounds').select('id').where('status', '=', 'open').executeTakeFirstOrThrow()).id;
    // p3 reports W2.1 for the whole region and does so before any reminder
    const url = `/sprawozdawczosc/${second}`;
    assert.equal((await post(url, url, p3.cookie, { [`value__${indicatorB}__region`]: '4', action: 'submit' })).statusCode, 303);
    const sent = async () => (await mails(t, 'round_reminder')).map((m) => m.to_address).sort();

    clock.set('2026-04-12T21:30:00Z'); // 23:30 on 12 April in Warsaw: 8 days left
    await runDueJobs(t.ctx, jobs, { force: true });
    assert.deepEqual(await sent(), []);
    clock.set('2026-04-12T22:30:00Z'); // already 13 April in Warsaw: 7 days left
    await runDueJobs(t.ctx, jobs, { force: true });
    assert.deepEqual(await sent(), ['p1@partner.example.pl', 'p2@partner.example.pl']);
    assert.match((await mails(t, 'round_reminder'))[0]!.text_body, /zostało dni: 7/);
    clock.set('2026-04-15T10:00:00Z');
    await runDueJobs(t.ctx, jobs, { force: true });
    assert.equal((await sent()).length, 2, 'the 7-day reminder is sent once');
    clock.set('2026-04-19T06:00:00Z');
    await runDueJobs(t.ctx, jobs, { force: true });
    await runDueJobs(t.ctx, jobs, { force: true });
    assert.deepEqual(await sent(), ['p1@partner.example.pl', 'p1@partner.example.pl', 'p2@partner.example.pl', 'p2@partner.example.pl']);
    const kinds = await t.ctx.db.selectFrom('monitoring_reminders').select(['kind']).where('round_id', '=', second).execute();
    assert.deepEqual(kinds.map((k) => k.kind).sort(), ['1d', '1d', '7d', '7d']);
    clock.set('2026-04-21T06:00:00Z');
    await runDueJobs(t.ctx, jobs, { force: true });
    assert.equal((await sent()).length, 4, 'nothing after the deadline');
  });
});
