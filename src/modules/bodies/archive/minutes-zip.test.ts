// The ZIP of a term's approved minutes on SQLite and PostgreSQL: one tagged PDF per approved minutes
// (read back from the archive), only the public meetings for the public, every approved meeting for
// members and staff; where the body does not publish its minutes, anonymous visitors get 404 and
// other users 403.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { unzipSync } from 'fflate';
import { createTestApp, loginAs, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { approvedMinutes, E2E_BODY, plannedMeeting } from '../bodies.testing.js';

const clock = new ManualClock('2027-05-10T10:00:00Z');
let t: TestApp;
const url = `/zespoly/${E2E_BODY.slug}/kadencje/1/protokoly.zip`;
const meetings: string[] = [];

before(async () => {
  t = await createTestApp({ clock, reference: false });
  for (const day of ['2027-05-10T10:00:00Z', '2027-06-14T10:00:00Z', '2027-06-14T15:00:00Z']) {
    clock.set(day);
    meetings.push(/posiedzenia\/([^/]+)\/protokol/.exec(await approvedMinutes(t.ctx))![1]!);
  }
  await plannedMeeting(t.ctx, '2027-09-01T10:00'); // not held: no minutes
  // the third meeting was internal
  await t.ctx.db.updateTable('body_meetings').set({ is_public: false }).where('id', '=', meetings[2]!).execute();
});
after(async () => t.close());

const get = async (path: string, cookie = '') => t.app.inject({ url: path, headers: cookie ? { cookie } : {} });

function pdfsIn(res: Awaited<ReturnType<typeof get>>): string[] {
  assert.equal(res.statusCode, 200, res.body.slice(0, 200));
  assert.equal(res.headers['content-type'], 'application/zip');
  assert.match(String(res.headers['content-disposition']), /protokoly-komitet-e2e-kadencja-1\.zip/);
  const files = unzipSync(new Uint8Array(res.rawPayload));
  for (const [name, bytes] of Object.entries(files)) {
    assert.match(name, /\.pdf$/);
    assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-', name);
  }
  return Object.keys(files).sort();
}

test('the public ZIP holds one PDF per approved minutes of the public meetings', async () => {
  assert.deepEqual(pdfsIn(await get(url)), ['01-protokol-2027-05-10.pdf', '02-protokol-2027-06-14.pdf']);
  // the body's page links it
  assert.match((await get(`/zespoly/${E2E_BODY.slug}`)).body, /kadencje\/1\/protokoly\.zip/);
  assert.equal((await get(`/zespoly/${E2E_BODY.slug}/kadencje/7/protokoly.zip`)).statusCode, 404);
});

test('staff and members get every approved meeting; with unpublished minutes nobody else', async () => {
  const staff = await loginAs(t, [{ role: 'coordinator' }]);
  const member = await loginAs(t, [{ role: 'team_member', scopeType: 'team', scopeId: E2E_BODY.id }]);
  const all = ['01-protokol-2027-05-10.pdf', '02-protokol-2027-06-14.pdf', '03-protokol-2027-06-14.pdf'];
  assert.deepEqual(pdfsIn(await get(url, staff.cookie)), all);
  await t.ctx.db.updateTable('bodies').set({ is_minutes_public: false }).where('id', '=', E2E_BODY.id).execute();
  assert.equal((await get(url)).statusCode, 404);
  const other = await loginAs(t, [{ role: 'team_member', scopeType: 'team', scopeId: 'another-body' }]);
  assert.equal((await get(url, other.cookie)).statusCode, 403);
  assert.deepEqual(pdfsIn(await get(url, member.cookie)), all);
  assert.doesNotMatch((await get(`/zespoly/${E2E_BODY.slug}`)).body, /protokoly\.zip/);
});
