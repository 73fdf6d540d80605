// The licences module through HTTP on SQLite and PostgreSQL with a controlled clock: staff record a
// licence (the holder chosen by name; a wrong name refused, nothing saved), the public list and its
// search, the certificate (text and QR code read back), the verification page and JSON for every
// state (valid, expired a year later, withdrawn, suspended, unknown), a renewal starting exactly at
// the old expiry, the reminders 60 and 14 days before expiry sent once however often the job runs,
// the API, the audit log, and a representative refused on the staff pages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pdfToText } from '../../core/export/export.testing.js';
import { runDueJobs } from '../../core/jobs.js';
import { cookieHeader, createTestApp, csrfFrom, loginAs, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { qrTextOfPdf } from '../../testing/qr.js';
import { readSitemap } from '../../testing/sitemap.js';
import { licencesJobs } from './index.js';
import { sendExpiryReminders } from './licences.service.js';
import { makeEntity, makeOffers } from './licences.testing.js';

const clock = new ManualClock('2027-03-01T10:00:00Z');
const ENTITY = 'Spółdzielnia Socjalna Smaczna Kuchnia';
let t: TestApp;
let entityX = '';
let repEmail = '';
let ipCounter = 0;
const nextIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

before(async () => {
  t = await createTestApp({ clock });
  entityX = 'entity-smaczna';
  await makeEntity(t.ctx, { id: entityX, name: ENTITY });
  repEmail = 'przedstawiciel@smaczna.example.pl';
  await loginAs(t, [{ role: 'entity_representative', scopeType: 'entity', scopeId: entityX }], repEmail);
});
after(async () => t.close());

const staff = async () => (await loginAs(t, [{ role: 'coordinator' }])).cookie;

async function page(url: string, cookie = '', accept?: string) {
  return t.app.inject({ url, headers: { ...(cookie ? { cookie } : {}), ...(accept ? { accept } : {}) }, remoteAddress: nextIp() });
}

async function post(url: string, values: Record<string, string>, cookie: string, formUrl: string) {
  const res = await page(formUrl, cookie);
  assert.equal(res.statusCode, 200, `${formUrl}: ${res.statusCode}`);
  const body = new URLSearchParams({ _csrf: csrfFrom(res.body), ...values });
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress: nextIp(),
    headers: { cookie: cookieHeader(res, cookie), 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

const licence = (number: string) => t.ctx.db.selectFrom('licences').selectAll().where('number', '=', number).executeTakeFirstOrThrow();
const reminders = () =>
  t.ctx.db
    .selectFrom('mail_outbox')
    .select(['to_address', 'subject'])
    .where('template', '=', 'licence_expiry_reminder')
    .orderBy('id')
    .execute();
const verifyJson = async (number: string) => {
  const res = await page(`/weryfikacja/zakup-prospoleczny/${number}.json`);
  return { status: res.statusCode, body: JSON.parse(res.body) as { state: string; fields: { label: string; value: string }[] } };
};

async function grant(product: string, grantedOn: string): Promise<string> {
  const cookie = await staff();
  const res = await post(
    '/admin/zakup-prospoleczny',
    { entity: ENTITY, product, granted_on: grantedOn },
    cookie,
    '/admin/zakup-prospoleczny',
  );
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));
  const number = /\/zakup-prospoleczny\/(ZP-\d{4}-[0-9A-Z]{6})$/.exec(res.headers.location as string)?.[1];
  assert.ok(number, `redirect: ${res.headers.location}`);
  return number;
}

let first = '';

test('staff record a licence; the list, its search, the certificate and the verification say it is valid', async () => {
  const cookie = await staff();
  const refused = await post(
    '/admin/zakup-prospoleczny',
    { entity: 'Nie ma takiego podmiotu', product: 'Obiady', granted_on: '2027-03-01' },
    cookie,
    '/admin/zakup-prospoleczny',
  );
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /W rejestrze nie ma podmiotu o tej nazwie/);
  assert.equal((await t.ctx.db.selectFrom('licences').selectAll().execute()).length, 0, 'nothing saved');

  first = await grant('Obiady dla szkół i przedszkoli', '2027-03-01');
  const row = await licence(first);
  assert.equal(row.granted_on, '2027-03-01');
  assert.equal(row.expires_on, '2028-03-01');
  const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'licences.grant').execute();
  assert.equal(audit.length, 1);

  const list = await page('/zakup-prospoleczny');
  assert.equal(list.statusCode, 200);
  assert.ok(list.body.includes(first));
  assert.match(list.body, /1 ważna licencja/);
  assert.match(list.body, /co najmniej 30 % przychodów własnych/);
  assert.ok((await page('/zakup-prospoleczny?q=obiad')).body.includes(first), 'stemmed search finds the product');
  assert.ok(!(await page('/zakup-prospoleczny?q=rowery')).body.includes(first));
  assert.match((await page('/en/zakup-prospoleczny')).body, /1 valid licence/);
  assert.match((await page('/')).body, /href="\/zakup-prospoleczny"/, 'in the navigation');
  const base = t.ctx.config.publicUrl.replace(/\/$/, '');
  const inSitemap: string[] = [];
  await readSitemap(t.app, base, (u) => inSitemap.push(u.loc));
  assert.ok(inSitemap.includes(`${base}/zakup-prospoleczny`), 'in the sitemap');

  const pdf = await page(`/zakup-prospoleczny/${first}/certyfikat.pdf`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const text = pdfToText(pdf.rawPayload);
  for (const s of [first, '2027-03-01', '2028-03-01', 'Obiady dla szkół i przedszkoli', ENTITY])
    assert.ok(text.includes(s), `${s} in the PDF`);
  const url = `${t.ctx.config.publicUrl.replace(/\/$/, '')}/weryfikacja/zakup-prospoleczny/${first}`;
  assert.equal(await qrTextOfPdf(pdf.rawPayload), url);

  const html = await page(`/weryfikacja/zakup-prospoleczny/${first}`);
  assert.equal(html.statusCode, 200);
  assert.match(html.body, /Dokument jest ważny/);
  assert.equal((html.body.match(/<h1/g) ?? []).length, 1);
  assert.equal((await verifyJson(first)).body.state, 'valid');
  const negotiated = await page(`/weryfikacja/zakup-prospoleczny/${first}`, '', 'application/json');
  assert.equal(JSON.parse(negotiated.body).state, 'valid');
  assert.match((await page(`/en/weryfikacja/zakup-prospoleczny/${first}`)).body, /The document is valid/);

  // unknown numbers and kinds: 404 in both forms
  assert.equal((await page('/weryfikacja/zakup-prospoleczny/ZP-2027-AAAAAA')).statusCode, 404);
  const unknown = await verifyJson('ZP-2027-AAAAAA');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.state, 'unknown');
  assert.equal((await page(`/weryfikacja/nie-ma-takiego/${first}`)).statusCode, 404);
  assert.equal((await page('/zakup-prospoleczny/ZP-2027-AAAAAA')).statusCode, 404);
});

