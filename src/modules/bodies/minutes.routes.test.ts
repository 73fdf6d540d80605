// Minutes through HTTP on SQLite and PostgreSQL: not public before approval; approval needs the text
// of every agenda item; the approved minutes are a page and a tagged PDF whose text (pdftotext)
// holds the attendance totals, the guests and the decision with the rule applied.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pdfToText } from '../../core/export/export.testing.js';
import { createTestApp, cookieHeader, csrfFrom, form, loginAs, sessionFor, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { E2E_BODY, heldMeeting } from './bodies.testing.js';

const clock = new ManualClock('2027-03-01T12:00:00Z');
let t: TestApp;
let memberId: string;
let coordinatorId: string;
let meetingId: string;
let items: string[];

before(async () => {
  t = await createTestApp({ clock, reference: false });
  coordinatorId = (await loginAs(t, [{ role: 'coordinator' }])).userId;
  meetingId = (await heldMeeting(t.ctx)).meetingId;
  memberId = (await loginAs(t, [{ role: 'team_member', scopeType: 'team', scopeId: E2E_BODY.id }])).userId;
  await t.ctx.db.updateTable('body_memberships').set({ user_id: memberId }).where('id', '=', E2E_BODY.memberId).execute();
  items = (
    await t.ctx.db.selectFrom('body_agenda_items').select('id').where('meeting_id', '=', meetingId).orderBy('position').execute()
  ).map((i) => i.id);
});
after(async () => t.close());

const admin = () => `/admin/zespoly/${E2E_BODY.id}/posiedzenia/${meetingId}`;
const publicPath = () => `/zespoly/${E2E_BODY.slug}/posiedzenia/${meetingId}/protokol`;

async function post(target: string, values: Record<string, string>, formUrl: string, userId = coordinatorId) {
  const cookie = await sessionFor(t, userId);
  const page = await t.app.inject({ url: formUrl, headers: { cookie } });
  assert.equal(page.statusCode, 200, `${formUrl}: ${page.statusCode}`);
  return t.app.inject({
    method: 'POST',
    url: target,
    headers: { cookie: cookieHeader(page, cookie), 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(page.body), ...values }),
  });
}

test('minutes are not public before approval, and approval needs every item’s text', async () => {
  assert.equal((await t.app.inject({ url: publicPath() })).statusCode, 404);
  const refused = await post(`${admin()}/protokol/zatwierdzenie`, {}, `${admin()}/protokol`);
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /Każdy punkt porządku obrad musi mieć tekst protokołu/);
  const saved = await post(
    `${admin()}/protokol`,
    { [`item_${items[0]}`]: 'Przewodnicząca otworzyła posiedzenie.', [`item_${items[1]}`]: '' },
    `${admin()}/protokol`,
  );
  assert.equal(saved.statusCode, 303);
  assert.equal((await post(`${admin()}/protokol/zatwierdzenie`, {}, `${admin()}/protokol`)).statusCode, 409);
});

