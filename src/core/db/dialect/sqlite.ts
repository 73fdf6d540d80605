// SQLite side of the dialect seam: better-sqlite3 13 (Node 22 or newer: on Node 20 it crashes the
// process, so that pair is refused with a message first; ADR 11), WAL, foreign keys,
// busy timeout, JS booleans bound as 0/1 and read back as booleans, FTS5 external-content index.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect, sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { SqliteBooleanPlugin } from './sqlite-boolean-plugin.js';
import type { DialectSeam, FtsSpec } from './types.js';

const IDENT = /^[a-z_][a-z0-9_]*$/;
function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`unsafe SQL identifier: ${name}`);
  return name;
}

/** Quotes a folded search term for an FTS5 MATCH string: `"term"*` (prefix). */
function fts5Prefix(term: string): string {
  return `"${term.replaceAll('"', '""')}"*`;
}

/** Node.js major version better-sqlite3 13 needs (ADR 11). */
export const MIN_NODE_MAJOR = 22;

/**
 * better-sqlite3 13 ends the process with a segmentation fault on Node 20 when a database is
 * opened: say so instead. (A node_modules still holding 12, installed under Node 20, works.)
 */
function assertDriverRuns(): void {
  const node = Number(process.versions.node.split('.')[0]);
  const driver = Number(
    String((createRequire(import.meta.url)('better-sqlite3/package.json') as { version: string }).version).split('.')[0],
  );
  if (node < MIN_NODE_MAJOR && driver >= 13) {
    throw new Error(
      `Spójnia needs Node.js ${MIN_NODE_MAJOR} or newer (tested on 24 LTS); this process runs Node ${process.versions.node}, on which better-sqlite3 ${driver} crashes (ADR 11)`,
    );
  }
}

/** How many prepared statements a connection keeps (the application has a few hundred distinct ones). */
const STATEMENT_CACHE = 1000;

/**
 * The connection as Kysely sees it, with prepared statements reused: Kysely asks for
 * `prepare(sql)` on every execution, and preparing costs 0.05–0.3 ms a statement, a visible share of
 * a page that runs five. A statement still being iterated (a streamed result) is busy and cannot be
 * run again meanwhile: then a fresh one is prepared. SQLite re-prepares a kept statement by itself
 * after a schema change (migrations).
 */
/**
 * The rowids of `group_concat(rowid)` (digits and commas only): read in one pass, as `split` and
 * `map(Number)` over a common word's 30,000 keys held the event loop 16 ms.
 */
export function parseKeys(joined: string): number[] {
  const out: number[] = [];
  let n = 0;
  for (let i = 0; i < joined.length; i += 1) {
    const c = joined.charCodeAt(i);
    if (c === 44) {
      out.push(n);
      n = 0;
    } else n = n * 10 + (c - 48);
  }
  out.push(n);
  return out;
}

function reusingStatements(conn: BetterSqlite3.Database): { prepare(sql: string): BetterSqlite3.Statement; close(): void } {
  const kept = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql) {
      const hit = kept.get(sql);
      if (hit && !hit.busy) {
        // most recently used last, so the oldest goes first when the cache is full
        kept.delete(sql);
        kept.set(sql, hit);
        return hit;
      }
      const stmt = conn.prepare(sql);
      if (!hit) {
        kept.set(sql, stmt);
        if (kept.size > STATEMENT_CACHE) kept.delete(kept.keys().next().value!);
      }
      return stmt;
    },
    close() {
      kept.clear();
      conn.close();
    },
  };
}

