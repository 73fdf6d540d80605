// Buyers' needs through HTTP on SQLite and PostgreSQL with a controlled clock: a logged-in buyer's
// draft (tender without a link, a bad CPV check digit and a past deadline refused, nothing stored),
// "N podmiotów otrzyma powiadomienie" with its plural, another user refused, staff sending it back
// with a message and publishing it (audit log), the public list, page and API (published only); the
// notification job: a need matching 7 entities sends exactly 7 notices, a second run and two runs at
// once send nothing more; entities answer from the link in the e-mail (the buyer sees the answers,
// staff the funnel notified → viewed → answered); one reminder to each entity that has not
// answered before the deadline, nothing after it; 30 days after the deadline one outcome question to
// the buyer and one to the interested entity, answered by both.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runDueJobs } from '../../../core/jobs.js';
import { createTestApp, loginAs, sessionFor, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { offersJobs } from '../index.js';
import { makeEntity, makeOffer, formClient, needForm } from '../offers.testing.js';
import { notifyNeeds } from './needs.service.js';

const clock = new ManualClock('2027-03-01T10:00:00Z');
let t: TestApp;
let buyer = '';
let buyerId = '';
let other = '';
let staff = '';

before(async () => {
  t = await createTestApp({ clock });
  // seven entities with a region-wide catering offer, one with a transport offer, one with a draft
  for (let i = 1; i <= 7; i++) {
    const e = await makeEntity(t.ctx, { name: `Spółdzielnia Socjalna Kuchnia ${i}`, email: `kuchnia${i}@podmiot.example.pl` });
    await makeOffer(t.ctx, e, { title: `Obiady ${i}` });
  }
  const transport = await makeEntity(t.ctx, { name: 'Spółdzielnia Socjalna Przewozy' });
  await makeOffer(t.ctx, transport, { category: 'transport', subcategory: 'transport-osob', title: 'Przewozy' });
  const drafty = await makeEntity(t.ctx, { name: 'Spółdzielnia Socjalna Szkic' });
  await makeOffer(t.ctx, drafty, { title: 'Obiady (szkic)', published: false });
  ({ cookie: buyer, userId: buyerId } = await loginAs(t, []));
  other = (await loginAs(t, [])).cookie;
  staff = (await loginAs(t, [{ role: 'coordinator' }])).cookie;
});
after(async () => t.close());

let client: ReturnType<typeof formClient> | undefined;
const get = (url: string, cookie = '') => (client ??= formClient(t, 9)).get(url, cookie);
const post = (url: string, values: Record<string, string | string[]>, cookie: string, formUrl = url) =>
  (client ??= formClient(t, 9)).post(url, values, cookie, formUrl);

const needs = () => t.ctx.db.selectFrom('needs').selectAll().orderBy('created_at').execute();
const mails = (template: string) =>
  t.ctx.db
    .selectFrom('mail_outbox')
    .select(['to_address', 'text_body'])
    .where('template', '=', template as never)
    .orderBy('to_address')
    .execute();

let needId = '';

test('a buyer posts a draft; bad input changes nothing; the page counts the entities to be notified', async () => {
  assert.equal((await get('/oferta/potrzeby/nowa')).statusCode, 302, 'log in first');
  const bad = await post('/oferta/potrzeby/nowa', needForm({ kind: 'tender', cpv: '55520000-2', deadline: '2027-02-01' }), buyer);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Podaj adres ogłoszenia przetargu/);
  assert.match(bad.body, /55520000-2/);
  assert.match(bad.body, /Termin nie może być w przeszłości/);
  const range = await post('/oferta/potrzeby/nowa', needForm({ amount_min: '30000' }), buyer);
  assert.equal(range.statusCode, 400);
  assert.match(range.body, /Górna granica nie może być mniejsza od dolnej/);
  assert.equal((await needs()).length, 0);

  const ok = await post('/oferta/potrzeby/nowa', needForm(), buyer);
  assert.equal(ok.statusCode, 303);
  const [n] = await needs();
  needId = n!.id;
  assert.equal(n!.status, 'draft');
  assert.equal(n!.created_by, buyerId);
  assert.equal(Number(n!.amount_min), 10000);
  assert.equal(ok.headers.location, `/oferta/potrzeby/${needId}?ok=dodano`);
  const page = await get(`/oferta/potrzeby/${needId}`, buyer);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /7 podmiotów otrzyma powiadomienie/);
  assert.match(page.body, /szkic/);
  assert.match((await get(`/en/oferta/potrzeby/${needId}`, buyer)).body, /7 entities will be notified/);

  // a CPV the catering offers do not fall under leaves nobody; one entity gets the singular
  const narrow = await post(`/oferta/potrzeby/${needId}/edycja`, needForm({ cpv: '55300000-3' }), buyer);
  assert.equal(narrow.statusCode, 303);
  assert.match((await get(`/oferta/potrzeby/${needId}`, buyer)).body, /0 podmiotów otrzyma powiadomienie/);
  assert.equal((await post(`/oferta/potrzeby/${needId}/edycja`, needForm(), buyer)).statusCode, 303);

  // a draft is nobody else's business
  assert.equal((await get(`/oferta/potrzeby/${needId}`)).statusCode, 404);
  assert.equal((await get(`/oferta/potrzeby/${needId}`, other)).statusCode, 404);
  assert.equal((await get(`/oferta/potrzeby/${needId}/edycja`, other)).statusCode, 403);
  assert.equal((await get('/admin/oferta/potrzeby', buyer)).statusCode, 403);
});