test('a representative may not open the staff pages', async () => {
  const rep = await loginAs(t, [{ role: 'entity_representative', scopeType: 'entity', scopeId: entityX }]);
  assert.equal((await page('/admin/zakup-prospoleczny', rep.cookie)).statusCode, 403);
  const row = await licence(first);
  assert.equal((await page(`/admin/zakup-prospoleczny/${row.id}`, rep.cookie)).statusCode, 403);
});

test('reminders go 60 and 14 days before expiry, once each however often the job runs', async () => {
  clock.set('2027-12-31T10:00:00Z'); // 61 days before 2028-03-01
  await sendExpiryReminders(t.ctx);
  assert.equal((await reminders()).length, 0);
  clock.set('2028-01-01T10:00:00Z'); // 60 days before
  await sendExpiryReminders(t.ctx);
  await sendExpiryReminders(t.ctx);
  await runDueJobs(t.ctx, licencesJobs, { force: true });
  // one e-mail to each of the entity's two representatives (the one of the previous test too)
  let sent = await reminders();
  assert.equal(sent.length, 2);
  assert.ok(sent.some((m) => m.to_address === repEmail));
  assert.ok(sent.every((m) => m.subject.includes(first) && m.subject.includes('2028-03-01')));
  clock.set('2028-02-10T10:00:00Z'); // 20 days: the 60-day one was sent, the 14-day one is not due
  await sendExpiryReminders(t.ctx);
  assert.equal((await reminders()).length, 2);
  clock.set('2028-02-16T10:00:00Z'); // 14 days before
  await sendExpiryReminders(t.ctx);
  await sendExpiryReminders(t.ctx);
  sent = await reminders();
  assert.equal(sent.length, 4);
  const rows = await t.ctx.db.selectFrom('licence_reminders').select('kind').orderBy('kind').execute();
  assert.deepEqual(
    rows.map((r) => r.kind),
    ['14', '60'],
  );
});

let renewal = '';

test('a renewal filed before expiry starts exactly at the old expiry; a second one is refused', async () => {
  clock.set('2028-02-20T10:00:00Z');
  const cookie = await staff();
  const old = await licence(first);
  const res = await post(`/admin/zakup-prospoleczny/${old.id}/odnow`, {}, cookie, `/admin/zakup-prospoleczny/${old.id}`);
  assert.equal(res.statusCode, 303);
  const renewed = await t.ctx.db.selectFrom('licences').selectAll().where('renews_id', '=', old.id).executeTakeFirstOrThrow();
  renewal = renewed.number;
  assert.equal(renewed.granted_on, '2028-03-01');
  assert.equal(renewed.expires_on, '2029-03-01');
  assert.equal(renewed.product, 'Obiady dla szkół i przedszkoli');
  assert.equal((await verifyJson(renewal)).body.state, 'not_yet_valid');
  const again = await post(`/admin/zakup-prospoleczny/${old.id}/odnow`, {}, cookie, `/admin/zakup-prospoleczny/${old.id}`);
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /Ta licencja ma już odnowienie/);
});