export function sqliteSeam(file: string): DialectSeam {
  assertDriverRuns();
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const conn = new BetterSqlite3(file);
  conn.pragma('journal_mode = WAL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  conn.pragma('synchronous = FULL');
  // without it `INSERT OR REPLACE` deletes the old row silently, skipping the FTS delete trigger
  conn.pragma('recursive_triggers = ON');
  return {
    name: 'sqlite',
    kysely: new SqliteDialect({ database: reusingStatements(conn) }),
    plugins: [new SqliteBooleanPlugin()],
    binaryType: 'blob',
    async prepare() {
      // pragmas are set on the single connection above
    },
    otherWritersVersion: () => conn.pragma('data_version', { simple: true }) as number,
    async ping(db) {
      await sql`select 1`.execute(db);
    },
    async createFtsIndex(db: Kysely<any>, spec: FtsSpec) {
      const t = ident(spec.table);
      const c = ident(spec.column);
      const f = `${t}_fts`;
      await sql
        .raw(`create virtual table ${f} using fts5(${c}, content='${t}', content_rowid='rowid', tokenize="unicode61 remove_diacritics 2")`)
        .execute(db);
      await sql
        .raw(`create trigger ${f}_ai after insert on ${t} begin insert into ${f}(rowid, ${c}) values (new.rowid, new.${c}); end`)
        .execute(db);
      await sql
        .raw(
          `create trigger ${f}_ad after delete on ${t} begin insert into ${f}(${f}, rowid, ${c}) values ('delete', old.rowid, old.${c}); end`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger ${f}_au after update of ${c} on ${t} begin insert into ${f}(${f}, rowid, ${c}) values ('delete', old.rowid, old.${c}); insert into ${f}(rowid, ${c}) values (new.rowid, new.${c}); end`,
        )
        .execute(db);
      await sql.raw(`insert into ${f}(${f}) values ('rebuild')`).execute(db);
    },
    async dropFtsIndex(db: Kysely<any>, spec: FtsSpec) {
      const f = `${ident(spec.table)}_fts`;
      for (const suffix of ['_ai', '_ad', '_au']) await sql.raw(`drop trigger if exists ${f}${suffix}`).execute(db);
      await sql.raw(`drop table if exists ${f}`).execute(db);
    },
    ftsMatch(spec, terms) {
      const t = ident(spec.table);
      const f = `${t}_fts`;
      if (terms.length === 0) return sql<boolean>`1 = 1`;
      const match = terms.map(fts5Prefix).join(' AND ');
      return sql<boolean>`${sql.ref(`${t}.rowid`)} in (select rowid from ${sql.table(f)} where ${sql.table(f)} match ${match})`;
    },
    ftsDrive(qb, spec, terms) {
      if (terms.length === 0) return qb;
      const t = ident(spec.table);
      const f = `${t}_fts`;
      const match = terms.map(fts5Prefix).join(' AND ');
      // the builder's table types do not know the virtual table, hence the untyped view of it
      const untyped = qb as unknown as SelectQueryBuilder<any, any, any>;
      return untyped.innerJoin(f, `${f}.rowid`, `${t}.rowid`).where(sql<boolean>`${sql.table(f)} match ${match}`) as unknown as typeof qb;
    },
    ftsRowKey(spec) {
      return sql<number>`${sql.ref(`${ident(spec.table)}.rowid`)}`;
    },
    async ftsKeysPerTerm(db, spec, terms) {
      if (terms.length === 0) return [];
      const f = sql.table(`${ident(spec.table)}_fts`);
      // one row per term with its keys joined by commas: a common word matches 30,000 rows, and a
      // row object each (with the driver's and the boolean plugin's pass over it) cost 20-40 ms of
      // the event loop where the text costs 4-13 ms
      const parts = terms.map((term, i) => sql`select ${i} as t, group_concat(rowid) as k from ${f} where ${f} match ${fts5Prefix(term)}`);
      const { rows } = await sql<{ t: number; k: string | null }>`${sql.join(parts, sql` union all `)}`.execute(db);
      const out = terms.map((): number[] => []);
      for (const r of rows) if (r.k) out[r.t] = parseKeys(r.k);
      return out;
    },
    forUpdateSkipLocked(qb) {
      // one writer: the claiming transaction is already serialised, and SQLite has no FOR UPDATE
      return qb;
    },
    async byteOrderColumn() {
      // text columns compare with BINARY (byte order) unless a migration asks for another collation
    },
    async close() {
      // the WAL folded into the database file and emptied, so a stopped instance is one file to copy;
      // best effort: while another process writes the file the checkpoint cannot finish, and that
      // process (the last to close) folds it in instead
      try {
        if (conn.open && !conn.memory && !conn.readonly) conn.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // busy: left to the last process
      }
      conn.close();
    },
  };
}
