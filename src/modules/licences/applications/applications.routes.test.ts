// "Zakup Prospołeczny" applications through HTTP on SQLite and PostgreSQL with a controlled clock:
// the public page states the rules edition in force (the seeded one: thresholds from its sources,
// its first day unknown), staff add an edition (bad input refused, nothing saved; audited) that
// applies from its day; a representative saves a draft whose figures miss criteria (the form names
// them, submission is refused), attaches PDFs checked by content, and submits (the edition in force
// recorded); a representative of another entity is refused everywhere; staff send it back for
// completion (one e-mail to the representative who filed it, in their language, else to the
// application's contact, with the application's link) and then pass it; only current Kapituła
// members assess, one who declared a conflict cannot, only the chair decides and not after declaring
// a conflict (per role, nothing changes); a failure in the second grant of a decision leaves the
// application undecided and no licence; the grant creates a licence per offer, e-mails the applicant and
// shows on the registry's facet, badge and valid-marks figure until its expiry removes it; the
// agreement is read back from DOCX and PDF; a refusal is e-mailed with its justification; /dane
// lists the licences, whose API carries the licence and `last_changed`; the indicator formula counts
// licences granted in a year, unknown before the first grant recorded here.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pdfToText } from '../../../core/export/export.testing.js';
import { countValidMarksByGmina, entityPath } from '../../registry/index.js';
import { cookieHeader, createTestApp, csrfFrom, loginAs, sessionFor, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { multipart, type FilePart } from '../../../testing/multipart.js';
import { countValidLicences } from '../index.js';
import { licencesGrantedFormula } from '../licences.formulas.js';
import { makeApplication, makeBoard, makeEntity, makeOffers } from '../licences.testing.js';
import { suspendLicence } from '../licences.service.js';
import { SEEDED_EDITION_ID } from '../migrations/202702090010_licence_applications.js';

const clock = new ManualClock('2027-03-01T10:00:00Z');
const X = { id: '0190a0b0-0000-7000-8000-00000000000a', name: 'Spółdzielnia Socjalna Smaczna Kuchnia' };
const Y = { id: '0190a0b0-0000-7000-8000-00000000000b', name: 'Fundacja Inna Droga' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');
let t: TestApp;
let repX = '';
let repY = '';
let staff = '';
let chair = '';
let memberB = '';
let memberC = '';
let appId = '';
const ids: Record<'repX' | 'repY' | 'staff' | 'chair' | 'memberB' | 'memberC', string> = {
  repX: '',
  repY: '',
  staff: '',
  chair: '',
  memberB: '',
  memberC: '',
};

/** Moves the clock and logs everyone in again (sessions do not outlive a jump of weeks). */
async function setClock(at: string) {
  clock.set(at);
  repX = await sessionFor(t, ids.repX);
  repY = await sessionFor(t, ids.repY);
  staff = await sessionFor(t, ids.staff);
  chair = await sessionFor(t, ids.chair);
  memberB = await sessionFor(t, ids.memberB);
  memberC = await sessionFor(t, ids.memberC);
}
let ipCounter = 0;
const nextIp = () => `10.8.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

before(async () => {
  t = await createTestApp({ clock });
  for (const e of [X, Y]) await makeEntity(t.ctx, e);
  await makeOffers(t.ctx, [
    { id: 'offer-obiady', entityId: X.id, title: 'Obiady dla szkół' },
    { id: 'offer-catering', entityId: X.id, title: 'Catering na konferencje' },
    { id: 'offer-y', entityId: Y.id, title: 'Sprzątanie biur' },
  ]);
  ids.repX = (await loginAs(t, [{ role: 'entity_representative', scopeType: 'entity', scopeId: X.id }], 'rep@smaczna.example.pl')).userId;
  ids.repY = (await loginAs(t, [{ role: 'entity_representative', scopeType: 'entity', scopeId: Y.id }])).userId;
  ids.staff = (await loginAs(t, [{ role: 'coordinator' }])).userId;
  ids.chair = (await loginAs(t, [])).userId;
  ids.memberB = (await loginAs(t, [])).userId;
  ids.memberC = (await loginAs(t, [])).userId;
  await makeBoard(t.ctx, [ids.chair, ids.memberB, ids.memberC]);
  await setClock('2027-03-01T10:00:00Z');
});
after(async () => t.close());

async function page(url: string, cookie = '') {
  return t.app.inject({ url, headers: cookie ? { cookie } : {}, remoteAddress: nextIp() });
}

/** Posts a form (a repeated field as a list) with the CSRF token of `formUrl`. */
async function post(url: string, values: Record<string, string | string[]>, cookie: string, formUrl: string) {
  const res = await page(formUrl, cookie);
  assert.equal(res.statusCode, 200, `${formUrl}: ${res.statusCode}`);
  const body = new URLSearchParams({ _csrf: csrfFrom(res.body) });
  for (const [k, v] of Object.entries(values)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress: nextIp(),
    headers: { cookie: cookieHeader(res, cookie), 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

async function upload(id: string, file: FilePart, cookie: string) {
  const form = await page(`/zakup-prospoleczny/wnioski/${id}`, cookie);
  assert.equal(form.statusCode, 200);
  const body = multipart({ _csrf: csrfFrom(form.body) }, { attachment: file });
  return t.app.inject({
    method: 'POST',
    url: `/zakup-prospoleczny/wnioski/${id}/zalaczniki`,
    remoteAddress: nextIp(),
    headers: { cookie: cookieHeader(form, cookie), 'content-type': body.contentType },
    payload: body.payload,
  });
}

const application = (id: string) => t.ctx.db.selectFrom('licence_applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const markedCount = async () => ((await page('/podmioty.json?znak=1')).json() as { count: number }).count;
const validMarksFigure = async (day: string) => (await countValidMarksByGmina(t.ctx.db, day)).reduce((s, r) => s + r.n, 0);
const mails = (template: string) =>
  t.ctx.db.selectFrom('mail_outbox').select(['to_address', 'text_body']).where('template', '=', template).orderBy('to_address').execute();

const base = () => t.config.publicUrl.replace(/\/$/, '');

const FIGURES = {
  contact_name: 'Jan Kowalski',
  contact_email: 'jan@smaczna.example.pl',
  contact_phone: '600 100 200',
  revenue_period: '2026',
  declaration: '1',
};

test('the public page states the rules edition in force, its sources, and that its first day is unknown', async () => {
  const pl = await page('/zakup-prospoleczny');
  assert.equal(pl.statusCode, 200);
  assert.match(pl.body, /co najmniej 30 % przychodów własnych w ostatnim okresie rozliczeniowym/);
  assert.match(pl.body, /co najmniej 6 miesięcy na rynku/);
  assert.match(pl.body, /od co najmniej 3 miesięcy/);
  assert.match(pl.body, /źródła nie podają, od kiedy obowiązuje/);
  assert.match(pl.body, /href="https:\/\/kpces\.pl\/zdobadz-znak-promocyjny-ekonomii-spolecznej-zakup-prospoleczny\/"/);
  assert.match(pl.body, /href="https:\/\/fundacja\.ekspert-kujawy\.pl\/inicjatywy\/13206-/);
  const en = await page('/en/zakup-prospoleczny');
  assert.match(en.body, /at least 6 months on the market/);
});

test('staff add a rules edition (bad input refused, nothing saved; audited); it applies from its first day', async () => {
  const editions = async () => (await t.ctx.db.selectFrom('licence_rule_editions').selectAll().execute()).length;
  const refused = await post(
    '/admin/zakup-prospoleczny/zasady',
    { effective_from: '2027-13-01', min_own_revenue_pct: '150', min_offer_months: '3', min_market_months: '6', sources: 'Uchwała' },
    staff,
    '/admin/zakup-prospoleczny/zasady',
  );
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /musi zawierać datę/);
  assert.match(refused.body, /liczbę od 0 do 100/);
  assert.equal(await editions(), 1);
  const ok = await post(
    '/admin/zakup-prospoleczny/zasady',
    {
      effective_from: '2027-03-15',
      min_own_revenue_pct: '35',
      min_offer_months: '3',
      min_market_months: '6',
      sources: 'Uchwała testowa https://example.org/zasady',
    },
    staff,
    '/admin/zakup-prospoleczny/zasady',
  );
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
  assert.equal(await editions(), 2);
  assert.equal((await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'licences.edition_add').execute()).length, 1);
  assert.match((await page('/zakup-prospoleczny')).body, /co najmniej 30 % przychodów/, 'not in force before its first day');
  assert.equal((await page('/admin/zakup-prospoleczny/zasady', repX)).statusCode, 403);
});

test('a draft is saved whatever its figures; the form names the unmet criteria and submission is refused', async () => {
  const form = `/zakup-prospoleczny/wnioski/nowy/${X.id}`;
  const foreign = await post(
    form,
    { ...FIGURES, offers: ['offer-y'], own_revenue: '40', offer_months: '12', market_months: '24', action: 'save' },
    repX,
    form,
  );
  assert.equal(foreign.statusCode, 400);
  assert.match(foreign.body, /Wybierz jedną z ofert tego podmiotu/);
  assert.equal((await t.ctx.db.selectFrom('licence_applications').selectAll().execute()).length, 0, 'nothing saved');

  const saved = await post(
    form,
    { ...FIGURES, offers: ['offer-obiady', 'offer-catering'], own_revenue: '20,5', offer_months: '12', market_months: '4', action: 'save' },
    repX,
    form,
  );
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
  appId = /\/zakup-prospoleczny\/wnioski\/([^/]+)$/.exec(saved.headers.location as string)![1]!;
  const row = await application(appId);
  assert.equal(row.status, 'draft');
  assert.equal(row.own_revenue_tenths, 205);
  const view = await page(`/zakup-prospoleczny/wnioski/${appId}`, repX);
  assert.match(view.body, /Udział przychodów własnych jest niższy niż 30 %/);
  assert.match(view.body, /Podmiot działa na rynku krócej niż 6 mies\./);
  assert.doesNotMatch(view.body, /w sprzedaży krócej niż/);

  const submitted = await post(
    `/zakup-prospoleczny/wnioski/${appId}`,
    {
      ...FIGURES,
      offers: ['offer-obiady', 'offer-catering'],
      own_revenue: '20,5',
      offer_months: '12',
      market_months: '4',
      action: 'submit',
    },
    repX,
    `/zakup-prospoleczny/wnioski/${appId}`,
  );
  assert.equal(submitted.statusCode, 400);
  assert.match(submitted.body, /Udział przychodów własnych jest niższy niż 30 %/);
  assert.equal((await application(appId)).status, 'draft');
});

test('attachments: only a PDF (by its content) of at most 10 MB; read by the applicant, not by another entity', async () => {
  const fake = await upload(
    appId,
    { filename: 'bilans.pdf', contentType: 'application/pdf', data: Buffer.from('To nie jest PDF, tylko tekst.\n') },
    repX,
  );
  assert.equal(fake.statusCode, 400);
  assert.match(fake.body, /nie jest dokumentem PDF/);
  const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]);
  const tooBig = await upload(appId, { filename: 'duzy.pdf', contentType: 'application/pdf', data: big }, repX);
  assert.equal(tooBig.statusCode, 400);
  assert.match(tooBig.body, /większy niż 10 MB/);
  assert.equal((await t.ctx.db.selectFrom('licence_application_files').selectAll().execute()).length, 0);
  const ok = await upload(appId, { filename: 'Wypis z KRS.pdf', contentType: 'application/octet-stream', data: PDF }, repX);
  assert.equal(ok.statusCode, 303);
  const file = await t.ctx.db.selectFrom('licence_application_files').selectAll().executeTakeFirstOrThrow();
  const url = `/zakup-prospoleczny/wnioski/${appId}/zalaczniki/${file.id}`;
  const got = await page(url, repX);
  assert.equal(got.statusCode, 200);
  assert.equal(got.headers['content-type'], 'application/pdf');
  assert.deepEqual(got.rawPayload, PDF);
  assert.equal((await page(url, repY)).statusCode, 403);
});

test("a representative of Y gets 403 on X's application: page, save, new application for X", async () => {
  assert.equal((await page(`/zakup-prospoleczny/wnioski/${appId}`, repY)).statusCode, 403);
  const res = await post(
    `/zakup-prospoleczny/wnioski/${appId}`,
    { ...FIGURES, offers: ['offer-obiady'], own_revenue: '50', offer_months: '12', market_months: '24', action: 'save' },
    repY,
    '/zakup-prospoleczny/wnioski',
  );
  assert.equal(res.statusCode, 403);
  assert.equal((await page(`/zakup-prospoleczny/wnioski/nowy/${X.id}`, repY)).statusCode, 403);
  assert.equal((await application(appId)).own_revenue_tenths, 205, 'nothing changed');
  const anonymous = await page(`/zakup-prospoleczny/wnioski/${appId}`);
  assert.equal(anonymous.statusCode, 302);
});

test('submission records the edition in force; staff send it back with a message, then pass it to the Kapituła', async () => {
  const path = `/zakup-prospoleczny/wnioski/${appId}`;
  const values = {
    ...FIGURES,
    offers: ['offer-obiady', 'offer-catering'],
    own_revenue: '45',
    offer_months: '12',
    market_months: '24',
    action: 'submit',
  };
  assert.equal((await post(path, values, repX, path)).statusCode, 303);
  let row = await application(appId);
  assert.equal(row.status, 'submitted');
  assert.equal(row.edition_id, SEEDED_EDITION_ID);
  assert.equal(row.submitted_on, '2027-03-01');

  const admin = `/admin/zakup-prospoleczny/wnioski/${appId}`;
  const noMessage = await post(admin, { outcome: 'needs_completion', message: '' }, staff, admin);
  assert.equal(noMessage.statusCode, 400);
  assert.equal((await application(appId)).status, 'submitted');
  assert.equal((await mails('licence_application_returned')).length, 0, 'no e-mail for a refused form');
  assert.equal((await post(admin, { outcome: 'needs_completion', message: 'Brak bilansu za 2026 r.' }, staff, admin)).statusCode, 303);
  assert.match((await page(path, repX)).body, /Brak bilansu za 2026 r\./);
  assert.equal((await page(admin, repX)).statusCode, 403);
  // the representative who filed it gets one e-mail, in Polish, with the message and the application's link
  const returned = await t.ctx.db.selectFrom('mail_outbox').selectAll().where('template', '=', 'licence_application_returned').execute();
  assert.equal(returned.length, 1);
  assert.equal(returned[0]!.to_address, 'rep@smaczna.example.pl');
  assert.equal(returned[0]!.lang, 'pl');
  assert.match(returned[0]!.subject, /do uzupełnienia/);
  assert.ok(returned[0]!.text_body.includes('Brak bilansu za 2026 r.'));
  assert.ok(returned[0]!.text_body.split('\n').includes(`${base()}/zakup-prospoleczny/wnioski/${appId}`), returned[0]!.text_body);

  assert.equal((await post(path, values, repX, path)).statusCode, 303);
  assert.equal((await post(admin, { outcome: 'complete' }, staff, admin)).statusCode, 303);
  row = await application(appId);
  assert.equal(row.status, 'in_assessment');
  assert.equal((await mails('licence_application_returned')).length, 1, 'passing it on sends no such e-mail');

  // the newer edition takes effect on its day; the application keeps the one it was judged under
  await setClock('2027-03-20T10:00:00Z');
  const pub = (await page('/zakup-prospoleczny')).body;
  assert.match(pub, /co najmniej 35 % przychodów/);
  assert.match(pub, /obowiązującej od 2027-03-15/);
  assert.equal((await application(appId)).edition_id, SEEDED_EDITION_ID);
});

test('only current Kapituła members assess; a member who declared a conflict cannot; only the chair decides', async () => {
  const path = `/zakup-prospoleczny/kapitula/${appId}`;
  assert.equal((await page(path, staff)).statusCode, 403);
  assert.equal((await page(path, repX)).statusCode, 403);
  assert.equal((await page('/zakup-prospoleczny/kapitula', repY)).statusCode, 403);
  assert.equal((await page(path, memberB)).statusCode, 200);

  const scores: Record<string, string> = {};
  for (const c of ['legal_form', 'social_aims', 'market_time', 'own_revenue', 'offer_time']) {
    scores[`meets_${c}`] = '1';
    scores[`opinion_${c}`] = `Spełnia (${c}).`;
  }
  assert.equal((await post(`${path}/ocena`, { ...scores, opinion_offer_time: '' }, memberB, path)).statusCode, 400);
  const assessed = await post(`${path}/ocena`, scores, memberB, path);
  assert.equal(assessed.statusCode, 303);
  assert.equal(assessed.headers.location, path);
  const list = (await page('/zakup-prospoleczny/kapitula', memberB)).body;
  assert.ok(list.includes(`href="${path}"`), 'the list links the application page');
  assert.equal((await post(`${path}/konflikt`, {}, memberC, path)).statusCode, 303);
  const refused = await post(`${path}/ocena`, scores, memberC, path);
  assert.equal(refused.statusCode, 409);
  const rows = await t.ctx.db.selectFrom('licence_assessments').select(['user_id']).where('application_id', '=', appId).execute();
  assert.equal(rows.length, 5, "only B's five criteria");
  assert.equal((await post(`${path}/decyzja`, { decision: 'granted', meeting_on: '2027-03-18' }, memberB, path)).statusCode, 403);
});

test("sent back, an application is e-mailed in the filing representative's language, else to its contact in Polish", async () => {
  const repYEmail = (await t.ctx.db.selectFrom('users').select('email').where('id', '=', ids.repY).executeTakeFirstOrThrow()).email;
  await t.ctx.db.updateTable('users').set({ lang: 'en' }).where('id', '=', ids.repY).execute();
  await makeApplication(t.ctx, Y.id, { id: 'app-back-en', status: 'submitted', offerIds: ['offer-y'], createdBy: ids.repY });
  await makeApplication(t.ctx, Y.id, { id: 'app-back-contact', status: 'submitted', offerIds: ['offer-y'] });
  try {
    for (const id of ['app-back-en', 'app-back-contact']) {
      const admin = `/admin/zakup-prospoleczny/wnioski/${id}`;
      const res = await post(admin, { outcome: 'needs_completion', message: 'Brak oświadczenia zarządu.' }, staff, admin);
      assert.equal(res.statusCode, 303);
      assert.equal((await application(id)).status, 'needs_completion');
    }
    const rows = await t.ctx.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('template', '=', 'licence_application_returned')
      .where('to_address', '!=', 'rep@smaczna.example.pl')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const byAddress = (a: string[], b: string[]) => a[0]!.localeCompare(b[0]!);
    assert.deepEqual(
      rows.map((r) => [r.to_address, r.lang]).sort(byAddress),
      [
        [repYEmail, 'en'],
        ['wniosek@test.example.pl', 'pl'],
      ].sort(byAddress),
    );
    const en = rows.find((r) => r.lang === 'en')!;
    assert.match(en.subject, /needs completion/);
    assert.ok(en.text_body.split('\n').includes(`${base()}/en/zakup-prospoleczny/wnioski/app-back-en`), en.text_body);
    const pl = rows.find((r) => r.lang === 'pl')!;
    assert.ok(pl.text_body.split('\n').includes(`${base()}/zakup-prospoleczny/wnioski/app-back-contact`), pl.text_body);
  } finally {
    await t.ctx.db.updateTable('users').set({ lang: 'pl' }).where('id', '=', ids.repY).execute();
  }
});

test('a Kapituła member who declared a conflict of interest cannot record the decision, per role; nothing changes', async () => {
  await makeApplication(t.ctx, X.id, { id: 'app-conflict', status: 'in_assessment', offerIds: ['offer-catering'] });
  const path = '/zakup-prospoleczny/kapitula/app-conflict';
  const decision = { decision: 'granted', meeting_on: '2027-03-01' };
  const audits = async () =>
    (await t.ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', 'app-conflict').execute()).map((r) => r.action);
  // the chair declares a conflict: recording the decision is refused, and the page no longer offers it
  assert.equal((await post(`${path}/konflikt`, {}, chair, path)).statusCode, 303);
  const refused = await post(`${path}/decyzja`, decision, chair, path);
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /nie zapisujesz decyzji Kapituły w jego sprawie\. Niczego nie zapisano\./);
  const refusedEn = await post(`/en${path}/decyzja`, decision, chair, `/en${path}`);
  assert.equal(refusedEn.statusCode, 409);
  assert.match(refusedEn.body, /you do not record the Kapituła’s decision on it\. Nothing was saved\./);
  const chairPage = (await page(path, chair)).body;
  assert.match(chairPage, /nie zapisujesz decyzji Kapituły w sprawie tego wniosku/);
  assert.doesNotMatch(chairPage, /\/decyzja"/);
  // a member who declared a conflict is refused as any member is (only the chair decides)
  assert.equal((await post(`${path}/konflikt`, {}, memberC, path)).statusCode, 303);
  assert.equal((await post(`${path}/decyzja`, decision, memberC, path)).statusCode, 403);
  // staff and the applicant's representative are no Kapituła at all
  assert.equal((await post(`${path}/decyzja`, decision, staff, '/admin/zakup-prospoleczny/wnioski/app-conflict')).statusCode, 403);
  assert.equal((await post(`${path}/decyzja`, decision, repX, '/zakup-prospoleczny/wnioski/app-conflict')).statusCode, 403);

  const row = await application('app-conflict');
  assert.equal(row.status, 'in_assessment');
  assert.equal(row.decision, null);
  assert.equal(row.meeting_on, null);
  assert.equal((await t.ctx.db.selectFrom('licences').selectAll().execute()).length, 0);
  assert.deepEqual((await audits()).sort(), ['licences.application_conflict', 'licences.application_conflict']);
  assert.equal((await mails('licence_application_granted')).length, 0);
});

test('the decision and its licences are one transaction: a failure in the second grant leaves the application undecided, no licence', async () => {
  await makeApplication(t.ctx, X.id, { id: 'app-atomic', status: 'in_assessment', offerIds: ['offer-obiady', 'offer-catering'] });
  const path = '/zakup-prospoleczny/kapitula/app-atomic';
  // the second licence's registry mark cannot be written (an injected failure of the grant's mark sync)
  let markWrites = 0;
  const stop = t.ctx.database.onWrite(['entity_marks'], () => {
    if (++markWrites === 2) throw new Error('injected failure of the second licence');
  });
  const res = await post(`${path}/decyzja`, { decision: 'granted', meeting_on: '2027-03-01' }, chair, path).finally(stop);
  assert.equal(markWrites, 2, 'the first licence was written before the failure');
  assert.equal(res.statusCode, 500);
  const row = await application('app-atomic');
  assert.equal(row.status, 'in_assessment');
  assert.equal(row.decision, null);
  assert.equal(row.meeting_on, null);
  assert.equal(row.decided_by, null);
  assert.equal((await t.ctx.db.selectFrom('licences').selectAll().execute()).length, 0, 'no licence');
  assert.equal((await t.ctx.db.selectFrom('entity_marks').selectAll().where('entity_id', '=', X.id).execute()).length, 0, 'no mark');
  const actions = await t.ctx.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', 'in', ['licences.grant', 'licences.application_decide'])
    .execute();
  assert.equal(actions.length, 0, 'no audit entry');
  assert.equal((await mails('licence_application_granted')).length, 0, 'no e-mail');
  assert.equal(await markedCount(), 0);
});

test('the grant creates a licence per offer, is e-mailed, and shows on the registry until its expiry', async () => {
  assert.equal(await markedCount(), 0);
  assert.equal(await validMarksFigure('2027-03-20'), 0);
  const path = `/zakup-prospoleczny/kapitula/${appId}`;
  const noReason = await post(`${path}/decyzja`, { decision: 'refused', meeting_on: '2027-03-18', justification: '' }, chair, path);
  assert.equal(noReason.statusCode, 400);
  const future = await post(`${path}/decyzja`, { decision: 'granted', meeting_on: '2027-04-18' }, chair, path);
  assert.equal(future.statusCode, 400);
  assert.equal((await post(`${path}/decyzja`, { decision: 'granted', meeting_on: '2027-03-18' }, chair, path)).statusCode, 303);
  assert.equal((await application(appId)).status, 'granted');
  const licences = await t.ctx.db.selectFrom('licences').selectAll().orderBy('product').execute();
  assert.deepEqual(
    licences.map((l) => [l.product, l.offer_id, l.granted_on, l.expires_on, l.application_id]),
    [
      ['Catering na konferencje', 'offer-catering', '2027-03-18', '2028-03-18', appId],
      ['Obiady dla szkół', 'offer-obiady', '2027-03-18', '2028-03-18', appId],
    ],
  );
  const sent = await mails('licence_application_granted');
  assert.deepEqual(
    sent.map((m) => m.to_address),
    ['jan@smaczna.example.pl', 'rep@smaczna.example.pl'],
  );
  assert.ok(sent[0]!.text_body.includes(licences[0]!.number));

  // the registry: facet, badge and the valid-marks figure follow the licences
  assert.equal(await markedCount(), 1, 'one entity with a valid mark');
  const entityPage = await page(entityPath(X));
  assert.equal(entityPage.statusCode, 200);
  assert.match(entityPage.body, /nadany 2027-03-18, ważny do 2028-03-18/);
  assert.equal(await validMarksFigure('2027-03-20'), 2);
  assert.equal(await countValidLicences(t.ctx, '2027-03-20'), 2);

  // a suspension takes the mark away while it lasts
  const actor = { actorId: null, ip: null, requestId: null };
  await suspendLicence(t.ctx, actor, licences[0]!.id, 'Kontrola');
  assert.equal(await validMarksFigure('2027-03-20'), 1);
  assert.equal(await countValidLicences(t.ctx, '2027-03-20'), 1);
  await suspendLicence(t.ctx, actor, licences[0]!.id, null);
  assert.equal(await validMarksFigure('2027-03-20'), 2);

  // a year on: expired, gone from the facet and the figure by the date alone
  await setClock('2028-03-19T10:00:00Z');
  assert.equal(await markedCount(), 0);
  assert.equal(await validMarksFigure('2028-03-19'), 0);
  assert.equal(await countValidLicences(t.ctx, '2028-03-19'), 0);
  assert.match((await page(entityPath(X))).body, /ważność upłynęła 2028-03-18/);
  const api = (await page('/api/v1/zakup-prospoleczny')).json() as { items: { number: string; state: string }[] };
  assert.deepEqual(
    api.items.map((i) => i.state),
    ['expired', 'expired'],
  );
});

test('the licence agreement reads back from PDF and DOCX; another entity is refused', async () => {
  const l = await t.ctx.db.selectFrom('licences').selectAll().where('offer_id', '=', 'offer-obiady').executeTakeFirstOrThrow();
  const pdf = await page(`/zakup-prospoleczny/${l.number}/umowa.pdf`, repX);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  // read in the order it was written (`raw`: a value wrapped in a table cell is not interleaved with
  // the next cell's text); the licence number and the dates are codes, never broken at their hyphens
  // (core/export keeps a code on one line where its column can hold it), so they read back as typed
  const raw = pdfToText(pdf.rawPayload, 'raw');
  for (const s of [l.number, '2027-03-18', '2028-03-18']) assert.ok(raw.includes(s), `PDF holds ${s} on one line`);
  // names may wrap between their words
  const text = raw.replace(/\s+/g, ' ');
  for (const s of ['Spółdzielnia Socjalna Smaczna Kuchnia', 'Obiady dla szkół', 'Regionalny Ośrodek Polityki Społecznej w Toruniu'])
    assert.ok(text.includes(s), `PDF holds ${s}`);
  const docx = await page(`/zakup-prospoleczny/${l.number}/umowa.docx`, staff);
  assert.equal(docx.statusCode, 200);
  const dir = mkdtempSync(join(tmpdir(), 'spojnia-docx-'));
  try {
    writeFileSync(join(dir, 'a.docx'), docx.rawPayload);
    const xml = execFileSync('/usr/bin/unzip', ['-p', join(dir, 'a.docx'), 'word/document.xml'], { encoding: 'utf8' });
    for (const s of [l.number, 'Obiady dla szkół', '2028-03-18']) assert.ok(xml.includes(s), `DOCX holds ${s}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal((await page(`/zakup-prospoleczny/${l.number}/umowa.pdf`, repY)).statusCode, 403);
  assert.equal((await page(`/zakup-prospoleczny/${l.number}/umowa.docx`)).statusCode, 302);
  assert.match((await page(`/zakup-prospoleczny/${l.number}`, repX)).body, /umowa\.docx/);
  assert.doesNotMatch((await page(`/zakup-prospoleczny/${l.number}`)).body, /umowa\.docx/);
});

