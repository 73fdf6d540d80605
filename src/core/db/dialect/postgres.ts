// PostgreSQL side of the dialect seam: a pg pool, `to_tsvector('simple', …)` with a GIN expression
// index for search (folding and stemming are done in JS, so `simple` is enough and matches SQLite).
import type pg from 'pg';
import { PostgresDialect, sql, type Kysely } from 'kysely';
import type { DialectSeam, FtsSpec, PoolOptions } from './types.js';

const IDENT = /^[a-z_][a-z0-9_]*$/;
function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`unsafe SQL identifier: ${name}`);
  return name;
}

/** `'term':*` for to_tsquery; terms are folded word characters, quoted again defensively. */
function tsPrefix(term: string): string {
  return `'${term.replaceAll("'", "''").replaceAll('\\', '')}':*`;
}

function matchCondition(spec: FtsSpec, terms: readonly string[]) {
  const t = ident(spec.table);
  const c = ident(spec.column);
  if (terms.length === 0) return sql<boolean>`true`;
  const query = terms.map(tsPrefix).join(' & ');
  return sql<boolean>`to_tsvector('simple', ${sql.ref(`${t}.${c}`)}) @@ to_tsquery('simple', ${query})`;
}

/** The driver is imported when PostgreSQL is chosen, so SQLite processes never load it (ADR 8). */
export async function postgresSeam(url: string, options: PoolOptions = {}): Promise<DialectSeam> {
  const { default: driver }: { default: typeof pg } = await import('pg');
  // int8 (count, sum over integers) arrives as text by default; the project never stores values
  // past 2^53, so it is parsed as a number once here.
  driver.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
  const pool = new driver.Pool({ connectionString: url, max: options.max ?? 10, idleTimeoutMillis: options.idleMs ?? 10_000 });
  // an idle client whose connection the server ends (restart, failover, a test database dropped
  // `with (force)`) is emitted here; pg has already removed it and the next query connects anew.
  // Without a listener the event is an uncaught exception that ends the whole process.
  pool.on('error', () => {});
  return {
    name: 'postgres',
    kysely: new PostgresDialect({ pool }),
    plugins: [],
    binaryType: 'bytea',
    async prepare() {},
    // other instances' commits cannot be seen without a query: the write cache's time limit bounds them
    otherWritersVersion: () => null,
    async ping(db) {
      await sql`select 1`.execute(db);
    },
    async createFtsIndex(db: Kysely<any>, spec: FtsSpec) {
      const t = ident(spec.table);
      const c = ident(spec.column);
      await sql.raw(`create index ${t}_fts on ${t} using gin (to_tsvector('simple', ${c}))`).execute(db);
    },
    async dropFtsIndex(db: Kysely<any>, spec: FtsSpec) {
      await sql.raw(`drop index if exists ${ident(spec.table)}_fts`).execute(db);
    },
    ftsMatch: matchCondition,
    ftsDrive(qb, spec, terms) {
      // the planner chooses between the GIN index and a scan by itself; the condition is the same
      return terms.length === 0 ? qb : (qb.where(matchCondition(spec, terms)) as typeof qb);
    },
    ftsRowKey(spec) {
      return sql<string>`${sql.ref(`${ident(spec.table)}.id`)}`;
    },
    async ftsKeysPerTerm(db, spec, terms) {
      if (terms.length === 0) return [];
      const t = sql.table(ident(spec.table));
      const parts = terms.map((term, i) => sql`select ${sql.lit(i)}::int as t, id as k from ${t} where ${matchCondition(spec, [term])}`);
      const { rows } = await sql<{ t: number; k: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
      const out = terms.map((): string[] => []);
      for (const r of rows) out[r.t]!.push(r.k);
      return out;
    },
    forUpdateSkipLocked(qb) {
      return qb.forUpdate().skipLocked() as typeof qb;
    },
    async byteOrderColumn(db, table, column) {
      await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type text collate "C"`.execute(db);
    },
    async close() {
      await pool.end();
    },
  };
}
