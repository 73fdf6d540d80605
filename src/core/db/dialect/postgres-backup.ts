// Backups of a PostgreSQL database with the server's own tools: `pg_dump --format=custom` on a
// snapshot exported by the transaction that reads the digests (so both see one moment while the
// instances keep writing), `pg_restore` into a scratch database for the check, and a promotion that
// renames databases (the old one is kept) only when no other connection uses the database. The
// password never appears on a command line: it goes to the programs through PGPASSWORD.
import { createHash, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import type pg from 'pg';
import { AppError } from '../../errors/app-error.js';
import type { BackupTools, ScratchRestore, TableDigest } from './types.js';

type PgModule = typeof pg;

/** The URL for another database on the same server. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Connection string without the password, and the environment that carries it. */
function forPrograms(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  // the child inherits the environment (PATH, PG* settings) plus the password; nothing is read from it here
  // eslint-disable-next-line no-restricted-syntax
  const inherited = process.env;
  return { dbname: u.toString(), env: password ? { ...inherited, PGPASSWORD: password } : { ...inherited } };
}

/** Runs pg_dump/pg_restore; resolves with stderr, rejects with it when the program fails. */
function run(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') reject(new AppError('cli.backup_postgres', { program }));
      else reject(err);
    });
    child.once('exit', (code) => {
      if (code === 0) resolve(stderr);
      else reject(new Error(`${program} exited with ${code}: ${stderr.trim()}`));
    });
  });
}

/**
 * Row count and content hash of every table of the current schema, computed by the server: the
 * sum of two 64-bit pieces of each row's md5 (of its text form), so row order does not matter.
 */
async function postgresDigests(client: pg.ClientBase): Promise<TableDigest[]> {
  const tables = await client.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = current_schema() order by tablename`,
  );
  const out: TableDigest[] = [];
  for (const { name } of tables.rows) {
    const t = quoteIdent(name);
    const { rows } = await client.query<{ n: string; a: string; b: string }>(
      `select count(*)::text as n,
              coalesce(sum(('x' || substr(md5(r::text), 1, 16))::bit(64)::bigint::numeric), 0)::text as a,
              coalesce(sum(('x' || substr(md5(r::text), 17, 16))::bit(64)::bigint::numeric), 0)::text as b
         from ${t} as r`,
    );
    const row = rows[0]!;
    out.push({ table: name, rows: Number(row.n), hash: createHash('sha256').update(`${row.a}:${row.b}`).digest('hex').slice(0, 32) });
  }
  return out;
}

export async function postgresBackupTools(url: string): Promise<BackupTools> {
  const { default: driver }: { default: PgModule } = await import('pg');
  const target = databaseName(url);

  async function withClient<R>(connectTo: string, fn: (client: pg.Client) => Promise<R>): Promise<R> {
    const client = new driver.Client({ connectionString: connectTo });
    // a server that ends the connection (a drop with force) must not become an uncaught error
    client.on('error', () => {});
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end().catch(() => {});
    }
  }

  /** ALTER DATABASE … RENAME, retried briefly: a connection just ended may linger a moment on the server. */
  const rename = async (client: pg.Client, from: string, to: string) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.query(`alter database ${quoteIdent(from)} rename to ${quoteIdent(to)}`);
        return;
      } catch (err) {
        // 55006 object_in_use: "database is being accessed by other users"
        if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };

  const inUse = async (): Promise<string | null> => {
    const n = await withClient(url, async (c) => {
      const { rows } = await c.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      );
      return rows[0]!.n;
    });
    return n === 0 ? null : `${n} other connection(s) to database "${target}" (stop every instance first)`;
  };

  return {
    dialect: 'postgres',
    extension: '.dump',
    async backup(file, onProgress) {
      const { dbname, env } = forPrograms(url);
      return withClient(url, async (client) => {
        await client.query('begin isolation level repeatable read read only');
        try {
          const { rows } = await client.query<{ id: string }>('select pg_export_snapshot() as id');
          const digests = await postgresDigests(client);
          onProgress?.(0, 1);
          // pg_dump adopts the exported snapshot, which lives as long as this transaction
          await run('pg_dump', ['--format=custom', `--snapshot=${rows[0]!.id}`, `--file=${file}`, `--dbname=${dbname}`], env);
          onProgress?.(1, 1);
          return digests;
        } finally {
          await client.query('commit');
        }
      });
    },
    async restoreScratch(file) {
      const scratch = `${target.slice(0, 40)}_restore_${randomBytes(4).toString('hex')}`;
      const scratchUrl = withDatabase(url, scratch);
      let promoted = false;
      let created = false;
      const discard = async () => {
        if (promoted || !created) return;
        created = false;
        await withClient(url, (c) => c.query(`drop database if exists ${quoteIdent(scratch)} with (force)`));
      };
      let problems: string[] = [];
      let digests: TableDigest[] = [];
      const began = performance.now();
      await withClient(url, (c) => c.query(`create database ${quoteIdent(scratch)}`));
      created = true;
      const { dbname, env } = forPrograms(scratchUrl);
      try {
        // one transaction: a file that fails half-way leaves nothing behind; constraints are
        // created (and checked against the rows) as the last step
        await run(
          'pg_restore',
          ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`, file],
          env,
        );
      } catch (err) {
        if (err instanceof AppError) {
          await discard();
          throw err;
        }
        problems = [`pg_restore could not restore the file: ${err instanceof Error ? err.message : String(err)}`];
      }
      const restoreMs = performance.now() - began;
      if (problems.length === 0) digests = await withClient(scratchUrl, postgresDigests);
      const restore: ScratchRestore = {
        problems,
        digests,
        restoreMs,
        async promote() {
          if (problems.length > 0) throw new Error('a copy that failed its check is never promoted');
          const user = await inUse();
          if (user) throw new Error(`not restored: ${user}`);
          const previous = `${target.slice(0, 30)}_before_restore_${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')}`;
          // a database cannot be renamed from a connection to itself: rename the old one from the
          // scratch database, then the scratch one from the old one
          const exists = await withClient(scratchUrl, async (c) => {
            const { rows } = await c.query<{ n: number }>('select count(*)::int as n from pg_database where datname = $1', [target]);
            if (rows[0]!.n === 0) return false;
            await rename(c, target, previous);
            return true;
          });
          await withClient(withDatabase(url, exists ? previous : 'postgres'), (c) => rename(c, scratch, target));
          promoted = true;
          return { previous: exists ? previous : null };
        },
        discard,
      };
      return restore;
    },
    inUse,
  };
}
