// The event log page and its CSV export: who may open them, what each filter selects (Warsaw days
// included), pagination that keeps the filter, the CSV's format and contents, secrets never shown,
// and every export recorded in the log itself.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { createTestApp, loginAs, type TestApp } from '../../testing/app.js';
import { recordAudit } from './index.js';
import { ManualClock } from '../../testing/clock.js';

let t: TestApp;
let admin: { cookie: string; userId: string };
let editor: { cookie: string; userId: string };
let coordinator: { cookie: string; userId: string };
let anna: { cookie: string; userId: string };
const subjectB = 'user-b-0001';

const at = (iso: string) => new ManualClock(iso);

before(async () => {
  t = await createTestApp({ reference: false });
  admin = await loginAs(t, [{ role: 'administrator' }], 'admin@rops.example.pl');
  editor = await loginAs(t, [{ role: 'editor' }]);
  coordinator = await loginAs(t, [{ role: 'coordinator' }]);
  anna = await loginAs(t, [{ role: 'editor' }], 'Anna.Nowak@rops.example.pl');
  const db = t.ctx.db;
  // 10 March, 11:00 in Warsaw
  await recordAudit(
    db,
    { actorId: anna.userId, ip: '192.0.2.10', requestId: 'req-login', action: 'user.login', subjectType: 'user', subjectId: anna.userId },
    at('2026-03-10T10:00:00.000Z'),
  );
  // 11 March, 00:30 in Warsaw (still 10 March in UTC)
  await recordAudit(
    db,
    {
      actorId: admin.userId,
      ip: '192.0.2.1',
      action: 'user.role_change',
      subjectType: 'user',
      subjectId: subjectB,
      changes: { display_name: { before: 'Bartek', after: 'Bartosz Kowalski' } },
    },
    at('2026-03-10T23:30:00.000Z'),
  );
  // 1 July, 23:59 in Warsaw
  await recordAudit(
    db,
    {
      actorId: null,
      ip: '198.51.100.7',
      action: 'user.login_failed',
      subjectType: 'user',
      subjectId: null,
      meta: { email: 'nobody@example.pl', password: 'hunter2-secret', csrf: 'csrf-secret' },
    },
    at('2026-07-01T21:59:00.000Z'),
  );
  await recordAudit(
    db,
    { actorId: null, ip: null, action: 'spreadsheet.test', subjectType: 'thing', subjectId: '=HYPERLINK("http://evil.example")' },
    at('2026-08-01T10:00:00.000Z'),
  );
  for (let i = 0; i < 55; i++) {
    const s = String(i).padStart(2, '0');
    await recordAudit(
      db,
      { actorId: admin.userId, ip: null, action: 'bulk.test', subjectType: 'thing', subjectId: `bulk-${s}` },
      at(`2026-09-01T10:00:${s}.000Z`),
    );
  }
});
after(async () => t.close());

const get = (url: string, who?: { cookie: string }) => t.app.inject({ url, headers: who ? { cookie: who.cookie } : {} });
const rowsOf = (html: string) => [...html.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].flatMap((m) => m[1]!.split('<tr>').slice(1));

test('anonymous visitors are sent to the login page; editors and coordinators are refused; administrators get in', async () => {
  for (const url of ['/admin/dziennik', '/admin/dziennik.csv']) {
    const anon = await get(url);
    assert.equal(anon.statusCode, 302, url);
    assert.match(String(anon.headers.location), /^\/konto\/logowanie\?next=/);
    assert.equal((await get(url, editor)).statusCode, 403, url);
    assert.equal((await get(url, coordinator)).statusCode, 403, url);
    assert.equal((await get(url, admin)).statusCode, 200, url);
  }
});

test('the page lists events newest first with Warsaw times, actors, changes and masked secrets', async () => {
  const res = await get('/admin/dziennik', admin);
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /text\/html; charset=utf-8/);
  assert.match(res.body, /<h1>Dziennik zdarzeń<\/h1>/);
  // newest first
  const bulk = await get('/admin/dziennik?action=bulk.test', admin);
  const first = rowsOf(bulk.body)[0]!;
  assert.match(first, /bulk-54/);
  assert.match(first, />1\.09\.2026, 12:00:54</, 'CEST: 10:00:54 UTC is 12:00:54 in Warsaw');

  const changed = await get('/admin/dziennik?action=user.role_change', admin);
  const rows = rowsOf(changed.body);
  assert.equal(rows.length, 1);
  assert.match(rows[0]!, /11\.03\.2026, 00:30:00/);
  assert.match(rows[0]!, /display_name: Bartek → Bartosz Kowalski/);
  assert.match(rows[0]!, />admin</, 'the actor by display name');
  assert.match(rows[0]!, /admin@rops\.example\.pl/);
  assert.match(rows[0]!, /192\.0\.2\.1/);

  const failed = await get('/admin/dziennik?action=user.login_failed', admin);
  assert.match(failed.body, /osoba niezalogowana/);
  assert.match(failed.body, /email: nobody@example\.pl/);
  assert.match(failed.body, /password: \*\*\*/);
  assert.doesNotMatch(failed.body, /hunter2-secret|csrf-secret/);
});

