// The outbox end to end against a real SMTP server: mail queued in a rolled-back transaction never
// exists, the worker delivers what a mail client can read (Polish characters intact), failures are
// retried with growing pauses and given up after six attempts, two workers never send one message
// twice, and the app starts and stops its worker when SMTP_URL is set.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApp, MODULES } from '../../app.js';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../core/db/database.js';
import { migrateToLatest } from '../../core/db/migrate.js';
import { withTestDatabase } from '../../core/db/testing.js';
import type { ModuleContext } from '../../core/module.js';
import { createTestApp, TEST_SECRET, type TestApp } from '../../testing/app.js';
import { enqueueMail, startMailWorker, type MailRequest } from './index.js';
import { backoffMs, MAX_ATTEMPTS } from './mail.service.js';
import { parseMail, startTestSmtp, type TestSmtp } from './mail.testing.js';
import { ManualClock } from '../../testing/clock.js';
import { systemClock } from '../../core/db/time.js';

const T0 = '2026-11-30T08:00:00.000Z';
let t: TestApp;
let clock: ManualClock;
let smtp: TestSmtp;
let ctx: ModuleContext;

before(async () => {
  clock = new ManualClock(T0);
  t = await createTestApp({ reference: false, clock });
  smtp = await startTestSmtp();
  // the app itself runs without SMTP_URL (no background worker); tests drive their own workers
  ctx = { ...t.ctx, config: { ...t.ctx.config, smtpUrl: smtp.url } };
});
after(async () => {
  await smtp.close();
  await t.close();
});

const pending = async () => (await t.ctx.db.selectFrom('mail_outbox').select('id').where('status', '=', 'pending').execute()).length;
const row = (id: string) => t.ctx.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const clearOutbox = async () => {
  // test set-up only: each test starts from an empty outbox
  await t.ctx.db.deleteFrom('mail_outbox').execute();
  smtp.received.length = 0;
};

const resetMail = (to: string): MailRequest => ({
  to,
  lang: 'pl',
  template: 'password_reset',
  params: { name: 'Łucja Żółć-Gęślą', link: 'https://spojnia.example.pl/konto/haslo/nowe/Tok3n_abcdefghijklmnop', validFor: '1 godzina' },
});

test('mail queued inside a transaction that rolls back leaves nothing behind; a committed one is pending', async () => {
  await clearOutbox();
  await assert.rejects(
    t.ctx.db.transaction().execute(async (trx) => {
      await enqueueMail(trx, resetMail('rollback@example.pl'), t.ctx.clock);
      throw new Error('the change that caused the mail failed');
    }),
    /the change that caused the mail failed/,
  );
  assert.equal(await pending(), 0);

  const id = await t.ctx.db.transaction().execute((trx) => enqueueMail(trx, resetMail('commit@example.pl'), t.ctx.clock));
  const r = await row(id);
  assert.equal(r.status, 'pending');
  assert.equal(r.to_address, 'commit@example.pl');
  assert.equal(r.template, 'password_reset');
  assert.equal(r.subject, 'Spójnia: ustawienie nowego hasła');
  assert.equal(r.attempts, 0);
  assert.equal(r.created_at, clock.now().toISOString());
  assert.equal(r.next_attempt_at, r.created_at);
  assert.match(r.html_body, /<a href="https:\/\/spojnia\.example\.pl\/konto\/haslo\/nowe\/Tok3n_abcdefghijklmnop">/);
});

test('without a worker (no SMTP_URL) mail stays pending, and a worker cannot start without SMTP_URL', async () => {
  await clearOutbox();
  await enqueueMail(t.ctx.db, resetMail('waiting@example.pl'), t.ctx.clock);
  assert.equal(t.ctx.config.smtpUrl, '');
  assert.throws(() => startMailWorker(t.ctx, { manual: true }), /SMTP_URL is not set/);
  assert.equal(await pending(), 1);
  assert.equal(smtp.received.length, 0);
});