test('a year on the licence has expired and left the list; withdrawal and suspension show on verification and in the API', async () => {
  clock.set('2028-03-02T10:00:00Z');
  const expired = await page(`/weryfikacja/zakup-prospoleczny/${first}`);
  assert.match(expired.body, /Dokument wygasł/);
  assert.equal((await verifyJson(first)).body.state, 'expired');
  const list = await page('/zakup-prospoleczny');
  assert.ok(!list.body.includes(first), 'the expired licence left the list');
  assert.ok(list.body.includes(renewal), 'its renewal is valid from the old expiry');

  const cookie = await staff();
  const r = await licence(renewal);
  const noReason = await post(
    `/admin/zakup-prospoleczny/${r.id}/cofnij`,
    { withdrawn_on: '2028-03-02', withdraw_reason: '' },
    cookie,
    `/admin/zakup-prospoleczny/${r.id}`,
  );
  assert.equal(noReason.statusCode, 400);
  assert.equal((await licence(renewal)).withdrawn_on, null);
  const withdrawn = await post(
    `/admin/zakup-prospoleczny/${r.id}/cofnij`,
    { withdrawn_on: '2028-03-02', withdraw_reason: 'Produkt wycofany z oferty' },
    cookie,
    `/admin/zakup-prospoleczny/${r.id}`,
  );
  assert.equal(withdrawn.statusCode, 303);
  assert.match((await page(`/weryfikacja/zakup-prospoleczny/${renewal}`)).body, /Dokument został cofnięty/);
  assert.equal((await verifyJson(renewal)).body.state, 'withdrawn');
  assert.ok(!(await page('/zakup-prospoleczny')).body.includes(renewal));

  const other = await grant('Catering na spotkania', '2028-03-02');
  const o = await licence(other);
  assert.equal(
    (await post(`/admin/zakup-prospoleczny/${o.id}/zawies`, { reason: 'Kontrola jakości' }, cookie, `/admin/zakup-prospoleczny/${o.id}`))
      .statusCode,
    303,
  );
  assert.match((await page(`/weryfikacja/zakup-prospoleczny/${other}`)).body, /Dokument jest zawieszony/);
  assert.equal((await verifyJson(other)).body.state, 'suspended');

  const api = JSON.parse((await page('/api/v1/zakup-prospoleczny')).body) as {
    total: number;
    items: { number: string; state: string; renews: string | null }[];
  };
  const byNumber = new Map(api.items.map((i) => [i.number, i]));
  assert.equal(byNumber.get(first)?.state, 'expired');
  assert.equal(byNumber.get(renewal)?.state, 'withdrawn');
  assert.equal(byNumber.get(renewal)?.renews, first);
  assert.equal(byNumber.get(other)?.state, 'suspended');
  assert.ok(JSON.parse((await page('/api/openapi.json')).body).paths['/api/v1/zakup-prospoleczny'], 'in OpenAPI');
  const onlySuspended = JSON.parse((await page('/api/v1/zakup-prospoleczny?stan=suspended')).body) as { total: number };
  assert.equal(onlySuspended.total, 1);

  assert.equal(
    (await post(`/admin/zakup-prospoleczny/${o.id}/zawies`, { lift: '1' }, cookie, `/admin/zakup-prospoleczny/${o.id}`)).statusCode,
    303,
  );
  assert.equal((await verifyJson(other)).body.state, 'valid');
  const actions = (await t.ctx.db.selectFrom('audit_log').select('action').where('subject_type', '=', 'licence').execute())
    .map((a) => a.action)
    .sort();
  assert.deepEqual(actions, [
    'licences.grant',
    'licences.grant',
    'licences.renew',
    'licences.suspend',
    'licences.unsuspend',
    'licences.withdraw',
  ]);
});

test("staff link a licence to one of its holder's offers; another entity's offer is refused", async () => {
  await makeEntity(t.ctx, { id: 'entity-other', name: 'Fundacja Inna', legalForm: 'fundacja' });
  await makeOffers(
    t.ctx,
    [
      { id: 'offer-own', entityId: entityX, title: 'Obiady z dowozem' },
      { id: 'offer-other', entityId: 'entity-other', title: 'Sprzątanie biur' },
    ],
    '2028-01-01T00:00:00.000Z',
  );
  const cookie = await staff();
  const l = await licence(first);
  const form = `/admin/zakup-prospoleczny/${l.id}`;
  assert.match((await page(form, cookie)).body, /Obiady z dowozem/);
  const refused = await post(`${form}/oferta`, { offer: 'offer-other' }, cookie, form);
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Wybierz jedną z ofert tego podmiotu/);
  assert.equal((await licence(first)).offer_id, null);
  assert.equal((await post(`${form}/oferta`, { offer: 'offer-own' }, cookie, form)).statusCode, 303);
  assert.equal((await licence(first)).offer_id, 'offer-own');
  assert.match((await page(`/zakup-prospoleczny/${first}`)).body, /href="\/oferta\/offer-own"/);
});