test('a refusal is recorded with its justification and e-mailed; no licence is created', async () => {
  await makeApplication(t.ctx, X.id, { id: 'app-refused', status: 'in_assessment', offerIds: ['offer-obiady'] });
  const before = (await t.ctx.db.selectFrom('licences').selectAll().execute()).length;
  const path = '/zakup-prospoleczny/kapitula/app-refused';
  const res = await post(
    `${path}/decyzja`,
    { decision: 'refused', meeting_on: '2028-03-10', justification: 'Produkt nie był w sprzedaży przez wymagany okres.' },
    chair,
    path,
  );
  assert.equal(res.statusCode, 303, res.body.replace(/[\s\S]*<main/, '').slice(0, 1500));
  const row = await application('app-refused');
  assert.equal(row.status, 'refused');
  assert.equal(row.meeting_on, '2028-03-10');
  assert.equal((await t.ctx.db.selectFrom('licences').selectAll().execute()).length, before);
  const sent = await mails('licence_application_refused');
  assert.ok(sent.length >= 1);
  assert.ok(sent.every((m) => m.text_body.includes('Produkt nie był w sprzedaży przez wymagany okres.')));
  assert.match((await page('/zakup-prospoleczny/wnioski/app-refused', repX)).body, /Produkt nie był w sprzedaży/);
});