test('the worker delivers over SMTP: envelope, headers, text and HTML parts with Polish characters intact', async () => {
  await clearOutbox();
  await t.ctx.settings.set('mail.from', 'ROPS Toruń — Spójnia <spojnia@rops.example.pl>');
  const id = await enqueueMail(t.ctx.db, resetMail('łucja@example.pl'.replace('ł', 'l')), t.ctx.clock);
  const stored = await row(id);
  const worker = startMailWorker(ctx, { manual: true });
  try {
    assert.equal(await worker.runOnce(), 1);
    assert.equal(await worker.runOnce(), 0, 'nothing left to send');
  } finally {
    await worker.stop();
  }
  assert.equal(smtp.received.length, 1);
  const got = smtp.received[0]!;
  assert.deepEqual(got.to, ['lucja@example.pl']);
  assert.equal(got.from, 'spojnia@rops.example.pl');
  const mail = parseMail(got.raw);
  assert.equal(mail.subject, 'Spójnia: ustawienie nowego hasła');
  assert.equal(mail.to, 'lucja@example.pl');
  assert.match(mail.from, /^"?ROPS Toruń — Spójnia"? <spojnia@rops\.example\.pl>$/);
  assert.equal(mail.headers.get('auto-submitted'), 'auto-generated');
  assert.equal(mail.headers.get('reply-to'), undefined, 'no Reply-To unless one is given');
  assert.match(mail.headers.get('content-type') ?? '', /^multipart\/alternative/);
  assert.equal(mail.text, stored.text_body, 'the text part arrives exactly as stored');
  assert.equal(mail.html, stored.html_body, 'the HTML part arrives exactly as stored');
  assert.match(mail.text!, /Dzień dobry Łucja Żółć-Gęślą,/);
  assert.match(mail.html!, /<p>Dzień dobry Łucja Żółć-Gęślą,<\/p>/);

  const sent = await row(id);
  assert.equal(sent.status, 'sent');
  assert.equal(sent.attempts, 1);
  assert.equal(sent.sent_at, clock.now().toISOString());
  assert.equal(sent.locked_until, null);
  await t.ctx.settings.delete('mail.from');
});

test('a refused message is retried after 1, 5, 25, 125 and 625 minutes, then marked failed after six attempts', async () => {
  await clearOutbox();
  smtp.refuse(true);
  const startAttempts = smtp.attempts();
  const id = await enqueueMail(t.ctx.db, resetMail('retry@example.pl'), t.ctx.clock);
  const worker = startMailWorker(ctx, { manual: true });
  try {
    const expectedWaits = [1, 5, 25, 125, 625].map((m) => m * 60_000);
    assert.deepEqual([1, 2, 3, 4, 5].map(backoffMs), expectedWaits);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      assert.equal(await worker.runOnce(), 0);
      const r = await row(id);
      assert.equal(r.attempts, attempt);
      assert.equal(smtp.attempts() - startAttempts, attempt, 'exactly one SMTP attempt per round');
      assert.match(r.last_error ?? '', /451|temporarily unavailable/);
      assert.equal(r.locked_until, null);
      if (attempt < MAX_ATTEMPTS) {
        const wait = expectedWaits[attempt - 1]!;
        assert.equal(r.status, 'pending');
        assert.equal(r.next_attempt_at, new Date(clock.now().getTime() + wait).toISOString());
        // not due a minute early: no attempt
        clock.advance(wait - 60_000);
        if (wait > 60_000) {
          await worker.runOnce();
          assert.equal(smtp.attempts() - startAttempts, attempt, 'no attempt before the pause is over');
        }
        clock.advance(60_000);
      } else {
        assert.equal(r.status, 'failed');
      }
    }
    clock.advance(30 * 24 * 3600_000);
    assert.equal(await worker.runOnce(), 0);
    assert.equal(smtp.attempts() - startAttempts, MAX_ATTEMPTS, 'a failed message is not tried again');
    assert.equal(smtp.received.length, 0);
  } finally {
    smtp.refuse(false);
    await worker.stop();
  }
});

test('a message refused for good (SMTP 5xx) is marked failed at once, without retries', async () => {
  await clearOutbox();
  smtp.refuse(550);
  const startAttempts = smtp.attempts();
  const id = await enqueueMail(t.ctx.db, resetMail('nobody@example.pl'), t.ctx.clock);
  const worker = startMailWorker(ctx, { manual: true });
  try {
    assert.equal(await worker.runOnce(), 0);
    const r = await row(id);
    assert.equal(r.status, 'failed');
    assert.equal(r.attempts, 1);
    assert.match(r.last_error ?? '', /550|no such mailbox/);
    clock.advance(24 * 3600_000);
    await worker.runOnce();
    assert.equal(smtp.attempts() - startAttempts, 1, 'not tried again');
  } finally {
    smtp.refuse(false);
    await worker.stop();
  }
});

