// Meetings through HTTP on SQLite and PostgreSQL with a controlled clock: staff plan a meeting at
// 10:00 on the last Sunday of October (the day summer time ends) and today's members with an address
// get an invitation whose `text/calendar; method=REQUEST` part ical.js reads as 10:00 Warsaw time
// (its delivery through a test SMTP server: src/testing/meeting-invitation-smtp.test.ts); moving it sends SEQUENCE + 1 under the same UID and
// retires the old answer link; members answer by the signed link or in their space; cancelling sends
// METHOD:CANCEL; the public feed lists the public meetings.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ICAL from 'ical.js';
import { createTestApp, cookieHeader, csrfFrom, form, loginAs, sessionFor, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { bodyFixture, E2E_BODY } from './bodies.testing.js';

const clock = new ManualClock('2027-10-01T08:00:00Z');
let t: TestApp;
let coordinatorId: string;
let memberUserId: string;
const base = `/admin/zespoly/${E2E_BODY.id}/posiedzenia`;
let meetingId: string;

before(async () => {
  t = await createTestApp({ clock, reference: false });
  await bodyFixture(t.ctx);
  coordinatorId = (await loginAs(t, [{ role: 'coordinator' }])).userId;
  memberUserId = (await loginAs(t, [{ role: 'team_member', scopeType: 'team', scopeId: E2E_BODY.id }])).userId;
  await t.ctx.db.updateTable('body_memberships').set({ user_id: memberUserId }).where('id', '=', E2E_BODY.memberId).execute();
});
after(async () => t.close());

async function post(url: string, values: Record<string, string>, formUrl: string, cookie?: string) {
  const c = cookie ?? (await sessionFor(t, coordinatorId));
  const page = await t.app.inject({ url: formUrl, headers: c ? { cookie: c } : {} });
  assert.equal(page.statusCode, 200, `${formUrl}: ${page.statusCode}`);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookieHeader(page, c), 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(page.body), ...values }),
  });
}

interface Sent {
  to_address: string;
  template: string;
  text_body: string;
  alternatives: string | null;
}
async function outbox(template?: string): Promise<Sent[]> {
  let q = t.ctx.db
    .selectFrom('mail_outbox')
    .select(['to_address', 'template', 'text_body', 'alternatives'])
    .orderBy('created_at')
    .orderBy('id');
  if (template) q = q.where('template', '=', template);
  return q.execute();
}

function calendarOf(mail: Sent) {
  const parts = JSON.parse(mail.alternatives!) as { contentType: string; content: string }[];
  assert.equal(parts.length, 1);
  const comp = new ICAL.Component(ICAL.parse(parts[0]!.content));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const event = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
  return { contentType: parts[0]!.contentType, method: comp.getFirstPropertyValue('method'), event };
}

const linkOf = (mail: Sent) => /\/zespoly\/zaproszenie\/[A-Za-z0-9_-]+/.exec(mail.text_body)![0];
const MEETING = {
  starts_at: '2027-10-31T10:00',
  duration: '120',
  place: 'ROPS Toruń, ul. Janiny Bartkiewiczówny 93, sala 1',
  agenda: 'Otwarcie posiedzenia\nOpinia o sprawozdaniu za 2026 r. | Dyrektor ROPS',
  is_public: '1',
};

test('a refused meeting form shows the problems and invites nobody', async () => {
  const res = await post(base, { ...MEETING, starts_at: '2027-02-30T10:00', agenda: '', place: '' }, base);
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /datę i godzinę/);
  assert.match(res.body, /Podaj miejsce albo link/);
  assert.equal((await outbox()).length, 0);
});

test('planning a meeting invites today’s members with an address; the calendar part reads 10:00 Warsaw time on the last Sunday of October', async () => {
  const res = await post(base, MEETING, base);
  assert.equal(res.statusCode, 303);
  meetingId = /posiedzenia\/([^?]+)\?/.exec(String(res.headers.location))![1]!;
  const sent = await outbox('body_meeting_invitation');
  assert.deepEqual(
    sent.map((m) => m.to_address),
    ['czlonek@example.pl'],
    'the ended member is not invited',
  );
  const cal = calendarOf(sent[0]!);
  assert.equal(cal.contentType, 'text/calendar; charset=utf-8; method=REQUEST');
  assert.equal(cal.method, 'REQUEST');
  assert.equal(cal.event.sequence, 0);
  assert.match(cal.event.uid, new RegExp(`^meeting-${meetingId}@`));
  assert.equal(cal.event.startDate.zone.tzid, 'Europe/Warsaw');
  assert.equal(cal.event.startDate.hour, 10);
  assert.equal(cal.event.startDate.toJSDate().toISOString(), '2027-10-31T09:00:00.000Z', 'after the change to winter time: UTC+1');
  assert.equal(cal.event.endDate.toJSDate().toISOString(), '2027-10-31T11:00:00.000Z');
  assert.match(cal.event.description, /Opinia o sprawozdaniu/);
  assert.match(sent[0]!.text_body, /2027-10-31 10:00/);
});

