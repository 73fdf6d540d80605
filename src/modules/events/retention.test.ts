// Accessibility needs and retention on SQLite and PostgreSQL with a controlled clock: needs only
// with their own consent, shown to organisers only and never in the default CSV, erased 30 days
// after the event; after the retention period no e-mail address of the event is left (registrations
// and outbox) while the counts stay the same.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runDueJobs } from '../../core/jobs.js';
import { createTestApp, loginAs, sessionFor, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import * as repo from './events.repo.js';
import { makeEvent, lastToken } from './events.testing.js';
import { eventsJobs } from './index.js';
import * as reg from './registration.service.js';

const DAY = 86_400_000;
const clock = new ManualClock('2027-03-01T10:00:00Z');
let t: TestApp;
let coordinator = '';
let ev: { id: string; sessionIds: string[] };

before(async () => {
  t = await createTestApp({ clock });
  coordinator = (await loginAs(t, [{ role: 'coordinator' }])).userId;
  ev = await makeEvent(t.ctx, { capacities: [10], startsAt: '2027-03-10T10:00' });
});
after(async () => t.close());

const person = (email: string, extra: Record<string, string | string[]> = {}) => ({
  name: `Osoba ${email}`,
  email,
  participant_type: 'pes',
  sessions: ev.sessionIds,
  consent: '1',
  ...extra,
});

test('accessibility needs need their own consent and only what the organiser offers', async () => {
  await assert.rejects(
    () => reg.register(t.ctx, ev.id, person('n1@example.pl', { access_needs: 'step_free' }), 'pl'),
    (err: { problems?: { field: string }[] }) => err.problems?.some((p) => p.field === 'access_consent') === true,
  );
  // the fixture offers step-free access and sign language, not an induction loop
  await assert.rejects(
    () => reg.register(t.ctx, ev.id, person('n1@example.pl', { access_needs: 'induction_loop', access_consent: '1' }), 'pl'),
    (err: { problems?: { field: string }[] }) => err.problems?.some((p) => p.field === 'access_needs') === true,
  );
  assert.equal((await repo.listRegistrations(t.ctx.db, ev.id)).length, 0, 'nothing stored');
  await reg.register(
    t.ctx,
    ev.id,
    person('n1@example.pl', { access_needs: ['step_free', 'sign_language'], access_notes: 'Wózek', access_consent: '1' }),
    'pl',
  );
  await reg.confirm(t.ctx, await lastToken(t.ctx, 'n1@example.pl', 'event_confirm'));
  await reg.register(t.ctx, ev.id, person('n2@example.pl', { institution: 'Spółdzielnia Socjalna' }), 'pl');
  const rows = await repo.listRegistrations(t.ctx.db, ev.id);
  assert.equal(rows.find((r) => r.email === 'n1@example.pl')!.access_needs, '["step_free","sign_language"]');
});

test('organisers see the needs on their page; the CSV export leaves them out; the public never sees them', async () => {
  const cookie = await sessionFor(t, coordinator);
  const page = await t.app.inject({ url: `/admin/wydarzenia/${ev.id}/uczestnicy`, headers: { cookie } });
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes('Wózek') && page.body.includes('tłumacz języka migowego'));
  const csv = await t.app.inject({ url: `/admin/wydarzenia/${ev.id}/uczestnicy.csv`, headers: { cookie } });
  assert.equal(csv.statusCode, 200);
  assert.match(csv.headers['content-type'] as string, /^text\/csv/);
  assert.ok(csv.body.includes('n1@example.pl') && csv.body.includes('Spółdzielnia Socjalna'));
  assert.ok(!csv.body.includes('Wózek') && !csv.body.includes('migowego'));
  const pub = await t.app.inject({ url: `/wydarzenia/${ev.id}` });
  assert.ok(!pub.body.includes('Wózek') && !pub.body.includes('n1@example.pl'));
  // the public list holds only those who opted in (n1 did not; n3 did)
  assert.ok(!pub.body.includes('Osoba n1'));
  await reg.register(t.ctx, ev.id, person('n3@example.pl', { is_listed_publicly: '1', institution: 'Fundacja Jawna' }), 'pl');
  await reg.confirm(t.ctx, await lastToken(t.ctx, 'n3@example.pl', 'event_confirm'));
  const listed = await t.app.inject({ url: `/wydarzenia/${ev.id}` });
  assert.ok(listed.body.includes('Osoba n3') && listed.body.includes('Fundacja Jawna') && !listed.body.includes('Osoba n1'));
  const api = await t.app.inject({ url: '/api/v1/wydarzenia' });
  assert.ok(!api.body.includes('n1@example.pl'));
  const anon = await t.app.inject({ url: `/admin/wydarzenia/${ev.id}/uczestnicy.csv` });
  assert.equal(anon.statusCode, 302);
});

test('needs are erased 30 days after the event; all personal data after the retention period, counts unchanged', async () => {
  // the event ends on 10 March 18:00 Warsaw; 29 days later the needs are still there (the unconfirmed hold has expired)
  clock.set('2027-04-08T12:00:00Z');
  await runDueJobs(t.ctx, eventsJobs, { force: true });
  const countsBefore = await repo.registrationCounts(t.ctx.db, ev.id);
  assert.ok((await repo.listRegistrations(t.ctx.db, ev.id)).some((r) => r.access_notes === 'Wózek'));
  clock.set('2027-04-10T12:00:00Z');
  await runDueJobs(t.ctx, eventsJobs, { force: true });
  let rows = await repo.listRegistrations(t.ctx.db, ev.id);
  assert.ok(rows.every((r) => r.access_needs === null && r.access_notes === null));
  assert.ok(
    rows.some((r) => r.email === 'n1@example.pl'),
    'other data stay until the retention period',
  );
  clock.set(new Date(Date.parse('2027-03-10T17:00:00Z') + 370 * DAY).toISOString());
  await runDueJobs(t.ctx, eventsJobs, { force: true });
  rows = await repo.listRegistrations(t.ctx.db, ev.id);
  assert.ok(rows.every((r) => r.email === null && r.name === null && r.institution === null && r.is_erased));
  const mail = await t.ctx.db.selectFrom('mail_outbox').select(['to_address', 'text_body']).where('about', '=', `event:${ev.id}`).execute();
  assert.ok(mail.every((m) => !m.to_address.includes('@example.pl') && !m.text_body.includes('@example.pl')));
  assert.deepEqual(await repo.registrationCounts(t.ctx.db, ev.id), countsBefore);
  const e = await repo.findEvent(t.ctx.db, ev.id);
  assert.ok(e?.personal_data_erased_at);
  // the organisers still see the counts
  const overview = await t.app.inject({ url: `/admin/wydarzenia/${ev.id}`, headers: { cookie: await sessionFor(t, coordinator) } });
  assert.equal(overview.statusCode, 200);
  assert.match(overview.body, /potwierdzona<\/th><td>podmiot ekonomii społecznej<\/td><td class="num">2</);
});
