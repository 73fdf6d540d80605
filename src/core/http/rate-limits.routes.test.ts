// Rate limits are only worth something if they hold across every instance behind the load balancer
// (ADR 10): with REDIS_URL two apps must count one client's requests together, without it each
// counts alone, and a Redis that is down or goes away must neither take the site down nor leave the
// credential forms unguarded. These tests use the real Redis of the machine under a key prefix of
// their own, removed at the end; without Redis they are skipped, except with CI=true.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { after, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { Redis } from 'ioredis';
import { testSettings } from '../../config.js';
import { cookieHeader, createTestApp, csrfFrom, form, type TestApp, type TestAppOptions } from '../../testing/app.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const settings = testSettings();
/** Nothing listens here: a Redis that is down. */
const DOWN_URL = 'redis://127.0.0.1:6390';
/** Every key these tests write starts with this; each test adds its own part. */
const RUN_PREFIX = `spojnia:test:${randomUUID()}:`;
let testNo = 0;
const namespace = () => `${RUN_PREFIX}${++testNo}:`;

async function connectAdmin(url: string): Promise<Redis | null> {
  const r = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  r.on('error', () => undefined);
  try {
    await r.connect();
    await r.ping();
    return r;
  } catch {
    r.disconnect();
    return null;
  }
}

const admin = await connectAdmin(settings.redisUrl);
const withRedis = {
  skip:
    admin === null && !settings.ci
      ? `Redis is not reachable at ${settings.redisUrl} (start redis-server or set TEST_REDIS_URL; with CI=true this fails)`
      : false,
};

function redis(): Redis {
  assert.ok(admin, `Redis must be reachable at ${settings.redisUrl} for the shared rate-limit tests (CI=true)`);
  return admin;
}

async function keysUnder(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis().scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}

after(async () => {
  if (!admin) return;
  const keys = await keysUnder(RUN_PREFIX);
  if (keys.length > 0) await admin.del(...keys);
  await admin.quit();
});

/** Two app instances (each on its own database, like two hosts) closed together at the end. */
async function withApps(opts: TestAppOptions, run: (a: TestApp, b: TestApp) => Promise<void>): Promise<void> {
  const a = await createTestApp(opts);
  try {
    const b = await createTestApp(opts);
    try {
      await run(a, b);
    } finally {
      await b.close();
    }
  } finally {
    await a.close();
  }
}

/** A session with the login form open on one instance: its cookie and CSRF token. */
async function loginForm(t: TestApp): Promise<{ cookie: string; csrf: string }> {
  const page = await t.app.inject({ url: '/konto/logowanie' });
  assert.equal(page.statusCode, 200);
  return { cookie: cookieHeader(page), csrf: csrfFrom(page.body) };
}

/** A login attempt with the e-mail left empty: refused by validation, so no password is hashed. */
function emptyLogin(
  t: TestApp,
  session: { cookie: string; csrf: string },
  remoteAddress = '127.0.0.1',
  path = '/konto/logowanie',
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: path,
    headers: { ...FORM, cookie: session.cookie },
    payload: form({ _csrf: session.csrf, email: '', password: '' }),
    remoteAddress,
  });
}

function logLines(): { lines: { level: number; msg: string }[]; stream: Writable } {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(l) as { level: number; msg: string });
      done();
    },
  });
  return { lines, stream };
}

const WARN = 40;
const unreachableWarnings = (lines: { level: number; msg: string }[]) =>
  lines.filter((l) => l.level === WARN && /^Redis unreachable/.test(l.msg));

/** Polls until `check` holds (a connection state changing in the background); fails after a few seconds. */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.fail(`timed out waiting until ${what}`);
}

