// A body's meeting invitation as a mail client receives it: delivered by the mail worker to a real
// (test) SMTP server, the message carries a `text/calendar; method=REQUEST` alternative part that
// ical.js reads, at 10:00 Warsaw time on the last Sunday of October. On both databases (TEST_DIALECT).
// It lives here because it joins two modules' test surfaces (bodies' fixture, mail's SMTP server).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ICAL from 'ical.js';
import { plannedMeeting } from '../modules/bodies/bodies.testing.js';
import { startMailWorker } from '../modules/mail/index.js';
import { parseMail, startTestSmtp, type TestSmtp } from '../modules/mail/mail.testing.js';
import { createTestApp, type TestApp } from './app.js';
import { ManualClock } from './clock.js';

let t: TestApp;
let smtp: TestSmtp;

before(async () => {
  t = await createTestApp({ clock: new ManualClock('2027-10-01T08:00:00Z'), reference: false });
  smtp = await startTestSmtp();
});
after(async () => {
  await smtp.close();
  await t.close();
});

test('the invitation reaches the SMTP server with a calendar part an iCalendar parser reads', async () => {
  await plannedMeeting(t.ctx);
  const worker = startMailWorker({ ...t.ctx, config: { ...t.ctx.config, smtpUrl: smtp.url } }, { manual: true });
  try {
    assert.equal(await worker.runOnce(), 1);
  } finally {
    await worker.stop();
  }
  const mail = parseMail(smtp.received.at(-1)!.raw);
  assert.equal(mail.to, 'czlonek@example.pl');
  assert.match(mail.text ?? '', /Porządek obrad/);
  const part = mail.parts.find((p) => p.contentType.startsWith('text/calendar'));
  assert.ok(part, 'a text/calendar part');
  assert.match(part.contentType, /method=REQUEST/i);
  const comp = new ICAL.Component(ICAL.parse(part.content));
  assert.equal(comp.getFirstPropertyValue('method'), 'REQUEST');
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const event = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
  assert.equal(event.startDate.hour, 10);
  assert.equal(event.startDate.zone.tzid, 'Europe/Warsaw');
  assert.equal(event.startDate.toJSDate().toISOString(), '2027-10-31T09:00:00.000Z');
  assert.match(event.summary, /Komitet przeglądowy/);
});
