// The authorisation matrix of monitoring and the annual report, on routes that need data (a round,
// a programme): each role, and reporting partners with different scopes — indicator A, indicator B,
// territory X (a powiat), territory Y — get the answer a real user gets. Page visits (GET) and
// writes (POST with a valid form token) are both checked, so a write cannot slip past a read rule.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, csrfFrom, form, loginAs, type TestApp, type TestRole } from '../../../testing/app.js';
import { insertTestIndicator, insertTestProgramme } from '../indicators.testing.js';
import { ManualClock } from '../../../testing/clock.js';

type Who =
  | 'anonymous'
  | 'administrator'
  | 'coordinator'
  | 'editor'
  | 'moderator'
  | 'entity_representative'
  | 'partnerA'
  | 'partnerB'
  | 'partnerX'
  | 'partnerY';
const WHO: Who[] = [
  'anonymous',
  'administrator',
  'coordinator',
  'editor',
  'moderator',
  'entity_representative',
  'partnerA',
  'partnerB',
  'partnerX',
  'partnerY',
];
const ROLES: Record<Exclude<Who, 'anonymous'>, TestRole> = {
  administrator: { role: 'administrator' },
  coordinator: { role: 'coordinator' },
  editor: { role: 'editor' },
  moderator: { role: 'moderator' },
  entity_representative: { role: 'entity_representative', scopeType: 'entity', scopeId: 'entity-x' },
  partnerA: { role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'indicator:A1' },
  partnerB: { role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'indicator:B1' },
  partnerX: { role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'territory:0401' },
  partnerY: { role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'territory:0402' },
};
const CODE: Record<string, number> = { A: 200, L: 302, F: 403, N: 404, R: 303, U: 401 };

let t: TestApp;
const cookies = new Map<Who, string>();
const tokens = new Map<Who, string>();
let programmeId = '';
let slug = '';
let roundA = '';
let indicatorA = '';

before(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-03-10T10:00:00Z') });
  const p = await insertTestProgramme(t.ctx, { period_from: 2021, period_to: 2030 });
  programmeId = p.id;
  slug = p.slug;
  indicatorA = await insertTestIndicator(t.ctx, p.id, { code: 'A1', breakdown: 'powiat' });
  await insertTestIndicator(t.ctx, p.id, { code: 'B1', breakdown: 'none' });
  roundA = 'round-a';
  await t.ctx.db
    .insertInto('monitoring_rounds')
    .values({
      id: roundA,
      programme_id: p.id,
      name: 'Runda A',
      period: 2025,
      deadline: '2026-03-31',
      status: 'open',
      created_by: null,
      created_at: '2026-03-01T00:00:00.000Z',
      closed_at: null,
    })
    .execute();
  await t.ctx.db.insertInto('monitoring_round_indicators').values({ round_id: roundA, indicator_id: indicatorA }).execute();
  for (const who of WHO) {
    if (who === 'anonymous') continue;
    const { cookie } = await loginAs(t, [ROLES[who]]);
    cookies.set(who, cookie);
    const page = await t.app.inject({ url: '/konto/tokeny', headers: { cookie } });
    if (page.statusCode !== 200) continue;
    const res = await t.app.inject({
      method: 'POST',
      url: '/konto/tokeny',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrfFrom(page.body), name: 'test' }),
    });
    tokens.set(who, /value="(spj_[^"]+)"/.exec(res.body)![1]!);
  }
});
after(async () => t.close());

function check(name: string, row: string, call: (who: Who) => Promise<number>) {
  test(`monitoring access: ${name}`, async () => {
    assert.equal(row.length, WHO.length);
    const got: string[] = [];
    for (const [i, who] of WHO.entries()) {
      const status = await call(who);
      if (status !== CODE[row[i]!]) got.push(`${who}: expected ${CODE[row[i]!]}, got ${status}`);
    }
    assert.deepEqual(got, []);
  });
}

const get = (url: string) => async (who: Who) =>
  (await t.app.inject({ url, headers: cookies.has(who) ? { cookie: cookies.get(who)! } : {} })).statusCode;

/** A POST with the session's form token taken from the account page (anonymous: no token at all). */
const post = (url: () => string, values: () => Record<string, string>) => async (who: Who) => {
  const cookie = cookies.get(who);
  if (!cookie)
    return (
      await t.app.inject({
        method: 'POST',
        url: url(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: form(values()),
      })
    ).statusCode;
  const page = await t.app.inject({ url: '/konto', headers: { cookie } });
  return (
    await t.app.inject({
      method: 'POST',
      url: url(),
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrfFrom(page.body), ...values() }),
    })
  ).statusCode;
};

//                                                                      anon adm coo edi mod ent pA pB pX pY
check('partner list', 'LFFFFFAAAA', get('/sprawozdawczosc'));
// the round collects A1 (by powiat): partners of A1 and of any powiat see it; the partner of B1 does not
check('round form', 'LFFFFFAFAA', (who) => get(`/sprawozdawczosc/${roundA}`)(who));
check('admin rounds', 'LAAFFFFFFF', (who) => get(`/admin/program/${programmeId}/monitorowanie`)(who));
check('admin round', 'LAAFFFFFFF', (who) => get(`/admin/program/${programmeId}/monitorowanie/${roundA}`)(who));
check('report editor', 'LAAFFFFFFF', (who) => get(`/admin/program/${programmeId}/sprawozdanie/2025`)(who));
// a draft report is staff-only: 404 for everyone else, as if it did not exist
check('draft report', 'NAANNNNNNN', (who) => get(`/program/${slug}/sprawozdanie/2025`)(who));
check('token page', 'LAAFFFAAAA', get('/konto/tokeny'));
// writes: partner X writes only its powiat, Y only its own (a field for X's powiat is ignored, not an error)
check(
  'round form submission',
  'UFFFFFRFRR',
  post(
    () => `/sprawozdawczosc/${roundA}`,
    () => ({ [`value__${indicatorA}__0401`]: '1', action: 'save' }),
  ),
);
check(
  'open a round',
  'URRFFFFFFF',
  post(
    () => `/admin/program/${programmeId}/monitorowanie`,
    () => ({ name: 'R', period: '2025', deadline: '2026-03-31', indicators: indicatorA }),
  ),
);

// the API: who may submit which cell (201 created, 401 no usable token, 403 outside the scope)
const apiCode: Record<string, number> = { C: 201, U: 401, F: 403 };
function checkApi(name: string, row: string, code: string, territory: string) {
  test(`monitoring API: ${name}`, async () => {
    const got: string[] = [];
    for (const [i, who] of WHO.entries()) {
      const token = tokens.get(who);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/wskazniki/${code}/wartosci?program=${slug}`,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        payload: JSON.stringify({ period: 2025, territory, value: 1 }),
      });
      if (res.statusCode !== apiCode[row[i]!])
        got.push(`${who}: expected ${apiCode[row[i]!]}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    assert.deepEqual(got, []);
  });
}
//                                        anon adm coo edi mod ent pA pB pX pY
checkApi('indicator A, territory X', 'UCCUUUCFCF', 'A1', '0401');
checkApi('indicator A, territory Y', 'UCCUUUCFFC', 'A1', '0402');
checkApi('indicator A, the region', 'UCCUUUCFFF', 'A1', 'region');
