// The offers module through HTTP on SQLite and PostgreSQL with a controlled clock: the demo seed's
// catering offer for the whole region under powiat 0463; a representative publishing an offer
// (CPV check digit refused, area chosen by name), the facets (category, area, legal form, PS
// status, mark), another entity's representative refused, photos checked by content and resized,
// an enquiry to the entity and its representatives with a copy to the sender (honeypot, consent,
// per-address limit), its erasure after six months with the counts kept, the API, the entity
// page's section and the site search.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { runDueJobs } from '../../core/jobs.js';
import { seedDemo } from '../../bootstrap.js';
import { cookieHeader, createTestApp, csrfFrom, loginAs, sessionFor, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { multipart } from '../../testing/multipart.js';
import { offersJobs } from './index.js';
import { makeEntity, makeOffer } from './offers.testing.js';

const clock = new ManualClock('2027-03-01T10:00:00Z');
let t: TestApp;
let entityX = '';
let entityY = '';
let repX = '';
let repXEmail = '';
let repY = '';
let staff = '';
let ipCounter = 0;
const nextIp = () => `10.7.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

before(async () => {
  t = await createTestApp({ clock });
  entityX = await makeEntity(t.ctx, { name: 'Spółdzielnia Socjalna Smaczna Kuchnia', email: 'biuro@smaczna.example.pl', gmina: '0463011' });
  entityY = await makeEntity(t.ctx, { name: 'Fundacja Zielony Ogród', legalForm: 'fundacja', email: null });
  repXEmail = 'przedstawiciel@smaczna.example.pl';
  repX = (await loginAs(t, [{ role: 'entity_representative', scopeType: 'entity', scopeId: entityX }], repXEmail)).userId;
  repY = (await loginAs(t, [{ role: 'entity_representative', scopeType: 'entity', scopeId: entityY }])).userId;
  staff = (await loginAs(t, [{ role: 'coordinator' }])).userId;
});
after(async () => t.close());

async function page(url: string, cookie = '') {
  return t.app.inject({ url, headers: cookie ? { cookie } : {}, remoteAddress: nextIp() });
}

/** Posts a form (repeated fields as lists) with the CSRF token of the page `formUrl`. */
async function post(url: string, values: Record<string, string | string[]>, cookie = '', formUrl = url, ip = nextIp()) {
  const res = await t.app.inject({ url: formUrl, headers: cookie ? { cookie } : {}, remoteAddress: ip });
  assert.equal(res.statusCode, 200, `${formUrl}: ${res.statusCode}`);
  const body = new URLSearchParams({ _csrf: csrfFrom(res.body) });
  for (const [k, v] of Object.entries(values)) for (const x of typeof v === 'string' ? [v] : v) body.append(k, x);
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress: ip,
    headers: { cookie: cookieHeader(res, cookie), 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

const offerForm = (extra: Record<string, string | string[]> = {}) => ({
  title: 'Obiady dla szkół i przedszkoli',
  kind: 'service',
  subcategory: 'catering-posilki',
  cpv: '55520000-1',
  description: 'Codzienne **obiady** z dowozem dla placówek oświatowych, do 300 porcji dziennie.',
  price_kind: 'text',
  price_text: 'od 14 zł za obiad',
  area_scope: 'units',
  powiat: ['0463'],
  gmina: ['0415011'],
  reserved: '1',
  published: '1',
  ...extra,
});

const offersOf = (entityId: string) =>
  t.ctx.db.selectFrom('offers').selectAll().where('entity_id', '=', entityId).orderBy('created_at').execute();
const mails = (template: string) =>
  t.ctx.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('template', '=', template as never)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

test('the demo seed: /oferta?kategoria=catering&powiat=0463 lists a demo offer for the whole region, labelled as an example', async () => {
  await seedDemo(t.ctx);
  const res = await page('/oferta?kategoria=catering&powiat=0463');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Catering na spotkania i szkolenia \(przykład\)/);
  assert.match(res.body, /całe województwo kujawsko-pomorskie/);
  assert.match(res.body, /przykład — dane demonstracyjne/);
  // the same offer under a powiat far from its entity's seat, and not under another category
  assert.match((await page('/oferta?kategoria=catering&powiat=0419')).body, /Catering na spotkania i szkolenia/);
  assert.doesNotMatch((await page('/oferta?kategoria=transport&powiat=0463')).body, /Catering na spotkania i szkolenia/);
  // an offer for chosen powiaty only is not listed elsewhere
  assert.match((await page('/oferta?kategoria=catering&powiat=0463')).body, /Przerwy kawowe i poczęstunek/);
  assert.doesNotMatch((await page('/oferta?kategoria=catering&powiat=0419')).body, /Przerwy kawowe i poczęstunek/);
  const api = JSON.parse((await page('/api/v1/oferta?kategoria=catering&powiat=0463')).body);
  const demo = api.items.find((i: { title: string }) => i.title.startsWith('Catering na spotkania'));
  assert.equal(demo.is_example, true);
  assert.equal(demo.area.whole_region, true);
  assert.equal(api.licence.id !== undefined || api.licence.name !== undefined, true);
  // the territorial profiles count the offers covering the unit, region-wide ones included
  assert.match((await page('/terytorium/0463')).body, /9 ofert obejmuje ten obszar/);
  assert.match((await page('/terytorium/0419')).body, /2 oferty obejmują ten obszar/);
  assert.match((await page('/en/terytorium/0419')).body, /2 offers cover this area/);
  // the API is described in the OpenAPI document
  assert.ok(JSON.parse((await page('/api/openapi.json')).body).paths['/api/v1/oferta']);
  // a second seed adds nothing
  const before = await t.ctx.db.selectFrom('offers').select('id').where('is_example', '=', true).execute();
  assert.equal(before.length, 9);
  await seedDemo(t.ctx);
  assert.equal((await t.ctx.db.selectFrom('offers').select('id').where('is_example', '=', true).execute()).length, before.length);
});

test('a representative publishes an offer; a wrong CPV check digit or no area is refused and nothing is stored', async () => {
  const cookie = await sessionFor(t, repX);
  const formUrl = `/oferta/podmiot/${entityX}/nowa`;
  const bad = await post(formUrl, offerForm({ cpv: '55520000-2, 1234', area_scope: 'units', powiat: [], gmina: [] }), cookie);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /data-error-summary/);
  assert.match(bad.body, /błędną cyfrę kontrolną/);
  assert.match(bad.body, /nie jest kodem CPV/);
  assert.match(bad.body, /Wybierz co najmniej jeden powiat albo gminę/);
  assert.equal((await offersOf(entityX)).length, 0);

  const ok = await post(formUrl, offerForm(), cookie);
  assert.equal(ok.statusCode, 303);
  const [offer] = await offersOf(entityX);
  assert.ok(offer);
  assert.equal(offer.is_published, true);
  assert.equal(offer.category, 'catering');
  assert.deepEqual(JSON.parse(offer.cpv_codes), ['55520000-1']);
  const areas = await t.ctx.db.selectFrom('offer_areas').selectAll().where('offer_id', '=', offer.id).orderBy('teryt').execute();
  assert.deepEqual(
    areas.map((a) => [a.teryt, a.powiat_teryt]),
    [
      ['0415011', '0415'],
      ['0463', '0463'],
    ],
  );
  const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', offer.id).execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['offers.create'],
  );

  // the public page: Markdown rendered, entity, contact, badges
  const view = await page(`/oferta/${offer.id}`);
  assert.equal(view.statusCode, 200);
  assert.match(view.body, /<strong>obiady<\/strong>/);
  assert.match(view.body, /Spółdzielnia Socjalna Smaczna Kuchnia/);
  assert.match(view.body, /biuro@smaczna\.example\.pl/);
  assert.match(view.body, /zamówienia zastrzeżone/);
  assert.match(view.body, /od 14 zł za obiad/);
});

test('area facets: a chosen powiat, a gmina of a chosen powiat, a chosen gmina and its powiat; text search with Polish stemming', async () => {
  const title = /Obiady dla szkół i przedszkoli/;
  assert.match((await page('/oferta?powiat=0463')).body, title);
  assert.match((await page('/oferta?gmina=0463011')).body, title);
  assert.match((await page('/oferta?powiat=0415')).body, title, 'a gmina of the powiat is served');
  assert.match((await page('/oferta?gmina=0415011')).body, title);
  assert.doesNotMatch((await page('/oferta?powiat=0419')).body, title);
  // inflected and without diacritics
  assert.match((await page('/oferta?q=obiadow+szkola')).body, title);
  assert.match((await page('/oferta?q=przedszkolach')).body, title);
  assert.doesNotMatch((await page('/oferta?q=autobus')).body, title);
});

test('entity facets: legal form, PS status held now and a valid mark', async () => {
  const title = /Obiady dla szkół i przedszkoli/;
  const coops = (await page('/oferta?forma=spoldzielnia_socjalna&status_ps=1&znak=1')).body;
  assert.match(
    coops,
    /<div class="facet-layout__filters">.*<summary>Filtry \(3 wybrane\)<\/summary>.*<div class="facet-layout__results"><h2 id="results">/s,
  );
  assert.match((await page('/en/oferta')).body, /<summary>Filters<\/summary>/);
  assert.match((await page('/oferta?forma=spoldzielnia_socjalna')).body, title);
  assert.doesNotMatch((await page('/oferta?forma=fundacja')).body, title);
  assert.doesNotMatch((await page('/oferta?status_ps=1')).body, title);
  assert.doesNotMatch((await page('/oferta?znak=1')).body, title);
  await t.ctx.db
    .insertInto('entity_ps_status')
    .values({
      id: 'ps-x',
      entity_id: entityX,
      kind: 'granted',
      ps_type: null,
      decision_number: 'WPS.1.2026',
      decision_date: '2026-05-01',
      loss_reason: null,
    })
    .execute();
  await t.ctx.db
    .insertInto('entity_marks')
    .values({
      id: 'mark-x',
      entity_id: entityX,
      mark: 'zakup_prospoleczny',
      subject: null,
      granted_on: '2026-09-01',
      expires_on: '2027-09-01',
      is_expiry_derived: true,
      source_url: null,
    })
    .execute();
  assert.match((await page('/oferta?status_ps=1')).body, title);
  const marked = await page('/oferta?znak=1&kategoria=catering-posilki');
  assert.match(marked.body, title);
  assert.match(marked.body, /znak „Zakup Prospołeczny”/);
});

test('a representative of Y is refused (403) on X’s offers; staff may manage them', async () => {
  const [offer] = await offersOf(entityX);
  const cookieY = await sessionFor(t, repY);
  for (const url of [
    `/oferta/podmiot/${entityX}`,
    `/oferta/podmiot/${entityX}/nowa`,
    `/oferta/${offer!.id}/edycja`,
    `/oferta/${offer!.id}/zdjecia`,
  ]) {
    assert.equal((await page(url, cookieY)).statusCode, 403, url);
  }
  const post403 = await t.app.inject({
    method: 'POST',
    url: `/oferta/${offer!.id}/edycja`,
    headers: { cookie: cookieY, 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'title=przejete',
  });
  assert.equal(post403.statusCode, 403);
  assert.equal((await offersOf(entityX))[0]!.title, 'Obiady dla szkół i przedszkoli');
  const cookieStaff = await sessionFor(t, staff);
  assert.equal((await page(`/oferta/${offer!.id}/edycja`, cookieStaff)).statusCode, 200);
  assert.equal((await page(`/oferta/podmiot/${entityX}`, await sessionFor(t, repX))).statusCode, 200);
  assert.equal((await page(`/oferta/podmiot/${entityX}`)).statusCode, 302, 'anonymous: to the login page');
});

test('photos: checked by content, at most 5 MB, alternative text required, resized to WebP without metadata', async () => {
  const [offer] = await offersOf(entityX);
  const url = `/oferta/${offer!.id}/zdjecia`;
  const cookie = await sessionFor(t, repX);
  const upload = async (fields: Record<string, string>, file?: { filename: string; data: Buffer }) => {
    const res = await t.app.inject({ url, headers: { cookie } });
    const body = multipart({ _csrf: csrfFrom(res.body), ...fields }, file ? { photo: file } : {});
    return t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: cookieHeader(res, cookie), 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const png = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .png()
    .withMetadata({ exif: { IFD0: { Copyright: 'gps-here' } } })
    .toBuffer();
  const noAlt = await upload({ alt: '' }, { filename: 'obiad.png', data: png });
  assert.equal(noAlt.statusCode, 400);
  assert.match(noAlt.body, /Tekst alternatywny/);
  const notImage = await upload({ alt: 'Talerz zupy' }, { filename: 'obiad.png', data: Buffer.from('%PDF-1.4 not an image') });
  assert.equal(notImage.statusCode, 400);
  assert.match(notImage.body, /nie jest zdjęciem JPEG, PNG ani WebP/);
  const tooBig = await upload({ alt: 'Talerz zupy' }, { filename: 'duze.png', data: Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]) });
  assert.equal(tooBig.statusCode, 400);
  assert.match(tooBig.body, /większe niż 5 MB/);
  assert.equal((await t.ctx.db.selectFrom('offer_photos').select('id').execute()).length, 0);

  const ok = await upload({ alt: 'Talerz zupy pomidorowej' }, { filename: 'obiad.png', data: png });
  assert.equal(ok.statusCode, 303);
  const [photo] = await t.ctx.db.selectFrom('offer_photos').selectAll().execute();
  assert.ok(photo);
  assert.equal(photo.content_type, 'image/webp');
  assert.equal(photo.width, 1600);
  assert.equal(photo.height, 1067);
  const meta = await sharp(photo.data).metadata();
  assert.equal(meta.format, 'webp');
  assert.equal(meta.exif, undefined);
  const served = await page(`/oferta/zdjecie/${photo.id}`);
  assert.equal(served.statusCode, 200);
  assert.equal(served.headers['content-type'], 'image/webp');
  assert.match((await page(`/oferta/${offer!.id}`)).body, /alt="Talerz zupy pomidorowej"/);

  // six photos at most: the seventh is refused on the form, nothing stored
  const small = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 1, g: 2, b: 3 } } })
    .jpeg()
    .toBuffer();
  for (let i = 2; i <= 6; i++)
    assert.equal((await upload({ alt: `Zdjęcie numer ${i}` }, { filename: `z${i}.jpg`, data: small })).statusCode, 303);
  const seventh = await upload({ alt: 'Zdjęcie numer 7' }, { filename: 'z7.jpg', data: small });
  assert.equal(seventh.statusCode, 409);
  assert.match(seventh.body, /limit: 6/);
  assert.equal((await t.ctx.db.selectFrom('offer_photos').select('id').execute()).length, 6);
  // a small photo is not enlarged
  const smallest = await t.ctx.db
    .selectFrom('offer_photos')
    .select(['width', 'height'])
    .where('alt', '=', 'Zdjęcie numer 2')
    .executeTakeFirstOrThrow();
  assert.deepEqual([smallest.width, smallest.height], [40, 30]);
});

test('an enquiry goes to the entity and its representative with a copy to the sender; honeypot, consent and the per-address limit', async () => {
  const [offer] = await offersOf(entityX);
  const url = `/oferta/${offer!.id}/zapytanie`;
  const enquiry = (extra: Record<string, string> = {}) => ({
    name: 'Jan Kowalski',
    institution: 'Urząd Gminy Przykładowo',
    email: 'zamowienia@gmina.example.pl',
    phone: '+48 56 123 45 67',
    message: 'Prosimy o ofertę na 120 obiadów dziennie od września.',
    consent: '1',
    ...extra,
  });
  const noCsrf = await t.app.inject({
    method: 'POST',
    url,
    remoteAddress: nextIp(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(enquiry()).toString(),
  });
  assert.equal(noCsrf.statusCode, 403, 'no CSRF token, no enquiry');
  const noConsent = await post(url, enquiry({ consent: '' }));
  assert.equal(noConsent.statusCode, 400);
  assert.match(noConsent.body, /Bez zgody nie możemy przekazać zapytania/);
  const bot = await post(url, enquiry({ website: 'http://spam.example' }));
  assert.equal(bot.statusCode, 303);
  assert.equal((await mails('offer_enquiry')).length, 0);
  assert.equal((await t.ctx.db.selectFrom('offer_enquiries').select('id').execute()).length, 0);

  const sent = await post(url, enquiry());
  assert.equal(sent.statusCode, 303);
  assert.equal(sent.headers.location, `/oferta/${offer!.id}/zapytanie/wyslano`);
  const toEntity = await mails('offer_enquiry');
  assert.deepEqual(toEntity.map((m) => m.to_address).sort(), ['biuro@smaczna.example.pl', repXEmail]);
  assert.match(toEntity[0]!.text_body, /120 obiadów dziennie/);
  assert.match(toEntity[0]!.text_body, /zamowienia@gmina\.example\.pl/);
  const copies = await mails('offer_enquiry_copy');
  assert.deepEqual(
    copies.map((m) => m.to_address),
    ['zamowienia@gmina.example.pl'],
  );
  assert.doesNotMatch(copies[0]!.text_body, /120 obiadów/, 'the copy does not carry the typed text');

  // four more from the same address pass, the sixth in the hour is refused
  for (let i = 0; i < 4; i++) assert.equal((await post(url, enquiry())).statusCode, 303);
  const limited = await post(url, enquiry());
  assert.equal(limited.statusCode, 429);
  assert.equal((await t.ctx.db.selectFrom('offer_enquiries').select('id').execute()).length, 5);
});

test('an entity with neither an e-mail nor representatives cannot be asked', async () => {
  const lonely = await makeEntity(t.ctx, { name: 'Fundacja Bez Adresu', email: null, legalForm: 'fundacja' });
  const offerId = await makeOffer(t.ctx, lonely, { title: 'Warsztaty ceramiczne' });
  assert.doesNotMatch((await page(`/oferta/${offerId}`)).body, /zapytanie"/);
  assert.equal((await page(`/oferta/${offerId}/zapytanie`)).statusCode, 409);
});

test('staff see enquiry counts per entity, category and year, never the texts; a representative is refused', async () => {
  const res = await page('/admin/oferta', await sessionFor(t, staff));
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Spółdzielnia Socjalna Smaczna Kuchnia/);
  assert.match(res.body, /<td class="num">5<\/td>/);
  assert.doesNotMatch(res.body, /120 obiadów/);
  assert.doesNotMatch(res.body, /Jan Kowalski/);
  assert.equal((await page('/admin/oferta', await sessionFor(t, repX))).statusCode, 403);
});

test('six months later the job erases the enquiries’ personal data and texts here and in the outbox; the counts stay', async () => {
  clock.advance(100 * 24 * 3600_000);
  await runDueJobs(t.ctx, offersJobs);
  assert.equal(
    (await t.ctx.db.selectFrom('offer_enquiries').select('id').where('erased_at', 'is not', null).execute()).length,
    0,
    'not yet',
  );
  clock.advance(90 * 24 * 3600_000);
  await runDueJobs(t.ctx, offersJobs);
  const rows = await t.ctx.db.selectFrom('offer_enquiries').selectAll().execute();
  assert.equal(rows.length, 5);
  for (const r of rows) {
    assert.ok(r.erased_at);
    assert.equal(r.message, null);
    assert.equal(r.name, null);
    assert.equal(r.email_norm, null);
    assert.equal(r.phone, null);
  }
  for (const m of [...(await mails('offer_enquiry')), ...(await mails('offer_enquiry_copy'))])
    assert.doesNotMatch(m.text_body, /obiadów|Kowalski/);
  const res = await page('/admin/oferta', await sessionFor(t, staff));
  assert.match(res.body, /<td class="num">5<\/td>/);
});

test('the entity page lists its offers; the site search and the API find them; a draft is nowhere public', async () => {
  const [offer] = await offersOf(entityX);
  const entityPage = await page(`/podmioty/${entityX}`);
  assert.ok([200, 301, 308].includes(entityPage.statusCode));
  const entityHtml = entityPage.statusCode === 200 ? entityPage.body : (await page(entityPage.headers.location as string)).body;
  assert.match(entityHtml, /Oferta podmiotu/);
  assert.match(entityHtml, new RegExp(`/oferta/${offer!.id}`));
  const search = await page('/szukaj?q=obiady');
  assert.match(search.body, /Oferta podmiotów/);
  assert.match(search.body, /Obiady dla szkół i przedszkoli/);

  const draft = await makeOffer(t.ctx, entityX, { title: 'Szkic oferty tajnej', published: false });
  assert.equal((await page(`/oferta/${draft}`)).statusCode, 404);
  assert.doesNotMatch((await page('/oferta')).body, /Szkic oferty tajnej/);
  const api = JSON.parse((await page('/api/v1/oferta?q=tajnej')).body);
  assert.equal(api.total, 0);
  const own = await page(`/oferta/podmiot/${entityX}`, await sessionFor(t, repX));
  assert.match(own.body, /Szkic oferty tajnej/);
  // its representative previews the draft, marked as such and without the enquiry link; Y's representative cannot
  const preview = await page(`/oferta/${draft}`, await sessionFor(t, repX));
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /To szkic oferty/);
  assert.doesNotMatch(preview.body, /zapytanie"/);
  assert.equal((await page(`/oferta/${draft}`, await sessionFor(t, repY))).statusCode, 404);
  assert.equal((await page(`/oferta/${draft}/zapytanie`, await sessionFor(t, repX))).statusCode, 404);
});

test('editing and deleting an offer: audited, gone from the catalogue, its counts kept', async () => {
  const [offer] = await offersOf(entityX);
  const cookie = await sessionFor(t, repX);
  const edited = await post(
    `/oferta/${offer!.id}/edycja`,
    offerForm({ title: 'Obiady szkolne', area_scope: 'region', powiat: [], gmina: [] }),
    cookie,
  );
  assert.equal(edited.statusCode, 303);
  assert.match((await page('/oferta?powiat=0419')).body, /Obiady szkolne/);
  const removed = await post(`/oferta/${offer!.id}/usun`, {}, cookie, `/oferta/${offer!.id}/edycja`);
  assert.equal(removed.statusCode, 303);
  assert.equal((await page(`/oferta/${offer!.id}`)).statusCode, 404);
  // the clock stood still while the offer was created and its photos added: compare the actions as a set of counts
  const actions = await t.ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', offer!.id).execute();
  assert.deepEqual(
    actions.map((a) => a.action).sort(),
    ['offers.create', 'offers.delete', ...Array<string>(6).fill('offers.photo_add'), 'offers.update'].sort(),
  );
  assert.equal((await t.ctx.db.selectFrom('offer_enquiries').select('id').execute()).length, 5);
});