test('a member answers by the signed link; staff see the answer', async () => {
  const link = linkOf((await outbox('body_meeting_invitation'))[0]!);
  const page = await t.app.inject({ url: link });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Opinia o sprawozdaniu/);
  const res = await post(link, { answer: 'attending' }, link, '');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /zapisaliśmy odpowiedź: będę/);
  const staff = await t.app.inject({ url: `${base}/${meetingId}`, headers: { cookie: await sessionFor(t, coordinatorId) } });
  assert.match(staff.body, /Anna Kowalska: będę/);
  const bad = await post(link, { answer: 'maybe' }, link, '');
  assert.equal(bad.statusCode, 400);
});

test('moving the meeting sends SEQUENCE + 1 under the same UID and retires the old link', async () => {
  const first = (await outbox('body_meeting_invitation'))[0]!;
  const res = await post(`${base}/${meetingId}`, { ...MEETING, starts_at: '2027-10-31T11:30' }, `${base}/${meetingId}`);
  assert.equal(res.statusCode, 303);
  const changed = await outbox('body_meeting_changed');
  assert.equal(changed.length, 1);
  const before = calendarOf(first).event;
  const after = calendarOf(changed[0]!);
  assert.equal(after.method, 'REQUEST');
  assert.equal(after.event.uid, before.uid);
  assert.equal(after.event.sequence, before.sequence + 1);
  assert.equal(after.event.startDate.toJSDate().toISOString(), '2027-10-31T10:30:00.000Z');
  assert.equal((await t.app.inject({ url: linkOf(first) })).statusCode, 404);
  assert.equal((await t.app.inject({ url: linkOf(changed[0]!) })).statusCode, 200);
});

test('in the member space: anonymous 404, the member answers their own invitation', async () => {
  const space = `/zespoly/${E2E_BODY.slug}/dla-czlonkow`;
  assert.equal((await t.app.inject({ url: space })).statusCode, 404);
  const cookie = await sessionFor(t, memberUserId);
  const page = await t.app.inject({ url: space, headers: { cookie } });
  assert.equal(page.statusCode, 200);
  const link = /href="(\/zespoly\/komitet-e2e\/dla-czlonkow\/zaproszenia\/[^"]+)"/.exec(page.body)![1]!;
  assert.equal((await t.app.inject({ url: link })).statusCode, 404);
  const res = await post(link, { answer: 'substitute' }, link, cookie);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /wyślę zastępcę/);
  const other = await loginAs(t, [{ role: 'team_member', scopeType: 'team', scopeId: E2E_BODY.id }]);
  assert.equal((await t.app.inject({ url: link, headers: { cookie: other.cookie } })).statusCode, 404, 'another member’s invitation');
});

test('the public feed lists the public meeting', async () => {
  const res = await t.app.inject({ url: `/zespoly/${E2E_BODY.slug}/posiedzenia.ics` });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/calendar/);
  const comp = new ICAL.Component(ICAL.parse(res.body));
  assert.equal(comp.getFirstPropertyValue('method'), 'PUBLISH');
  assert.equal(comp.getAllSubcomponents('vevent').length, 1);
  assert.doesNotMatch(res.body, /czlonek@example\.pl|ATTENDEE/);
});

test('cancelling sends METHOD:CANCEL with SEQUENCE + 1; answers are closed', async () => {
  const changed = (await outbox('body_meeting_changed'))[0]!;
  const res = await post(`${base}/${meetingId}/odwolanie`, {}, `${base}/${meetingId}`);
  assert.equal(res.statusCode, 303);
  const cancelled = await outbox('body_meeting_cancelled');
  assert.equal(cancelled.length, 1);
  const cal = calendarOf(cancelled[0]!);
  assert.equal(cal.contentType, 'text/calendar; charset=utf-8; method=CANCEL');
  assert.equal(cal.method, 'CANCEL');
  assert.equal(cal.event.sequence, calendarOf(changed).event.sequence + 1);
  assert.equal(cal.event.uid, calendarOf(changed).event.uid);
  assert.equal(cal.event.component.getFirstPropertyValue('status'), 'CANCELLED');
  const link = linkOf(changed);
  const page = await t.app.inject({ url: link });
  assert.match(page.body, /nie można już odpowiedzieć/);
  const again = await post(`${base}/${meetingId}/odwolanie`, {}, `${base}/${meetingId}`).catch(() => null);
  assert.ok(again === null || again.statusCode === 409);
});
