// One way for route tests to get a running application: a fresh database (SQLite in memory, or a
// throw-away PostgreSQL database when TEST_DIALECT=postgres), migrated and loaded with the
// reference data, and the app built on it. Tests talk to it through `app.inject`. A test of what two
// instances do opens a second app on the same database (`secondInstance`); on SQLite that needs the
// first app's database in a file (`sharedDatabase`), as an in-memory one belongs to one connection.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign } from '@fastify/cookie';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, MODULES } from '../app.js';
import { seedReference, moduleContext } from '../bootstrap.js';
import { loadConfig, testSettings, type Config } from '../config.js';
import { openDatabase } from '../core/db/database.js';
import { migrateToLatest } from '../core/db/migrate.js';
import { withTestDatabase, type TestDatabase, type TestDatabaseTemplate } from '../core/db/testing.js';
import { newId } from '../core/db/ids.js';
import { nowIso, type Clock } from '../core/db/time.js';
import { sessionCookieName } from '../core/http/security.js';
import { SESSION_TTL_MS } from '../core/http/session-store.js';
import type { AppModule, ModuleContext } from '../core/module.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: ModuleContext;
  config: Config;
  database: TestDatabase;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  clock?: Clock;
  /** Load the reference data (TERYT, holidays, institution); default true. */
  reference?: boolean;
  logger?: boolean | object;
  rateLimitPerMinute?: number;
  /** Key prefix of the shared rate-limit counters when `env.REDIS_URL` is set. */
  rateLimitNamespace?: string;
  /** The app's modules when a test assembles its own list (its contributions, say); MODULES otherwise. */
  modules?: readonly AppModule[];
  /** Test-only routes registered before the app is ready (e.g. to exercise policies). */
  extraRoutes?: (app: FastifyInstance) => void;
  /** On SQLite, keep the database in a temporary file that `secondInstance` can open too (PostgreSQL always can). */
  sharedDatabase?: boolean;
}

export const TEST_SECRET = 'test-session-secret-0123456789abcdefghij';

let schemaKey: string | undefined;

/**
 * The migrated schema of every module as a test database template, keyed by the sources of the
 * migrations and of the dialect seam they call: a changed or added migration makes a new template.
 */
function migratedSchema(): TestDatabaseTemplate {
  if (schemaKey === undefined) {
    // relative paths under src/, e.g. modules/events/migrations/202702040010_events.ts
    const hash = createHash('sha256');
    const src = join(import.meta.dirname, '..');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f: string) => /(^|\/)(migrations|dialect)\/[^/]+\.ts$/.test(f) && !f.endsWith('.test.ts'))
      .sort();
    for (const f of files) hash.update(`${f}\n`).update(readFileSync(join(src, f)));
    schemaKey = hash.digest('hex').slice(0, 24);
  }
  const key = schemaKey;
  return { key, build: (handle) => migrateToLatest(handle, MODULES).then(() => undefined) };
}