test('retention: sent mail goes after 30 days, failed after 90, pending never', async () => {
  await clearOutbox();
  const { purgeOldMail } = await import('./mail.service.js');
  const ids = {
    sent: await enqueueMail(t.ctx.db, resetMail('sent@example.pl'), t.ctx.clock),
    failed: await enqueueMail(t.ctx.db, resetMail('failed@example.pl'), t.ctx.clock),
    pending: await enqueueMail(t.ctx.db, resetMail('pending@example.pl'), t.ctx.clock),
  };
  const at = clock.now().toISOString();
  await t.ctx.db.updateTable('mail_outbox').set({ status: 'sent', sent_at: at }).where('id', '=', ids.sent).execute();
  await t.ctx.db.updateTable('mail_outbox').set({ status: 'failed' }).where('id', '=', ids.failed).execute();
  const left = async () => (await t.ctx.db.selectFrom('mail_outbox').select('id').execute()).map((r) => r.id).sort();
  clock.advance(29 * 24 * 3600_000);
  await purgeOldMail(t.ctx);
  assert.deepEqual(await left(), Object.values(ids).sort());
  clock.advance(2 * 24 * 3600_000);
  assert.match(await purgeOldMail(t.ctx), /^1 /);
  assert.deepEqual(await left(), [ids.failed, ids.pending].sort());
  clock.advance(60 * 24 * 3600_000);
  await purgeOldMail(t.ctx);
  assert.deepEqual(await left(), [ids.pending]);
});

test('two workers claiming at the same time never send one message twice', async () => {
  await clearOutbox();
  const n = 30;
  for (let i = 0; i < n; i++)
    await enqueueMail(t.ctx.db, { to: `r${String(i).padStart(2, '0')}@example.pl`, lang: 'pl', template: 'test', params: {} }, t.ctx.clock);
  // on PostgreSQL the second worker is a second instance with its own connection pool; SQLite has a
  // single writer per file (and the test database is in memory), so there the rounds run in turn
  const concurrent = t.ctx.database.seam.name === 'postgres';
  const second = concurrent ? await openDatabase(t.database.url) : t.ctx.database;
  const a = startMailWorker(ctx, { manual: true, batchSize: 4 });
  const b = startMailWorker({ ...ctx, database: second, db: second.db }, { manual: true, batchSize: 4 });
  let delivered = 0;
  try {
    for (let round = 0; round < 20 && (await pending()) > 0; round++) {
      const counts = concurrent ? await Promise.all([a.runOnce(), b.runOnce()]) : [await a.runOnce(), await b.runOnce()];
      delivered += counts[0]! + counts[1]!;
    }
  } finally {
    await a.stop();
    await b.stop();
    if (concurrent) await second.close();
  }
  const recipients = smtp.received.flatMap((m) => m.to).sort();
  assert.equal(recipients.length, n, 'each message delivered exactly once');
  assert.deepEqual(
    recipients,
    Array.from({ length: n }, (_, i) => `r${String(i).padStart(2, '0')}@example.pl`),
  );
  assert.equal(delivered, n);
  const rows = await t.ctx.db.selectFrom('mail_outbox').select(['status', 'attempts']).execute();
  assert.ok(rows.every((r) => r.status === 'sent' && r.attempts === 1));
});

