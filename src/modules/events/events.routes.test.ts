// The public and staff pages of events through HTTP on SQLite and PostgreSQL with a controlled
// clock: the seeded Forum editions in the archive, list filters, the month calendar, an event page,
// the API, the iCalendar files read back with ical.js (a session at 10:00 on the last Sunday of
// October is 10:00 Warsaw time), the home page and profile sections, and the staff form (refusals
// change nothing; a saved event is in the audit log).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ICAL from 'ical.js';
import { createTestApp, csrfFrom, form, cookieHeader, loginAs, sessionFor, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { makeEvent } from './events.testing.js';

const clock = new ManualClock('2027-10-01T08:00:00Z');
let t: TestApp;
let coordinator = '';
let forum: { id: string; sessionIds: string[] };
let online: { id: string; sessionIds: string[] };

before(async () => {
  t = await createTestApp({ clock });
  coordinator = (await loginAs(t, [{ role: 'coordinator' }])).userId;
  // the last Sunday of October 2027 is the 31st, the day the clocks go back
  forum = await makeEvent(t.ctx, { title: 'Forum jesienne', startsAt: '2027-10-31T10:00', capacities: [20, null] });
  online = await makeEvent(t.ctx, { title: 'Szkolenie zdalne', startsAt: '2027-11-15T09:00', online: true, closesBeforeStartHours: null });
});
after(async () => t.close());

const get = (url: string, cookie = '') => t.app.inject({ url, headers: cookie ? { cookie } : {} });

test('the seeded Forum editions are in the archive with their sources, the 15th known only to the month', async () => {
  const res = await get('/wydarzenia/archiwum');
  assert.equal(res.statusCode, 200);
  for (const ed of ['I Kujawsko-Pomorskie', 'VI Kujawsko-Pomorskie', 'XI Kujawsko-Pomorskie', 'XV Kujawsko-Pomorskie'])
    assert.ok(res.body.includes(ed), ed);
  assert.ok(res.body.includes('dokładne dni nieznane'));
  assert.equal((res.body.match(/<h1/g) ?? []).length, 1);
  const xv = await t.ctx.db.selectFrom('events').selectAll().where('title', 'like', 'XV %').executeTakeFirstOrThrow();
  assert.equal(xv.date_precision, 'month');
  const page = await get(`/wydarzenia/${xv.id}`);
  assert.ok(page.body.includes('radiopik.pl'));
  // a month-only event has no calendar file link (no day to put it on)
  assert.ok(!page.body.includes('kalendarz.ics'));
});

test('the list shows upcoming events and filters by type, month, powiat, form and open registration', async () => {
  const all = await get('/wydarzenia');
  assert.equal(all.statusCode, 200);
  assert.ok(all.body.includes('Forum jesienne') && all.body.includes('Szkolenie zdalne'));
  assert.ok(!all.body.includes('VI Kujawsko-Pomorskie'), 'past events are in the archive only');
  const onlineOnly = await get('/wydarzenia?forma=online');
  assert.ok(onlineOnly.body.includes('Szkolenie zdalne') && !onlineOnly.body.includes('Forum jesienne'));
  const open = await get('/wydarzenia?otwarta=1');
  assert.ok(open.body.includes('Forum jesienne') && !open.body.includes('Szkolenie zdalne'));
  // the filters in the shared facet layout, behind "Filtry (N)" counting the chosen ones
  assert.match(
    all.body,
    /<div class="facet-layout__filters">.*<summary>Filtry<\/summary>.*<div class="facet-layout__results"><section aria-labelledby="events-found">/s,
  );
  assert.match((await get('/wydarzenia?otwarta=1&forma=online')).body, /<summary>Filtry \(2 wybrane\)<\/summary>/);
  const nov = await get('/wydarzenia?miesiac=2027-11');
  assert.ok(nov.body.includes('Szkolenie zdalne') && !nov.body.includes('Forum jesienne'));
  const torun = await get('/wydarzenia?powiat=0463');
  assert.ok(torun.body.includes('Forum jesienne') && !torun.body.includes('Szkolenie zdalne'));
  const other = await get('/wydarzenia?powiat=0401');
  assert.ok(!other.body.includes('Forum jesienne'));
  const training = await get('/wydarzenia?rodzaj=training');
  assert.ok(!training.body.includes('Forum jesienne'));
  // nonsense filters are ignored, not errors
  assert.equal((await get('/wydarzenia?miesiac=2027-13&powiat=x')).statusCode, 200);
});

test('the month calendar is a table of weeks with the event on its day, without JavaScript', async () => {
  const res = await get('/wydarzenia/kalendarz?miesiac=2027-10');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<table class="event-calendar">/);
  const cell = /<time datetime="2027-10-31">31<\/time><\/span><ul><li><a href="\/wydarzenia\/([0-9a-f-]{36})"/.exec(res.body);
  assert.equal(cell?.[1], forum.id);
  assert.ok(res.body.includes('miesiac=2027-09') && res.body.includes('miesiac=2027-11'));
  const en = await get('/en/wydarzenia/kalendarz?miesiac=2027-10');
  assert.ok(en.body.includes('October 2027'));
});