test('submitted, sent back with a message, resubmitted and published by staff; in the audit log; then public', async () => {
  assert.equal((await post(`/oferta/potrzeby/${needId}/zglos`, {}, buyer, `/oferta/potrzeby/${needId}`)).statusCode, 303);
  assert.equal((await needs())[0]!.status, 'submitted');
  assert.match((await get('/admin/oferta/potrzeby', staff)).body, /Obiady dla uczestników warsztatów/);
  const noMessage = await post(
    `/oferta/potrzeby/${needId}/decyzja`,
    { decision: 'changes', message: '' },
    staff,
    `/oferta/potrzeby/${needId}`,
  );
  assert.equal(noMessage.statusCode, 400);
  assert.equal((await needs())[0]!.status, 'submitted');
  const back = await post(
    `/oferta/potrzeby/${needId}/decyzja`,
    { decision: 'changes', message: 'Proszę podać liczbę porcji.' },
    staff,
    `/oferta/potrzeby/${needId}`,
  );
  assert.equal(back.statusCode, 303);
  assert.equal((await needs())[0]!.status, 'changes_requested');
  assert.match((await get(`/oferta/potrzeby/${needId}`, buyer)).body, /Proszę podać liczbę porcji\./);
  const again = await post(`/oferta/potrzeby/${needId}/edycja`, needForm({ title: 'Obiady dla 40 uczestników warsztatów' }), buyer);
  assert.equal(again.statusCode, 303);
  assert.equal((await post(`/oferta/potrzeby/${needId}/zglos`, {}, buyer, `/oferta/potrzeby/${needId}`)).statusCode, 303);
  // the buyer cannot publish their own need
  const self = await post(`/oferta/potrzeby/${needId}/decyzja`, { decision: 'publish' }, buyer, `/oferta/potrzeby/${needId}`);
  assert.equal(self.statusCode, 403);
  assert.equal(
    (await post(`/oferta/potrzeby/${needId}/decyzja`, { decision: 'publish' }, staff, `/oferta/potrzeby/${needId}`)).statusCode,
    303,
  );
  assert.equal((await needs())[0]!.status, 'published');
  const actions = await t.ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', needId).orderBy('id').execute();
  assert.deepEqual(actions.map((a) => a.action).sort(), [
    'needs.changes',
    'needs.create',
    'needs.publish',
    'needs.submit',
    'needs.submit',
    'needs.update',
    'needs.update',
    'needs.update',
  ]);

  const list = await get('/oferta/potrzeby');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Obiady dla 40 uczestników warsztatów/);
  const pub = await get(`/oferta/potrzeby/${needId}`);
  assert.equal(pub.statusCode, 200);
  assert.match(pub.body, /10\s000–20\s000 zł/);
  assert.doesNotMatch(pub.body, /otrzyma powiadomienie/, 'the count is for the buyer and staff');
  const api = await get('/api/v1/oferta/potrzeby');
  assert.equal(api.statusCode, 200);
  const body = api.json() as { total: number; items: { id: string; area: { gminy: string[] }; amount: { min: number } }[] };
  assert.equal(body.total, 1);
  assert.deepEqual(body.items[0]!.area.gminy, ['0463011']);
  assert.equal(body.items[0]!.amount.min, 10000);
  const spec = (await get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
  assert.ok(spec.paths['/api/v1/oferta/potrzeby'], 'in OpenAPI');
});