test('a slow SMTP server and two instances: the sender renews its lease, so each message goes out once and every attempt is recorded', async () => {
  await clearOutbox();
  // real time here: the lease (300 ms) is much shorter than the server's answer (1.2 s)
  const live: ModuleContext = { ...ctx, clock: systemClock };
  const n = 3;
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push(await enqueueMail(t.ctx.db, { to: `slow${i}@example.pl`, lang: 'pl', template: 'test', params: {} }, systemClock));
  const second = t.ctx.database.seam.name === 'postgres' ? await openDatabase(t.database.url) : t.ctx.database;
  smtp.delay(1200);
  // two real worker loops polling every 100 ms, as two instances would
  const a = startMailWorker(live, { intervalMs: 100, batchSize: 1, leaseMs: 300 });
  const b = startMailWorker({ ...live, database: second, db: second.db }, { intervalMs: 100, batchSize: 1, leaseMs: 300 });
  try {
    for (let waited = 0; waited < 15_000 && (await pending()) > 0; waited += 100) await new Promise((r) => setTimeout(r, 100));
    // a little longer, so a duplicate in flight would arrive
    await new Promise((r) => setTimeout(r, 1500));
  } finally {
    await a.stop();
    await b.stop();
    smtp.delay(0);
    if (second !== t.ctx.database) await second.close();
  }
  const recipients = smtp.received.flatMap((m) => m.to).sort();
  assert.deepEqual(
    recipients,
    Array.from({ length: n }, (_, i) => `slow${i}@example.pl`),
    'each message delivered exactly once',
  );
  const attempts = await t.ctx.db.selectFrom('mail_attempts').select(['mail_id', 'outcome', 'attempt', 'finished_at']).execute();
  assert.equal(attempts.length, n, 'one attempt per message');
  assert.ok(attempts.every((x) => x.outcome === 'sent' && x.attempt === 1 && x.finished_at !== null));
  const rows = await t.ctx.db.selectFrom('mail_outbox').select(['status', 'attempts', 'claim_token', 'locked_until']).execute();
  assert.ok(rows.every((r) => r.status === 'sent' && r.attempts === 1 && r.claim_token === null && r.locked_until === null));
  assert.deepEqual(
    new Set(smtp.received.map((m) => parseMail(m.raw).headers.get('message-id'))),
    new Set(ids.map((id) => `<${id}@localhost>`)),
  );
});

test('stopping the worker (shutdown) ends its round after the message in hand: the rest stay pending and unclaimed', async () => {
  await clearOutbox();
  const live: ModuleContext = { ...ctx, clock: systemClock };
  for (let i = 0; i < 3; i++)
    await enqueueMail(t.ctx.db, { to: `stop${i}@example.pl`, lang: 'pl', template: 'test', params: {} }, systemClock);
  smtp.delay(500);
  const worker = startMailWorker(live, { manual: true, batchSize: 20 });
  const earlier = smtp.started();
  try {
    const round = worker.runOnce();
    while (smtp.started() === earlier) await new Promise((r) => setTimeout(r, 10));
    const startedBefore = smtp.started();
    await worker.stop();
    assert.equal(await round, 1, 'the message being sent was finished and recorded');
    assert.equal(smtp.started(), startedBefore, 'nothing was sent after the stop');
  } finally {
    smtp.delay(0);
  }
  const rows = await t.ctx.db.selectFrom('mail_outbox').select(['status', 'claim_token', 'attempts']).orderBy('to_address').execute();
  assert.deepEqual(rows.map((r) => r.status).sort(), ['pending', 'pending', 'sent']);
  assert.ok(
    rows.filter((r) => r.status === 'pending').every((r) => r.claim_token === null && r.attempts === 0),
    'the others were never claimed',
  );
});

