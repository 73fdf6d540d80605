// Tests need a database of their own that disappears afterwards. SQLite in memory is the default;
// when the harness names a PostgreSQL server (TEST_DIALECT=postgres), each caller gets a fresh
// throw-away database on it, so test files can run in parallel without seeing each other's rows.
// Migrating a PostgreSQL database from nothing takes 1.3–2 s, once per test app; with a template
// (the migrated schema, built once per set of migrations and kept on the server) a new database is a
// copy of it instead.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { testSettings } from '../../config.js';
import { openDatabase, type DatabaseHandle } from './database.js';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** The URL the handle was opened with (a per-test database name on PostgreSQL). */
  url: string;
  /** Closes the handle and, on PostgreSQL, drops the database. Safe to call twice. */
  dispose(): Promise<void>;
}

/** Names are generated here, never taken from outside, so they are safe to splice into DDL. */
function throwAwayName(): string {
  return `spojnia_t_${randomBytes(6).toString('hex')}`;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A schema a test database can start from. `key` names the content (e.g. a hash of the migration
 * sources): a template is built once per key and reused by every later test process; `build` brings
 * an empty database to it. On SQLite the template is ignored (migrating in memory takes ~0.1 s).
 */
export interface TestDatabaseTemplate {
  key: string;
  build(handle: DatabaseHandle): Promise<void>;
}

/**
 * The pool of a test database: the test runner keeps the apps of up to ten test files open at once
 * in each of two processes (scripts/test.ts), so each may hold only a few connections, and lets an
 * unused one go after a second, well under the server's 100.
 */
const TEST_POOL = { max: 5, idleMs: 1_000 };

export async function withTestDatabase(template?: TestDatabaseTemplate): Promise<TestDatabase> {
  const serverUrl = testSettings().databaseUrl;
  if (serverUrl === null) {
    const url = 'sqlite::memory:';
    const handle = await openDatabase(url);
    let disposed = false;
    return {
      handle,
      url,
      async dispose() {
        if (disposed) return;
        disposed = true;
        await handle.close();
      },
    };
  }

  const { url, drop } = await throwAwayPostgresDatabase(serverUrl, template);
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase(url, TEST_POOL);
  } catch (err) {
    await drop();
    throw err;
  }
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
        await drop();
      }
    },
  };
}

/**
 * A fresh, empty database on the PostgreSQL server `serverUrl` points at, for a test that opens it
 * itself (another process, a CLI run); `drop()` removes it even when connections are left open.
 */
export async function throwAwayPostgresDatabase(
  serverUrl: string,
  template?: TestDatabaseTemplate,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = throwAwayName();
  // the configured database only serves as the place to issue CREATE/DROP DATABASE from
  const admin = await openDatabase(serverUrl);
  try {
    if (!template) await sql.raw(`create database ${name}`).execute(admin.db);
    else
      for (let attempt = 1; ; attempt += 1) {
        const from = await ensurePostgresTemplate(serverUrl, template);
        try {
          await sql.raw(`create database ${name} template ${from}`).execute(admin.db);
          break;
        } catch (err) {
          // another working tree's test run may have just cleared old templates: build it again
          if (attempt >= 3) throw err;
        }
      }
  } finally {
    await admin.close();
  }
  return { url: withDatabaseName(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = await openDatabase(serverUrl);
  try {
    // `with (force)` ends connections a failed test may have left open (PostgreSQL 13+)
    await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
  } finally {
    await admin.close();
  }
}

const TEMPLATE_PREFIX = 'spojnia_tpl_';
/** Serialises template building across the test processes running at once (any constant works). */
const TEMPLATE_LOCK = 7_345_120_261;
const MAX_TEMPLATES = 8;

/**
 * The name of the template database for `template.key`, built now if no earlier process did. It is
 * built under another name and renamed when complete, so a half-built template is never copied.
 */
async function ensurePostgresTemplate(serverUrl: string, template: TestDatabaseTemplate): Promise<string> {
  if (!/^[a-z0-9]{1,40}$/.test(template.key)) throw new Error(`template key "${template.key}" must be lowercase letters and digits`);
  const name = `${TEMPLATE_PREFIX}${template.key}`;
  const admin = await openDatabase(serverUrl);
  try {
    // an advisory lock belongs to a session: the whole check-and-build runs on one connection
    await admin.db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(${TEMPLATE_LOCK})`.execute(conn);
      try {
        const rows = await sql<{ datname: string }>`select datname from pg_database where datname like ${`${TEMPLATE_PREFIX}%`}`.execute(
          conn,
        );
        if (rows.rows.some((r) => r.datname === name)) return;
        // templates of other keys (older migration sets, other working trees) are kept up to a few,
        // then cleared; one in use at that moment stays (the drop fails), and a process that loses its
        // template builds it again
        if (rows.rows.length >= MAX_TEMPLATES)
          for (const r of rows.rows)
            await sql
              .raw(`drop database if exists ${r.datname}`)
              .execute(conn)
              .catch(() => undefined);
        const building = throwAwayName();
        await sql.raw(`create database ${building}`).execute(conn);
        try {
          const handle = await openDatabase(withDatabaseName(serverUrl, building));
          try {
            await template.build(handle);
          } finally {
            await handle.close();
          }
          await sql.raw(`alter database ${building} rename to ${name}`).execute(conn);
        } catch (err) {
          await sql.raw(`drop database if exists ${building} with (force)`).execute(conn);
          throw err;
        }
      } finally {
        await sql`select pg_advisory_unlock(${TEMPLATE_LOCK})`.execute(conn);
      }
    });
  } finally {
    await admin.close();
  }
  return name;
}

/**
 * The tables named after FROM or JOIN in the statements `run` sends through `handle`: a test that a
 * value kept until a write (`cachedUntilWrite`) lists every table it is computed from.
 */
export async function tablesRead(handle: Pick<DatabaseHandle, 'onStatement'>, run: () => Promise<unknown>): Promise<Set<string>> {
  const tables = new Set<string>();
  const stop = handle.onStatement((statement) => {
    for (const m of statement.matchAll(/\b(?:from|join)\s+"(\w+)"/giu)) tables.add(m[1]!);
  });
  try {
    await run();
  } finally {
    stop();
  }
  return tables;
}
