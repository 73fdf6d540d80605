// The security baseline is applied by the core, not by each module, so it is easy to lose without
// noticing: a plugin order change, a new route that skips CSRF, a logger that prints a body. This
// file checks the baseline from the outside, on every kind of response and on every form route.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../app.js';
import { issueSetupToken, ROLES, SCOPED_ROLES, type Role } from '../../modules/accounts/index.js';
import { cookieHeader, createTestApp, csrfFrom, form, loginAs, type TestApp, type TestAppOptions } from '../../testing/app.js';
import { newId } from '../db/ids.js';
import { FORM_BODY_LIMIT, PERMISSIONS_POLICY } from './security.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A fresh app per test: the page shell is process-wide, so an app whose database was closed by
 * an earlier test must not be the one rendering later pages.
 */
async function withApp(opts: TestAppOptions, run: (t: TestApp) => Promise<void>): Promise<void> {
  const t = await createTestApp(opts);
  try {
    await run(t);
  } finally {
    await t.close();
  }
}

/** A different client address per request, so per-route rate limits do not mask what is tested. */
let clientNo = 0;
function nextClient(): string {
  clientNo += 1;
  return `10.1.${(clientNo >> 8) & 255}.${clientNo & 255}`;
}

/** A page with a form: its session cookie and CSRF token. */
async function formSession(t: TestApp): Promise<{ cookie: string; csrf: string; token: string }> {
  const token = (await issueSetupToken(t.ctx))!;
  const page = await t.app.inject({ url: `/setup?token=${token}` });
  assert.equal(page.statusCode, 200);
  return { cookie: cookieHeader(page), csrf: csrfFrom(page.body), token };
}

function assertBaselineHeaders(res: LightMyRequestResponse, what: string): void {
  const csp = String(res.headers['content-security-policy'] ?? '');
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values.join(' ')] as [string, string];
      }),
  );
  assert.equal(directives.get('default-src'), "'self'", `${what}: default-src`);
  assert.equal(directives.get('script-src'), "'self'", `${what}: script-src`);
  assert.equal(directives.get('object-src'), "'none'", `${what}: object-src`);
  assert.equal(directives.get('frame-ancestors'), "'none'", `${what}: frame-ancestors`);
  assert.ok(!/unsafe-inline|unsafe-eval/.test(csp), `${what}: no unsafe-* in ${csp}`);
  assert.equal(res.headers['x-content-type-options'], 'nosniff', what);
  assert.match(
    String(res.headers['referrer-policy'] ?? ''),
    /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
    what,
  );
  assert.equal(res.headers['x-frame-options'], 'DENY', what);
  // the rest of helmet's set, as @fastify/helmet sent it before the middleware was built once (ADR 14)
  const rest = {
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  };
  for (const [name, value] of Object.entries(rest)) assert.equal(res.headers[name], value, `${what}: ${name}`);
  assert.equal(res.headers['x-powered-by'], undefined, `${what}: no x-powered-by`);
  assert.equal(res.headers['permissions-policy'], PERMISSIONS_POLICY, `${what}: permissions policy`);
  assert.match(PERMISSIONS_POLICY, /camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  const type = String(res.headers['content-type'] ?? '');
  if (type.startsWith('text/html')) assert.match(type, /;\s*charset=utf-8/i, `${what}: HTML declares its charset`);
}

