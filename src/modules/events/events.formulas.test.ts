// The events module's formulas for computed indicators, on SQLite and PostgreSQL with a controlled
// clock: they are contributed to the app (indicators' `indicatorFormulas`); events of a type and of
// any type are counted per gmina of the event from 1 January of the day's year up to that day
// (Warsaw calendar; unpublished events never; an online event has no gmina, so it counts for the
// region); participants are those marked present; example events are flagged; participants are not
// known before the first event with registration on the platform (the seeded Forum editions count as
// events held only); and the counts are the same after the retention job erased the people.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runDueJobs } from '../../core/jobs.js';
import { warsawDay } from '../../core/time/index.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import type { IndicatorFormula } from '../indicators/index.js';
import * as repo from './events.repo.js';
import { flowRange } from './events.formulas.js';
import { attendedRegistration, makeEvent, registerPerson } from './events.testing.js';
import { eventsJobs } from './index.js';

const clock = new ManualClock('2027-03-01T10:00:00Z');
let t: TestApp;
const params = { legalForms: [], lifecycles: [] };
const formula = (key: string): IndicatorFormula => {
  const f = [...t.ctx.contributions.of('indicatorFormulas')].find((x) => x.key === key);
  assert.ok(f, `formula ${key} is contributed`);
  return f;
};
const sorted = (rows: { gmina: string | null; n: number; synthetic: number }[]) =>
  [...rows].sort((a, b) => String(a.gmina).localeCompare(String(b.gmina)));

before(async () => {
  t = await createTestApp({ clock });
});
after(async () => t.close());

test('the flow of a day runs from 1 January of its year (Warsaw) to the end of that day', () => {
  assert.deepEqual(flowRange('2027-03-31'), { from: '2026-12-31T23:00:00.000Z', to: '2027-03-31T22:00:00.000Z' });
});

test('events of a type and participants per gmina of the event, flows within the year, unchanged by the retention job', async () => {
  // the seeded Forum editions (since 2010) are events held; nobody registered for them through the platform
  const first = await t.ctx.db
    .selectFrom('events')
    .select('starts_at')
    .where('is_published', '=', true)
    .orderBy('starts_at')
    .executeTakeFirstOrThrow();
  assert.equal(await formula('events_held').coverageStart(t.ctx), warsawDay(first.starts_at));
  assert.ok(first.starts_at < '2011-01-01');
  assert.equal(await formula('events_participants').coverageStart(t.ctx), null, 'no participants known before the first registration');
  const torun = await makeEvent(t.ctx, { title: 'Forum w Toruniu', startsAt: '2027-03-08T10:00', capacities: [10] });
  const training = await makeEvent(t.ctx, { title: 'Szkolenie online', startsAt: '2027-03-09T10:00', online: true });
  await repo.updateEvent(t.ctx.db, training.id, { type: 'training' });
  const example = await makeEvent(t.ctx, { title: 'Targi przykładowe', startsAt: '2027-03-10T10:00', gmina: '0461011' });
  await repo.updateEvent(t.ctx.db, example.id, { type: 'fair', is_example: true });
  const draft = await makeEvent(t.ctx, { title: 'Szkic', startsAt: '2027-03-11T10:00' });
  await repo.updateEvent(t.ctx.db, draft.id, { is_published: false });
  const nextYear = await makeEvent(t.ctx, { title: 'Forum 2028', startsAt: '2028-01-01T00:30' });
  void nextYear;
  await attendedRegistration(t.ctx, torun, 'p1@example.pl');
  await attendedRegistration(t.ctx, torun, 'p2@example.pl');
  await registerPerson(t.ctx, torun.id, 'absent@example.pl', torun.sessionIds);
  await attendedRegistration(t.ctx, example, 'p3@example.pl');

  assert.equal(await formula('events_participants').coverageStart(t.ctx), '2027-03-08');
  const count = async (key: string, asOf: string) => sorted(await formula(key).countByGmina(t.ctx, asOf, params));

  assert.deepEqual(await count('events_held', '2027-12-31'), [
    { gmina: '0461011', n: 1, synthetic: 1 },
    { gmina: '0463011', n: 1, synthetic: 0 },
    { gmina: null, n: 1, synthetic: 0 },
  ]);
  assert.deepEqual(await count('events_held_forum', '2027-12-31'), [{ gmina: '0463011', n: 1, synthetic: 0 }]);
  assert.deepEqual(await count('events_held_training', '2027-12-31'), [{ gmina: null, n: 1, synthetic: 0 }]);
  assert.deepEqual(await count('events_held_fair', '2027-12-31'), [{ gmina: '0461011', n: 1, synthetic: 1 }]);
  assert.deepEqual(await count('events_held_meeting', '2027-12-31'), []);
  // a flow: up to 8 March only the forum; the event at 00:30 on 1 January 2028 (Warsaw) is in 2028
  assert.deepEqual(await count('events_held', '2027-03-08'), [{ gmina: '0463011', n: 1, synthetic: 0 }]);
  assert.deepEqual(await count('events_held', '2028-01-01'), [{ gmina: '0463011', n: 1, synthetic: 0 }]);
  const participants = await count('events_participants', '2027-12-31');
  assert.deepEqual(participants, [
    { gmina: '0461011', n: 1, synthetic: 1 },
    { gmina: '0463011', n: 2, synthetic: 0 },
  ]);

  // more than a year after the events the people are erased; the figures stay
  clock.set('2028-06-01T10:00:00Z');
  await runDueJobs(t.ctx, eventsJobs, { force: true });
  const left = await t.ctx.db.selectFrom('event_registrations').select(['email', 'is_erased']).execute();
  assert.ok(left.length > 0 && left.every((r) => r.email === null && r.is_erased));
  assert.deepEqual(await count('events_participants', '2027-12-31'), participants);
});
