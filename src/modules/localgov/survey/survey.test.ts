// The local governments' survey on both databases: staff create the survey's indicators in the
// current programme and give two local governments — the gmina Chełmno (A) and the powiat chełmiński
// (B) — partner accounts by name; in a monitoring round each sees and submits only its own unit's
// cells (the powiat's account does not cover its gminy, A's form cannot write B's cell); approved
// values reach the public table, CSV and API with the round as source, and a staff record's values
// stand over the survey's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, csrfFrom, form, loginAs, type TestApp, type TestRole } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { insertTestProgramme } from '../../../testing/programmes.js';

let t: TestApp;
let staff: string;
let programmeId: string;

before(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-03-10T10:00:00Z') });
  programmeId = (await insertTestProgramme(t.ctx, { period_from: 2021, period_to: 2030, is_current: true })).id;
  ({ cookie: staff } = await loginAs(t, [{ role: 'coordinator' }]));
});
after(async () => t.close());

const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
async function post(url: string, pageUrl: string, cookie: string, values: Record<string, string>) {
  const page = await get(pageUrl, cookie);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrfFrom(page.body), ...values }),
  });
}

async function rolesOf(email: string): Promise<TestRole[]> {
  const rows = await t.ctx.db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.role', 'r.scope_type', 'r.scope_id'])
    .where('u.email_norm', '=', email)
    .execute();
  return rows.map((r) => ({ role: 'reporting_partner' as const, scopeType: r.scope_type!, scopeId: r.scope_id! }));
}