test('strict headers on pages, JSON, 404 and error pages', async () => {
  await withApp({}, async (t) => {
    const cases: [string, RegExp][] = [
      ['/', /^text\/html/],
      ['/en', /^text\/html/],
      ['/setup', /^text\/html/],
      ['/en/setup?token=x', /^text\/html/],
      ['/nie-ma', /^text\/html/],
      ['/en/nie-ma', /^text\/html/],
      ['/wyglad?kontrast=7', /^text\/html/],
      ['/healthz', /^application\/json/],
      ['/api/openapi.json', /^application\/json/],
      ['/api/nie-ma', /^application\/problem\+json/],
      ['/api/docs', /^text\/html/],
      ['/assets/css/site.css', /^text\/css/],
      ['/assets/js/facets.js', /^(text|application)\/javascript/],
    ];
    for (const [url, type] of cases) {
      const res = await t.app.inject({ url });
      assert.match(String(res.headers['content-type']), type, url);
      assertBaselineHeaders(res, url);
    }
    const head = await t.app.inject({ method: 'HEAD', url: '/' });
    assertBaselineHeaders(head, 'HEAD /');
    const post = await t.app.inject({ method: 'POST', url: '/setup', headers: FORM, payload: 'a=1' });
    assertBaselineHeaders(post, 'POST /setup without a session');
    assert.equal(post.headers['strict-transport-security'], undefined, 'no HSTS on a plain-http installation');
  });
});

test('the session cookie is HttpOnly, SameSite=Lax, Path=/ and not Secure over http', async () => {
  await withApp({}, async (t) => {
    const token = (await issueSetupToken(t.ctx))!;
    const page = await t.app.inject({ url: `/setup?token=${token}` });
    const session = page.cookies.find((c) => c.name === 'spojnia');
    assert.ok(session, `a session cookie is set: ${JSON.stringify(page.headers['set-cookie'])}`);
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Lax');
    assert.equal(session.path, '/');
    assert.ok(!session.secure, 'not Secure on http');
    assert.equal(session.domain, undefined);
    // pages that need no session set none
    const home = await t.app.inject({ url: '/' });
    assert.equal(
      home.cookies.find((c) => c.name === 'spojnia'),
      undefined,
    );
  });
});

