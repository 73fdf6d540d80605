// Erasing a person from the outbox (eraseMailAbout), on SQLite and PostgreSQL: of the messages
// about one thing to one address, unsent ones (waiting or failed) go with their attempts, sent ones
// keep no address, subject, text, reply-to address or error; other addresses and other subjects are untouched; old
// messages without `about` are matched by template only when the caller says so; the outbox pages
// show an erased message without personal data.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, loginAs, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { enqueueMail, eraseMailAbout, type MailRequest } from './index.js';
import { deliverDue } from './mail.service.js';

const clock = new ManualClock('2027-02-01T09:00:00.000Z');
let t: TestApp;

before(async () => {
  t = await createTestApp({ reference: false, clock });
});
after(async () => t.close());

const mail = (to: string, about?: string, replyTo?: string): MailRequest => ({
  to,
  lang: 'pl',
  template: 'password_reset',
  params: { name: 'Anna Nowak', link: 'https://spojnia.example.pl/konto/haslo/nowe/Tok3n_abcdefghijklmnop', validFor: '1 godzina' },
  ...(about ? { about } : {}),
  ...(replyTo ? { replyTo } : {}),
});
const rows = () => t.ctx.db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();
const attempts = () => t.ctx.db.selectFrom('mail_attempts').selectAll().execute();

test('unsent messages about it to that address are withdrawn, sent ones keep no personal data; nothing else changes', async () => {
  const ids = {
    sent: await enqueueMail(t.ctx.db, mail('Anna.Nowak@example.pl', 'case:1', 'anna.prywatnie@example.pl'), clock),
    failed: await enqueueMail(t.ctx.db, mail('anna.nowak@example.pl', 'case:1'), clock),
  };
  // one message goes out after a refusal that quotes the address; the other is refused for good
  let refused = false;
  await deliverDue(
    t.ctx,
    async (m) => {
      if (!refused && m.to === 'Anna.Nowak@example.pl') {
        refused = true;
        throw Object.assign(new Error('451 <Anna.Nowak@example.pl> try later'), { responseCode: 451 });
      }
      if (m.to === 'anna.nowak@example.pl') throw Object.assign(new Error('550 <anna.nowak@example.pl> unknown'), { responseCode: 550 });
    },
    { batchSize: 5, worker: 'test' },
  );
  clock.advance(3600_000);
  await deliverDue(t.ctx, async () => undefined, { batchSize: 5, worker: 'test' });
  const waiting = await enqueueMail(t.ctx.db, mail('anna.nowak@example.pl', 'case:1'), clock);
  const kept = {
    otherCase: await enqueueMail(t.ctx.db, mail('anna.nowak@example.pl', 'case:2'), clock),
    otherPerson: await enqueueMail(t.ctx.db, mail('jan@example.pl', 'case:1'), clock),
    unlabelled: await enqueueMail(t.ctx.db, mail('anna.nowak@example.pl'), clock),
  };
  const before = await rows();
  assert.deepEqual(
    before
      .filter((r) => r.id === ids.sent || r.id === ids.failed)
      .map((r) => r.status)
      .sort(),
    ['failed', 'sent'],
  );
  assert.ok((await attempts()).some((a) => a.error?.includes('Anna.Nowak@example.pl')));

  clock.advance(60_000);
  const result = await t.ctx.db
    .transaction()
    .execute((trx) => eraseMailAbout(trx, { about: 'case:1', to: [' ANNA.nowak@example.pl'] }, clock));
  assert.deepEqual(result, { withdrawn: 2, redacted: 1 });

  const after = await rows();
  assert.deepEqual(
    after.map((r) => r.id).sort(),
    [ids.sent, ...Object.values(kept)].sort(),
    `waiting ${waiting} and failed ${ids.failed} are gone`,
  );
  const sent = after.find((r) => r.id === ids.sent)!;
  assert.equal(sent.status, 'sent');
  assert.equal(sent.erased_at, clock.now().toISOString());
  assert.ok(sent.sent_at && sent.template === 'password_reset', 'the record that it went out stays');
  assert.deepEqual(
    [sent.to_address, sent.subject, sent.text_body, sent.html_body, sent.reply_to, sent.last_error],
    ['', '', '', '', null, null],
  );
  const left = await attempts();
  assert.ok(
    left.every((a) => a.mail_id === ids.sent),
    'the attempts of the withdrawn messages went with them',
  );
  assert.equal(left.length, 2);
  assert.ok(left.every((a) => a.error === null));
  for (const id of Object.values(kept))
    assert.deepEqual(
      after.find((r) => r.id === id),
      before.find((r) => r.id === id),
      'untouched',
    );
  assert.doesNotMatch(JSON.stringify(after.filter((r) => r.id === ids.sent)), /anna|nowak/i);

  const again = await eraseMailAbout(t.ctx.db, { about: 'case:1', to: ['anna.nowak@example.pl'] }, clock);
  assert.deepEqual(again, { withdrawn: 0, redacted: 0 }, 'a second erasure finds nothing');
});

test('unlabelled messages count only for the templates and addresses given; without addresses every message about it goes', async () => {
  const unlabelled = (await rows()).find((r) => r.about === null)!;
  assert.deepEqual(
    await eraseMailAbout(t.ctx.db, { about: 'case:2', to: ['anna.nowak@example.pl'], unlabelledTemplates: ['invitation'] }, clock),
    { withdrawn: 1, redacted: 0 },
  );
  assert.ok(
    (await rows()).some((r) => r.id === unlabelled.id),
    'another template is not taken',
  );
  assert.deepEqual(
    await eraseMailAbout(t.ctx.db, { about: 'case:9', to: ['anna.nowak@example.pl'], unlabelledTemplates: ['password_reset'] }, clock),
    { withdrawn: 1, redacted: 0 },
  );
  assert.ok(!(await rows()).some((r) => r.id === unlabelled.id));
  assert.deepEqual(
    await eraseMailAbout(t.ctx.db, { about: 'case:1', to: [] }, clock),
    { withdrawn: 0, redacted: 0 },
    'no address, nothing to erase',
  );
  assert.deepEqual(
    await eraseMailAbout(t.ctx.db, { about: 'case:1' }, clock),
    { withdrawn: 1, redacted: 0 },
    "jan's waiting message about it",
  );
});

test('the outbox pages show an erased message without its address, subject or text', async () => {
  const erased = (await rows()).find((r) => r.erased_at !== null)!;
  // a fresh session: the clock has moved past a staff session's idle limit
  const admin = (await loginAs(t, [{ role: 'administrator' }])).cookie;
  const list = await t.app.inject({ url: '/admin/poczta', headers: { cookie: admin } });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Dane adresata usunięte/);
  assert.doesNotMatch(list.body, /anna\.nowak/i);
  const page = await t.app.inject({ url: `/admin/poczta/${erased.id}`, headers: { cookie: admin } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>Dane adresata usunięte<\/h1>/);
  assert.match(page.body, /razem z danymi osobowymi adresata/);
  assert.doesNotMatch(page.body, /anna|nowak/i);
  const en = await t.app.inject({ url: `/en/admin/poczta/${erased.id}`, headers: { cookie: admin } });
  assert.match(en.body, /Recipient&#39;s data erased|Recipient's data erased/);
});
