// Certificates of participation through HTTP on SQLite and PostgreSQL: a no-show gets none (404); an
// attendee's tagged PDF holds the name, the event, its date, the number and the verification
// address; the verification page and its JSON answer "valid" for that number and "unknown" (404)
// for any other; the number stays the same on the next download.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { pdfToText } from '../../core/export/export.testing.js';
import { cookieHeader, createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { applyCheckins } from './checkin.service.js';
import { makeEvent, registerPerson } from './events.testing.js';

const clock = new ManualClock('2027-03-01T10:00:00Z');
let t: TestApp;
let attendee = '';
let noShow = '';

before(async () => {
  t = await createTestApp({ clock });
  const ev = await makeEvent(t.ctx, { title: 'Forum z zaświadczeniami', startsAt: '2027-03-10T10:00', capacities: [10] });
  attendee = (await registerPerson(t.ctx, ev.id, 'obecna@example.pl', ev.sessionIds))!;
  noShow = (await registerPerson(t.ctx, ev.id, 'nieobecny@example.pl', ev.sessionIds))!;
  const code = await t.ctx.db
    .selectFrom('event_registrations')
    .select('short_code')
    .where('email', '=', 'obecna@example.pl')
    .executeTakeFirstOrThrow();
  clock.set('2027-03-10T09:30:00Z');
  await applyCheckins(t.ctx, ev.id, [{ id: randomUUID(), code: code.short_code }], null);
});
after(async () => t.close());

const get = (url: string) => t.app.inject({ url });

test('a no-show gets no certificate; an attendee gets a PDF with the name, event, date and number', async () => {
  assert.equal((await get(`/wydarzenia/rejestracja/${noShow}/zaswiadczenie.pdf`)).statusCode, 404);
  assert.ok(!(await get(`/wydarzenia/rejestracja/${noShow}`)).body.includes('zaswiadczenie.pdf'));
  assert.ok((await get(`/wydarzenia/rejestracja/${attendee}`)).body.includes('zaswiadczenie.pdf'));
  const res = await get(`/wydarzenia/rejestracja/${attendee}/zaswiadczenie.pdf`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  // lines wrap in the PDF: compare with single spaces
  const text = pdfToText(res.rawPayload).replace(/\s+/g, ' ');
  for (const s of ['Osoba obecna', 'Forum z zaświadczeniami', '10 marca 2027', '/weryfikacja/udzial-w-wydarzeniu/'])
    assert.ok(text.includes(s), s);
  const number = /\b(UW-\d{4}-[A-Z0-9]{6})\b/.exec(text)?.[1];
  assert.ok(number);
  const again = pdfToText((await get(`/wydarzenia/rejestracja/${attendee}/zaswiadczenie.pdf`)).rawPayload);
  assert.ok(again.includes(number), 'the same number on the next download');

  const page = await get(`/weryfikacja/udzial-w-wydarzeniu/${number}`);
  assert.equal(page.statusCode, 200);
  assert.ok(
    page.body.includes('Dokument jest ważny') && page.body.includes('Osoba obecna') && page.body.includes('Forum z zaświadczeniami'),
  );
  assert.ok(!page.body.includes('obecna@example.pl'));
  const json = await get(`/weryfikacja/udzial-w-wydarzeniu/${number.toLowerCase()}.json`);
  assert.equal(json.statusCode, 200);
  assert.equal((json.json() as { state: string }).state, 'valid');
  const en = await get(`/en/weryfikacja/udzial-w-wydarzeniu/${number}`);
  assert.ok(en.body.includes('The document is valid'));
});

test('an unknown link: an error page that keeps no copy and sends no referrer', async () => {
  for (const url of [
    '/wydarzenia/rejestracja/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
    '/wydarzenia/potwierdzenie/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
  ]) {
    const res = await get(url);
    assert.equal(res.statusCode, 400, url);
    assert.equal(res.headers['cache-control'], 'no-store', url);
    assert.equal(res.headers['referrer-policy'], 'no-referrer', url);
  }
});

test('an unknown number or kind is a 404 "unknown"', async () => {
  assert.equal((await get('/weryfikacja/udzial-w-wydarzeniu/UW-2027-AAAAAA')).statusCode, 404);
  assert.equal((await get('/weryfikacja/licencja/UW-2027-AAAAAA')).statusCode, 404);
  const json = await get('/weryfikacja/udzial-w-wydarzeniu/UW-2027-AAAAAA.json');
  assert.equal(json.statusCode, 404);
  assert.equal((json.json() as { state: string }).state, 'unknown');
  assert.equal((await get('/weryfikacja/udzial-w-wydarzeniu/x.json')).statusCode, 404);
});

test('staff correct attendance with a logged reason: without one nothing changes; removed, the certificate reads "withdrawn"', async () => {
  const { cookie } = await loginAs(t, [{ role: 'coordinator' }]);
  const ev = await t.ctx.db.selectFrom('events').select('id').where('title', '=', 'Forum z zaświadczeniami').executeTakeFirstOrThrow();
  const r = await t.ctx.db.selectFrom('event_registrations').selectAll().where('email', '=', 'obecna@example.pl').executeTakeFirstOrThrow();
  const page = await t.app.inject({ url: `/admin/wydarzenia/${ev.id}/obecnosc`, headers: { cookie } });
  const post = (values: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: `/admin/wydarzenia/${ev.id}/obecnosc/korekta`,
      headers: { cookie: cookieHeader(page, cookie), 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrfFrom(page.body), ...values }),
    });
  const refused = await post({ code: r.short_code, present: '0', reason: '' });
  assert.equal(refused.statusCode, 400);
  assert.ok(await t.ctx.db.selectFrom('event_checkins').select('id').where('registration_id', '=', r.id).executeTakeFirst());
  const done = await post({ code: r.short_code, present: '0', reason: 'Zaznaczona omyłkowo zamiast innej osoby.' });
  assert.equal(done.statusCode, 200);
  assert.ok(done.body.includes('zaświadczenie tej osoby jest unieważnione'));
  const verification = await get(`/weryfikacja/udzial-w-wydarzeniu/${r.certificate_number}`);
  assert.ok(verification.body.includes('Dokument został cofnięty'));
  assert.equal((await get(`/wydarzenia/rejestracja/${attendee}/zaswiadczenie.pdf`)).statusCode, 404);
  const audit = await t.ctx.db.selectFrom('audit_log').select('meta').where('action', '=', 'event.attendance.correct').execute();
  assert.equal(audit.length, 1);
  assert.match(String(audit[0]!.meta), /omyłkowo/);
});