test('with REDIS_URL two instances share the login limit: the 31st attempt, on either, is refused', withRedis, async () => {
  redis();
  const nameSpace = namespace();
  await withApps({ env: { REDIS_URL: settings.redisUrl }, rateLimitNamespace: nameSpace }, async (a, b) => {
    const sessions = new Map([
      [a, await loginForm(a)],
      [b, await loginForm(b)],
    ]);
    // 30 attempts a minute per client (accounts.http.ts), alternating: 15 on each instance
    for (let i = 1; i <= 30; i += 1) {
      const t = i % 2 ? a : b;
      const res = await emptyLogin(t, sessions.get(t)!);
      assert.equal(res.statusCode, 400, `attempt ${i}: ${res.body.slice(0, 200)}`);
    }
    for (const [t, label] of [
      [a, 'first'],
      [b, 'second'],
    ] as const) {
      const limited = await emptyLogin(t, sessions.get(t)!);
      assert.equal(limited.statusCode, 429, `the ${label} instance refuses attempt 31`);
      assert.match(String(limited.headers['content-type']), /^text\/html; charset=utf-8/);
      assert.match(limited.body, /Zbyt wiele prób/);
      assert.match(String(limited.headers['retry-after']), /^\d+$/);
    }
    const en = await emptyLogin(b, sessions.get(b)!, '127.0.0.1', '/en/konto/logowanie');
    assert.equal(en.statusCode, 429);
    assert.match(en.body, /Too many attempts/);
    // another client is not affected, and the rest of the site is not limited by the login count
    assert.equal((await emptyLogin(a, sessions.get(a)!, '10.7.0.1')).statusCode, 400);
    assert.equal((await a.app.inject({ url: '/' })).statusCode, 200);
    assert.equal((await b.app.inject({ url: '/readyz' })).statusCode, 200, 'ready while Redis answers');

    const keys = await keysUnder(nameSpace);
    assert.ok(
      keys.some((k) => k.startsWith(`${nameSpace}POST/konto/logowanie-`)),
      `the counter is kept in Redis under the app's prefix: ${JSON.stringify(keys)}`,
    );
  });
});

test('with REDIS_URL the site-wide limit is shared too; under /api/ the refusal is problem+json', withRedis, async () => {
  redis();
  await withApps({ env: { REDIS_URL: settings.redisUrl }, rateLimitNamespace: namespace(), rateLimitPerMinute: 4 }, async (a, b) => {
    for (let i = 1; i <= 4; i += 1) {
      const res = await (i % 2 ? a : b).app.inject({ url: '/api/v1/program' });
      assert.equal(res.statusCode, 200, `request ${i}`);
    }
    const api = await b.app.inject({ url: '/api/v1/program' });
    assert.equal(api.statusCode, 429);
    assert.match(String(api.headers['content-type']), /^application\/problem\+json/);
    const problem = api.json() as { type: string; status: number; title: string };
    assert.equal(problem.type, 'urn:spojnia:error:http.rate_limited');
    assert.equal(problem.status, 429);
    assert.equal(problem.title, 'Zbyt wiele prób');
    const page = await a.app.inject({ url: '/' });
    assert.equal(page.statusCode, 429, 'the limit is per client across the whole site and both instances');
    assert.match(page.body, /Zbyt wiele prób/);
  });
});

test('without REDIS_URL each instance counts alone (one process, one memory)', async () => {
  await withApps({ rateLimitPerMinute: 4 }, async (a, b) => {
    assert.equal(a.config.redisUrl, '');
    for (let i = 1; i <= 4; i += 1) assert.equal((await a.app.inject({ url: '/' })).statusCode, 200, `first instance, request ${i}`);
    assert.equal((await a.app.inject({ url: '/' })).statusCode, 429, 'the first instance has counted its limit');
    for (let i = 1; i <= 4; i += 1) assert.equal((await b.app.inject({ url: '/' })).statusCode, 200, `second instance, request ${i}`);
    assert.equal((await b.app.inject({ url: '/' })).statusCode, 429);
    assert.equal((await a.app.inject({ url: '/readyz' })).statusCode, 200, 'no Redis to be ready for');
  });
});

