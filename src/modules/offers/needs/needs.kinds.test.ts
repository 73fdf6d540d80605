// Buyers' needs through HTTP on SQLite and PostgreSQL, the kinds and decisions needs.routes.test.ts
// does not walk: a market sounding with an exact amount (the amount required, stored as the minimum
// with no maximum; shown as one sum on the page in both languages and as `exact` in the API, no
// link needed), and a rejection (a message required; the state `rejected` with the staff's message
// shown to the buyer, audited, no e-mail — the code sends none for a decision —, hidden from
// everyone else, the list and the API, and neither editable nor submitted again).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, loginAs, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { formClient, needForm as usualNeedForm } from '../offers.testing.js';

const clock = new ManualClock('2027-03-01T10:00:00Z');
let t: TestApp;
let buyer = '';
let other = '';
let staff = '';

before(async () => {
  t = await createTestApp({ clock });
  buyer = (await loginAs(t, [])).cookie;
  other = (await loginAs(t, [])).cookie;
  staff = (await loginAs(t, [{ role: 'coordinator' }])).cookie;
});
after(async () => t.close());

let client: ReturnType<typeof formClient> | undefined;
const get = (url: string, cookie = '') => (client ??= formClient(t, 13)).get(url, cookie);
const post = (url: string, values: Record<string, string | string[]>, cookie: string, formUrl = url) =>
  (client ??= formClient(t, 13)).post(url, values, cookie, formUrl);

/** The usual need form, with no amount disclosed unless a test says otherwise. */
const needForm = (extra: Record<string, string | string[]> = {}) =>
  usualNeedForm({ amount_kind: 'undisclosed', amount_min: '', amount_max: '', ...extra });
const need = (title: string) => t.ctx.db.selectFrom('needs').selectAll().where('title', '=', title).executeTakeFirst();
const idFrom = (location: unknown) => /\/oferta\/potrzeby\/([^/?]+)/.exec(String(location))![1]!;

/** Posts a need, submits it and returns its id. */
async function submitted(values: Record<string, string | string[]>): Promise<string> {
  const created = await post('/oferta/potrzeby/nowa', needForm(values), buyer);
  assert.equal(created.statusCode, 303, created.body.replace(/[\s\S]*<main/, '').slice(0, 1500));
  const id = idFrom(created.headers.location);
  assert.equal((await post(`/oferta/potrzeby/${id}/zglos`, {}, buyer, `/oferta/potrzeby/${id}`)).statusCode, 303);
  return id;
}

test('a market sounding with an exact amount: the amount is required, stored as one sum, shown and in the API', async () => {
  const title = 'Rozeznanie rynku: catering na pikniki';
  const missing = await post('/oferta/potrzeby/nowa', needForm({ kind: 'sounding', title, amount_kind: 'exact' }), buyer);
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /data-error-summary/);
  assert.equal(await need(title), undefined, 'nothing stored');

  const id = await submitted({ kind: 'sounding', title, amount_kind: 'exact', amount_min: '15 000', amount_max: '99' });
  const row = (await need(title))!;
  assert.deepEqual([row.kind, row.amount_kind, Number(row.amount_min), row.amount_max, row.link], ['sounding', 'exact', 15000, null, null]);
  assert.equal((await post(`/oferta/potrzeby/${id}/decyzja`, { decision: 'publish' }, staff, `/oferta/potrzeby/${id}`)).statusCode, 303);
  const pl = await get(`/oferta/potrzeby/${id}`);
  assert.equal(pl.statusCode, 200);
  assert.match(pl.body, /rozeznanie rynku/);
  assert.match(pl.body, /15\s000 zł/);
  assert.doesNotMatch(pl.body, /15\s000–/, 'one sum, not a range');
  const en = await get(`/en/oferta/potrzeby/${id}`);
  assert.match(en.body, /market sounding/i);
  assert.match(en.body, /PLN 15,000/);
  const api = (await get('/api/v1/oferta/potrzeby')).json() as {
    items: { id: string; kind: string; amount: { kind: string; min: number | null; max: number | null }; link: string | null }[];
  };
  const item = api.items.find((i) => i.id === id)!;
  assert.deepEqual([item.kind, item.amount, item.link], ['sounding', { kind: 'exact', min: 15000, max: null }, null]);
});

test('a rejected need: the message is required; rejected, shown to its buyer only, audited, no e-mail; not edited or submitted again', async () => {
  const title = 'Zakup niezgodny z regulaminem';
  const id = await submitted({ title });
  const page = `/oferta/potrzeby/${id}`;
  const mailsBefore = (await t.ctx.db.selectFrom('mail_outbox').select('id').execute()).length;
  const noMessage = await post(`${page}/decyzja`, { decision: 'reject', message: '' }, staff, page);
  assert.equal(noMessage.statusCode, 400);
  assert.equal((await need(title))!.status, 'submitted');
  // the buyer cannot reject (or decide anything about) their own need
  assert.equal((await post(`${page}/decyzja`, { decision: 'reject', message: 'Sam odrzucam.' }, buyer, page)).statusCode, 403);

  const rejected = await post(`${page}/decyzja`, { decision: 'reject', message: 'Potrzeba nie dotyczy zakupu usług.' }, staff, page);
  assert.equal(rejected.statusCode, 303);
  const row = (await need(title))!;
  assert.deepEqual([row.status, row.staff_message, row.published_at], ['rejected', 'Potrzeba nie dotyczy zakupu usług.', null]);
  const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).execute();
  assert.ok(audit.some((a) => a.action === 'needs.reject'));
  assert.equal((await t.ctx.db.selectFrom('mail_outbox').select('id').execute()).length, mailsBefore, 'no e-mail');

  const own = await get(page, buyer);
  assert.equal(own.statusCode, 200);
  assert.match(own.body, /odrzucona/);
  assert.match(own.body, /Potrzeba nie dotyczy zakupu usług\./);
  assert.match((await get('/oferta/potrzeby/moje', buyer)).body, /odrzucona/);
  assert.equal((await get(page)).statusCode, 404, 'not public');
  assert.equal((await get(page, other)).statusCode, 404, 'nor to another user');
  assert.doesNotMatch((await get('/oferta/potrzeby')).body, new RegExp(title));
  const api = (await get('/api/v1/oferta/potrzeby')).json() as { items: { id: string }[] };
  assert.ok(!api.items.some((i) => i.id === id));

  // final: not edited, not submitted again, not decided again
  assert.equal((await get(`${page}/edycja`, buyer)).statusCode, 409);
  assert.equal((await get(`${page}/edycja`, staff)).statusCode, 409);
  assert.equal((await post(`${page}/zglos`, {}, buyer, page)).statusCode, 409);
  assert.equal((await post(`${page}/decyzja`, { decision: 'publish' }, staff, page)).statusCode, 409);
  assert.equal((await need(title))!.status, 'rejected');
});