/** A SQLite database in a temporary file, removed on dispose. */
async function fileDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'spojnia-test-db-'));
  const url = `sqlite:${join(dir, 'test.db')}`;
  const handle = await openDatabase(url);
  let disposed = false;
  return {
    handle,
    url,
    async dispose() {
      if (disposed) return;
      disposed = true;
      try {
        await handle.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const database =
    opts.sharedDatabase && testSettings().databaseUrl === null ? await fileDatabase() : await withTestDatabase(migratedSchema());
  // tests change data behind the app's back, so no page copies unless a test asks for them
  const config = loadConfig({
    DATABASE_URL: database.url,
    SESSION_SECRET: TEST_SECRET,
    LOG_LEVEL: 'silent',
    PAGE_CACHE_MS: '0',
    ...opts.env,
  });
  try {
    await migrateToLatest(database.handle, MODULES);
    if (opts.reference !== false) await seedReference(moduleContext(config, database.handle, opts.clock));
    const { app, ctx } = await buildApp({
      config,
      database: database.handle,
      logger: opts.logger ?? false,
      rateLimitPerMinute: opts.rateLimitPerMinute ?? 100_000,
      ...(opts.rateLimitNamespace ? { rateLimitNamespace: opts.rateLimitNamespace } : {}),
      ...(opts.clock ? { clock: opts.clock } : {}),
      ...(opts.modules ? { modules: opts.modules } : {}),
    });
    opts.extraRoutes?.(app);
    await app.ready();
    return {
      app,
      ctx,
      config,
      database,
      async close() {
        await app.close();
        await database.dispose();
      },
    };
  } catch (err) {
    await database.dispose();
    throw err;
  }
}

/**
 * Another instance of the application on `t`'s database, through a connection of its own (as a
 * second process would have): same configuration, its own clock when given. On SQLite `t` must have
 * been created with `sharedDatabase`. Close it before `t`.
 */
export async function secondInstance(t: TestApp, opts: { clock?: Clock } = {}): Promise<Omit<TestApp, 'database'>> {
  if (t.database.url === 'sqlite::memory:') throw new Error('secondInstance needs createTestApp({ sharedDatabase: true }) on SQLite');
  const handle = await openDatabase(t.database.url);
  try {
    const { app, ctx } = await buildApp({
      config: t.config,
      database: handle,
      logger: false,
      rateLimitPerMinute: 100_000,
      ...(opts.clock ? { clock: opts.clock } : {}),
    });
    await app.ready();
    return {
      app,
      ctx,
      config: t.config,
      async close() {
        try {
          await app.close();
        } finally {
          await handle.close();
        }
      },
    };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/** Cookies a response set, as a `cookie` header value for the next request. */
export function cookieHeader(res: LightMyRequestResponse, previous = ''): string {
  const jar = new Map<string, string>(
    previous
      .split(/;\s*/)
      .filter(Boolean)
      .map((c) => {
        const i = c.indexOf('=');
        return [c.slice(0, i), c.slice(i + 1)] as [string, string];
      }),
  );
  for (const c of res.cookies) jar.set(c.name, c.value);
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** The hidden CSRF token of the first form in an HTML page. */
export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF token in page');
  return m[1]!;
}

/** URL-encodes a form body. */
export function form(values: Record<string, string>): string {
  return new URLSearchParams(values).toString();
}

export interface TestRole {
  role: string;
  scopeType?: string | null;
  scopeId?: string | null;
}

let userCounter = 0;

/**
 * Creates an active user (two-factor already enrolled) with the given roles and a server-side
 * session for them, returning the cookie a logged-in browser would send. Tests of protected pages
 * use it instead of repeating the login flow (which has tests of its own). Everything is dated on
 * the app's clock, so a test that moves a `ManualClock` sees the user and the session as the app does.
 */
export async function loginAs(
  t: Pick<TestApp, 'ctx' | 'config'>,
  roles: TestRole[],
  email = `user${++userCounter}-${randomUUID().slice(0, 8)}@test.example.pl`,
): Promise<{ cookie: string; userId: string }> {
  const now = nowIso(t.ctx.clock);
  const userId = newId();
  await t.ctx.db
    .insertInto('users')
    .values({
      id: userId,
      email,
      email_norm: email.toLowerCase(),
      display_name: email.split('@')[0]!,
      password_hash: null,
      is_active: true,
      is_totp_enabled: true,
      totp_secret: 'JBSWY3DPEHPK3PXP',
      lang: 'pl',
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const r of roles) {
    await t.ctx.db
      .insertInto('user_roles')
      .values({ id: newId(), user_id: userId, role: r.role, scope_type: r.scopeType ?? null, scope_id: r.scopeId ?? null, created_at: now })
      .execute();
  }
  return { cookie: await sessionFor(t, userId), userId };
}

/**
 * A fresh server-side session of an existing user, logged in at the app clock's current time, as
 * the session cookie a browser would send. A test whose clock has moved past a session's idle or
 * absolute limit asks for a new one instead of repeating the login flow.
 */
export async function sessionFor(t: Pick<TestApp, 'ctx' | 'config'>, userId: string): Promise<string> {
  const at = t.ctx.clock.now();
  const sid = newId().replaceAll('-', '') + newId().replaceAll('-', '');
  const expires = new Date(at.getTime() + SESSION_TTL_MS).toISOString();
  // no `expires` in the cookie part: the session plugin compares that one with the system time, so
  // it is left to the plugin; the stored row and the login times follow the app's clock
  const data = {
    cookie: { originalMaxAge: SESSION_TTL_MS, httpOnly: true, path: '/', sameSite: 'lax', secure: false },
    userId,
    loginAt: at.toISOString(),
    lastSeenAt: at.toISOString(),
  };
  await t.ctx.db
    .insertInto('sessions')
    .values({ id: sid, data: JSON.stringify(data), user_id: userId, expires_at: expires, updated_at: at.toISOString() })
    .execute();
  return `${sessionCookieName(t.config)}=${encodeURIComponent(sign(sid, t.config.sessionSecret))}`;
}
