// Error answers are what people see when something goes wrong, and what attackers probe. They must
// be accessible pages in the visitor's language (problem+json under /api), and a crash must show a
// reference number but never SQL, exception names or file paths.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp, MODULES } from '../../app.js';
import { loadConfig } from '../../config.js';
import { createTestApp, TEST_SECRET, type TestApp } from '../../testing/app.js';
import { migrateToLatest } from '../db/migrate.js';
import { withTestDatabase, type TestDatabase } from '../db/testing.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const LEAK = 'SELECT secret FROM users WHERE id = 1';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

/**
 * A second app with extra routes, registered before it starts. It shares the test database unless
 * told otherwise: the page shell is process-wide and follows the most recently built app, so an
 * app on a database that is later closed must be the last one a test file builds.
 */
async function appWith(
  register: (app: FastifyInstance) => void,
  ownDatabase = false,
): Promise<{ app: FastifyInstance; database: TestDatabase }> {
  const database = ownDatabase ? await withTestDatabase() : t.database;
  if (ownDatabase) await migrateToLatest(database.handle, MODULES);
  const config = loadConfig({ DATABASE_URL: database.url, SESSION_SECRET: TEST_SECRET, LOG_LEVEL: 'silent' });
  const { app } = await buildApp({ config, database: database.handle, logger: false, rateLimitPerMinute: 100_000 });
  register(app);
  await app.ready();
  return { app, database };
}

test('404 is a translated, accessible page in Polish and English', async () => {
  for (const [url, lang, title] of [
    ['/nie-ma', 'pl', 'Nie znaleziono strony'],
    ['/en/nie-ma', 'en', 'Page not found'],
  ] as const) {
    const res = await t.app.inject({ url });
    assert.equal(res.statusCode, 404, url);
    assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
    assert.match(res.body, new RegExp(`<html lang="${lang}"`));
    assert.match(res.body, /<a class="skip-link" href="#main">/);
    assert.match(res.body, /<main id="main"/);
    assert.match(res.body, new RegExp(`<h1>${title}</h1>`), url);
  }
});

test('an unknown /api path answers 404 application/problem+json', async () => {
  const res = await t.app.inject({ url: '/api/nie-ma?x=1' });
  assert.equal(res.statusCode, 404);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json() as Record<string, unknown>;
  assert.equal(body.status, 404);
  assert.equal(typeof body.type, 'string');
  assert.equal(typeof body.title, 'string');
  assert.equal(typeof body.detail, 'string');
  assert.match(String(body.requestId), UUID);
  assert.equal(body.instance, '/api/nie-ma');
  const en = (await t.app.inject({ url: '/en/api/nie-ma' })).json() as Record<string, unknown>;
  assert.equal(en.title, 'Page not found');
});