test('the job: exactly 7 notices, nothing more on re-runs or two runs at once; answers and the funnel; reminders to those who did not answer; nothing after the deadline', async () => {
  await Promise.all([notifyNeeds(t.ctx), notifyNeeds(t.ctx)]);
  const notices = await mails('need_notice');
  assert.equal(notices.length, 7);
  assert.deepEqual(
    notices.map((m) => m.to_address),
    [1, 2, 3, 4, 5, 6, 7].map((i) => `kuchnia${i}@podmiot.example.pl`),
  );
  assert.match(notices[0]!.text_body, new RegExp(`/oferta/potrzeby/${needId}`));
  await runDueJobs(t.ctx, offersJobs, { force: true });
  assert.equal((await mails('need_notice')).length, 7, 're-run sends nothing');
  assert.equal((await mails('need_reminder')).length, 0, 'too early for a reminder');

  // two entities answer from the link in their e-mail; a third opens it only
  const linkOf = (body: string) => /\/oferta\/potrzeby\/odpowiedz\/[A-Za-z0-9_-]+/.exec(body)![0];
  const [first, second, third] = notices.map((m) => linkOf(m.text_body));
  assert.equal((await get('/oferta/potrzeby/odpowiedz/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode, 404);
  const form = await get(first!);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Spółdzielnia Socjalna Kuchnia 1/);
  assert.equal(form.headers['cache-control'], 'private, no-store');
  const noChoice = await post(first!, { answer: '' }, '');
  assert.equal(noChoice.statusCode, 400);
  assert.equal((await post(first!, { answer: 'interested' }, '')).statusCode, 303);
  assert.equal((await post(second!, { answer: 'not_interested', reason: 'Brak mocy przerobowych we wrześniu.' }, '')).statusCode, 303);
  assert.equal((await get(third!)).statusCode, 200);
  const seen = await get(`/oferta/potrzeby/${needId}`, buyer);
  assert.match(seen.body, /Spółdzielnia Socjalna Kuchnia 1<\/th><td>tak, jesteśmy zainteresowani/);
  assert.match(seen.body, /Brak mocy przerobowych we wrześniu\./);
  assert.doesNotMatch(seen.body, /Lejek/, 'the funnel is for staff');
  const funnel = await get(`/oferta/potrzeby/${needId}`, staff);
  assert.match(funnel.body, /Lejek/);
  assert.match(funnel.body, /Powiadomione<\/t[hd]><td class="num">7</);
  assert.match(funnel.body, /Obejrzały<\/t[hd]><td class="num">3</);
  assert.match(funnel.body, /Odpowiedziały<\/t[hd]><td class="num">2</);
  assert.doesNotMatch((await get(`/oferta/potrzeby/${needId}`)).body, /Brak mocy/, 'answers are not public');

  // a representative of the third entity answers from the need's page; a representative of another entity is refused
  const entity3 = (
    await t.ctx.db.selectFrom('entities').select('id').where('name', '=', 'Spółdzielnia Socjalna Kuchnia 3').executeTakeFirstOrThrow()
  ).id;
  const entity4 = (
    await t.ctx.db.selectFrom('entities').select('id').where('name', '=', 'Spółdzielnia Socjalna Kuchnia 4').executeTakeFirstOrThrow()
  ).id;
  const rep3 = (await loginAs(t, [{ role: 'entity_representative', scopeType: 'entity', scopeId: entity3 }])).cookie;
  const rep4 = (await loginAs(t, [{ role: 'entity_representative', scopeType: 'entity', scopeId: entity4 }])).cookie;
  assert.match((await get(`/oferta/potrzeby/${needId}`, rep3)).body, /Odpowiedz w imieniu podmiotu Spółdzielnia Socjalna Kuchnia 3/);
  const asEntity = `/oferta/potrzeby/${needId}/odpowiedz-podmiot/${entity3}`;
  assert.equal((await get(asEntity, rep4)).statusCode, 403);
  assert.equal((await post(asEntity, { answer: 'consortium' }, rep3)).statusCode, 303);
  const third3 = await t.ctx.db.selectFrom('need_answers').selectAll().where('entity_id', '=', entity3).executeTakeFirstOrThrow();
  assert.equal(third3.answer, 'consortium');

  clock.set('2027-03-17T09:00:00Z'); // three days before the deadline
  await Promise.all([notifyNeeds(t.ctx), notifyNeeds(t.ctx)]);
  await notifyNeeds(t.ctx);
  assert.equal((await mails('need_reminder')).length, 4, 'no reminder to the three that answered');
  assert.equal((await mails('need_notice')).length, 7);

  // a need published after its deadline has passed notifies nobody
  clock.set('2027-03-21T09:00:00Z');
  await t.ctx.db.updateTable('needs').set({ deadline: '2027-03-20' }).execute();
  const late = await t.ctx.db.selectFrom('needs').selectAll().where('id', '=', needId).executeTakeFirstOrThrow();
  await t.ctx.db
    .insertInto('needs')
    .values({ ...late, id: 'late-need', published_at: clock.now().toISOString() })
    .execute();
  await t.ctx.db.insertInto('need_areas').values({ need_id: 'late-need', teryt: '0463011' }).execute();
  assert.equal(await notifyNeeds(t.ctx), '0 need notifications sent');
  // the answer link after the deadline: shown, no longer accepts an answer
  const reminderLink = linkOf((await mails('need_reminder'))[0]!.text_body);
  assert.match((await get(reminderLink)).body, /nie można już odpowiedzieć/);
  assert.equal((await mails('need_notice')).length, 7);
});

test('staff close a published need (the sessions above expired with the clock); it leaves the API', async () => {
  const coordinator = (await loginAs(t, [{ role: 'coordinator' }])).cookie;
  const stranger = (await loginAs(t, [])).cookie;
  // a valid CSRF token of the stranger's own session: refused by the policy, not by the token
  assert.equal((await post(`/oferta/potrzeby/${needId}/zamknij`, {}, stranger, '/oferta/potrzeby/nowa')).statusCode, 403);
  assert.equal((await post(`/oferta/potrzeby/${needId}/zamknij`, {}, coordinator, `/oferta/potrzeby/${needId}`)).statusCode, 303);
  assert.equal((await needs()).find((n) => n.id === needId)!.status, 'closed');
  const api = (await get('/api/v1/oferta/potrzeby')).json() as { items: { id: string }[] };
  assert.ok(!api.items.some((i) => i.id === needId));
});

test('30 days after the deadline: one outcome question to the buyer and one to each interested entity; answers; figures', async () => {
  await t.ctx.db.deleteFrom('needs').where('id', '=', 'late-need').execute();
  clock.set('2027-04-18T09:00:00Z'); // 29 days after the deadline
  await notifyNeeds(t.ctx);
  assert.equal((await mails('need_outcome')).length, 0);
  clock.set('2027-04-19T09:00:00Z');
  await Promise.all([notifyNeeds(t.ctx), notifyNeeds(t.ctx)]);
  await runDueJobs(t.ctx, offersJobs, { force: true });
  const asked = await mails('need_outcome');
  assert.deepEqual(
    asked.map((m) => m.to_address),
    ['kuchnia1@podmiot.example.pl', 'kuchnia3@podmiot.example.pl', 'zamowienia@gops.example.pl'],
  );
  assert.equal((await mails('need_notice')).length, 7, 'nothing else was sent');
  assert.equal((await mails('need_reminder')).length, 4);

  // the entity answers through the link in its outcome e-mail
  const entityLink = /\/oferta\/potrzeby\/odpowiedz\/[A-Za-z0-9_-]+/.exec(asked[0]!.text_body)![0];
  assert.match((await get(entityLink)).body, /Czy zawarto umowę\?/);
  assert.equal((await post(`${entityLink}/wynik`, { signed: 'yes', value: '15 000' }, '', entityLink)).statusCode, 303);
  const row = await t.ctx.db
    .selectFrom('need_answers')
    .selectAll()
    .where('need_id', '=', needId)
    .where('outcome_at', 'is not', null)
    .execute();
  assert.equal(row.length, 1);
  assert.equal(Number(row[0]!.outcome_value), 15000);

  // the buyer records it on the need (logged in again: the clock moved past the earlier session)
  const buyerAgain = await sessionFor(t, buyerId);
  assert.match(asked[2]!.text_body, new RegExp(`/oferta/potrzeby/${needId}/wynik`));
  const bad = await post(`/oferta/potrzeby/${needId}/wynik`, { signed: '' }, buyerAgain);
  assert.equal(bad.statusCode, 400);
  assert.equal((await post(`/oferta/potrzeby/${needId}/wynik`, { signed: 'yes', value: '14500' }, buyerAgain)).statusCode, 303);
  const n = await t.ctx.db.selectFrom('needs').selectAll().where('id', '=', needId).executeTakeFirstOrThrow();
  assert.equal(n.status, 'outcome_recorded');
  assert.equal(Number(n.outcome_value), 14500);
  assert.match((await get(`/oferta/potrzeby/${needId}`, buyerAgain)).body, /Zawarto umowę\. Wartość: 14\s500 zł\./);
  assert.equal((await get(`/oferta/potrzeby/${needId}/wynik`, buyerAgain)).statusCode, 409, 'recorded once');
  await notifyNeeds(t.ctx);
  assert.equal((await mails('need_outcome')).length, 3, 'asked once');

  // the staff's figures: 2027, Toruń (the need's gmina lies in powiat 0463), catering — 1 need, 7 notified, 3 answers, 1 contract, 14 500 zł
  const figures = await get('/admin/oferta/potrzeby/liczby', await sessionFor(t, (await loginAs(t, [{ role: 'coordinator' }])).userId));
  assert.equal(figures.statusCode, 200);
  assert.match(
    figures.body,
    /<th scope="row">2027<\/th><td>Toruń<\/td><td>Catering i gastronomia<\/td><td class="num">1<\/td><td class="num">7<\/td><td class="num">3<\/td><td class="num">1<\/td><td class="num">14\s500<\/td>/,
  );
});