test('a sender that stalls for a whole lease is taken over: the late outcome cannot overwrite the new holder, both attempts are recorded, one Message-ID', async () => {
  await clearOutbox();
  const live: ModuleContext = { ...ctx, clock: systemClock };
  const id = await enqueueMail(t.ctx.db, resetMail('stalled@example.pl'), systemClock);
  smtp.delay(800);
  const a = startMailWorker(live, { manual: true, batchSize: 1, leaseMs: 60_000 });
  const b = startMailWorker(live, { manual: true, batchSize: 1, leaseMs: 60_000 });
  try {
    const first = a.runOnce();
    const startedBefore = smtp.started();
    for (let waited = 0; waited < 5000 && smtp.started() === startedBefore; waited += 20) await new Promise((r) => setTimeout(r, 20));
    const held = await row(id);
    assert.notEqual(held.claim_token, null, 'claimed, with a fencing token');
    // as if the first sender had stopped renewing for a whole lease (a stalled or cut-off process)
    await t.ctx.db
      .updateTable('mail_outbox')
      .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', id)
      .execute();
    smtp.delay(0);
    assert.equal(await b.runOnce(), 1, 'the second worker takes the message over and sends it');
    const taken = await row(id);
    assert.equal(taken.status, 'sent');
    assert.equal(await first, 1, 'the first delivery also reached the server');
    const after = await row(id);
    assert.equal(after.status, 'sent');
    assert.equal(after.attempts, 2);
    assert.equal(after.sent_at, taken.sent_at, 'the late outcome did not overwrite the holder');
  } finally {
    smtp.delay(0);
    await a.stop();
    await b.stop();
  }
  const attempts = await t.ctx.db
    .selectFrom('mail_attempts')
    .select(['attempt', 'outcome', 'worker', 'claim_token'])
    .where('mail_id', '=', id)
    .orderBy('attempt')
    .execute();
  assert.deepEqual(
    attempts.map((x) => [x.attempt, x.outcome]),
    [
      [1, 'sent'],
      [2, 'sent'],
    ],
  );
  assert.notEqual(attempts[0]!.worker, attempts[1]!.worker);
  assert.notEqual(attempts[0]!.claim_token, attempts[1]!.claim_token);
  assert.equal(smtp.received.length, 2, 'the duplicate a stall can cause…');
  const messageIds = smtp.received.map((m) => parseMail(m.raw).headers.get('message-id'));
  assert.deepEqual(messageIds, [`<${id}@localhost>`, `<${id}@localhost>`], '…carries the same Message-ID, so mail clients fold it');
});

test('the outbox page of a message shows its Message-ID, Reply-To and every attempt; the delivered message carries the Reply-To', async () => {
  await clearOutbox();
  smtp.refuse(true);
  const id = await enqueueMail(t.ctx.db, { ...resetMail('history@example.pl'), replyTo: 'odpowiedzi@example.pl' }, t.ctx.clock);
  assert.equal((await row(id)).reply_to, 'odpowiedzi@example.pl');
  const worker = startMailWorker(ctx, { manual: true });
  try {
    await worker.runOnce();
    smtp.refuse(false);
    clock.advance(backoffMs(1));
    assert.equal(await worker.runOnce(), 1);
  } finally {
    smtp.refuse(false);
    await worker.stop();
  }
  assert.equal(parseMail(smtp.received.at(-1)!.raw).headers.get('reply-to'), 'odpowiedzi@example.pl');
  const { loginAs } = await import('../../testing/app.js');
  // the test session is stamped with the real time; the page is read at that time
  clock.set(new Date());
  const { cookie } = await loginAs(t, [{ role: 'administrator' }]);
  const page = await t.app.inject({ url: `/admin/poczta/${id}`, headers: { cookie } });
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes(`<code>&lt;${id}@localhost></code>`), 'the Message-ID is shown');
  assert.match(page.body, /<dt>Odpowiedź do \(Reply-To\)<\/dt>\s*<dd>odpowiedzi@example\.pl<\/dd>/);
  assert.match(page.body, /Próby wysyłki/);
  assert.match(page.body, /nieudana/);
  assert.match(page.body, /przyjęta przez serwer poczty/);
  assert.match(page.body, /451|temporarily unavailable/);
});

test('with SMTP_URL set the app starts a worker when ready (mail queued earlier goes out) and stops it on close', async () => {
  const database = await withTestDatabase();
  const local = await startTestSmtp();
  try {
    await migrateToLatest(database.handle, MODULES);
    await enqueueMail(database.handle.db, { to: 'boot@example.pl', lang: 'en', template: 'test', params: {} });
    const config = loadConfig({ DATABASE_URL: database.url, SESSION_SECRET: TEST_SECRET, LOG_LEVEL: 'silent', SMTP_URL: local.url });
    const { app } = await buildApp({ config, database: database.handle, logger: false });
    await app.ready();
    await local.waitFor(1);
    await app.close();
    assert.deepEqual(local.received[0]!.to, ['boot@example.pl']);
    assert.equal(parseMail(local.received[0]!.raw).subject, 'Spójnia: test message');
    const r = await database.handle.db.selectFrom('mail_outbox').select(['status']).executeTakeFirstOrThrow();
    assert.equal(r.status, 'sent', 'the round finished before close returned');
  } finally {
    await local.close();
    await database.dispose();
  }
});