test('a bad query parameter answers 400 naming the parameter once', async () => {
  const res = await t.app.inject({ url: '/wyglad?kontrast=7' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /data-error-summary/);
  const messages = res.body.match(/Parametr „kontrast” ma nieprawidłową wartość\./g) ?? [];
  assert.equal(messages.length, 1, 'the problem is listed, and listed once');
  const en = await t.app.inject({ url: '/en/wyglad?kontrast=7&tekst=9' });
  assert.equal(en.statusCode, 400);
  assert.match(en.body, /kontrast/);
});

test('a malformed URL gets the translated 400 page, or problem+json under /api', async () => {
  const html = await t.app.inject({ url: '/en/nie-ma/%FF' });
  assert.equal(html.statusCode, 400);
  assert.match(String(html.headers['content-type']), /^text\/html; charset=utf-8/);
  assert.match(html.body, /<html lang="en"/);
  assert.match(html.body, /Bad request/);
  const api = await t.app.inject({ url: '/api/v1/%FF' });
  assert.equal(api.statusCode, 400);
  assert.match(String(api.headers['content-type']), /^application\/problem\+json/);
});

test('a crash shows a reference number and nothing of the internals', async () => {
  const boom = () => {
    throw new Error(LEAK);
  };
  const { app } = await appWith((a) => {
    a.get('/boom', { config: { access: 'public' } }, boom);
    a.get('/api/boom', { config: { access: 'public' } }, boom);
  });
  try {
    for (const [url, label] of [
      ['/boom', 'Numer zgłoszenia'],
      ['/en/boom', 'Reference number'],
    ] as const) {
      const page = await app.inject({ url });
      assert.equal(page.statusCode, 500, url);
      assert.match(String(page.headers['content-type']), /^text\/html; charset=utf-8/);
      assert.match(page.body, new RegExp(`${label}: ${UUID.source}`), `${url} shows the request id`);
      for (const secret of ['SELECT', 'Error', 'secret FROM', '.ts:', 'node_modules', '/work/', '    at ']) {
        assert.ok(!page.body.includes(secret), `${url} does not contain "${secret}"`);
      }
    }
    const api = await app.inject({ url: '/api/boom' });
    assert.equal(api.statusCode, 500);
    assert.match(String(api.headers['content-type']), /^application\/problem\+json/);
    const body = api.json() as Record<string, unknown>;
    assert.equal(body.status, 500);
    assert.match(String(body.requestId), UUID);
    for (const secret of ['SELECT', 'Error', '.ts:', 'node_modules'])
      assert.ok(!api.body.includes(secret), `/api/boom does not contain "${secret}"`);
    // each failure gets its own reference
    const again = (await app.inject({ url: '/api/boom' })).json() as Record<string, unknown>;
    assert.notEqual(again.requestId, body.requestId);
  } finally {
    await app.close();
  }
});

test('/api/openapi.json is an OpenAPI 3 document listing /healthz', async () => {
  const res = await t.app.inject({ url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
  assert.match(doc.openapi, /^3\./);
  assert.ok(doc.paths['/healthz'], 'paths include /healthz');
  assert.ok(!('/setup' in doc.paths), 'HTML pages are not part of the API description');
});

test('/api/docs serves its page and every asset it references from this site', async () => {
  const res = await t.app.inject({ url: '/api/docs' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/html/);
  const refs = [...res.body.matchAll(/\b(?:src|href)=["']([^"']+)["']/g)].map((m) => m[1]!);
  assert.ok(
    refs.some((r) => r.endsWith('.css')),
    'the page links a stylesheet',
  );
  assert.ok(
    refs.some((r) => r.endsWith('.js')),
    'the page loads a script',
  );
  for (const ref of refs) {
    assert.ok(!/^(?:https?:)?\/\//i.test(ref), `no external URL in the docs page: ${ref}`);
    const url = new URL(ref, 'http://localhost/api/docs/').pathname;
    const asset = await t.app.inject({ url });
    assert.equal(asset.statusCode, 200, url);
  }
  const initializer = refs.find((r) => r.includes('initializer'));
  assert.ok(initializer, 'the page loads its initializer script');
  const js = await t.app.inject({ url: new URL(initializer, 'http://localhost/api/docs/').pathname });
  assert.equal(js.statusCode, 200);
  // comments may cite web pages; code must not call out (e.g. to the online spec validator)
  const code = js.body.replace(/^\s*\/\/.*$/gm, '');
  assert.doesNotMatch(code, /https?:\/\//, 'the initializer loads nothing off-site');
  const spec = await t.app.inject({ url: '/api/docs/json' });
  assert.equal(spec.statusCode, 200);
});

// last: the app built here renders on a database that this test closes
test('/healthz is 200; /readyz is 200 with the database and 503 without it', async () => {
  const health = await t.app.inject({ url: '/healthz' });
  assert.equal(health.statusCode, 200);
  assert.deepEqual(health.json(), { status: 'ok' });
  const ready = await t.app.inject({ url: '/readyz' });
  assert.equal(ready.statusCode, 200);
  assert.deepEqual(ready.json(), { status: 'ready' });

  const { app, database } = await appWith(() => {}, true);
  try {
    assert.equal((await app.inject({ url: '/readyz' })).statusCode, 200);
    await database.handle.close();
    const down = await app.inject({ url: '/readyz' });
    assert.equal(down.statusCode, 503);
    assert.ok(!/sqlite|SELECT|pool|destroyed/i.test(down.body), 'the 503 names no internals');
    // the process itself is still alive
    assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200);
  } finally {
    await app.close();
    await database.dispose();
  }
});
