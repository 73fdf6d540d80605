// Backups of a SQLite database: the online backup API run inside one read transaction (so the
// copy and the digests read beside it see the same moment while the server keeps writing), a
// restore that is a copy of the file checked with `PRAGMA integrity_check` and
// `foreign_key_check`, and a promotion that swaps files only when no other process has the
// database open (a connection in WAL mode holds a shared lock for as long as it is open, so an
// exclusive lock taken without waiting tells whether an instance is running).
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { BackupTools, ScratchRestore, TableDigest } from './types.js';

const HASH_BITS = 128n;
const HASH_MOD = 1n << HASH_BITS;

/** One value in a form that cannot be confused with another type or split differently. */
function encode(value: unknown): string {
  if (value === null || value === undefined) return 'N;';
  if (Buffer.isBuffer(value)) return `x${value.length}:${value.toString('hex')};`;
  if (typeof value === 'string') return `s${value.length}:${value};`;
  return `${typeof value}:${String(value)};`;
}

/**
 * Row count and content hash of every ordinary table (FTS virtual tables are skipped: their rows
 * are the content table's, their own storage is in shadow tables, which are counted). The hash is
 * the sum of the rows' SHA-256 prefixes, so it does not depend on the order rows are read in.
 */
export function sqliteDigests(conn: BetterSqlite3.Database): TableDigest[] {
  const tables = conn
    .prepare(`select name, sql from sqlite_schema where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`)
    .all() as { name: string; sql: string | null }[];
  const out: TableDigest[] = [];
  for (const { name, sql } of tables) {
    if (/^\s*create\s+virtual\s+table/i.test(sql ?? '')) continue;
    let rows = 0;
    let sum = 0n;
    const statement = conn.prepare(`select * from "${name.replaceAll('"', '""')}"`).raw(true);
    for (const row of statement.iterate() as Iterable<unknown[]>) {
      rows += 1;
      const digest = createHash('sha256').update(row.map(encode).join('')).digest();
      sum = (sum + BigInt(`0x${digest.subarray(0, 16).toString('hex')}`)) % HASH_MOD;
    }
    out.push({ table: name, rows, hash: sum.toString(16).padStart(32, '0') });
  }
  return out;
}

/** Everything `integrity_check` and `foreign_key_check` report; empty when the file is sound. */
function integrityProblems(conn: BetterSqlite3.Database): string[] {
  const problems = (conn.pragma('integrity_check') as { integrity_check: string }[])
    .map((r) => r.integrity_check)
    .filter((m) => m !== 'ok');
  const orphans = conn.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const o of orphans.slice(0, 20)) problems.push(`${o.table} row ${o.rowid} refers to a missing row of ${o.parent}`);
  if (orphans.length > 20) problems.push(`… and ${orphans.length - 20} more rows referring to missing rows`);
  return problems;
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    fsyncFile(dir);
  } catch {
    // not every file system lets a folder be opened for fsync; the rename is still atomic
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function sqliteBackupTools(file: string): BackupTools {
  const inUse = async (): Promise<string | null> => {
    if (!existsSync(file)) return null;
    const probe = new BetterSqlite3(file, { timeout: 0 });
    try {
      probe.pragma('locking_mode = EXCLUSIVE');
      probe.exec('begin exclusive');
      probe.exec('commit');
      return null;
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_BUSY') return `another process has ${file} open (stop every instance first)`;
      throw err;
    } finally {
      probe.close();
    }
  };

  return {
    dialect: 'sqlite',
    extension: '.db',
    async backup(to, onProgress) {
      const conn = new BetterSqlite3(file, { fileMustExist: true });
      try {
        conn.pragma('busy_timeout = 5000');
        // the read transaction pins one snapshot: digests and copy both see it, writers carry on
        conn.exec('begin');
        const digests = sqliteDigests(conn);
        await conn.backup(to, {
          progress: ({ totalPages, remainingPages }) => {
            onProgress?.(totalPages - remainingPages, totalPages);
            return 200;
          },
        });
        conn.exec('commit');
        fsyncFile(to);
        return digests;
      } finally {
        conn.close();
      }
    },
    async restoreScratch(backupFile, near) {
      const scratch = join(near ?? dirname(file), `.${basename(file)}.restore-${randomBytes(4).toString('hex')}`);
      const began = performance.now();
      let promoted = false;
      const discard = async () => {
        if (promoted) return;
        for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${scratch}${suffix}`, { force: true });
      };
      let problems: string[] = [];
      let digests: TableDigest[] = [];
      let restoreMs = 0;
      try {
        copyFileSync(backupFile, scratch);
        fsyncFile(scratch);
        restoreMs = performance.now() - began;
        const conn = new BetterSqlite3(scratch, { fileMustExist: true });
        try {
          problems = integrityProblems(conn);
          if (problems.length === 0) digests = sqliteDigests(conn);
          // leave a file without a WAL beside it: it is what promote() moves into place
          conn.pragma('wal_checkpoint(TRUNCATE)');
        } finally {
          conn.close();
        }
      } catch (err) {
        problems = [`the copy cannot be read as a SQLite database: ${message(err)}`];
      }
      const restore: ScratchRestore = {
        problems,
        digests,
        restoreMs,
        async promote() {
          if (problems.length > 0) throw new Error('a copy that failed its check is never promoted');
          const user = await inUse();
          if (user) throw new Error(`not restored: ${user}`);
          let previous: string | null = null;
          if (existsSync(file)) {
            // fold the WAL into the old file so it stays complete where it is kept
            const old = new BetterSqlite3(file, { timeout: 0 });
            try {
              old.pragma('wal_checkpoint(TRUNCATE)');
            } finally {
              old.close();
            }
            previous = `${file}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
            renameSync(file, previous);
            for (const suffix of ['-wal', '-shm'])
              if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${previous}${suffix}`);
          }
          for (const suffix of ['-wal', '-shm']) rmSync(`${scratch}${suffix}`, { force: true });
          renameSync(scratch, file);
          fsyncDir(dirname(file));
          promoted = true;
          return { previous };
        },
        discard,
      };
      return restore;
    },
    inUse,
  };
}