test('members comment on the draft once per item until the day set; approval waits for the period to end', async () => {
  const saved = await post(
    `${admin()}/protokol`,
    { [`item_${items[0]}`]: 'Otwarcie.', [`item_${items[1]}`]: 'Opinia.' },
    `${admin()}/protokol`,
  );
  assert.equal(saved.statusCode, 303);
  const draft = `/zespoly/${E2E_BODY.slug}/dla-czlonkow/protokoly/${meetingId}`;
  assert.equal((await t.app.inject({ url: draft, headers: { cookie: await sessionFor(t, memberId) } })).statusCode, 404, 'not shared yet');
  const bad = await post(`${admin()}/protokol/projekt`, { comments_until: '2027-02-01' }, `${admin()}/protokol`);
  assert.equal(bad.statusCode, 400);
  assert.equal((await post(`${admin()}/protokol/projekt`, { comments_until: '2027-03-03' }, `${admin()}/protokol`)).statusCode, 303);
  const space = await t.app.inject({ url: `/zespoly/${E2E_BODY.slug}/dla-czlonkow`, headers: { cookie: await sessionFor(t, memberId) } });
  assert.ok(space.body.includes(draft), 'the member space lists the draft');
  const first = await post(draft, { [`c_${items[1]}`]: 'Proszę dopisać liczbę opinii.' }, draft, memberId);
  assert.equal(first.statusCode, 200);
  assert.match(first.body, /Zapisano uwagi/);
  assert.match(first.body, /Twoja uwaga: Proszę dopisać liczbę opinii\./);
  const twice = await t.ctx.db
    .insertInto('body_minutes_comments')
    .values({
      id: 'dup',
      meeting_id: meetingId,
      agenda_item_id: items[1]!,
      membership_id: E2E_BODY.memberId,
      text: 'x',
      created_at: '2027-03-01T12:00:00Z',
    })
    .execute()
    .then(
      () => 'inserted',
      () => 'refused',
    );
  assert.equal(twice, 'refused', 'once per member and item, also in the schema');
  const repeated = await post(draft, { [`c_${items[1]}`]: 'Jeszcze jedna.' }, draft, memberId);
  assert.equal(repeated.statusCode, 400);
  assert.match(repeated.body, /każdy członek zgłasza jedną uwagę do punktu/);
  const again = await post(draft, { [`c_${items[0]}`]: 'Bez uwag.' }, draft, memberId);
  assert.equal(again.statusCode, 200);
  const staffPage = await t.app.inject({ url: `${admin()}/protokol`, headers: { cookie: await sessionFor(t, coordinatorId) } });
  assert.match(staffPage.body, /Anna Kowalska — Proszę dopisać liczbę opinii\./);
  const early = await post(`${admin()}/protokol/zatwierdzenie`, {}, `${admin()}/protokol`);
  assert.equal(early.statusCode, 409);
  assert.match(early.body, /po upływie terminu uwag/);
  clock.set('2027-03-04T08:00:00Z');
  const page = await t.app.inject({ url: draft, headers: { cookie: await sessionFor(t, memberId) } });
  assert.match(page.body, /Termin zgłaszania uwag minął/);
});

test('approved minutes: a page and a tagged PDF with the attendance totals and the decisions', async () => {
  const saved = await post(
    `${admin()}/protokol`,
    {
      [`item_${items[0]}`]: 'Przewodnicząca otworzyła posiedzenie.',
      [`item_${items[1]}`]: 'Komitet **pozytywnie** zaopiniował sprawozdanie.',
    },
    `${admin()}/protokol`,
  );
  assert.equal(saved.statusCode, 303);
  assert.equal((await post(`${admin()}/protokol/zatwierdzenie`, {}, `${admin()}/protokol`)).statusCode, 303);
  const status = await t.ctx.db.selectFrom('body_meetings').select('status').where('id', '=', meetingId).executeTakeFirstOrThrow();
  assert.equal(status.status, 'minutes_approved');
  const page = await t.app.inject({ url: publicPath() });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Zaproszeni członkowie: 1, obecni: 1\./);
  assert.match(page.body, /<strong>pozytywnie<\/strong>/);
  assert.match(page.body, /przyjęto\. Zwykła większość/);
  assert.doesNotMatch(page.body, /czlonek@example\.pl/);
  const body = await t.app.inject({ url: `/zespoly/${E2E_BODY.slug}` });
  assert.ok(body.body.includes(publicPath()), 'the body’s page links the minutes');
  const pdf = await t.app.inject({ url: `${publicPath()}.pdf` });
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const text = pdfToText(pdf.rawPayload).replace(/\s+/g, ' ');
  assert.match(text, /Zaproszeni członkowie: 1, obecni: 1\./);
  assert.match(text, /Anna Kowalska/);
  assert.match(text, /Jan Ekspert/);
  assert.match(text, /przyjęto\. Zwykła większość/);
  const api = (await t.app.inject({ url: `/api/v1/zespoly/${E2E_BODY.slug}` })).json<{
    meetings: { id: string; minutes_url: string | null }[];
  }>();
  assert.ok(api.meetings.find((x) => x.id === meetingId)?.minutes_url?.endsWith(publicPath()));
  const en = await t.app.inject({ url: `/en${publicPath()}.pdf` });
  assert.match(pdfToText(en.rawPayload).replace(/\s+/g, ' '), /Members invited: 1, present: 1\./);
});
