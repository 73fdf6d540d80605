// Issue 17's "done when" on the demo seed (SQLite and PostgreSQL, controlled clock): after
// `seed demo`, a catering need for Toruń posted by a buyer and published by staff matches exactly
// seven demo entities' published offers (region-wide ones included, the demo's own example need
// never announced); the notification job queues exactly seven e-mails, one per entity, which the
// mail worker delivers to a test SMTP server — exactly seven arrive — and running it again, directly
// or through the scheduler, sends nothing more. Entities answer from the signed link in the mail they
// received; after the deadline the job sends 0; 30 days after it one outcome question goes to the
// buyer and one to each entity that answered "interested" (alone or in a consortium), none about the
// example need; the job run twice, and on a second app instance over the same database (a file on
// SQLite), delivers nothing more. The demo entities carry no public e-mail, so the test gives each
// one a test address first (as a representative's claim would).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedDemo } from '../../../bootstrap.js';
import { testSettings } from '../../../config.js';
import { runDueJobs } from '../../../core/jobs.js';
import type { ModuleContext } from '../../../core/module.js';
import { addDays } from '../../../core/time/index.js';
import { startMailWorker } from '../../mail/index.js';
import { createTestApp, loginAs, secondInstance, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { formClient } from '../offers.testing.js';
import { parseMail, startTestSmtp, type TestSmtp } from '../../../testing/mail.js';
import { offersJobs } from '../index.js';
import { DEMO_NEED_TITLE, notifyNeeds, OUTCOME_AFTER_DAYS } from './needs.service.js';

const clock = new ManualClock('2027-03-01T10:00:00Z');
const TITLE = 'Poczęstunek na konferencję w Toruniu';
const DEADLINE = '2027-03-25';
let t: TestApp;
let smtp: TestSmtp;
let needId = '';
let buyer = '';
let staff = '';

before(async () => {
  t = await createTestApp({ clock, sharedDatabase: true });
  smtp = await startTestSmtp();
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
after(async () => {
  await smtp.close();
  await t.close();
});

let client: ReturnType<typeof formClient> | undefined;
const get = (url: string, cookie = '') => (client ??= formClient(t, 11)).get(url, cookie);
const post = (url: string, values: Record<string, string | string[]>, cookie: string, formUrl = url) =>
  (client ??= formClient(t, 11)).post(url, values, cookie, formUrl);

/** Runs the mail worker of `ctx`'s instance until the outbox is empty; returns how many it delivered. */
async function deliver(ctx: ModuleContext): Promise<number> {
  const worker = startMailWorker({ ...ctx, config: { ...ctx.config, smtpUrl: smtp.url } }, { manual: true });
  let total = 0;
  try {
    for (let n = await worker.runOnce(); n > 0; n = await worker.runOnce()) total += n;
  } finally {
    await worker.stop();
  }
  return total;
}

/** The messages about a need the SMTP server received, as a mail client reads them. */
const received = (title: string) =>
  smtp.received
    .map((m) => ({ to: m.to.join(','), mail: parseMail(m.raw) }))
    .filter((m) => m.mail.subject.includes(title))
    .map((m) => ({ to: m.to, subject: m.mail.subject, text: m.mail.text ?? '' }));

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
      title: TITLE,
      category: 'catering',
      cpv: '',
      area_scope: 'units',
      gmina: ['0463011'],
      link: '',
      deadline: DEADLINE,
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
  needId = /\/oferta\/potrzeby\/([^?]+)/.exec(String(created.headers.location))![1]!;
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

  // delivered: exactly seven messages at the SMTP server, one to each entity's address
  assert.equal(await deliver(t.ctx), 7);
  const arrived = received(TITLE);
  assert.equal(arrived.length, 7);
  assert.deepEqual(
    arrived.map((m) => m.to).sort(),
    sent.map((m) => m.to_address),
  );
  assert.ok(arrived.every((m) => m.text.includes(`/oferta/potrzeby/${needId}`)));

  assert.equal(await notifyNeeds(t.ctx), '0 need notifications sent');
  await runDueJobs(t.ctx, offersJobs, { force: true });
  assert.equal((await notices()).length, 7, 're-runs queue nothing more');
  assert.equal(await deliver(t.ctx), 0);
  assert.equal(received(TITLE).length, 7, 're-runs deliver nothing more');
});

test('entities answer from the delivered link; after the deadline 0; 30 days on, one outcome question to the buyer and each interested entity; nothing more twice or on a second instance', async () => {
  // three entities answer from the link in the message they received (no account), a fourth declines
  const arrived = received(TITLE).sort((a, b) => a.to.localeCompare(b.to));
  const linkOf = (text: string) => /\/oferta\/potrzeby\/odpowiedz\/[A-Za-z0-9_-]+/.exec(text)![0];
  const answers = ['interested', 'interested', 'consortium', 'not_interested'] as const;
  for (const [i, answer] of answers.entries()) {
    const res = await post(linkOf(arrived[i]!.text), { answer, reason: '' }, '');
    assert.equal(res.statusCode, 303, `${arrived[i]!.to}: ${res.statusCode}`);
  }
  const interested = arrived.slice(0, 3).map((m) => m.to);

  // after the deadline: no notice, no reminder, nothing at the server
  clock.set(`${addDays(DEADLINE, 1)}T09:00:00Z`);
  assert.equal(await notifyNeeds(t.ctx), '0 need notifications sent');
  assert.equal(await deliver(t.ctx), 0);
  clock.set(`${addDays(DEADLINE, OUTCOME_AFTER_DAYS - 1)}T09:00:00Z`);
  assert.equal(await notifyNeeds(t.ctx), '0 need notifications sent', 'the day before the 30 days are up');

  // 30 days after the deadline: the buyer and the three interested entities, once each
  clock.set(`${addDays(DEADLINE, OUTCOME_AFTER_DAYS)}T09:00:00Z`);
  assert.equal(await notifyNeeds(t.ctx), '4 need notifications sent');
  assert.equal(await deliver(t.ctx), 4);
  const outcomes = received(`jak zakończyła się potrzeba zakupowa — ${TITLE}`);
  assert.deepEqual(outcomes.map((m) => m.to).sort(), ['zamowienia@torun.example.pl', ...interested].sort());
  assert.ok(
    outcomes.some((m) => m.text.includes(`/oferta/potrzeby/${needId}/wynik`)),
    "the buyer's link",
  );

  // the job twice, then on a second app instance over the same database (its own connection), with
  // its own mail worker: nothing more is queued or delivered. Two instances at once on PostgreSQL;
  // one after the other on SQLite, whose writers in one process would wait on each other's lock.
  const second = await secondInstance(t, { clock });
  try {
    await notifyNeeds(t.ctx);
    await runDueJobs(t.ctx, offersJobs, { force: true });
    if (testSettings().databaseUrl !== null) await Promise.all([notifyNeeds(t.ctx), notifyNeeds(second.ctx)]);
    assert.equal(await notifyNeeds(second.ctx), '0 need notifications sent');
    await runDueJobs(second.ctx, offersJobs, { force: true });
    assert.equal(await deliver(second.ctx), 0);
    assert.equal(await deliver(t.ctx), 0);
  } finally {
    await second.close();
  }
  assert.equal(received(TITLE).length, 7 + 4, 'seven notices and four outcome questions in all');

  // the example need of the demo is never asked about, 30 days after its deadline either
  const example = await t.ctx.db.selectFrom('needs').select('deadline').where('title', '=', DEMO_NEED_TITLE).executeTakeFirstOrThrow();
  clock.set(`${addDays(example.deadline, OUTCOME_AFTER_DAYS + 1)}T09:00:00Z`);
  assert.equal(await notifyNeeds(t.ctx), '0 need notifications sent');
  assert.equal(await deliver(t.ctx), 0);
  assert.equal(received(DEMO_NEED_TITLE).length, 0);
});