test('filters: actor by e-mail (any case) or id, subject, action and Warsaw dates', async () => {
  const actions = async (query: string) => {
    const res = await get(`/admin/dziennik?${query}`, admin);
    assert.equal(res.statusCode, 200, query);
    return rowsOf(res.body).map((r) => /<code>([^<]+)<\/code>/.exec(r)![1]);
  };
  assert.deepEqual(await actions('actor=anna.nowak%40ROPS.example.pl'), ['user.login']);
  assert.deepEqual(await actions(`actor=${anna.userId}`), ['user.login']);
  assert.deepEqual(await actions(`subject_type=user&subject_id=${subjectB}`), ['user.role_change']);
  assert.deepEqual(await actions('subject_type=user'), ['user.login_failed', 'user.role_change', 'user.login']);
  // the role change happened on 11 March in Warsaw although it was 10 March in UTC
  assert.deepEqual(await actions('from=2026-03-11&to=2026-03-11'), ['user.role_change']);
  assert.deepEqual(await actions('from=2026-03-10&to=2026-03-10'), ['user.login']);
  assert.deepEqual(await actions('from=2026-07-01&to=2026-07-01'), ['user.login_failed'], '23:59 Warsaw still counts as 1 July');
  assert.deepEqual(await actions('actor=nobody%40example.pl'), [], 'meta e-mails are not actors');

  const bad = await get('/admin/dziennik?from=2026-02-30', admin);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /data-error-summary/);
  assert.match(bad.body, /Pole „Od dnia” ma nieprawidłową wartość/);
  assert.equal(rowsOf(bad.body).length, 0);
});

test('pagination shows 50 rows a page and its links keep the filter', async () => {
  const p1 = await get('/admin/dziennik?action=bulk.test', admin);
  assert.equal(rowsOf(p1.body).length, 50);
  assert.match(p1.body, /55 wyników/);
  assert.match(p1.body, /href="\/admin\/dziennik\?action=bulk\.test&amp;page=2"/);
  const p2 = await get('/admin/dziennik?action=bulk.test&page=2', admin);
  const rows = rowsOf(p2.body);
  assert.equal(rows.length, 5);
  assert.match(rows[4]!, /bulk-00/, 'the oldest comes last');
  const en = await get('/en/admin/dziennik?action=bulk.test', admin);
  assert.match(en.body, /<h1>Event log<\/h1>/);
  assert.match(en.body, /href="\/en\/admin\/dziennik\?action=bulk\.test&amp;page=2"/);
});

test('CSV export: BOM, semicolons, CRLF, the same filter, Warsaw and UTC times, spreadsheet-safe cells, no secrets', async () => {
  const res = await get('/admin/dziennik.csv?action=user.role_change', admin);
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
  assert.match(
    res.headers['content-disposition'] as string,
    /^attachment; filename="dziennik-zdarzen-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8/,
  );
  assert.equal(res.headers['cache-control'], 'no-store');
  const raw = res.rawPayload;
  assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const text = raw.subarray(3).toString('utf8');
  assert.match(text, /^Czas \(Europa\/Warszawa\);Czas \(UTC\);/);
  assert.match(text, /\r\n/);
  const records = parse(text, { delimiter: ';' }) as string[][];
  assert.equal(records.length, 2);
  const [header, row] = records as [string[], string[]];
  const cell = (name: string) => row[header.indexOf(name)];
  assert.equal(cell('Czas (Europa/Warszawa)'), '2026-03-11 00:30:00');
  assert.equal(cell('Czas (UTC)'), '2026-03-10T23:30:00.000Z');
  assert.equal(cell('Identyfikator użytkownika'), admin.userId);
  assert.equal(cell('E-mail użytkownika'), 'admin@rops.example.pl');
  assert.equal(cell('Zdarzenie'), 'user.role_change');
  assert.equal(cell('Identyfikator obiektu'), subjectB);
  assert.deepEqual(JSON.parse(cell('Zmiany (JSON)')!), { display_name: { before: 'Bartek', after: 'Bartosz Kowalski' } });

  const formula = parse((await get('/admin/dziennik.csv?action=spreadsheet.test', admin)).rawPayload.subarray(3).toString('utf8'), {
    delimiter: ';',
  }) as string[][];
  assert.equal(formula[1]![9], `'=HYPERLINK("http://evil.example")`);

  const secrets = (await get('/admin/dziennik.csv?action=user.login_failed', admin)).rawPayload.toString('utf8');
  assert.match(secrets, /nobody@example\.pl/);
  assert.doesNotMatch(secrets, /hunter2-secret|csrf-secret/);

  const en = await get('/en/admin/dziennik.csv?action=bulk.test', admin);
  const enRecords = parse(en.rawPayload.subarray(3).toString('utf8'), { delimiter: ';' }) as string[][];
  assert.equal(enRecords[0]![0], 'Time (Europe/Warsaw)');
  assert.equal(enRecords.length, 56, 'header + every matching row, beyond one page');

  const invalid = await get('/admin/dziennik.csv?to=31.12.2026', admin);
  assert.equal(invalid.statusCode, 400);
});

test('every export is recorded in the log with its filter and row count', async () => {
  const before = await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'audit.export').execute();
  const res = await get('/admin/dziennik.csv?action=bulk.test&from=2026-09-01', admin);
  assert.equal(res.statusCode, 200);
  const rows = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'audit.export').orderBy('id', 'desc').execute();
  assert.equal(rows.length, before.length + 1);
  const last = rows[0]!;
  assert.equal(last.actor_id, admin.userId);
  assert.equal(last.subject_type, 'audit_log');
  assert.equal(last.ip, '127.0.0.1');
  assert.ok(last.request_id);
  assert.deepEqual(JSON.parse(last.meta!), { filter: { action: 'bulk.test', from: '2026-09-01' }, rows: 55 });
  // and a refused export is not recorded as one
  await get('/admin/dziennik.csv', editor);
  assert.equal(
    (await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'audit.export').execute()).length,
    before.length + 1,
  );
});
