// Organisers' e-mail to a session's participants, through HTTP on SQLite and PostgreSQL, delivered to
// the test SMTP server the other mail tests use: a refused form sends nothing; the preview shows the
// message and how many get it and sends nothing; sending queues one message per confirmed participant
// (and the waitlist when asked; never an unconfirmed registration or another session's people), in
// each recipient's language; the audit entry and the mailing record hold no subject or text; at most
// five mailings per event a day (the sixth is a translated 429, nothing queued); after the outbox
// retention the text is nowhere in the database.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runDueJobs } from '../../core/jobs.js';
import { createTestApp, csrfFrom, form, loginAs, sessionFor, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { parseMail, startTestSmtp, type TestSmtp } from '../../testing/mail.js';
import { mailModule, startMailWorker } from '../mail/index.js';
import { lastToken, makeEvent, registerPerson } from './events.testing.js';
import * as reg from './registration.service.js';

const clock = new ManualClock('2027-03-01T10:00:00Z');
let t: TestApp;
let smtp: TestSmtp;
let coordinator = '';
let ev: { id: string; sessionIds: string[] };
const SECRET = 'Sala zmieniona na 204, wejście od podwórza';

before(async () => {
  t = await createTestApp({ clock });
  smtp = await startTestSmtp();
  coordinator = (await loginAs(t, [{ role: 'coordinator' }])).userId;
  ev = await makeEvent(t.ctx, { title: 'Forum z wiadomością', capacities: [2, null] });
  const [s1, s2] = ev.sessionIds as [string, string];
  await registerPerson(t.ctx, ev.id, 'a@example.pl', [s1]);
  await reg.register(
    t.ctx,
    ev.id,
    { name: 'Bob', email: 'b@example.pl', participant_type: 'ngo', gmina_teryt: 'outside', sessions: [s1], consent: '1' },
    'en',
  );
  await reg.confirm(t.ctx, await lastToken(t.ctx, 'b@example.pl', 'event_confirm'));
  await registerPerson(t.ctx, ev.id, 'c-waiting@example.pl', [s1]);
  await registerPerson(t.ctx, ev.id, 'd-unconfirmed@example.pl', [s1], false);
  await registerPerson(t.ctx, ev.id, 'e-other@example.pl', [s2]);
});
after(async () => {
  await smtp.close();
  await t.close();
});

async function deliver(): Promise<number> {
  const worker = startMailWorker({ ...t.ctx, config: { ...t.ctx.config, smtpUrl: smtp.url } }, { manual: true });
  try {
    return await worker.runOnce();
  } finally {
    await worker.stop();
  }
}
const messages = async () =>
  (await t.ctx.db.selectFrom('mail_outbox').select(['to_address']).where('template', '=', 'event_message').execute()).map(
    (m) => m.to_address,
  );

test('preview first, then one message per participant through the outbox; nothing of the text kept but the outbox', async () => {
  const cookie = await sessionFor(t, coordinator);
  const url = `/admin/wydarzenia/${ev.id}/wiadomosc`;
  const page = await t.app.inject({ url, headers: { cookie } });
  assert.equal(page.statusCode, 200);
  assert.equal(page.body.match(/<h1[ >]/g)?.length, 1);
  const post = (path: string, values: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: path,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrfFrom(page.body), ...values }),
    });
  const values = { session_id: ev.sessionIds[0]!, subject: 'Zmiana sali', message: `${SECRET}.\nDo zobaczenia!` };

  const refused = await post(`${url}/podglad`, { ...values, subject: '' });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Temat/);

  const preview = await post(`${url}/podglad`, values);
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /Wiadomość otrzymają 2 osoby\./);
  assert.match(preview.body, /Spójnia: Zmiana sali — „Forum z wiadomością”/);
  assert.ok(preview.body.includes(SECRET));
  const withWaiting = await post(`${url}/podglad`, { ...values, include_waiting: '1' });
  assert.match(withWaiting.body, /Wiadomość otrzymają 3 osoby\./);
  assert.deepEqual(await messages(), [], 'a preview sends nothing');

  await deliver(); // the registration e-mails
  const sent = await post(url, { ...values, include_waiting: '1' });
  assert.equal(sent.statusCode, 303);
  assert.deepEqual((await messages()).sort(), ['a@example.pl', 'b@example.pl', 'c-waiting@example.pl']);
  const done = await t.app.inject({ url: `${url}?ok=wyslano`, headers: { cookie } });
  assert.match(done.body, /Wiadomość trafiła do kolejki poczty dla 3 osób\./);

  const before = smtp.received.length;
  assert.equal(await deliver(), 3);
  const got = smtp.received.slice(before).map((r) => ({ to: r.to[0], mail: parseMail(r.raw) }));
  assert.deepEqual(got.map((g) => g.to).sort(), ['a@example.pl', 'b@example.pl', 'c-waiting@example.pl']);
  const pl = got.find((g) => g.to === 'a@example.pl')!.mail;
  assert.equal(pl.subject, 'Spójnia: Zmiana sali — „Forum z wiadomością”');
  assert.ok(pl.text!.includes(`${SECRET}.\nDo zobaczenia!`), 'the line breaks of the text are kept');
  assert.ok(pl.text!.includes(`/wydarzenia/${ev.id}`));
  const en = got.find((g) => g.to === 'b@example.pl')!.mail;
  assert.match(en.text!, /the organisers of the event “Forum z wiadomością”/);
  assert.ok(en.text!.includes(`/en/wydarzenia/${ev.id}`));

  // the record says who sent to which session and how many — never what
  const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'event.mailing').execute();
  assert.equal(audit.length, 1);
  assert.match(JSON.stringify(audit[0]), /recipients\\?":3/);
  assert.ok(!JSON.stringify(audit).includes('Zmiana sali') && !JSON.stringify(audit).includes(SECRET));
  const record = await t.ctx.db.selectFrom('event_mailings').selectAll().execute();
  assert.equal(record.length, 1);
  assert.ok(!JSON.stringify(record).includes('Zmiana sali'));
});

