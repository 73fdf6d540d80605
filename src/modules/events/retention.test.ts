// Accessibility needs and retention on SQLite and PostgreSQL with a controlled clock: needs only
// with their own consent, shown to organisers only and never in the default CSV or XLSX (read back
// with exceljs), erased 30 days after the event; the registrant's gmina is chosen by name from the
// region's list (or "outside the region"); after the retention period no e-mail address or gmina of
// the event is left (registrations and outbox) while the counts per event and session — registered,
// confirmed, attended, by participant type and powiat — stay the same.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runDueJobs } from '../../core/jobs.js';
import { createTestApp, loginAs, sessionFor, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import * as repo from './events.repo.js';
import { makeEvent, lastToken } from './events.testing.js';
import { eventsJobs } from './index.js';
import * as reg from './registration.service.js';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { applyCheckins } from './checkin.service.js';
import { eventCounts } from './counts.service.js';

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
  gmina_teryt: '0463011',
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
  // the gmina is one of the region's (by its TERYT from the list of names) or "outside the region"
  await assert.rejects(
    () => reg.register(t.ctx, ev.id, person('n1@example.pl', { gmina_teryt: '' }), 'pl'),
    (err: { problems?: { field: string }[] }) => err.problems?.some((p) => p.field === 'gmina_teryt') === true,
  );
  await assert.rejects(
    () => reg.register(t.ctx, ev.id, person('n1@example.pl', { gmina_teryt: '1465011' }), 'pl'),
    (err: { problems?: { field: string }[] }) => err.problems?.some((p) => p.field === 'gmina_teryt') === true,
  );
  assert.equal((await repo.listRegistrations(t.ctx.db, ev.id)).length, 0, 'nothing stored');
  await reg.register(
    t.ctx,
    ev.id,
    person('n1@example.pl', { access_needs: ['step_free', 'sign_language'], access_notes: 'Wózek', access_consent: '1' }),
    'pl',
  );
  await reg.confirm(t.ctx, await lastToken(t.ctx, 'n1@example.pl', 'event_confirm'));
  await reg.register(t.ctx, ev.id, person('n2@example.pl', { institution: 'Spółdzielnia Socjalna', gmina_teryt: 'outside' }), 'pl');
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
  // the XLSX holds the same table (labels and the example column), without the needs either
  const xlsx = await t.app.inject({ url: `/admin/wydarzenia/${ev.id}/uczestnicy.xlsx`, headers: { cookie } });
  assert.equal(xlsx.statusCode, 200);
  assert.equal(xlsx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.match(String(xlsx.headers['content-disposition']), /\.xlsx/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Uczestnicy')!;
  const cells: string[][] = [];
  ws.eachRow((row) => cells.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  assert.deepEqual(cells[0], [
    'Imię i nazwisko',
    'Adres e-mail',
    'Instytucja (nieobowiązkowo)',
    'Kogo reprezentujesz',
    'Stan rejestracji',
    'Program i sesje',
    'Data rejestracji',
    'Dane przykładowe',
  ]);
  const n2 = cells.find((c) => c[1] === 'n2@example.pl');
  assert.ok(n2, 'n2 in the XLSX');
  assert.equal(n2[2], 'Spółdzielnia Socjalna');
  assert.equal(n2[7], 'nie');
  assert.equal(cells.length, 3, 'a header and two registrations');
  assert.ok(!cells.flat().some((c) => c.includes('Wózek') || c.includes('migowego')));
  const english = await t.app.inject({ url: `/en/admin/wydarzenia/${ev.id}/uczestnicy.xlsx`, headers: { cookie } });
  const wbEn = new ExcelJS.Workbook();
  await wbEn.xlsx.load(english.rawPayload as unknown as ArrayBuffer);
  assert.ok(wbEn.getWorksheet('Participants'), 'the sheet and headings follow the language');
  const anonXlsx = await t.app.inject({ url: `/admin/wydarzenia/${ev.id}/uczestnicy.xlsx` });
  assert.equal(anonXlsx.statusCode, 302);
  const pub = await t.app.inject({ url: `/wydarzenia/${ev.id}` });
  assert.ok(!pub.body.includes('Wózek') && !pub.body.includes('n1@example.pl'));
  // the public list holds only those who opted in (n1 did not; n3 did)
  assert.ok(!pub.body.includes('Osoba n1'));
  await reg.register(
    t.ctx,
    ev.id,
    person('n3@example.pl', { is_listed_publicly: '1', institution: 'Fundacja Jawna', gmina_teryt: '0461011' }),
    'pl',
  );
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
  const n1 = (await repo.listRegistrations(t.ctx.db, ev.id)).find((r) => r.email === 'n1@example.pl')!;
  assert.equal(n1.gmina_teryt, '0463011');
  assert.equal(n1.powiat_teryt, '0463');
  await applyCheckins(t.ctx, ev.id, [{ id: randomUUID(), code: n1.short_code }], null);
  const figuresBefore = await eventCounts(t.ctx, ev.id);
  const whole = (powiat: string) => figuresBefore.find((c) => c.sessionId === null && c.powiat === powiat);
  assert.deepEqual(
    { ...whole('0463'), sessionId: null },
    { sessionId: null, participantType: 'pes', powiat: '0463', registered: 1, confirmed: 1, attended: 1 },
  );
  assert.deepEqual(whole('0461'), { sessionId: null, participantType: 'pes', powiat: '0461', registered: 1, confirmed: 1, attended: 0 });
  assert.deepEqual(whole('outside'), {
    sessionId: null,
    participantType: 'pes',
    powiat: 'outside',
    registered: 1,
    confirmed: 0,
    attended: 0,
  });
  const session = figuresBefore.find((c) => c.sessionId === ev.sessionIds[0] && c.powiat === '0463');
  assert.equal(session?.attended, 1, 'per session too');
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
  assert.deepEqual(await eventCounts(t.ctx, ev.id), figuresBefore, 'counts by participant type and powiat, per event and session');
  assert.ok(
    rows.every((r) => r.gmina_teryt === null),
    'the gmina goes with the person',
  );
  assert.deepEqual(rows.map((r) => r.powiat_teryt).sort(), ['0461', '0463', null]);
  const e = await repo.findEvent(t.ctx.db, ev.id);
  assert.ok(e?.personal_data_erased_at);
  // the organisers still see the counts
  const overview = await t.app.inject({ url: `/admin/wydarzenia/${ev.id}`, headers: { cookie: await sessionFor(t, coordinator) } });
  assert.equal(overview.statusCode, 200);
  assert.match(overview.body, /potwierdzona<\/th><td>podmiot ekonomii społecznej<\/td><td class="num">2</);
  assert.match(overview.body, /<h2>Liczby uczestników<\/h2>/);
  assert.match(
    overview.body,
    /całe wydarzenie<\/th><td>podmiot ekonomii społecznej<\/td><td>Bydgoszcz<\/td><td class="num">1<\/td><td class="num">1<\/td><td class="num">0</,
  );
});
