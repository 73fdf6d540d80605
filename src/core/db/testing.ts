// Tests need a database of their own that disappears afterwards. SQLite in memory is the default;
// when the harness names a PostgreSQL server (TEST_DIALECT=postgres), each caller gets a fresh
// throw-away database on it, so test files can run in parallel without seeing each other's rows.
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

export async function withTestDatabase(): Promise<TestDatabase> {
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

  const { url, drop } = await throwAwayPostgresDatabase(serverUrl);
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase(url);
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
export async function throwAwayPostgresDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = throwAwayName();
  // the configured database only serves as the place to issue CREATE/DROP DATABASE from
  const admin = await openDatabase(serverUrl);
  try {
    await sql.raw(`create database ${name}`).execute(admin.db);
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
