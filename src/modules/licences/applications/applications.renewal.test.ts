// Renewal through an application, on SQLite and PostgreSQL with a controlled clock: when the
// Kapituła grants an offer whose licence is valid on the meeting's day, the new licence starts
// exactly at that licence's expiry and renews it (as a staff renewal does; an offer already renewed
// by staff continues from its renewal); an offer whose licence has expired gets a new licence from
// the meeting's day, not linked. Dates and links are checked on the licence pages and in the API;
// the expiry reminders skip the renewed licences while a licence not renewed still gets them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cookieHeader, createTestApp, csrfFrom, loginAs, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { sendExpiryReminders } from '../licences.service.js';
import { makeApplication, makeBoard, makeEntity, makeLicence, makeOffers } from '../licences.testing.js';

const clock = new ManualClock('2028-02-20T10:00:00Z');
const X = { id: '0190a0b0-0000-7000-8000-0000000000c1', name: 'Spółdzielnia Socjalna Odnowa' };
let t: TestApp;
let chair = '';
let ipCounter = 0;
const nextIp = () => `10.12.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

before(async () => {
  t = await createTestApp({ clock });
  await makeEntity(t.ctx, X);
  await makeOffers(t.ctx, [
    { id: 'offer-valid', entityId: X.id, title: 'Obiady dla szkół' },
    { id: 'offer-expired', entityId: X.id, title: 'Catering na konferencje' },
    { id: 'offer-renewed', entityId: X.id, title: 'Pieczywo' },
    { id: 'offer-other', entityId: X.id, title: 'Przetwory' },
  ]);
  await makeLicence(t.ctx, X.id, { id: 'lic-valid', number: 'ZP-2027-VALID1', offerId: 'offer-valid', grantedOn: '2027-03-18' });
  await makeLicence(t.ctx, X.id, { id: 'lic-expired', number: 'ZP-2026-EXPIR1', offerId: 'offer-expired', grantedOn: '2026-01-10' });
  // an offer whose valid licence staff have already renewed from its expiry
  await makeLicence(t.ctx, X.id, { id: 'lic-first', number: 'ZP-2027-FIRST1', offerId: 'offer-renewed', grantedOn: '2027-03-18' });
  await makeLicence(t.ctx, X.id, {
    id: 'lic-second',
    number: 'ZP-2028-SECND1',
    offerId: 'offer-renewed',
    grantedOn: '2028-03-18',
    renewsId: 'lic-first',
  });
  // a valid licence of an offer not in the application: its reminders still go
  await makeLicence(t.ctx, X.id, { id: 'lic-other', number: 'ZP-2027-OTHER1', offerId: 'offer-other', grantedOn: '2027-03-18' });
  await loginAs(t, [{ role: 'entity_representative', scopeType: 'entity', scopeId: X.id }], 'rep@odnowa.example.pl');
  const c = await loginAs(t, []);
  chair = c.cookie;
  await makeBoard(t.ctx, [c.userId]);
  await makeApplication(t.ctx, X.id, {
    id: 'app-renewal',
    status: 'in_assessment',
    offerIds: ['offer-valid', 'offer-expired', 'offer-renewed'],
  });
});
after(async () => t.close());

async function page(url: string, cookie = '') {
  return t.app.inject({ url, headers: cookie ? { cookie } : {}, remoteAddress: nextIp() });
}

async function post(url: string, values: Record<string, string>, cookie: string, formUrl: string) {
  const res = await page(formUrl, cookie);
  assert.equal(res.statusCode, 200, `${formUrl}: ${res.statusCode}`);
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress: nextIp(),
    headers: { cookie: cookieHeader(res, cookie), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfFrom(res.body), ...values }).toString(),
  });
}

const licenceOf = (offerId: string, applicationId: string) =>
  t.ctx.db
    .selectFrom('licences')
    .selectAll()
    .where('offer_id', '=', offerId)
    .where('application_id', '=', applicationId)
    .executeTakeFirstOrThrow();
const reminded = async (licenceId: string) =>
  (await t.ctx.db.selectFrom('licence_reminders').select('kind').where('licence_id', '=', licenceId).execute()).map((r) => r.kind).sort();
/** The `dt`–`dd` pairs of a licence page's facts, tags stripped. */
function facts(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<dt>([\s\S]*?)<\/dt>\s*<dd>([\s\S]*?)<\/dd>/g))
    out[m[1]!.replace(/<[^>]+>/g, '').trim()] = m[2]!.replace(/<[^>]+>/g, '').trim();
  return out;
}

test('granted for an offer with a valid licence, the new one starts at its expiry and renews it; an expired one → the meeting day', async () => {
  const path = '/zakup-prospoleczny/kapitula/app-renewal';
  const res = await post(`${path}/decyzja`, { decision: 'granted', meeting_on: '2028-02-15' }, chair, path);
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));

  const renewal = await licenceOf('offer-valid', 'app-renewal');
  assert.deepEqual([renewal.granted_on, renewal.expires_on, renewal.renews_id], ['2028-03-18', '2029-03-18', 'lic-valid']);
  const fresh = await licenceOf('offer-expired', 'app-renewal');
  assert.deepEqual([fresh.granted_on, fresh.expires_on, fresh.renews_id], ['2028-02-15', '2029-02-15', null]);
  const chained = await licenceOf('offer-renewed', 'app-renewal');
  assert.deepEqual([chained.granted_on, chained.expires_on, chained.renews_id], ['2029-03-18', '2030-03-18', 'lic-second']);

  // the licence pages: dates and the link both ways
  const newPage = await page(`/zakup-prospoleczny/${renewal.number}`);
  assert.equal(newPage.statusCode, 200);
  const f = facts(newPage.body);
  assert.equal(f['Data przyznania'], '2028-03-18');
  assert.equal(f['Ważna do'], '2029-03-18');
  assert.equal(f['Odnawia licencję'], 'ZP-2027-VALID1');
  assert.match(newPage.body, /href="\/zakup-prospoleczny\/ZP-2027-VALID1"/);
  const oldPage = facts((await page('/zakup-prospoleczny/ZP-2027-VALID1')).body);
  assert.equal(oldPage['Odnowiona licencją'], renewal.number);
  const freshPage = facts((await page(`/zakup-prospoleczny/${fresh.number}`)).body);
  assert.equal(freshPage['Data przyznania'], '2028-02-15');
  assert.equal(freshPage['Odnawia licencję'], undefined);
  const en = facts((await page(`/en/zakup-prospoleczny/${renewal.number}`)).body);
  assert.equal(en['Grant date'], '2028-03-18');
  assert.equal(en['Renews licence'], 'ZP-2027-VALID1');

  // the API: dates, state today and the renewal link
  const api = (await page('/api/v1/zakup-prospoleczny')).json() as {
    items: { number: string; state: string; granted_on: string; expires_on: string; renews: string | null }[];
  };
  const item = (n: string) => api.items.find((i) => i.number === n);
  assert.deepEqual(item(renewal.number), {
    ...item(renewal.number),
    state: 'not_yet_valid',
    granted_on: '2028-03-18',
    expires_on: '2029-03-18',
    renews: 'ZP-2027-VALID1',
  });
  assert.deepEqual(item(fresh.number), { ...item(fresh.number), state: 'valid', granted_on: '2028-02-15', renews: null });
  assert.equal(item(chained.number)?.renews, 'ZP-2028-SECND1');
});

test('no expiry reminder for a licence renewed through the application; one not renewed still gets them', async () => {
  // 2028-02-20: 27 days before 2028-03-18, the 60-day reminder is due for every licence expiring then
  await sendExpiryReminders(t.ctx);
  clock.set('2028-03-05T10:00:00Z'); // 13 days before: the 14-day one
  await sendExpiryReminders(t.ctx);
  assert.deepEqual(await reminded('lic-other'), ['14', '60']);
  assert.deepEqual(await reminded('lic-valid'), [], 'renewed through the application');
  assert.deepEqual(await reminded('lic-first'), [], 'renewed by staff');
  const sent = await t.ctx.db.selectFrom('mail_outbox').select('subject').where('template', '=', 'licence_expiry_reminder').execute();
  assert.equal(sent.length, 2);
  assert.ok(sent.every((m) => m.subject.includes('ZP-2027-OTHER1')));
});