test('/dane lists the licences; their API carries the open-data licence and last_changed', async () => {
  const dane = await page('/dane');
  assert.equal(dane.statusCode, 200);
  assert.match(dane.body, /Licencje na znak „Zakup Prospołeczny”/);
  assert.match(dane.body, /\/api\/v1\/zakup-prospoleczny/);
  const api = (await page('/api/v1/zakup-prospoleczny')).json() as { licence: { id: string }; last_changed: string | null };
  assert.equal(api.licence.id, 'CC-BY-4.0');
  assert.ok(api.last_changed !== null && api.last_changed.startsWith('2027-03-20'));
});

test('the indicator formula counts licences granted in the year, known only since the first grant recorded here', async () => {
  assert.ok([...t.ctx.contributions.of('indicatorFormulas')].some((f) => f.key === 'licences_granted'));
  const params = { legalForms: [], lifecycles: [] };
  assert.equal(await licencesGrantedFormula.coverageStart(t.ctx), '2027-03-20');
  assert.deepEqual(await licencesGrantedFormula.countByGmina(t.ctx, '2027-12-31', params), [{ gmina: null, n: 2, synthetic: 0 }]);
  assert.deepEqual(await licencesGrantedFormula.countByGmina(t.ctx, '2027-03-17', params), []);
  assert.deepEqual(await licencesGrantedFormula.countByGmina(t.ctx, '2028-12-31', params), []);
});
