// Access rules are the line between public pages and staff tools. A route that forgets its rule
// must stop the start-up instead of silently becoming public, and each kind of rule must answer
// the right status for strangers, the wrong user and the right one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { buildApp, MODULES } from '../../app.js';
import { loadConfig } from '../../config.js';
import { loginAs, TEST_SECRET, type TestApp } from '../../testing/app.js';
import { migrateToLatest } from '../db/migrate.js';
import { withTestDatabase, type TestDatabase } from '../db/testing.js';
import type { ModuleContext } from '../module.js';
import { hasRole, policy } from './access.js';

interface Built {
  app: FastifyInstance;
  ctx: ModuleContext;
  database: TestDatabase;
}

async function build(): Promise<Built> {
  const database = await withTestDatabase();
  await migrateToLatest(database.handle, MODULES);
  const config = loadConfig({ DATABASE_URL: database.url, SESSION_SECRET: TEST_SECRET, LOG_LEVEL: 'silent' });
  const { app, ctx } = await buildApp({ config, database: database.handle, logger: false, rateLimitPerMinute: 100_000 });
  return { app, ctx, database };
}

async function dispose(b: Built): Promise<void> {
  await b.app.close();
  await b.database.dispose();
}

/** Whatever the route registration throws, at `app.get` or at `ready()`. */
async function registrationError(register: (app: FastifyInstance) => void): Promise<Error> {
  const b = await build();
  try {
    register(b.app);
    await b.app.ready();
  } catch (err) {
    return err as Error;
  } finally {
    await dispose(b);
  }
  assert.fail('registering the route did not fail');
}

test('a route without config.access refuses to register, naming the route', async () => {
  const err = await registrationError((app) => app.get('/zapomniany', async () => 'x'));
  assert.match(err.message, /GET/);
  assert.match(err.message, /\/zapomniany/);
  assert.match(err.message, /config\.access/);

  const post = await registrationError((app) => app.post('/zapomniany-formularz', { config: {} }, async () => 'x'));
  assert.match(post.message, /\/zapomniany-formularz/);
});

// The page shell is process-wide and follows the most recently built app, so the apps of the
// test above (whose databases are gone) must be built before this one, not while it runs.
describe('enforcement', () => {
  let b: Built;
  let adminCookie: string;
  let editorCookie: string;

  before(async () => {
    b = await build();
    b.app.get('/test/zalogowani', { config: { access: 'authenticated' } }, async (request) => ({ id: request.user?.id }));
    b.app.post('/test/zalogowani', { config: { access: 'authenticated' } }, async () => ({ ok: true }));
    b.app.get('/api/test/zalogowani', { config: { access: 'authenticated' } }, async (request) => ({ id: request.user?.id }));
    b.app.get(
      '/api/test/admin',
      {
        config: { access: policy('administrator', (user) => hasRole(user, 'administrator')) },
        schema: { querystring: Type.Object({ n: Type.Optional(Type.Integer()) }) },
      },
      async () => ({ ok: true }),
    );
    b.app.get('/test/admin', { config: { access: policy('administrator', (user) => hasRole(user, 'administrator')) } }, async () => ({
      ok: true,
    }));
    b.app.get('/api/test/async-policy', { config: { access: policy('never', async () => false) } }, async () => ({ ok: true }));
    await b.app.ready();
    adminCookie = (await loginAs(asTestApp(b), [{ role: 'administrator' }])).cookie;
    editorCookie = (await loginAs(asTestApp(b), [{ role: 'editor' }])).cookie;
  });
  after(async () => dispose(b));

  /** `loginAs` only needs the context and the configuration of the app it logs into. */
  function asTestApp(built: Built): TestApp {
    return { app: built.app, ctx: built.ctx, config: built.ctx.config, database: built.database, close: async () => dispose(built) };
  }

  test('an authenticated route refuses anonymous visitors: 401 (or the login page for a page view)', async () => {
    const api = await b.app.inject({ url: '/api/test/zalogowani' });
    assert.equal(api.statusCode, 401);
    assert.match(String(api.headers['content-type']), /^application\/problem\+json/);

    const post = await b.app.inject({ method: 'POST', url: '/test/zalogowani' });
    assert.equal(post.statusCode, 401, 'access is checked before CSRF, so a stranger gets 401');
    assert.match(String(post.headers['content-type']), /^text\/html; charset=utf-8/);
    assert.match(post.body, /Wymagane logowanie/);
    const postEn = await b.app.inject({ method: 'POST', url: '/en/test/zalogowani' });
    assert.equal(postEn.statusCode, 401);
    assert.match(postEn.body, /<html lang="en"/);

    const page = await b.app.inject({ url: '/test/zalogowani?x=1' });
    if (page.statusCode === 302) {
      // with a login page present, a page view is sent there and comes back afterwards
      assert.match(String(page.headers.location), /\?next=%2Ftest%2Fzalogowani%3Fx%3D1$/);
    } else {
      assert.equal(page.statusCode, 401);
      assert.match(page.body, /Wymagane logowanie/);
    }

    const ok = await b.app.inject({ url: '/api/test/zalogowani', headers: { cookie: editorCookie } });
    assert.equal(ok.statusCode, 200);
    assert.match(String((ok.json() as { id?: string }).id), /^[0-9a-f-]{36}$/);
  });

  test('a policy route: 401 anonymous, 403 for a user failing it, 200 for one passing it', async () => {
    assert.equal((await b.app.inject({ url: '/api/test/admin' })).statusCode, 401);
    const denied = await b.app.inject({ url: '/api/test/admin', headers: { cookie: editorCookie } });
    assert.equal(denied.statusCode, 403);
    const deniedPage = await b.app.inject({ url: '/test/admin', headers: { cookie: editorCookie } });
    assert.equal(deniedPage.statusCode, 403);
    assert.match(deniedPage.body, /Brak dostępu/);
    const allowed = await b.app.inject({ url: '/api/test/admin', headers: { cookie: adminCookie } });
    assert.equal(allowed.statusCode, 200);
    assert.deepEqual(allowed.json(), { ok: true });
    assert.equal((await b.app.inject({ url: '/test/admin', headers: { cookie: adminCookie } })).statusCode, 200);
    // an asynchronous policy is awaited, not taken as a truthy promise
    assert.equal((await b.app.inject({ url: '/api/test/async-policy', headers: { cookie: adminCookie } })).statusCode, 403);
  });

  test('the right to call a route is checked before its input, so strangers learn nothing from validation', async () => {
    assert.equal((await b.app.inject({ url: '/api/test/admin?n=abc' })).statusCode, 401);
    assert.equal((await b.app.inject({ url: '/api/test/admin?n=abc', headers: { cookie: editorCookie } })).statusCode, 403);
    assert.equal((await b.app.inject({ url: '/api/test/admin?n=abc', headers: { cookie: adminCookie } })).statusCode, 400);
  });

  test('a deactivated user is treated as anonymous on the next request', async () => {
    const { cookie, userId } = await loginAs(asTestApp(b), [{ role: 'administrator' }]);
    assert.equal((await b.app.inject({ url: '/api/test/admin', headers: { cookie } })).statusCode, 200);
    await b.ctx.db.updateTable('users').set({ is_active: false }).where('id', '=', userId).execute();
    assert.equal((await b.app.inject({ url: '/api/test/admin', headers: { cookie } })).statusCode, 401);
  });
});