describe('the local governments’ survey', () => {
  const A = 'gmina-a@chelmno.example.pl';
  const B = 'powiat-b@chelmno.example.pl';
  let cookieA: string;
  let cookieB: string;
  const roundId = 'round-survey-2025';
  const ids = new Map<string, string>();

  it('staff create the survey indicators in the current programme, once', async () => {
    const res = await post('/admin/samorzady/ankieta/wskazniki', '/admin/samorzady/ankieta', staff, {});
    assert.equal(res.statusCode, 303, res.body);
    const rows = await t.ctx.db
      .selectFrom('indicators')
      .select(['id', 'code', 'breakdown', 'method'])
      .where('programme_id', '=', programmeId)
      .execute();
    assert.equal(rows.length, 12);
    for (const r of rows) ids.set(r.code, r.id);
    assert.equal(rows.find((r) => r.code === 'JST-G-KLAUZ-L')?.breakdown, 'gmina');
    assert.equal(rows.find((r) => r.code === 'JST-P-KLAUZ-L')?.breakdown, 'powiat');
    assert.ok(rows.every((r) => r.method === 'reported'));
    const page = await get('/admin/samorzady/ankieta', staff);
    assert.match(page.body, /ma 12 z 12 wskaźników ankiety/);
    assert.doesNotMatch(page.body, /Utwórz brakujące/);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'indicator.create').execute();
    assert.equal(audit.length, 12);
  });

  it('staff give a gmina and a powiat partner accounts chosen by name; a bad form changes nothing', async () => {
    const bad = await post('/admin/samorzady/ankieta/partnerzy', '/admin/samorzady/ankieta', staff, {
      unit: 'Nieistniejąca',
      name: 'X',
      email: 'x@example.pl',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Nie znaleziono samorządu o takiej nazwie/);
    assert.equal((await rolesOf('x@example.pl')).length, 0);
    const a = await post('/admin/samorzady/ankieta/partnerzy', '/admin/samorzady/ankieta', staff, {
      unit: 'Chełmno (gmina miejska, powiat chełmiński)',
      name: 'Anna Gminna',
      email: A,
    });
    assert.equal(a.statusCode, 303, a.body);
    assert.match(a.headers.location!, /ok=invited/);
    const b = await post('/admin/samorzady/ankieta/partnerzy', '/admin/samorzady/ankieta', staff, {
      unit: 'powiat chełmiński',
      name: 'Bogdan Powiatowy',
      email: B,
    });
    assert.equal(b.statusCode, 303, b.body);
    const rolesA = await rolesOf(A);
    assert.ok(rolesA.some((r) => r.scopeId === 'localgov:0404011'));
    assert.ok(rolesA.some((r) => r.scopeId === 'indicator:JST-G-KLAUZ-L'));
    assert.ok(!rolesA.some((r) => r.scopeId === 'indicator:JST-P-KLAUZ-L'), 'a gmina reports the gminy’s indicators only');
    const mail = await t.ctx.db.selectFrom('mail_outbox').select(['to_address', 'template']).where('to_address', '=', A).execute();
    assert.deepEqual(
      mail.map((m) => m.template),
      ['invitation'],
    );
    const page = await get('/admin/samorzady/ankieta', staff);
    assert.match(page.body, /Anna Gminna/);
    assert.match(page.body, /Bogdan Powiatowy/);
    // the invited people log in with exactly the roles granted to them
    ({ cookie: cookieA } = await loginAs(t, rolesA));
    ({ cookie: cookieB } = await loginAs(t, await rolesOf(B)));
  });

  it('in a round each local government sees and submits only its own unit', async () => {
    await t.ctx.db
      .insertInto('monitoring_rounds')
      .values({
        id: roundId,
        programme_id: programmeId,
        name: 'Ankieta samorządów 2025',
        period: 2025,
        deadline: '2026-03-31',
        status: 'open',
        created_by: null,
        created_at: '2026-03-01T00:00:00.000Z',
        closed_at: null,
      })
      .execute();
    await t.ctx.db
      .insertInto('monitoring_round_indicators')
      .values([...ids.values()].map((indicator_id) => ({ round_id: roundId, indicator_id })))
      .execute();
    const url = `/sprawozdawczosc/${roundId}`;
    const formA = await get(url, cookieA);
    assert.equal(formA.statusCode, 200);
    const gKey = `${ids.get('JST-G-KLAUZ-L')}__0404011`;
    const pKey = `${ids.get('JST-P-KLAUZ-L')}__0404`;
    assert.ok(formA.body.includes(`value__${gKey}`));
    assert.ok(!formA.body.includes(`value__${pKey}`), 'A does not see B’s cell');
    assert.ok(!formA.body.includes(`__0404022`), 'A does not see other gminy');
    const formB = await get(url, cookieB);
    assert.ok(formB.body.includes(`value__${pKey}`));
    assert.ok(!formB.body.includes('__0404011'), 'a powiat’s government does not report its gminy');

    const res = await post(url, url, cookieA, {
      [`value__${gKey}`]: '3',
      [`value__${ids.get('JST-G-PROGRAM')}__0404011`]: '1',
      [`value__${pKey}`]: '99',
      [`value__${ids.get('JST-G-KLAUZ-L')}__0404022`]: '77',
      action: 'submit',
    });
    assert.equal(res.statusCode, 303, res.body);
    const stored = await t.ctx.db.selectFrom('indicator_values').select(['territory_code', 'value', 'status', 'id']).execute();
    assert.deepEqual(stored.map((v) => v.territory_code).sort(), ['0404011', '0404011'], 'B’s and other cells stay untouched');
    // the coordinator approves A's values
    for (const v of stored) {
      const approve = await post(
        `/admin/program/${programmeId}/monitorowanie/${roundId}/wartosci/${v.id}/zatwierdz`,
        `/admin/program/${programmeId}/monitorowanie/${roundId}`,
        staff,
        {},
      );
      assert.equal(approve.statusCode, 303, approve.body);
    }
  });

  it('approved values reach the public table, CSV, API and profile with the round as source', async () => {
    const page = await get('/samorzady?rok=2025');
    assert.match(page.body, /Chełmno \(gmina miejska, powiat chełmiński\)/);
    assert.match(page.body, /ankieta: Ankieta samorządów 2025/);
    assert.doesNotMatch(page.body, /powiat chełmiński<\/a>/, 'B reported nothing: no row');
    const api = JSON.parse((await get('/api/v1/samorzady?rok=2025')).body) as {
      items: { unit_teryt: string; programme: string | null; clauses_count: number | null; tasks_count: number | null; source: string }[];
    };
    const row = api.items.find((i) => i.unit_teryt === '0404011')!;
    assert.equal(row.programme, 'yes');
    assert.equal(row.clauses_count, 3);
    assert.equal(row.tasks_count, null, 'not reported stays unknown');
    const csv = (await get('/samorzady.csv?rok=2025')).body;
    assert.match(csv, /ankieta: Ankieta samorządów 2025/);
    const profile = await get('/terytorium/0404011');
    assert.match(profile.body, /ankieta: Ankieta samorządów 2025/);
  });

  it('a staff record’s value stands; the survey fills what it leaves unknown', async () => {
    const res = await post('/admin/samorzady/nowy', '/admin/samorzady/nowy', staff, {
      unit: 'Chełmno (gmina miejska, powiat chełmiński)',
      year: '2025',
      clauses_count: '5',
      tasks_count: '2',
      source: 'BIP gminy',
    });
    assert.equal(res.statusCode, 303, res.body);
    const api = JSON.parse((await get('/api/v1/samorzady?rok=2025')).body) as {
      items: { unit_teryt: string; programme: string | null; clauses_count: number | null; tasks_count: number | null; source: string }[];
    };
    const row = api.items.find((i) => i.unit_teryt === '0404011')!;
    assert.equal(row.clauses_count, 5);
    assert.equal(row.tasks_count, 2);
    assert.equal(row.programme, 'yes');
    assert.equal(row.source, 'BIP gminy; ankieta: Ankieta samorządów 2025');
  });

  it('only coordinators and administrators open the survey’s staff page', async () => {
    assert.equal((await get('/admin/samorzady/ankieta', cookieA)).statusCode, 403);
    assert.equal((await get('/admin/samorzady/ankieta')).statusCode, 302);
  });
});
