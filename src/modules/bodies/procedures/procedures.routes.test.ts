// Written procedures through HTTP on SQLite and PostgreSQL with a controlled clock: staff write a
// draft resolution (a refused form changes nothing) and open it to the body's current members, who
// get a one-click link by e-mail in their own language; each member votes once by the link or in the
// member space (a second vote is refused with a clear message, also when two arrive at once); a
// non-member's link or vote is refused; the job closes the procedure at its deadline with every vote
// counted once under the body's rules, and running it again changes nothing; the result stands in
// the register of resolutions with the rule that applied. Also: an English-speaking member gets an
// English meeting invitation with the same calendar part as the Polish one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { createTestApp, cookieHeader, csrfFrom, form, loginAs, sessionFor, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { bodiesJobs } from '../index.js';
import * as repo from '../bodies.repo.js';
import { bodyFixture, E2E_BODY, plannedMeeting } from '../bodies.testing.js';
import { ballotByToken, castVote } from './procedures.service.js';
import type { AppError } from '../../../core/errors/app-error.js';

const clock = new ManualClock('2027-03-01T09:00:00Z');
let t: TestApp;
let coordinatorId: string;
const users: Record<'anna' | 'basia' | 'cezary', string> = { anna: '', basia: '', cezary: '' };
const base = `/admin/zespoly/${E2E_BODY.id}/obiegowe`;
const space = `/zespoly/${E2E_BODY.slug}/dla-czlonkow`;
let procedureId = '';

before(async () => {
  t = await createTestApp({ clock, reference: false });
  await bodyFixture(t.ctx);
  coordinatorId = (await loginAs(t, [{ role: 'coordinator' }])).userId;
  const role = [{ role: 'team_member' as const, scopeType: 'team', scopeId: E2E_BODY.id }];
  users.anna = (await loginAs(t, role)).userId;
  users.basia = (await loginAs(t, role)).userId;
  users.cezary = (await loginAs(t, role)).userId;
  await t.ctx.db.updateTable('users').set({ lang: 'en' }).where('id', '=', users.basia).execute();
  await t.ctx.db.updateTable('body_memberships').set({ user_id: users.anna }).where('id', '=', E2E_BODY.memberId).execute();
  const now = clock.now().toISOString();
  for (const [id, name, email, userId] of [
    ['proc-basia', 'Barbara Wiśniewska', 'basia@example.pl', users.basia],
    ['proc-cezary', 'Cezary Lewandowski', 'cezary@example.pl', users.cezary],
  ] as const) {
    await repo.insertMembership(t.ctx.db, {
      id,
      term_id: E2E_BODY.termId,
      seat_id: 'e2e-seat-1',
      user_id: userId,
      person_name: name,
      role: 'member',
      nominating_institution: 'Urząd Wojewódzki',
      starts_on: '2027-01-01',
      ends_on: null,
      end_ground: null,
      appointing_act: 'Zarządzenie nr 3/2027',
      dismissing_act: null,
      email,
      phone: null,
      is_example: false,
      created_at: now,
      updated_at: now,
    });
  }
});
after(async () => t.close());

const get = async (url: string, cookie = '') => t.app.inject({ url, headers: cookie ? { cookie } : {} });

async function post(url: string, values: Record<string, string>, formUrl: string, cookie?: string) {
  const c = cookie ?? (await sessionFor(t, coordinatorId));
  const page = await get(formUrl, c);
  assert.equal(page.statusCode, 200, `${formUrl}: ${page.statusCode}`);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookieHeader(page, c), 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(page.body), ...values }),
  });
}

/** Posts with the CSRF token of a page fetched before (the ballot shows no form once voted or closed). */
async function postFrom(page: Awaited<ReturnType<typeof get>>, url: string, values: Record<string, string>) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookieHeader(page, ''), 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(page.body), ...values }),
  });
}

const procedure = () => t.ctx.db.selectFrom('body_procedures').selectAll().where('id', '=', procedureId).executeTakeFirstOrThrow();
const votes = () =>
  t.ctx.db.selectFrom('body_procedure_votes').selectAll().where('procedure_id', '=', procedureId).orderBy('membership_id').execute();
const mails = () =>
  t.ctx.db
    .selectFrom('mail_outbox')
    .select(['to_address', 'subject', 'text_body', 'lang'])
    .where('template', '=', 'body_procedure_opened')
    .orderBy('to_address')
    .execute();
const linkTo = async (email: string) =>
  /\/zespoly\/glosowanie\/[A-Za-z0-9_-]+/.exec((await mails()).find((m) => m.to_address === email)!.text_body)![0];
const closeJob = bodiesJobs.find((j) => j.name === 'bodies.procedures-close')!;