test('behind https the cookie is __Host-spojnia and Secure, and never sent over plain http', async () => {
  await withApp({ env: { PUBLIC_URL: 'https://spojnia.example.pl', TRUST_PROXY: '127.0.0.1' } }, async (t) => {
    const token = (await issueSetupToken(t.ctx))!;
    const page = await t.app.inject({ url: `/setup?token=${token}`, headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(page.statusCode, 200);
    const session = page.cookies.find((c) => c.name === '__Host-spojnia');
    assert.ok(session, `a __Host- session cookie is set: ${JSON.stringify(page.headers['set-cookie'])}`);
    assert.equal(session.secure, true);
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Lax');
    assert.equal(session.path, '/');
    assert.equal(session.domain, undefined, '__Host- cookies carry no Domain');
    assert.equal(
      page.cookies.find((c) => c.name === 'spojnia'),
      undefined,
    );
    assert.match(String(page.headers['strict-transport-security']), /max-age=\d+/);
    assert.match(String(page.headers['content-security-policy']), /upgrade-insecure-requests/);

    const plain = await t.app.inject({ url: `/setup?token=${token}` });
    assert.deepEqual(
      plain.cookies.filter((c) => /spojnia$/.test(c.name)),
      [],
      'a Secure session cookie is not handed out on an unencrypted request',
    );
  });
});

/** A gmina (Lubicz) and a year for addresses that take them; every other parameter gets a new id. */
const SAMPLE_TERYT = '0415042';
function sampleParam(param: string): string {
  if (param === ':teryt') return SAMPLE_TERYT;
  if (param === ':year' || param === ':rok') return '2026';
  return newId();
}
/** Prefixes of scope ids that name a unit rather than a record (reporting partners of a local government). */
const SCOPE_PREFIXES = ['localgov:', 'territory:'];

interface RouteEntry {
  path: string;
  methods: string[];
}

/** Every route of the app, reconstructed from the router's printed tree. */
function registeredRoutes(app: FastifyInstance): RouteEntry[] {
  const out: RouteEntry[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const path = `${depth === 0 ? '' : stack[depth - 1]}${m[2]}`;
    stack[depth] = path;
    stack.length = depth + 1;
    if (m[3]) out.push({ path, methods: m[3].split(',').map((s) => s.trim()) });
  }
  return out;
}

test('every state-changing route refuses a request without a CSRF token or with another session’s', async () => {
  await withApp({}, async (t) => {
    const routes = registeredRoutes(t.app);
    assert.ok(
      routes.some((r) => r.path === '/setup' && r.methods.includes('POST')),
      `the route list is read correctly: ${JSON.stringify(routes)}`,
    );
    assert.ok(routes.some((r) => r.path === '/healthz'));
    const targets = routes.flatMap((r) =>
      r.methods.filter((m) => STATE_CHANGING.has(m)).map((method) => ({ method, url: r.path.replace(/:[A-Za-z_]+/g, sampleParam) })),
    );
    assert.ok(targets.length >= 1);

    // a token from another (anonymous) session, taken before any account exists
    const other = await formSession(t);
    const admin = await loginAs(t, [{ role: 'administrator' }]);

    const expectCsrfRefusal = (res: LightMyRequestResponse, what: string) => {
      assert.equal(res.statusCode, 403, `${what}: ${res.body.slice(0, 300)}`);
      if (what.includes(' /api/')) {
        assert.equal((res.json() as { type: string }).type, 'urn:spojnia:error:http.csrf', what);
      } else {
        assert.match(res.body, /Formularz wygasł/, what);
      }
    };

    // routes that opt out of CSRF (`csrf: false`) because they take only a bearer token: there a
    // session cookie must not authenticate at all, which is what makes the opt-out safe
    const BEARER_ONLY = [/^\/api\/v1\/wskazniki\/[^/]+\/wartosci$/];
    // spaces that do not exist for anonymous visitors (a body's member space answers them 404
    // before any other check, so a stranger cannot even tell it is there)
    const HIDDEN_FROM_ANONYMOUS = [/^\/zespoly\/[^/]+\/dla-czlonkow(\/|$)/];
    for (const { method, url } of targets) {
      const payload = form({ token: 'x', email: 'a@example.pl', password: 'p' });
      if (BEARER_ONLY.some((re) => re.test(url))) {
        const res = await t.app.inject({
          method: method as 'POST',
          url,
          headers: { 'content-type': 'application/json', cookie: admin.cookie },
          payload: '{}',
          remoteAddress: nextClient(),
        });
        assert.equal(res.statusCode, 401, `${method} ${url} with a session cookie and no bearer token: ${res.body.slice(0, 200)}`);
        continue;
      }
      // access is checked before CSRF, so routes closed to administrators (a representative's own
      // entity, a partner's round) are probed by someone holding every role, scoped to the ids in
      // the address
      let cookie = admin.cookie;
      let none = await t.app.inject({ method: method as 'POST', url, headers: { ...FORM, cookie }, payload, remoteAddress: nextClient() });
      if (none.statusCode === 403 && /Brak dostępu/.test(none.body)) {
        const ids = url.split('/').filter((seg) => /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(seg) || seg === SAMPLE_TERYT);
        // a scope is an id of the address, or one with a prefix (a local government's `localgov:<teryt>`)
        const scopeIds = ids.flatMap((id) => [id, ...SCOPE_PREFIXES.map((p) => `${p}${id}`)]);
        const everyone = await loginAs(t, [
          ...ROLES.map((role) => ({ role })),
          ...scopeIds.flatMap((id) =>
            Object.entries(SCOPED_ROLES).map(([role, scopeType]) => ({ role: role as Role, scopeType, scopeId: id })),
          ),
        ]);
        cookie = everyone.cookie;
        none = await t.app.inject({ method: method as 'POST', url, headers: { ...FORM, cookie }, payload, remoteAddress: nextClient() });
      }
      expectCsrfRefusal(none, `${method} ${url} without a token`);

      const foreign = await t.app.inject({
        method: method as 'POST',
        url,
        headers: { ...FORM, cookie, 'x-csrf-token': other.csrf },
        payload: form({ _csrf: other.csrf, token: 'x' }),
        remoteAddress: nextClient(),
      });
      expectCsrfRefusal(foreign, `${method} ${url} with another session's token`);

      // no session at all: either refused for lack of a login or for lack of a token
      const anonymous = await t.app.inject({
        method: method as 'POST',
        url,
        headers: FORM,
        payload: form({ _csrf: other.csrf }),
        remoteAddress: nextClient(),
      });
      if (anonymous.statusCode === 404 && HIDDEN_FROM_ANONYMOUS.some((re) => re.test(url))) continue;
      if (anonymous.statusCode !== 401) expectCsrfRefusal(anonymous, `${method} ${url} anonymous`);
    }

    const en = await t.app.inject({
      method: 'POST',
      url: '/en/setup',
      headers: { ...FORM, cookie: admin.cookie },
      payload: 'token=x',
      remoteAddress: nextClient(),
    });
    assert.equal(en.statusCode, 403);
    assert.match(en.body, /The form has expired/);

    // control: the same token in its own session passes the CSRF check (so the refusals above mean something)
    const own = await t.app.inject({
      method: 'POST',
      url: '/setup',
      headers: { ...FORM, cookie: other.cookie },
      payload: form({ _csrf: other.csrf, token: other.token }),
      remoteAddress: nextClient(),
    });
    assert.doesNotMatch(own.body, /Formularz wygasł/);
  });
});

test('sessions live in the database, so a second app instance on it accepts the same form', async () => {
  await withApp({}, async (t) => {
    const before = await t.ctx.db.selectFrom('sessions').select('id').execute();
    const { cookie, csrf, token } = await formSession(t);
    const after = await t.ctx.db.selectFrom('sessions').select(['id', 'data']).execute();
    assert.equal(after.length, before.length + 1, 'the form page stored its session');
    const sid = decodeURIComponent(cookie.split('=')[1]!).split('.')[0]!;
    assert.ok(
      after.some((r) => r.id === sid),
      'the row is keyed by the cookie’s session id',
    );

    const second = await buildApp({ config: t.config, database: t.database.handle, logger: false, rateLimitPerMinute: 100_000 });
    try {
      await second.app.ready();
      const body = form({ _csrf: csrf, token, email: 'not-an-email', display_name: '', password: 'x', password_repeat: 'y' });
      const accepted = await second.app.inject({ method: 'POST', url: '/setup', headers: { ...FORM, cookie }, payload: body });
      assert.equal(accepted.statusCode, 400, 'the CSRF check passed on the other instance; the form was then validated');
      assert.doesNotMatch(accepted.body, /Formularz wygasł/);
      const withoutSession = await second.app.inject({ method: 'POST', url: '/setup', headers: FORM, payload: body });
      assert.equal(withoutSession.statusCode, 403);
      assert.match(withoutSession.body, /Formularz wygasł/);
    } finally {
      await second.app.close();
    }
  });
});

test('too many requests: the sixth in a minute gets 429, a translated page and Retry-After', async () => {
  await withApp({ rateLimitPerMinute: 5 }, async (t) => {
    for (let i = 1; i <= 5; i += 1) assert.equal((await t.app.inject({ url: '/' })).statusCode, 200, `request ${i}`);
    const limited = await t.app.inject({ url: '/' });
    assert.equal(limited.statusCode, 429);
    assert.match(String(limited.headers['content-type']), /^text\/html; charset=utf-8/);
    assert.match(limited.body, /Zbyt wiele prób/);
    assert.match(String(limited.headers['retry-after']), /^\d+$/);
    assertBaselineHeaders(limited, '429');
    const en = await t.app.inject({ url: '/en' });
    assert.equal(en.statusCode, 429);
    assert.match(en.body, /Too many attempts/);
    // another client is not affected
    assert.equal((await t.app.inject({ url: '/', remoteAddress: '10.9.9.9' })).statusCode, 200);
  });
});

test('behind the proxy named in TRUST_PROXY the address is the one the proxy saw; a forged X-Forwarded-For changes nothing', async () => {
  for (const TRUST_PROXY of ['127.0.0.1', '1', 'true']) {
    await withApp(
      {
        env: { TRUST_PROXY },
        extraRoutes: (app) => app.get('/test/ip', { config: { access: 'public' } }, async (request) => ({ ip: request.ip })),
      },
      async (t) => {
        // nginx (at 127.0.0.1) appends the address it saw to whatever the client sent
        const viaProxy = (forged: string) => ({ remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': `${forged}, 203.0.113.7` } });
        assert.equal(
          (await t.app.inject({ url: '/test/ip', ...viaProxy('6.6.6.6') })).json<{ ip: string }>().ip,
          '203.0.113.7',
          `${TRUST_PROXY}: the client's own header is not believed`,
        );
        assert.equal((await t.app.inject({ url: '/test/ip', remoteAddress: '127.0.0.1' })).json<{ ip: string }>().ip, '127.0.0.1');
        // 40 login attempts, each with another forged address, still meet the login limit (30 a minute)
        const statuses: number[] = [];
        for (let i = 0; i < 40; i++)
          statuses.push(
            (
              await t.app.inject({
                method: 'POST',
                url: '/konto/logowanie',
                headers: { ...FORM, ...viaProxy(`10.${i}.0.1`).headers },
                remoteAddress: '127.0.0.1',
                payload: 'email=a%40example.pl&password=x',
              })
            ).statusCode,
          );
        assert.equal(statuses.filter((s) => s === 429).length, 10, `${TRUST_PROXY}: ${statuses.join(' ')}`);
      },
    );
  }
  // a client that is not the proxy cannot claim another address at all
  await withApp(
    {
      env: { TRUST_PROXY: '127.0.0.1' },
      extraRoutes: (app) => app.get('/test/ip', { config: { access: 'public' } }, async (request) => ({ ip: request.ip })),
    },
    async (t) => {
      const direct = await t.app.inject({ url: '/test/ip', remoteAddress: '198.51.100.9', headers: { 'x-forwarded-for': '203.0.113.7' } });
      assert.equal(direct.json<{ ip: string }>().ip, '198.51.100.9');
    },
  );
});

test('pages for logged-in people and their data exports are never stored; pages with a secret in the address send no referrer', async () => {
  await withApp({}, async (t) => {
    const { cookie } = await loginAs(t, [{ role: 'administrator' }]);
    for (const url of ['/admin', '/admin/uzytkownicy', '/admin/poczta', '/konto', '/konto/dane', '/konto/dane.json', '/konto/sesje']) {
      const res = await t.app.inject({ url, headers: { cookie } });
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['cache-control'], 'no-store', url);
    }
    // public pages seen by an anonymous visitor may be cached as before
    assert.equal((await t.app.inject({ url: '/' })).headers['cache-control'], undefined);
    for (const url of [
      '/konto/haslo/nowe/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
      '/konto/zaproszenie/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
    ]) {
      // an unknown token: the error page still must not leak or keep the address
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 400, url);
      assert.equal(res.headers['cache-control'], 'no-store', url);
      assert.equal(res.headers['referrer-policy'], 'no-referrer', url);
    }
  });
});

test('a form body over 256 KB is refused with a 413 page', async () => {
  await withApp({}, async (t) => {
    const { cookie, csrf, token } = await formSession(t);
    const big = form({ _csrf: csrf, token, email: 'a@example.pl', display_name: 'x'.repeat(FORM_BODY_LIMIT + 1) });
    assert.ok(Buffer.byteLength(big) > 256 * 1024);
    const res = await t.app.inject({ method: 'POST', url: '/setup', headers: { ...FORM, cookie }, payload: big });
    assert.equal(res.statusCode, 413);
    assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
    assert.match(res.body, /Za duże dane/);
  });
});

test('logs carry the request id but never the password, the session cookie or the CSRF token', async () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  await withApp({ logger: { level: 'info', stream } }, async (t) => {
    const { cookie, csrf, token } = await formSession(t);
    const sessionValue = decodeURIComponent(cookie.split('=')[1]!);
    const sid = sessionValue.split('.')[0]!;
    const password = 'Tajne-Hasło-Testowe-9876';
    lines.length = 0;
    const attempts = [
      // wrong one-time token: refused after reading the body
      form({ _csrf: csrf, token: `${token}x`, email: 'admin@example.pl', display_name: 'Anna', password, password_repeat: password }),
      // invalid form: the password travels back through validation
      form({ _csrf: csrf, token, email: 'not-an-email', display_name: '', password, password_repeat: `${password}!` }),
      // schema violation: the body is rejected by the validator
      form({ _csrf: csrf, token, email: 'a@example.pl', password: password.repeat(100) }),
      // CSRF refusal
      form({ token, email: 'admin@example.pl', password }),
    ];
    for (const payload of attempts) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/setup',
        headers: { ...FORM, cookie, 'user-agent': 'test' },
        payload,
        remoteAddress: nextClient(),
      });
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `refused: ${res.statusCode}`);
    }
    assert.ok(lines.length >= attempts.length, `requests were logged: ${lines.length} lines`);
    for (const line of lines) {
      assert.ok(!line.includes(password), `password in log: ${line}`);
      assert.ok(!line.includes(sessionValue) && !line.includes(sid), `session cookie in log: ${line}`);
      assert.ok(!line.includes(csrf), `CSRF token in log: ${line}`);
      const entry = JSON.parse(line) as { reqId?: string };
      assert.match(String(entry.reqId), /^[0-9a-f-]{36}$/, `request id on: ${line}`);
    }
    const ids = new Set(lines.map((l) => (JSON.parse(l) as { reqId: string }).reqId));
    assert.equal(ids.size, attempts.length, 'one request id per request');
  });
});

