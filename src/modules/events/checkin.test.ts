// Check-in on SQLite and PostgreSQL: marks made on devices are applied once per id (a batch synced
// twice counts nobody twice), the first mark of a person wins and later ones are reported as
// duplicates, unknown codes are reported, and only confirmed registrations can be checked in; the
// phone's page works without JavaScript too (one form per person, its id made with the page).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestApp, csrfFrom, cookieHeader, form, loginAs, sessionFor, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { makeEvent, registerPerson } from './events.testing.js';

const clock = new ManualClock('2027-03-01T10:00:00Z');
let t: TestApp;
let coordinator = '';
let ev: { id: string; sessionIds: string[] };
const codes: string[] = [];

before(async () => {
  t = await createTestApp({ clock });
  coordinator = (await loginAs(t, [{ role: 'coordinator' }])).userId;
  ev = await makeEvent(t.ctx, { capacities: [10] });
  for (let i = 0; i < 4; i++) await registerPerson(t.ctx, ev.id, `c${i}@example.pl`, ev.sessionIds);
  await registerPerson(t.ctx, ev.id, 'unconfirmed@example.pl', ev.sessionIds, false);
  const rows = await t.ctx.db
    .selectFrom('event_registrations')
    .select(['short_code', 'email'])
    .where('event_id', '=', ev.id)
    .orderBy('email')
    .execute();
  for (const r of rows) if (r.email !== 'unconfirmed@example.pl') codes.push(r.short_code);
});
after(async () => t.close());

async function page(cookie: string) {
  const res = await t.app.inject({ url: `/admin/wydarzenia/${ev.id}/obecnosc`, headers: { cookie } });
  assert.equal(res.statusCode, 200);
  return { csrf: csrfFrom(res.body), cookie: cookieHeader(res, cookie), html: res.body };
}

async function sync(marks: { id: string; code: string; at?: string }[]) {
  const p = await page(await sessionFor(t, coordinator));
  const res = await t.app.inject({
    method: 'POST',
    url: `/admin/wydarzenia/${ev.id}/obecnosc/synchronizacja`,
    headers: { cookie: p.cookie, 'content-type': 'application/json', 'x-csrf-token': p.csrf },
    payload: JSON.stringify({ marks }),
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { applied: string[]; alreadyApplied: string[]; duplicates: unknown[]; unknown: unknown[]; message: string };
}

const presentCount = async () => (await t.ctx.db.selectFrom('event_checkins').select('id').where('event_id', '=', ev.id).execute()).length;

test('three people checked in offline and synced twice count three times, not six', async () => {
  const marks = codes.slice(0, 3).map((code) => ({ id: randomUUID(), code, at: clock.now().toISOString() }));
  const first = await sync(marks);
  assert.equal(first.applied.length, 3);
  const again = await sync(marks);
  assert.deepEqual(again.applied, []);
  assert.equal(again.alreadyApplied.length, 3);
  assert.equal(await presentCount(), 3);
  assert.match(again.message, /już zapisane wcześniej: 3/);
});

test('a second phone marking the same person: the first wins, the second is reported as a duplicate', async () => {
  const r = await sync([
    { id: randomUUID(), code: codes[0]!.toLowerCase() },
    { id: randomUUID(), code: 'ZZZZZZ' },
  ]);
  assert.equal(r.duplicates.length, 1);
  assert.equal(r.unknown.length, 1);
  assert.equal(await presentCount(), 3);
});

test('an unconfirmed registration cannot be checked in; a malformed id is refused', async () => {
  const unconfirmed = await t.ctx.db
    .selectFrom('event_registrations')
    .select('short_code')
    .where('email', '=', 'unconfirmed@example.pl')
    .executeTakeFirstOrThrow();
  const r = await sync([{ id: randomUUID(), code: unconfirmed.short_code }]);
  assert.equal(r.unknown.length, 1);
  const p = await page(await sessionFor(t, coordinator));
  const bad = await t.app.inject({
    method: 'POST',
    url: `/admin/wydarzenia/${ev.id}/obecnosc/synchronizacja`,
    headers: { cookie: p.cookie, 'content-type': 'application/json', 'x-csrf-token': p.csrf },
    payload: JSON.stringify({ marks: [{ id: 'not-an-id', code: codes[3] }] }),
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(await presentCount(), 3);
});

test('without JavaScript: the page lists names and codes only, and its form sent twice marks once', async () => {
  const p = await page(await sessionFor(t, coordinator));
  assert.ok(p.html.includes(codes[3]!) && !p.html.includes('c3@example.pl'));
  const markId = new RegExp(`name="mark_id" value="([0-9a-f-]{36})"/><input type="hidden" name="code" value="${codes[3]}"`).exec(
    p.html,
  )?.[1];
  assert.ok(markId);
  for (let i = 0; i < 2; i++) {
    const res: { statusCode: number } = await t.app.inject({
      method: 'POST',
      url: `/admin/wydarzenia/${ev.id}/obecnosc`,
      headers: { cookie: p.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: p.csrf, mark_id: markId, code: codes[3]! }),
    });
    assert.equal(res.statusCode, 200);
  }
  assert.equal(await presentCount(), 4);
  const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'event.checkin').execute();
  assert.ok(audit.length >= 4);
});