describe('a written procedure', () => {
  test('a refused draft shows the problems and saves nothing', async () => {
    const res = await post(base, { title: '', text: 'Treść', deadline: '2027-02-01T10:00' }, base);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Tytuł uchwały/);
    assert.match(res.body, /późniejszą niż teraz/);
    assert.equal((await t.ctx.db.selectFrom('body_procedures').select('id').execute()).length, 0);
  });

  test('staff write a draft and open it: a ballot per current member, an e-mail in each one’s language', async () => {
    const res = await post(
      base,
      { title: 'Opinia o projekcie programu na 2028 r.', text: 'Komitet **pozytywnie** opiniuje projekt.', deadline: '2027-03-08T12:00' },
      base,
    );
    assert.equal(res.statusCode, 303);
    procedureId = /obiegowe\/([0-9a-f-]+)/.exec(String(res.headers.location))![1]!;
    assert.equal((await procedure()).status, 'draft');
    assert.equal((await procedure()).deadline, '2027-03-08T11:00:00.000Z'); // 12:00 Warsaw (winter time)
    assert.equal((await mails()).length, 0);
    const page = `${base}/${procedureId}`;
    const opened = await post(`${page}/otwarcie`, {}, page);
    assert.equal(opened.statusCode, 303);
    const p = await procedure();
    assert.deepEqual([p.status, p.members], ['open', 3]);
    // the ended membership (Piotr Nowak) gets no ballot
    const ballots = await t.ctx.db
      .selectFrom('body_procedure_ballots')
      .select('membership_id')
      .where('procedure_id', '=', procedureId)
      .execute();
    assert.deepEqual(ballots.map((b) => b.membership_id).sort(), [E2E_BODY.memberId, 'proc-basia', 'proc-cezary'].sort());
    const sent = await mails();
    assert.deepEqual(
      sent.map((m) => [m.to_address, m.lang]),
      [
        ['basia@example.pl', 'en'],
        ['cezary@example.pl', 'pl'],
        ['czlonek@example.pl', 'pl'],
      ],
    );
    assert.match(sent[0]!.subject, /written procedure vote/);
    assert.match(sent[0]!.text_body, /until 2027-03-08 12:00 \(Polish time\)/);
    assert.match(sent[1]!.subject, /głosowanie w trybie obiegowym/);
    // an open procedure no longer changes
    const change = await post(page, { title: 'Inny tytuł', text: 'X', deadline: '2027-03-09T12:00' }, page);
    assert.equal(change.statusCode, 409);
    assert.equal((await procedure()).title, 'Opinia o projekcie programu na 2028 r.');
  });

  test('a member votes once by the one-click link; a second vote is refused with a clear message', async () => {
    const link = await linkTo('czlonek@example.pl');
    const page = await get(link);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Komitet <strong>pozytywnie<\/strong> opiniuje projekt/);
    const first = await postFrom(page, link, { vote: 'for' });
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /zapisaliśmy Twój głos: za/);
    assert.doesNotMatch(first.body, /name="vote"/);
    const second = await postFrom(page, link, { vote: 'against' });
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /oddano już Twój głos — każdy członek głosuje raz/);
    assert.deepEqual(
      (await votes()).map((v) => [v.membership_id, v.vote]),
      [[E2E_BODY.memberId, 'for']],
    );
  });

  test('two votes arriving at once: the unique key keeps one', async () => {
    const link = await linkTo('basia@example.pl');
    const page = await get(link);
    const send = (vote: string) => postFrom(page, link, { vote });
    const results = await Promise.all([send('against'), send('for')]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
    assert.equal((await votes()).filter((v) => v.membership_id === 'proc-basia').length, 1);
    // the database itself refuses the second: a ballot read before the first vote was stored
    const stale = { ...(await ballotByToken(t.ctx, link.split('/').pop()!)), vote: null };
    await assert.rejects(castVote(t.ctx, stale, { vote: 'abstained' }), (e: AppError) => e.code === 'bodies.already_voted');
    assert.equal((await votes()).filter((v) => v.membership_id === 'proc-basia').length, 1);
  });

  test('a member votes in the member space; non-members are refused', async () => {
    const cezary = await sessionFor(t, users.cezary);
    const list = await get(space, cezary);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Opinia o projekcie programu na 2028 r\./);
    assert.match(list.body, /jeszcze nie głosowano/);
    const ballot = `${space}/obiegowe/${procedureId}`;
    const res = await post(ballot, { vote: 'for' }, ballot, cezary);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /zapisaliśmy Twój głos: za/);

    // holding the member role without a membership is not a ballot
    const stranger = await loginAs(t, [{ role: 'team_member', scopeType: 'team', scopeId: E2E_BODY.id }]);
    assert.equal((await get(ballot, stranger.cookie)).statusCode, 404);
    // a member of another body, staff and anonymous visitors do not reach the member space
    const other = await loginAs(t, [{ role: 'team_member', scopeType: 'team', scopeId: 'another-body' }]);
    assert.equal((await get(ballot, other.cookie)).statusCode, 403);
    assert.equal((await get(ballot)).statusCode, 404);
    // a made-up link
    const fake = await get('/zespoly/glosowanie/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    assert.equal(fake.statusCode, 404);
    assert.match(fake.body, /Link do głosowania jest nieprawidłowy/);
    assert.equal((await votes()).length, 3);
  });

  test('the job closes the procedure at its deadline, each vote counted once; a second run changes nothing', async () => {
    assert.equal(await closeJob.run(t.ctx), '0 written procedures closed');
    assert.equal((await procedure()).status, 'open');
    clock.set('2027-03-08T11:00:00Z'); // the deadline
    // the ballot shows no form any more: a fresh token from another form (a week-old one has expired)
    const late = await postFrom(await get('/konto/logowanie'), await linkTo('czlonek@example.pl'), { vote: 'against' });
    assert.equal(late.statusCode, 409, late.body.slice(0, 200));
    assert.match(late.body, /Termin tego głosowania w trybie obiegowym minął/);
    assert.equal(await closeJob.run(t.ctx), '1 written procedure closed');
    const closed = await procedure();
    const basia = (await votes()).find((v) => v.membership_id === 'proc-basia')!.vote;
    const forCount = basia === 'for' ? 3 : 2;
    assert.deepEqual(
      [closed.status, closed.members, closed.votes_for, closed.votes_against, closed.votes_abstained, closed.result, closed.rule],
      ['closed', 3, forCount, 3 - forCount, 0, 'adopted', 'simple'],
    );
    clock.advance(3600_000);
    assert.equal(await closeJob.run(t.ctx), '0 written procedures closed');
    assert.deepEqual(await procedure(), closed);
    const audits = await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'body.procedure_close').execute();
    assert.equal(audits.length, 1);
  });

  test('the result stands in the register of resolutions with the rule that applied', async () => {
    const res = await get(`/zespoly/${E2E_BODY.slug}/uchwaly`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Opinia o projekcie programu na 2028 r\./);
    assert.match(res.body, /Tryb obiegowy/);
    assert.match(res.body, /przyjęto\. Zwykła większość: więcej głosów za niż przeciw\./);
    const en = await get(`/en/zespoly/${E2E_BODY.slug}/uchwaly`);
    assert.match(en.body, /Register of resolutions/);
    // where the body does not publish its minutes: members and staff only
    await t.ctx.db.updateTable('bodies').set({ is_minutes_public: false }).where('id', '=', E2E_BODY.id).execute();
    try {
      assert.equal((await get(`/zespoly/${E2E_BODY.slug}/uchwaly`)).statusCode, 404);
      const other = await loginAs(t, [{ role: 'team_member', scopeType: 'team', scopeId: 'another-body' }]);
      assert.equal((await get(`/zespoly/${E2E_BODY.slug}/uchwaly`, other.cookie)).statusCode, 403);
      assert.equal((await get(`/zespoly/${E2E_BODY.slug}/uchwaly`, await sessionFor(t, users.anna))).statusCode, 200);
      assert.equal((await get(`/zespoly/${E2E_BODY.slug}/uchwaly`, await sessionFor(t, coordinatorId))).statusCode, 200);
    } finally {
      await t.ctx.db.updateTable('bodies').set({ is_minutes_public: true }).where('id', '=', E2E_BODY.id).execute();
    }
  });
});