test('one log line per request at info, written when it was answered; its arrival only at debug', async () => {
  for (const level of ['info', 'debug'] as const) {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    await withApp({ logger: { level, stream } }, async (t) => {
      lines.length = 0;
      for (const url of ['/', '/podmioty?q=fundacja', '/nie-ma-takiej-strony']) await t.app.inject({ url, remoteAddress: '10.9.8.7' });
      const entries = lines.map(
        (l) =>
          JSON.parse(l) as {
            msg: string;
            level: number;
            reqId: string;
            req?: { method: string; url: string; remoteAddress: string };
            res?: { statusCode: number };
            responseTime?: number;
          },
      );
      const done = entries.filter((e) => e.msg === 'request completed');
      assert.deepEqual(
        done.map((e) => [e.level, e.req?.method, e.req?.url, e.req?.remoteAddress, e.res?.statusCode]),
        [
          [30, 'GET', '/', '10.9.8.7', 200],
          [30, 'GET', '/podmioty?q=fundacja', '10.9.8.7', 200],
          [30, 'GET', '/nie-ma-takiej-strony', '10.9.8.7', 404],
        ],
      );
      for (const e of done) assert.ok(typeof e.responseTime === 'number' && e.responseTime >= 0);
      const arrived = entries.filter((e) => e.msg === 'incoming request');
      assert.equal(arrived.length, level === 'debug' ? 3 : 0, `arrival lines at ${level}`);
      // at info, nothing else is written for a page answered normally: one line each
      if (level === 'info') assert.equal(entries.filter((e) => e.res?.statusCode === 200).length, 2);
    });
  }
});

test('U+0000 anywhere in the input is refused with 400 before any query runs (PostgreSQL cannot store it)', async () => {
  const { containsNul } = await import('./security.js');
  assert.equal(containsNul({ a: ['x', { b: 'y\u0000' }] }), true);
  assert.equal(containsNul({ ['k\u0000']: 'v' }), true);
  assert.equal(containsNul({ a: 'Zażółć', n: 1, b: null }), false);
  await withApp({}, async (t) => {
    for (const url of ['/api/v1/program/%00', '/podmioty?q=a%00b', '/konsultacje/%00']) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 400, `${url}: ${res.body.slice(0, 200)}`);
    }
    const session = await formSession(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/setup',
      headers: { ...FORM, cookie: session.cookie },
      payload: form({ _csrf: session.csrf, token: session.token, email: 'a@example.pl', display_name: 'A\u0000B' }),
    });
    assert.equal(res.statusCode, 400);
    assert.equal(await t.ctx.db.selectFrom('users').select('id').executeTakeFirst(), undefined);
  });
});
