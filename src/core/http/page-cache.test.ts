// The page cache must never show one person's page to another or hide a change for longer than
// its time to live: only opted-in anonymous GETs with status 200 and no Set-Cookie are stored,
// display preferences and the language are part of the key, a successful change empties it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { ManualClock } from '../../testing/clock.js';
import { registerPageCache } from './page-cache.js';

async function appWithCache() {
  const clock = new ManualClock();
  let renders = 0;
  const app = Fastify();
  const cache = registerPageCache(app, {
    ttlMs: 5000,
    maxEntries: 2,
    sessionCookie: 'sid',
    varyCookies: ['prefs'],
    now: () => clock.now().getTime(),
  });
  app.get('/', { config: { pageCache: true } }, async (_req, reply) =>
    reply.header('content-security-policy', "default-src 'self'").type('text/html').send(`page ${++renders}`),
  );
  app.get('/en', { config: { pageCache: true } }, async () => `en ${++renders}`);
  app.get('/other', { config: { pageCache: true } }, async () => `other ${++renders}`);
  app.get('/private', async () => `private ${++renders}`);
  app.get('/cookie', { config: { pageCache: true } }, async (_req, reply) => reply.header('set-cookie', 'x=1').send(`cookie ${++renders}`));
  app.get('/missing', { config: { pageCache: true } }, async (_req, reply) => reply.code(404).send(`missing ${++renders}`));
  app.post('/change', async () => 'ok');
  app.post('/refused', async (_req, reply) => reply.code(400).send('no'));
  await app.ready();
  return { app, cache, tick: (ms: number) => clock.advance(ms), renders: () => renders };
}

test('anonymous visitors get the stored copy with its headers until it expires', async () => {
  const { app, tick } = await appWithCache();
  const first = await app.inject('/');
  assert.equal(first.body, 'page 1');
  assert.equal(first.headers['x-cache'], 'MISS');
  const second = await app.inject('/');
  assert.equal(second.body, 'page 1');
  assert.equal(second.headers['x-cache'], 'HIT');
  assert.equal(second.headers['content-security-policy'], "default-src 'self'", 'security headers travel with the copy');
  tick(5001);
  assert.equal((await app.inject('/')).body, 'page 2');
});

test('sessions, preferences, routes not opted in, errors and Set-Cookie answers are never shared', async () => {
  const { app } = await appWithCache();
  await app.inject('/');
  assert.equal((await app.inject({ url: '/', headers: { cookie: 'sid=abc' } })).body, 'page 2', 'a session always gets a fresh page');
  assert.equal(
    (await app.inject({ url: '/', headers: { cookie: 'prefs=contrast' } })).body,
    'page 3',
    'display preferences are part of the key',
  );
  assert.equal((await app.inject({ url: '/', headers: { cookie: 'prefs=contrast' } })).body, 'page 3');
  assert.equal((await app.inject('/private')).body, 'private 4');
  assert.equal((await app.inject('/private')).body, 'private 5');
  assert.equal((await app.inject('/cookie')).body, 'cookie 6');
  assert.equal((await app.inject('/cookie')).body, 'cookie 7');
  assert.equal((await app.inject('/missing')).body, 'missing 8');
  assert.equal((await app.inject('/missing')).body, 'missing 9');
});

test('a successful change empties the cache, a refused one does not; the size is bounded', async () => {
  const { app, cache } = await appWithCache();
  await app.inject('/');
  await app.inject({ method: 'POST', url: '/refused' });
  assert.equal((await app.inject('/')).headers['x-cache'], 'HIT');
  await app.inject({ method: 'POST', url: '/change' });
  assert.equal((await app.inject('/')).headers['x-cache'], 'MISS');
  await app.inject('/en');
  await app.inject('/other');
  assert.equal(cache.size(), 2);
});

test('the real home page: a copy for anonymous visitors with the full security headers, never for a logged-in user', async () => {
  const { createTestApp, loginAs } = await import('../../testing/app.js');
  const t = await createTestApp({ env: { PAGE_CACHE_MS: '5000' } });
  try {
    const first = await t.app.inject('/');
    assert.equal(first.statusCode, 200);
    const second = await t.app.inject('/');
    assert.equal(second.headers['x-cache'], 'HIT');
    assert.equal(second.body, first.body);
    for (const h of ['content-security-policy', 'x-frame-options', 'referrer-policy', 'content-type'])
      assert.equal(second.headers[h], first.headers[h], h);
    assert.equal((await t.app.inject('/en')).headers['x-cache'], 'MISS', 'each language has its own copy');
    const { cookie } = await loginAs(t, [{ role: 'editor' }]);
    const mine = await t.app.inject({ url: '/', headers: { cookie } });
    assert.equal(mine.headers['x-cache'], undefined);
    assert.notEqual(mine.body, first.body, 'a logged-in user sees their own header');
  } finally {
    await t.close();
  }
});

test('the bytes kept are bounded too: the oldest copies go first, a copy larger than the bound is not kept', async () => {
  const app = Fastify();
  const cache = registerPageCache(app, { ttlMs: 5000, maxEntries: 100, maxBytes: 25, sessionCookie: 'sid', varyCookies: [] });
  app.get<{ Params: { n: string } }>('/p/:n', { config: { pageCache: true } }, async (req) => `page ${req.params.n}`.padEnd(10, '.'));
  app.get('/big', { config: { pageCache: true } }, async () => 'x'.repeat(26));
  app.post('/change', async () => 'ok');
  await app.ready();
  for (const n of [1, 2, 3]) await app.inject(`/p/${n}`);
  assert.equal(cache.size(), 2, 'three 10-byte pages do not fit in 25 bytes');
  assert.equal(cache.bytes(), 20);
  assert.equal((await app.inject('/p/1')).headers['x-cache'], 'MISS', 'the oldest went first');
  assert.equal((await app.inject('/p/3')).headers['x-cache'], 'HIT');
  assert.equal((await app.inject('/big')).headers['x-cache'], undefined);
  assert.equal((await app.inject('/big')).headers['x-cache'], undefined, 'never stored');
  await app.inject({ method: 'POST', url: '/change' });
  assert.equal(cache.size(), 0);
  assert.equal(cache.bytes(), 0);
});