test('Redis down: pages are served beyond the limit (fail open, one warning), login and password reset answer 503, /readyz is 503', async () => {
  const { lines, stream } = logLines();
  await withApps(
    { env: { REDIS_URL: DOWN_URL }, rateLimitNamespace: namespace(), rateLimitPerMinute: 2, logger: { level: 'info', stream } },
    async (a) => {
      for (let i = 1; i <= 5; i += 1)
        assert.equal((await a.app.inject({ url: '/' })).statusCode, 200, `request ${i} is served although the limit is 2`);
      assert.equal((await a.app.inject({ url: '/api/v1/program' })).statusCode, 200);

      const ready = await a.app.inject({ url: '/readyz' });
      assert.equal(ready.statusCode, 503);
      assert.equal((await a.app.inject({ url: '/healthz' })).statusCode, 200, 'the process itself is alive');

      const session = await loginForm(a);
      const login = await emptyLogin(a, session);
      assert.equal(login.statusCode, 503, 'login is not left without its limit');
      assert.match(String(login.headers['content-type']), /^text\/html; charset=utf-8/);
      assert.match(login.body, /Usługa niedostępna/);
      const en = await emptyLogin(a, session, '127.0.0.1', '/en/konto/logowanie');
      assert.equal(en.statusCode, 503);
      assert.match(en.body, /Service unavailable/);
      const reset = await a.app.inject({
        method: 'POST',
        url: '/konto/haslo/reset',
        headers: { ...FORM, cookie: session.cookie },
        payload: form({ _csrf: session.csrf, email: 'ktos@example.pl' }),
      });
      assert.equal(reset.statusCode, 503);
      // an ordinary public form keeps working (here it goes on to its own CSRF check)
      const contact = await a.app.inject({ method: 'POST', url: '/kontakt', headers: FORM, payload: form({ name: 'x' }) });
      assert.equal(contact.statusCode, 403, `the contact form is not blocked by the outage: ${contact.body.slice(0, 200)}`);
    },
  );
  // two instances, each warns once for the outage, not per request or per reconnection attempt
  assert.equal(unreachableWarnings(lines).length, 2, JSON.stringify(lines.filter((l) => l.level >= WARN).map((l) => l.msg)));
});

/** A TCP relay in front of Redis that a test can cut and restore, like a network failure. */
async function relayTo(target: URL): Promise<{ url: string; cut(): Promise<void>; restore(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const open = (): Server =>
    createServer((client) => {
      const upstream = connect(Number(target.port || 6379), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
  let server = open();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `redis://127.0.0.1:${port}`,
    async cut() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
    async restore() {
      server = open();
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
  };
}

test(
  'Redis lost while running: requests are served and login refused until it is back, then the limits are shared again',
  withRedis,
  async () => {
    redis();
    const relay = await relayTo(new URL(settings.redisUrl));
    const { lines, stream } = logLines();
    try {
      const t = await createTestApp({
        env: { REDIS_URL: relay.url },
        rateLimitNamespace: namespace(),
        rateLimitPerMinute: 3,
        logger: { level: 'info', stream },
      });
      try {
        const session = await loginForm(t);
        assert.equal((await t.app.inject({ url: '/readyz' })).statusCode, 200);
        await relay.cut();
        await until('/readyz reports Redis gone', async () => (await t.app.inject({ url: '/readyz' })).statusCode === 503);
        for (let i = 1; i <= 5; i += 1)
          assert.equal((await t.app.inject({ url: '/', remoteAddress: '10.8.0.1' })).statusCode, 200, `during the outage, request ${i}`);
        assert.equal((await emptyLogin(t, session)).statusCode, 503);
        assert.equal(unreachableWarnings(lines).length, 1, 'the outage is logged once');

        await relay.restore();
        await until('/readyz reports Redis back', async () => (await t.app.inject({ url: '/readyz' })).statusCode === 200);
        assert.ok(
          lines.some((l) => /^Redis reachable again/.test(l.msg)),
          'the recovery is logged',
        );
        assert.equal((await emptyLogin(t, session)).statusCode, 400, 'login works again');
        for (let i = 1; i <= 3; i += 1)
          assert.equal((await t.app.inject({ url: '/', remoteAddress: '10.8.0.2' })).statusCode, 200, `after the outage, request ${i}`);
        assert.equal((await t.app.inject({ url: '/', remoteAddress: '10.8.0.2' })).statusCode, 429, 'counted again');
      } finally {
        await t.close();
      }
    } finally {
      await relay.cut();
    }
  },
);