describe('invitations in the member’s language', () => {
  test('an English-speaking member gets an English invitation with the same calendar part', async () => {
    clock.set('2027-09-01T08:00:00Z');
    await plannedMeeting(t.ctx);
    const sent = await t.ctx.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'lang', 'subject', 'text_body', 'alternatives'])
      .where('template', '=', 'body_meeting_invitation')
      .execute();
    const en = sent.find((m) => m.to_address === 'basia@example.pl')!;
    const pl = sent.find((m) => m.to_address === 'czlonek@example.pl')!;
    assert.equal(en.lang, 'en');
    assert.match(en.subject, /invitation to a meeting/);
    assert.match(en.text_body, /Polish time/);
    assert.equal(pl.lang, 'pl');
    assert.match(pl.subject, /zaproszenie na posiedzenie/);
    const calendar = (mail: typeof en) => {
      const [part] = JSON.parse(mail.alternatives!) as { contentType: string; content: string }[];
      const comp = new ICAL.Component(ICAL.parse(part!.content));
      const event = comp.getFirstSubcomponent('vevent')!;
      return {
        contentType: part!.contentType,
        method: comp.getFirstPropertyValue('method'),
        uid: event.getFirstPropertyValue('uid'),
        sequence: event.getFirstPropertyValue('sequence'),
        summary: event.getFirstPropertyValue('summary'),
        start: String(event.getFirstPropertyValue('dtstart')),
        location: event.getFirstPropertyValue('location'),
        description: event.getFirstPropertyValue('description'),
      };
    };
    assert.deepEqual(calendar(en), calendar(pl));
    assert.equal(calendar(en).method, 'REQUEST');
  });
});
