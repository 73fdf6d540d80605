// Opens the database named by DATABASE_URL and hands out one typed Kysely instance. The portable
// helpers every repository uses (counts, Polish ordering) live here, so no repository needs to know
// which database is underneath.
import { Kysely, sql, type Expression, type RawBuilder } from 'kysely';
import { seamFor, type DialectSeam, type PoolOptions } from './dialect/index.js';
import type { Database } from './schema.js';
import { WriteObserver } from './write-observer.js';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  seam: DialectSeam;
  /** Number of statements sent since start; tests use it to prove a constant query count. */
  statements(): number;
  /** Calls `listener` with the SQL of every statement sent from now on (tests: which tables a page reads); returns the unsubscribe. */
  onStatement(listener: (sql: string) => void): () => void;
  /** Calls `listener` when a query-builder statement writes one of `tables` (cache invalidation). */
  onWrite(tables: readonly string[], listener: () => void): () => void;
  close(): Promise<void>;
}

export async function openDatabase(databaseUrl: string, pool: PoolOptions = {}): Promise<DatabaseHandle> {
  const seam = await seamFor(databaseUrl, pool);
  let count = 0;
  const statementListeners = new Set<(sql: string) => void>();
  const writes = new WriteObserver();
  const db = new Kysely<Database>({
    dialect: seam.kysely,
    plugins: [...seam.plugins, writes],
    log: (event) => {
      count += 1;
      for (const l of statementListeners) l(event.query.sql);
    },
  });
  await seam.prepare(db);
  return {
    db,
    seam,
    statements: () => count,
    onStatement: (listener) => {
      statementListeners.add(listener);
      return () => statementListeners.delete(listener);
    },
    onWrite: (tables, listener) => writes.onWrite(tables, listener),
    async close() {
      await db.destroy();
    },
  };
}

/** `count(*)` as an integer on both databases (PostgreSQL would return bigint text). */
export function countAll(): RawBuilder<number> {
  return sql<number>`cast(count(*) as integer)`;
}

/** Cast any numeric aggregate to an integer the same way on both databases. */
export function asInteger(expr: Expression<unknown>): RawBuilder<number> {
  return sql<number>`cast(${expr} as integer)`;
}