test('an event page shows sessions, free places, accessibility and registration', async () => {
  const res = await get(`/wydarzenia/${forum.id}`);
  assert.equal(res.statusCode, 200);
  for (const s of [
    'Sesja 1',
    'Sesja 2',
    'wolne: 20 miejsc',
    'bez limitu miejsc',
    'dostęp bez schodów',
    'Parking przy wejściu',
    'Zarejestruj się',
    'Toruń',
  ])
    assert.ok(res.body.includes(s), s);
  assert.equal((await get('/wydarzenia/00000000-0000-7000-8000-000000000000')).statusCode, 404);
});

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

test('the per-event .ics reads back with ical.js: 10:00 on the last Sunday of October is 10:00 in Warsaw', async () => {
  const res = await get(`/wydarzenia/${forum.id}/kalendarz.ics`);
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /^text\/calendar/);
  const events = parse(res.body);
  const session = events.find((e) => e.summary.startsWith('Sesja 1'))!;
  assert.equal(session.startDate.hour, 10);
  assert.equal(session.startDate.minute, 0);
  assert.equal(session.startDate.zone?.tzid, 'Europe/Warsaw');
  // after the change back to CET: 10:00 Warsaw is 09:00 UTC
  assert.equal(session.startDate.toJSDate().toISOString(), '2027-10-31T09:00:00.000Z');
  const sessionRow = await t.ctx.db
    .selectFrom('event_sessions')
    .selectAll()
    .where('id', '=', forum.sessionIds[0]!)
    .executeTakeFirstOrThrow();
  assert.equal(sessionRow.starts_at, '2027-10-31T09:00:00.000Z');
  // stable UIDs: the same file twice has the same ids
  const again = parse((await get(`/wydarzenia/${forum.id}/kalendarz.ics`)).body);
  assert.deepEqual(
    events.map((e) => e.uid),
    again.map((e) => e.uid),
  );
  assert.ok(events.some((e) => e.uid === `event-${forum.id}@localhost:3000` || e.uid.startsWith(`event-${forum.id}@`)));
});

test('the feed /wydarzenia.ics holds the published events, seeded all-day editions as dates', async () => {
  const res = await get('/wydarzenia.ics');
  assert.equal(res.statusCode, 200);
  const events = parse(res.body);
  const f = events.find((e) => e.summary === 'Forum jesienne')!;
  assert.equal(f.startDate.hour, 10);
  assert.equal(f.startDate.toJSDate().toISOString(), '2027-10-31T09:00:00.000Z');
  // events older than a year are not in the feed
  assert.ok(!events.some((e) => e.summary.startsWith('VI Kujawsko')));
});

