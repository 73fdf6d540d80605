// Issue 17's "done when" on the demo seed (SQLite and PostgreSQL, controlled clock): after
// `seed demo`, a catering need for Toruń posted by a buyer and published by staff matches exactly
// seven demo entities' published offers (region-wide ones included, the demo's own example need
// never announced); the notification job queues exactly seven e-mails, one per entity, and running
// it again — directly or through the scheduler — queues nothing more. The demo entities carry no
// public e-mail, so the test gives each one a test address first (as a representative's claim would).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedDemo } from '../../../bootstrap.js';
import { runDueJobs } from '../../../core/jobs.js';
import { cookieHeader, createTestApp, csrfFrom, loginAs, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { offersJobs } from '../index.js';
import { notifyNeeds } from './needs.service.js';

const clock = new ManualClock('2027-03-01T10:00:00Z');
let t: TestApp;
let buyer = '';
let staff = '';
let ip = 0;
const nextIp = () => `10.11.${Math.floor(++ip / 250)}.${ip % 250}`;

before(async () => {
  t = await createTestApp({ clock });
  await seedDemo(t.ctx);
  const entities = await t.ctx.db.selectFrom('entities').select(['id']).orderBy('id').execute();
  for (const [i, e] of entities.entries())
    await t.ctx.db
      .updateTable('entities')
      .set({ email: `podmiot${i + 1}@demo.example.pl` })
      .where('id', '=', e.id)
      .execute();
  buyer = (await loginAs(t, [])).cookie;
  staff = (await loginAs(t, [{ role: 'coordinator' }])).cookie;
});
after(async () => t.close());

const get = (url: string, cookie = '') => t.app.inject({ url, headers: cookie ? { cookie } : {}, remoteAddress: nextIp() });

async function post(url: string, values: Record<string, string | string[]>, cookie: string, formUrl = url) {
  const res = await get(formUrl, cookie);
  assert.equal(res.statusCode, 200, `${formUrl}: ${res.statusCode}`);
  const body = new URLSearchParams({ _csrf: csrfFrom(res.body) });
  for (const [k, v] of Object.entries(values)) for (const x of typeof v === 'string' ? [v] : v) body.append(k, x);
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress: nextIp(),
    headers: { cookie: cookieHeader(res, cookie), 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

const notices = () =>
  t.ctx.db
    .selectFrom('mail_outbox')
    .select(['to_address', 'text_body'])
    .where('template', '=', 'need_notice')
    .orderBy('to_address')
    .execute();

test('a published catering need in Toruń matches exactly 7 demo entities: 7 e-mails, then 0 on re-runs', async () => {
  const created = await post(
    '/oferta/potrzeby/nowa',
    {
      kind: 'quote',
      title: 'Poczęstunek na konferencję w Toruniu',
      category: 'catering',
      cpv: '',
      area_scope: 'units',
      gmina: ['0463011'],
      link: '',
      deadline: '2027-03-25',
      amount_kind: 'undisclosed',
      amount_min: '',
      amount_max: '',
      amount_exact: '',
      institution: 'Urząd Miasta Torunia (test)',
      contact_name: 'Anna Nowak',
      contact_email: 'zamowienia@torun.example.pl',
      contact_phone: '',
    },
    buyer,
  );
  assert.equal(created.statusCode, 303, created.body);
  const needId = /\/oferta\/potrzeby\/([^?]+)/.exec(String(created.headers.location))![1]!;
  assert.match((await get(`/oferta/potrzeby/${needId}`, buyer)).body, /7 podmiotów otrzyma powiadomienie/);
  assert.equal((await post(`/oferta/potrzeby/${needId}/zglos`, {}, buyer, `/oferta/potrzeby/${needId}`)).statusCode, 303);
  const published = await post(`/oferta/potrzeby/${needId}/decyzja`, { decision: 'publish' }, staff, `/oferta/potrzeby/${needId}`);
  assert.equal(published.statusCode, 303);

  assert.equal(await notifyNeeds(t.ctx), '7 need notifications sent');
  const sent = await notices();
  assert.equal(sent.length, 7);
  assert.equal(new Set(sent.map((m) => m.to_address)).size, 7, 'one e-mail per entity');
  assert.ok(sent.every((m) => m.text_body.includes(`/oferta/potrzeby/${needId}`)));
  // the seven are the demo entities with a published catering offer serving Toruń
  const rows = await t.ctx.db
    .selectFrom('need_notifications')
    .innerJoin('entities', 'entities.id', 'need_notifications.entity_id')
    .select('entities.name')
    .where('need_notifications.need_id', '=', needId)
    .execute();
  assert.deepEqual(rows.map((r) => r.name).sort(), [
    'Fundacja Zdrowego Życia',
    'Fundacja „Novum”',
    'Fundacja „Studio M6”',
    'Północ-Południe Non Profit Sp. z o.o.',
    'Spółdzielnia Socjalna „Koronowianka”',
    'Spółdzielnia Socjalna „Lubiczanka”',
    'Spółdzielnia Socjalna „Twoje smaki”',
  ]);

  assert.equal(await notifyNeeds(t.ctx), '0 need notifications sent');
  await runDueJobs(t.ctx, offersJobs, { force: true });
  assert.equal((await notices()).length, 7, 're-runs send nothing more');
});
