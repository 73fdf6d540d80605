// "Chcę założyć podmiot" as the centres receive it: the public form for a gmina of centre A, then the
// mail worker delivering to a real (test) SMTP server — the request arrives at centre A's address for
// requests and not at centre B's, with the sender as its Reply-To (the centre just answers), and the
// sender's copy arrives at the sender. On both databases
// (TEST_DIALECT). It lives here because it joins two modules' test surfaces (support's example
// centre, mail's SMTP server).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startMailWorker } from '../modules/mail/index.js';
import { parseMail, startTestSmtp, type TestSmtp } from '../modules/mail/mail.testing.js';
import { exampleCentre } from '../modules/support/support.testing.js';
import { cookieHeader, createTestApp, csrfFrom, form, type TestApp } from './app.js';
import { ManualClock } from './clock.js';

const CENTRE_A = 'zgloszenia@owes.example.pl';
const CENTRE_B = 'zgloszenia@tlok.example.pl';

let t: TestApp;
let smtp: TestSmtp;

before(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-11-27T10:00:00Z') });
  smtp = await startTestSmtp();
  // centre A: the example centre serving the Bydgoszcz subregion (Sadki's), its address for requests CENTRE_A
  await exampleCentre(t.ctx);
  // centre B: the seeded OWES TŁOK 3 (the Grudziądz subregion), given an address for requests too
  const b = await t.ctx.db
    .updateTable('support_centres')
    .set({ leads_email: CENTRE_B })
    .where('name', '=', 'OWES TŁOK 3')
    .executeTakeFirst();
  assert.equal(Number(b.numUpdatedRows), 1);
});
after(async () => {
  await smtp.close();
  await t.close();
});

test('the request reaches centre A’s address at the SMTP server, not centre B’s, and the copy the sender', async () => {
  const page = await t.app.inject({ url: '/wsparcie/zaloz-podmiot' });
  const sent = await t.app.inject({
    method: 'POST',
    url: '/wsparcie/zaloz-podmiot',
    headers: { cookie: cookieHeader(page), 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({
      _csrf: csrfFrom(page.body),
      message: 'Chcemy założyć spółdzielnię socjalną z usługami opiekuńczymi.',
      gmina: 'Sadki',
      name: 'Anna Przykładowa',
      email: 'anna@example.pl',
      consent: '1',
    }),
  });
  assert.equal(sent.statusCode, 303, sent.body);
  const outbox = await t.ctx.db.selectFrom('mail_outbox').select(['to_address', 'reply_to']).orderBy('to_address').execute();
  assert.deepEqual(
    outbox.map((m) => [m.to_address, m.reply_to]),
    [
      ['anna@example.pl', null],
      [CENTRE_A, 'anna@example.pl'],
    ],
    'the request to the centre is to be answered to the sender; the copy to the sender has no Reply-To',
  );

  const worker = startMailWorker({ ...t.ctx, config: { ...t.ctx.config, smtpUrl: smtp.url } }, { manual: true });
  try {
    assert.equal(await worker.runOnce(), 2);
  } finally {
    await worker.stop();
  }
  assert.equal(smtp.received.length, 2);
  const to = (address: string) => smtp.received.filter((m) => m.to.includes(address));
  assert.equal(to(CENTRE_B).length, 0, 'nothing for the centre that does not serve Sadki');

  const [lead] = to(CENTRE_A);
  assert.ok(lead, 'the request arrived at centre A');
  const leadMail = parseMail(lead.raw);
  assert.equal(leadMail.to, CENTRE_A);
  assert.match(leadMail.subject, /gmina Sadki/);
  assert.match(leadMail.text ?? '', /gminę Sadki[\s\S]*Od: Anna Przykładowa[\s\S]*spółdzielnię socjalną/);
  assert.match(leadMail.text ?? '', /Adres do odpowiedzi: anna@example\.pl/, 'the centre can answer the sender');
  assert.equal(leadMail.headers.get('reply-to'), 'anna@example.pl', 'replying to the request answers the sender');

  const [copy] = to('anna@example.pl');
  assert.ok(copy, 'the copy arrived at the sender');
  const copyMail = parseMail(copy.raw);
  assert.equal(copyMail.to, 'anna@example.pl');
  assert.equal(copyMail.headers.get('reply-to'), undefined);
  assert.match(copyMail.subject, /kopia Twojej wiadomości do ośrodka „Ośrodek Przykładowy \(test\)”/);
  assert.match(copyMail.text ?? '', /obsługuje gminę Sadki[\s\S]*spółdzielnię socjalną/);
});
