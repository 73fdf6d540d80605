// Attendance and votes through HTTP on SQLite and PostgreSQL with a controlled clock: no attendance
// before a meeting starts; three unexcused absences in a row raise the flag on the staff page, an
// excused one between them does not; a vote below the quorum gives "no quorum", with the quorum and
// a majority "adopted", each shown with the rule that applied; more votes than members present are refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, cookieHeader, csrfFrom, form, loginAs, sessionFor, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { E2E_BODY, plannedMeeting } from './bodies.testing.js';

const clock = new ManualClock('2027-01-01T08:00:00Z');
let t: TestApp;
let coordinatorId: string;
const meetings: string[] = [];
const url = (id: string) => `/admin/zespoly/${E2E_BODY.id}/posiedzenia/${id}`;
const member = `a_${E2E_BODY.memberId}`;
const FLAG = /trzy kolejne nieusprawiedliwione nieobecności/;

before(async () => {
  t = await createTestApp({ clock, reference: false });
  coordinatorId = (await loginAs(t, [{ role: 'coordinator' }])).userId;
  for (const month of ['01', '02', '03', '04']) meetings.push(await plannedMeeting(t.ctx, `2027-${month}-10T10:00`));
});
after(async () => t.close());

async function post(target: string, values: Record<string, string>, formUrl: string) {
  const cookie = await sessionFor(t, coordinatorId);
  const page = await t.app.inject({ url: formUrl, headers: { cookie } });
  assert.equal(page.statusCode, 200, `${formUrl}: ${page.statusCode}`);
  return t.app.inject({
    method: 'POST',
    url: target,
    headers: { cookie: cookieHeader(page, cookie), 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(page.body), ...values }),
  });
}
const page = async (target: string) => (await t.app.inject({ url: target, headers: { cookie: await sessionFor(t, coordinatorId) } })).body;

test('no attendance list before the meeting starts', async () => {
  const res = await post(`${url(meetings[0]!)}/obecnosc`, { [member]: 'present' }, url(meetings[0]!));
  assert.equal(res.statusCode, 409);
  assert.doesNotMatch(await page(url(meetings[0]!)), /Lista obecności/);
});

test('three unexcused absences in a row raise the flag; an excused one between them does not', async () => {
  clock.set('2027-05-01T08:00:00Z');
  for (const id of meetings.slice(0, 3)) {
    const res = await post(`${url(id)}/obecnosc`, { [member]: 'unexcused', guests: 'Jan Ekspert\nMaria Pracownik' }, url(id));
    assert.equal(res.statusCode, 303);
  }
  const flagged = await page(url(meetings[2]!));
  assert.match(flagged, FLAG);
  assert.match(flagged, /Zaproszeni członkowie: 1, obecni: 0\./);
  assert.match(flagged, /Jan Ekspert/);
  const held = await t.ctx.db.selectFrom('body_meetings').select('status').where('id', '=', meetings[0]!).executeTakeFirstOrThrow();
  assert.equal(held.status, 'held');
  assert.equal((await post(`${url(meetings[1]!)}/obecnosc`, { [member]: 'excused' }, url(meetings[1]!))).statusCode, 303);
  assert.doesNotMatch(await page(url(meetings[2]!)), FLAG);
  const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'body.attendance').execute();
  assert.equal(audit.length, 4);
});

test('votes: no quorum below it, adopted with the quorum and a majority, the rule shown; too many votes refused', async () => {
  const items = async (id: string) =>
    t.ctx.db.selectFrom('body_agenda_items').select('id').where('meeting_id', '=', id).orderBy('position').execute();
  // meeting 4: the one member present (quorum 1/2 of 1 member = 1)
  assert.equal((await post(`${url(meetings[3]!)}/obecnosc`, { [member]: 'present' }, url(meetings[3]!))).statusCode, 303);
  const [first] = await items(meetings[3]!);
  const voteUrl = `${url(meetings[3]!)}/glosowania/${first!.id}`;
  const tooMany = await post(voteUrl, { for: '2', against: '0', abstained: '0' }, voteUrl);
  assert.equal(tooMany.statusCode, 400);
  assert.match(tooMany.body, /więcej głosów, niż było obecnych \(1\)/);
  assert.equal((await post(voteUrl, { for: '1', against: '0', abstained: '0' }, voteUrl)).statusCode, 303);
  const adopted = await page(url(meetings[3]!));
  assert.match(adopted, /<strong>przyjęto<\/strong>\. Zwykła większość: więcej głosów za niż przeciw\./);
  // meeting 1: nobody present
  const [noQuorumItem] = await items(meetings[0]!);
  const noQuorumUrl = `${url(meetings[0]!)}/glosowania/${noQuorumItem!.id}`;
  assert.equal((await post(noQuorumUrl, { for: '0', against: '0', abstained: '0' }, noQuorumUrl)).statusCode, 303);
  assert.match(await page(noQuorumUrl), /<strong>brak kworum<\/strong>\. Obecnych liczonych do kworum: 0; kworum wymaga 1\./);
});

test('no vote on a meeting that has not been held', async () => {
  clock.set('2027-05-01T08:00:00Z');
  const planned = await plannedMeeting(t.ctx, '2027-06-10T10:00');
  const [item] = await t.ctx.db.selectFrom('body_agenda_items').select('id').where('meeting_id', '=', planned).execute();
  const voteUrl = `${url(planned)}/glosowania/${item!.id}`;
  const res = await post(voteUrl, { for: '1', against: '0', abstained: '0' }, voteUrl);
  assert.equal(res.statusCode, 409);
});
