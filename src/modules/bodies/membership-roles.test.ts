// Ending a membership takes the member role of the body from the account, on SQLite and PostgreSQL
// with a controlled clock: a dismissal dated in the past closes the member space at once; a
// membership ending on a later day keeps it open to its last day, and the hourly job revokes the role
// the day after (a second run changes nothing). A member still sitting in another term keeps it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, cookieHeader, csrfFrom, form, loginAs, sessionFor, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import * as repo from './bodies.repo.js';
import { bodyFixture, E2E_BODY } from './bodies.testing.js';
import { bodiesJobs } from './index.js';

const clock = new ManualClock('2027-03-01T09:00:00Z');
let t: TestApp;
let coordinatorId: string;
const member = { anna: '', basia: '' };
const space = `/zespoly/${E2E_BODY.slug}/dla-czlonkow`;
const job = bodiesJobs.find((j) => j.name === 'bodies.memberships-ended')!;

before(async () => {
  t = await createTestApp({ clock, reference: false });
  await bodyFixture(t.ctx);
  coordinatorId = (await loginAs(t, [{ role: 'coordinator' }])).userId;
  const role = [{ role: 'team_member' as const, scopeType: 'team', scopeId: E2E_BODY.id }];
  member.anna = (await loginAs(t, role)).userId;
  member.basia = (await loginAs(t, role)).userId;
  await t.ctx.db.updateTable('body_memberships').set({ user_id: member.anna }).where('id', '=', E2E_BODY.memberId).execute();
  const now = clock.now().toISOString();
  await repo.insertMembership(t.ctx.db, {
    id: 'roles-basia',
    term_id: E2E_BODY.termId,
    seat_id: 'e2e-seat-1',
    user_id: member.basia,
    person_name: 'Barbara Wiśniewska',
    role: 'member',
    nominating_institution: 'Urząd Wojewódzki',
    starts_on: '2027-01-01',
    ends_on: null,
    end_ground: null,
    appointing_act: 'Zarządzenie nr 3/2027',
    dismissing_act: null,
    email: null,
    phone: null,
    is_example: false,
    created_at: now,
    updated_at: now,
  });
});
after(async () => t.close());

const get = async (url: string, cookie = '') => t.app.inject({ url, headers: cookie ? { cookie } : {} });
async function end(membershipId: string, values: Record<string, string>) {
  const url = `/admin/zespoly/${E2E_BODY.id}/kadencje/${E2E_BODY.termId}/czlonkowie/${membershipId}/koniec`;
  const cookie = await sessionFor(t, coordinatorId);
  const page = await get(url, cookie);
  assert.equal(page.statusCode, 200);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookieHeader(page, cookie), 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(page.body), ...values }),
  });
}
const spaceStatus = async (userId: string) => (await get(space, await sessionFor(t, userId))).statusCode;
const revocations = async () =>
  (await t.ctx.db.selectFrom('audit_log').select('subject_id').where('action', '=', 'user.role_revoke').execute()).length;

test('a dismissal dated in the past closes the member space at once', async () => {
  assert.equal(await spaceStatus(member.basia), 200);
  const res = await end('roles-basia', { ends_on: '2027-02-28', end_ground: 'resignation', dismissing_act: 'Zarządzenie nr 4/2027' });
  assert.equal(res.statusCode, 303);
  assert.equal(await spaceStatus(member.basia), 403);
  assert.equal(await revocations(), 1);
});

test('a membership ending later keeps the space to its last day; the job revokes the role the day after, once', async () => {
  const res = await end(E2E_BODY.memberId, { ends_on: '2027-03-31', end_ground: 'term_end', dismissing_act: '' });
  assert.equal(res.statusCode, 303);
  assert.equal(await spaceStatus(member.anna), 200);
  clock.set('2027-03-31T21:00:00Z'); // 23:00 in Warsaw on the last day
  assert.match(String(await job.run(t.ctx)), /^0 /);
  assert.equal(await spaceStatus(member.anna), 200);
  clock.set('2027-03-31T22:30:00Z'); // 00:30 on 1 April in Warsaw
  assert.match(String(await job.run(t.ctx)), /^1 /);
  assert.equal(await spaceStatus(member.anna), 403);
  const roles = await t.ctx.db.selectFrom('user_roles').select('role').where('user_id', '=', member.anna).execute();
  assert.deepEqual(roles, []);
  assert.match(String(await job.run(t.ctx)), /^0 /);
  assert.equal(await revocations(), 2);
});

test('an account still sitting in another term of the body keeps the role', async () => {
  const now = clock.now().toISOString();
  await repo.insertTerm(t.ctx.db, {
    id: 'roles-term-2',
    body_id: E2E_BODY.id,
    number: 2,
    starts_on: '2041-01-01',
    ends_on: null,
    note: '',
    created_at: now,
  });
  await repo.insertSeat(t.ctx.db, {
    id: 'roles-seat',
    term_id: 'roles-term-2',
    category: 'voivode',
    label: null,
    seat_count: 1,
    position: 0,
  });
  const carl = await loginAs(t, [{ role: 'team_member', scopeType: 'team', scopeId: E2E_BODY.id }]);
  const base = {
    seat_id: 'roles-seat',
    user_id: carl.userId,
    person_name: 'Karol Zieliński',
    role: 'member' as const,
    nominating_institution: 'Urząd',
    appointing_act: 'Z 1',
    dismissing_act: null,
    email: null,
    phone: null,
    is_example: false,
    created_at: now,
    updated_at: now,
  };
  await repo.insertMembership(t.ctx.db, {
    ...base,
    id: 'roles-carl-1',
    term_id: E2E_BODY.termId,
    starts_on: '2027-01-01',
    ends_on: '2027-03-15',
    end_ground: 'resignation',
  });
  // appointed again for the next term, which has not begun yet
  await repo.insertMembership(t.ctx.db, {
    ...base,
    id: 'roles-carl-2',
    term_id: 'roles-term-2',
    starts_on: '2041-01-01',
    ends_on: null,
    end_ground: null,
  });
  assert.match(String(await job.run(t.ctx)), /^0 /);
  assert.equal(await spaceStatus(carl.userId), 200);
});