test('at most five mailings per event a day: the sixth is refused with a translated message and sends nothing', async () => {
  const url = `/admin/wydarzenia/${ev.id}/wiadomosc`;
  const post = async () => {
    const cookie = await sessionFor(t, coordinator);
    const page = await t.app.inject({ url, headers: { cookie } });
    return t.app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrfFrom(page.body), session_id: ev.sessionIds[1]!, subject: 'Przypomnienie', message: 'Jutro o 10:00.' }),
    });
  };
  for (let i = 0; i < 4; i++) assert.equal((await post()).statusCode, 303, `mailing ${i + 2}`);
  const queued = (await messages()).length;
  const sixth = await post();
  assert.equal(sixth.statusCode, 429);
  assert.match(sixth.body, /wysłano w ostatniej dobie najwięcej wiadomości, ile można\. Spróbuj później\. Niczego nie wysłano\./);
  assert.equal((await messages()).length, queued);
  // a day later it may be sent again
  clock.advance(24 * 3600_000 + 1000);
  assert.equal((await post()).statusCode, 303);
  assert.equal((await messages()).length, queued + 1);
});

test('after the outbox retention the text of the messages is nowhere in the database', async () => {
  await deliver();
  clock.advance(31 * 24 * 3600_000);
  await runDueJobs(t.ctx, mailModule.jobs!, { force: true });
  assert.deepEqual(await messages(), []);
  for (const table of ['mail_outbox', 'audit_log', 'event_mailings', 'event_registrations', 'events'] as const) {
    const rows = await t.ctx.db.selectFrom(table).selectAll().execute();
    assert.ok(!JSON.stringify(rows).includes(SECRET), table);
  }
});
