// Personal API tokens and the reporting API on SQLite and PostgreSQL: a token is shown once and
// stored hashed; the API takes only the bearer token (no cookies, no CSRF form token), checks the
// value with the form's rules and the partner's scope, answers problem+json, and stops accepting a
// revoked token or one whose owner lost the role. The route and its bearer scheme are in OpenAPI.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../../testing/app.js';
import { createHash } from 'node:crypto';
import { insertTestIndicator, insertTestProgramme } from '../indicators.testing.js';
import { ManualClock } from '../../../testing/clock.js';

const clock = new ManualClock('2026-03-10T10:00:00Z');

describe('API tokens and value submission', () => {
  let t: TestApp;
  let slug: string;
  let p1: { cookie: string; userId: string };
  let p2: { cookie: string; userId: string };
  let coordinator: { cookie: string; userId: string };
  let token1 = '';
  let token2 = '';
  let tokenCoordinator = '';

  const createToken = async (cookie: string, name: string) => {
    const page = await t.app.inject({ url: '/konto/tokeny', headers: { cookie } });
    assert.equal(page.statusCode, 200);
    const res = await t.app.inject({
      method: 'POST',
      url: '/konto/tokeny',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrfFrom(page.body), name }),
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    const m = /id="new-token"[^>]*value="(spj_[A-Za-z0-9_-]+)"/.exec(res.body);
    assert.ok(m, 'the new token is shown');
    return m[1]!;
  };
  const api = (token: string | null, path: string, body: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      payload: JSON.stringify(body),
    });

  before(async () => {
    t = await createTestApp({ clock });
    const programme = await insertTestProgramme(t.ctx, { period_from: 2021, period_to: 2030 });
    slug = programme.slug;
    const a = await insertTestIndicator(t.ctx, programme.id, { code: 'W1.1', breakdown: 'powiat' });
    await insertTestIndicator(t.ctx, programme.id, { code: 'W2.1', breakdown: 'none' });
    await t.ctx.db
      .insertInto('monitoring_rounds')
      .values({
        id: 'round-2025',
        programme_id: programme.id,
        name: '2025',
        period: 2025,
        deadline: '2026-03-31',
        status: 'open',
        created_by: null,
        created_at: '2026-03-01T00:00:00.000Z',
        closed_at: null,
      })
      .execute();
    await t.ctx.db.insertInto('monitoring_round_indicators').values({ round_id: 'round-2025', indicator_id: a }).execute();
    p1 = await loginAs(t, [{ role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'indicator:W1.1' }]);
    p2 = await loginAs(t, [{ role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'territory:0401' }]);
    coordinator = await loginAs(t, [{ role: 'coordinator' }]);
  });
  after(async () => t.close());

  it('a token is created in the account, shown once and stored only as a hash', async () => {
    token1 = await createToken(p1.cookie, 'System PCPR');
    token2 = await createToken(p2.cookie, 'Powiat aleksandrowski');
    tokenCoordinator = await createToken(coordinator.cookie, 'Koordynator');
    const rows = await t.ctx.db.selectFrom('api_tokens').selectAll().where('user_id', '=', p1.userId).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.token_hash, createHash('sha256').update(token1).digest('hex'));
    assert.notEqual(rows[0]!.token_hash, token1);
    const list = await t.app.inject({ url: '/konto/tokeny', headers: { cookie: p1.cookie } });
    assert.match(list.body, /System PCPR/);
    assert.ok(!list.body.includes(token1), 'the token is not shown again');
    // a user who may not submit values has no token page
    const editor = await loginAs(t, [{ role: 'editor' }]);
    assert.equal((await t.app.inject({ url: '/konto/tokeny', headers: { cookie: editor.cookie } })).statusCode, 403);
    assert.match((await t.app.inject({ url: '/konto', headers: { cookie: p1.cookie } })).body, /href="\/konto\/tokeny"/);
  });

  it('refuses calls without a valid bearer token; a session cookie is not accepted', async () => {
    const path = `/api/v1/wskazniki/W1.1/wartosci?program=${slug}`;
    const body = { period: 2025, value: 5 };
    const none = await api(null, path, body);
    assert.equal(none.statusCode, 401);
    assert.match(String(none.headers['content-type']), /application\/problem\+json/);
    assert.match(String(none.headers['www-authenticate']), /^Bearer/);
    assert.equal((await api('spj_not-a-real-token', path, body)).statusCode, 401);
    assert.equal((await api(null, path, body, { cookie: p1.cookie })).statusCode, 401, 'cookies do not authenticate the API');
    assert.equal((await t.ctx.db.selectFrom('indicator_values').selectAll().execute()).length, 0);
  });

  it('saves and submits a value with the form’s rules; refuses bad values, other scopes and closed years', async () => {
    const path = `/api/v1/wskazniki/W1.1/wartosci?program=${slug}`;
    const saved = await api(token1, path, { period: 2025, value: '1 234,5', source: 'sprawozdanie' });
    assert.equal(saved.statusCode, 201, saved.body);
    assert.deepEqual(
      { ...(saved.json() as object), id: undefined },
      { id: undefined, indicator: 'W1.1', period: 2025, territory: 'region', value: 1234.5, status: 'draft', is_example: false },
    );

    const bad = await api(token1, path, { period: 2025, value: 'dużo' });
    assert.equal(bad.statusCode, 400);
    assert.match(String(bad.headers['content-type']), /application\/problem\+json/);
    assert.ok(
      (bad.json() as { errors?: { field: string }[] }).errors?.some((p) => p.field === 'value'),
      bad.body,
    );
    assert.equal((await api(token1, path, { period: 2025, value: -3 })).statusCode, 400);
    assert.equal((await api(token1, path, { period: 2025, territory: '0499', value: 3 })).statusCode, 400);
    const row = await t.ctx.db.selectFrom('indicator_values').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.value, 1234.5, 'refused values changed nothing');

    const submitted = await api(token1, path, { period: 2025, value: 1300, submit: true });
    assert.equal(submitted.statusCode, 201);
    assert.equal(submitted.json().status, 'submitted');
    assert.equal(
      (await api(token1, path, { period: 2025, value: 1, submit: true })).statusCode,
      409,
      'submitted values are read-only for the partner',
    );

    // indicator outside p1's scope; territory outside p2's scope; a year without an open round
    assert.equal((await api(token1, `/api/v1/wskazniki/W2.1/wartosci?program=${slug}`, { period: 2025, value: 1 })).statusCode, 403);
    assert.equal((await api(token2, path, { period: 2025, territory: '0402', value: 1 })).statusCode, 403);
    assert.equal((await api(token2, path, { period: 2025, value: 1 })).statusCode, 403, 'a powiat partner cannot report the region');
    assert.equal((await api(token2, path, { period: 2025, territory: '0401', value: 7, submit: true })).statusCode, 201);
    assert.equal((await api(token1, path, { period: 2024, value: 1 })).statusCode, 409);
    assert.equal((await api(token1, `/api/v1/wskazniki/NIE-MA/wartosci?program=${slug}`, { period: 2025, value: 1 })).statusCode, 404);
    // the coordinator may report any reported indicator without a round
    assert.equal(
      (await api(tokenCoordinator, `/api/v1/wskazniki/W2.1/wartosci?program=${slug}`, { period: 2024, value: 2 })).statusCode,
      201,
    );
    const used = await t.ctx.db.selectFrom('api_tokens').select('last_used_at').where('user_id', '=', p1.userId).executeTakeFirstOrThrow();
    assert.equal(used.last_used_at, clock.now().toISOString());
  });

  it('reports a quarter’s value for an open quarterly round; refuses a bad quarter and a quarter without a round', async () => {
    const w11 = (await t.ctx.db.selectFrom('indicators').select('id').where('code', '=', 'W1.1').executeTakeFirstOrThrow()).id;
    const programmeId = (await t.ctx.db.selectFrom('programmes').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    await t.ctx.db
      .insertInto('monitoring_rounds')
      .values({
        id: 'round-2026-q1',
        programme_id: programmeId,
        name: 'I kwartał 2026',
        period: 2026,
        quarter: 1,
        deadline: '2026-04-30',
        status: 'open',
        created_by: null,
        created_at: '2026-03-01T00:00:00.000Z',
        closed_at: null,
      })
      .execute();
    await t.ctx.db.insertInto('monitoring_round_indicators').values({ round_id: 'round-2026-q1', indicator_id: w11 }).execute();
    const path = `/api/v1/wskazniki/W1.1/wartosci?program=${slug}`;
    assert.equal((await api(token1, path, { period: 2026, quarter: 5, value: 4 })).statusCode, 400);
    assert.equal((await api(token1, path, { period: 2026, value: 4 })).statusCode, 409, 'no round for the whole of 2026');
    assert.equal((await api(token1, path, { period: 2026, quarter: 2, value: 4 })).statusCode, 409, 'no round for the second quarter');
    const q1 = await api(token1, path, { period: 2026, quarter: 1, value: 4, submit: true });
    assert.equal(q1.statusCode, 201, q1.body);
    assert.deepEqual(
      { ...(q1.json() as object), id: undefined },
      {
        id: undefined,
        indicator: 'W1.1',
        period: 2026,
        quarter: 1,
        territory: 'region',
        value: 4,
        status: 'submitted',
        is_example: false,
      },
    );
    const rows = await t.ctx.db.selectFrom('indicator_values').select(['quarter', 'value']).where('period', '=', 2026).execute();
    assert.deepEqual(rows, [{ quarter: 1, value: 4 }], 'stored as the quarter’s value only, nothing for the year until approved');
  });

  it('a revoked token, or one whose owner lost the role, stops working', async () => {
    const path = `/api/v1/wskazniki/W1.1/wartosci?program=${slug}`;
    const page = await t.app.inject({ url: '/konto/tokeny', headers: { cookie: p2.cookie } });
    const id = (await t.ctx.db.selectFrom('api_tokens').select('id').where('user_id', '=', p2.userId).executeTakeFirstOrThrow()).id;
    const revoke = await t.app.inject({
      method: 'POST',
      url: `/konto/tokeny/${id}/uniewaznij`,
      headers: { cookie: p2.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrfFrom(page.body) }),
    });
    assert.equal(revoke.statusCode, 303);
    assert.equal((await api(token2, path, { period: 2025, territory: '0401', value: 1 })).statusCode, 401);
    // another user's token cannot be revoked by id
    const other = (await t.ctx.db.selectFrom('api_tokens').select('id').where('user_id', '=', p1.userId).executeTakeFirstOrThrow()).id;
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/konto/tokeny/${other}/uniewaznij`,
      headers: { cookie: p2.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrfFrom(page.body) }),
    });
    assert.equal(foreign.statusCode, 404);
    await t.ctx.db.deleteFrom('user_roles').where('user_id', '=', p1.userId).execute();
    assert.equal((await api(token1, path, { period: 2025, territory: '0402', value: 1 })).statusCode, 401);
  });

  it('is described in OpenAPI with the bearer scheme', async () => {
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, { post?: { security?: unknown[] } }>;
      components: { securitySchemes: Record<string, { type: string; scheme: string }> };
    };
    assert.deepEqual(spec.components.securitySchemes.bearerToken, {
      type: 'http',
      scheme: 'bearer',
      description: 'A personal API token created in the account (/konto/tokeny).',
    });
    assert.deepEqual(spec.paths['/api/v1/wskazniki/{code}/wartosci']?.post?.security, [{ bearerToken: [] }]);
  });
});