test('GET /api/v1/wydarzenia lists events with sessions and free places, and is in OpenAPI', async () => {
  const res = await get('/api/v1/wydarzenia');
  assert.equal(res.statusCode, 200);
  const items = (res.json() as { items: { id: string; registration: string; sessions: { free_places: number | null }[] }[] }).items;
  const f = items.find((i) => i.id === forum.id)!;
  assert.equal(f.registration, 'open');
  assert.deepEqual(
    f.sessions.map((s) => s.free_places),
    [20, null],
  );
  assert.deepEqual(
    ((await get('/api/v1/wydarzenia?forma=online')).json() as { items: { id: string }[] }).items.map((i) => i.id),
    [online.id],
  );
  // an open dataset: the licence and when the listed events last changed (null for an empty answer)
  const meta = res.json() as { licence: { id: string }; last_changed: string | null; items: { id: string }[] };
  assert.equal(meta.licence.id, 'CC-BY-4.0');
  const stored = await t.ctx.db
    .selectFrom('events')
    .select('updated_at')
    .where(
      'id',
      'in',
      meta.items.map((i) => i.id),
    )
    .execute();
  assert.equal(
    meta.last_changed,
    stored
      .map((e) => e.updated_at)
      .sort()
      .at(-1),
  );
  const empty = (await get('/api/v1/wydarzenia?miesiac=2040-01')).json() as { last_changed: string | null; items: unknown[] };
  assert.deepEqual([empty.items.length, empty.last_changed], [0, null]);
  const dane = await get('/dane');
  assert.match(dane.body, /id="zbior-wydarzenia-title"/);
  assert.match(dane.body, /<a href="\/api\/v1\/wydarzenia" type="application\/json">API<\/a>/);
  const en = await get('/en/dane');
  assert.match(en.body, /<h2 id="zbior-wydarzenia-title">Events<\/h2>/);
  const spec = (await get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
  assert.ok(spec.paths['/api/v1/wydarzenia']);
  assert.match(JSON.stringify(spec.paths['/api/v1/wydarzenia']), /last_changed/);
  assert.ok(!JSON.stringify(res.json()).includes('@example'), 'no registrant data');
});

test('the home page and the gmina profile show upcoming events near them', async () => {
  const home = await get('/');
  assert.ok(home.body.includes('Najbliższe wydarzenia') && home.body.includes('Forum jesienne'));
  const torun = await get('/terytorium/0463011');
  assert.equal(torun.statusCode, 200);
  assert.ok(torun.body.includes('Forum jesienne'));
  const elsewhere = await get('/terytorium/0401011');
  assert.ok(!elsewhere.body.includes('Forum jesienne'));
  assert.ok(elsewhere.body.includes('Brak zapowiedzianych wydarzeń w tym miejscu.'));
});

async function staffPost(url: string, values: Record<string, string>, formUrl: string) {
  const cookie = await sessionFor(t, coordinator);
  const page = await get(formUrl, cookie);
  assert.equal(page.statusCode, 200, formUrl);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookieHeader(page, cookie), 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(page.body), ...values }),
  });
}

test('staff create an event (refusals change nothing), add a session; both are in the audit log', async () => {
  const before = (await t.ctx.db.selectFrom('events').select('id').execute()).length;
  const bad = await staffPost(
    '/admin/wydarzenia/nowe',
    { title: '', type: 'forum', mode: 'onsite', starts_at: '2027-12-01T10:00', ends_at: '2027-12-01T09:00' },
    '/admin/wydarzenia/nowe',
  );
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.body.includes('Tytuł') && bad.body.includes('Gmina'));
  assert.equal((await t.ctx.db.selectFrom('events').select('id').execute()).length, before);
  const ok = await staffPost(
    '/admin/wydarzenia/nowe',
    {
      title: 'Targi ekonomii społecznej',
      type: 'fair',
      description: 'Targi.',
      organiser: 'OWES',
      starts_at: '2027-12-01T10:00',
      ends_at: '2027-12-01T16:00',
      mode: 'onsite',
      address: 'Rynek 1',
      gmina_teryt: '0461011',
      is_published: '1',
    },
    '/admin/wydarzenia/nowe',
  );
  assert.equal(ok.statusCode, 303);
  const id = /\/admin\/wydarzenia\/([0-9a-f-]{36})/.exec(ok.headers.location as string)![1]!;
  const added = await staffPost(
    `/admin/wydarzenia/${id}/sesje`,
    { title: 'Otwarcie', starts_at: '2027-12-01T10:00', ends_at: '2027-12-01T11:00', capacity: '50' },
    `/admin/wydarzenia/${id}`,
  );
  assert.equal(added.statusCode, 303);
  const outside = await staffPost(
    `/admin/wydarzenia/${id}/sesje`,
    { title: 'Za późno', starts_at: '2027-12-02T10:00', ends_at: '2027-12-02T11:00', capacity: '0' },
    `/admin/wydarzenia/${id}`,
  );
  assert.equal(outside.statusCode, 400);
  const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).execute();
  assert.deepEqual(audit.map((a) => a.action).sort(), ['event.create', 'event.session.add']);
  const page = await get(`/wydarzenia/${id}`);
  assert.ok(page.body.includes('Bydgoszcz') && page.body.includes('Otwarcie'));
});
