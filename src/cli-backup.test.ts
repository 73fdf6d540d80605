// `spojnia backup [--verify]`, `spojnia backup verify FILE` and `spojnia restore FILE`, driven
// through runCli on the test's database (a SQLite file, or a throw-away PostgreSQL database when the
// run is on PostgreSQL, through pg_dump/pg_restore): a copy taken while rows are being written
// matches its source at the copy's moment table by table; a truncated or altered copy fails its
// check (exit 1) and is never restored; a restore refuses while the database is open elsewhere,
// and otherwise brings back exactly the backed-up rows and keeps the replaced database.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from './cli.js';
import { testSettings } from './config.js';
import { manifestPath } from './core/db/backup.js';
import { openDatabase } from './core/db/database.js';
import { newId } from './core/db/ids.js';
import { throwAwayPostgresDatabase } from './core/db/testing.js';

const SECRET = 'cli-backup-test-session-secret-0123456789';
const server = testSettings().databaseUrl;
let dir: string;
let databaseUrl: string;
let drop: () => Promise<void> = async () => {};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spojnia-cli-backup-'));
  if (server) ({ url: databaseUrl, drop } = await throwAwayPostgresDatabase(server));
  else databaseUrl = `sqlite:${join(dir, 'live.db')}`;
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await drop();
});

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: null,
    env: { DATABASE_URL: databaseUrl, DATA_DIR: dir, SESSION_SECRET: SECRET, LOG_LEVEL: 'silent' },
  });
  return { code, stdout, stderr };
}

async function auditCount(): Promise<number> {
  const db = await openDatabase(databaseUrl);
  try {
    const row = await db.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await db.close();
  }
}

/** Adds audit rows one by one until stopped: writes landing while the copy is taken. */
function keepWriting() {
  let stop = false;
  const done = (async () => {
    const db = await openDatabase(databaseUrl);
    let n = 0;
    try {
      while (!stop) {
        await db.db
          .insertInto('audit_log')
          .values({
            id: newId(),
            at: new Date().toISOString(),
            actor_id: null,
            ip: null,
            request_id: null,
            action: 'test.write',
            subject_type: 'test',
            subject_id: String(n),
            changes: null,
            meta: null,
          })
          .execute();
        n += 1;
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      await db.close();
    }
    return n;
  })();
  return async () => {
    stop = true;
    return done;
  };
}

let backupFile: string;
let rowsAtBackup: number;

test("backup --verify, taken while rows are written, restores into a scratch copy equal to the source at the copy's moment", async () => {
  assert.equal((await cli(['migrate'])).code, 0);
  const stopWriting = keepWriting();
  await new Promise((r) => setTimeout(r, 100));
  backupFile = join(dir, 'kopia.bak');
  const r = await cli(['backup', '--to', backupFile, '--verify']);
  const written = await stopWriting();
  assert.equal(r.code, 0, r.stderr + r.stdout);
  assert.ok(written > 0);
  assert.match(r.stdout, /^Backup written to .*kopia\.bak \([\d.]+ [KMG]?i?B; \d+ tables, \d+ rows\) in [\d.]+ s\.$/m);
  assert.match(r.stdout, /^Restored into a scratch copy in [\d.]+ s/m);
  assert.match(r.stdout, /^ {2}audit_log +\d+ {2}[0-9a-f]{32}$/m);
  assert.match(r.stdout, /^Verified: integrity check ok; \d+ tables, \d+ rows, every count and content hash equal/m);
  const manifest = JSON.parse(readFileSync(manifestPath(backupFile), 'utf8')) as {
    bytes: number;
    tables: { table: string; rows: number }[];
  };
  assert.equal(manifest.bytes, statSync(backupFile).size);
  rowsAtBackup = manifest.tables.find((t) => t.table === 'audit_log')!.rows;
  assert.ok(rowsAtBackup > 0 && rowsAtBackup <= (await auditCount()), 'the copy holds the rows of its moment');
  // no scratch copy or scratch database is left behind
  const leftovers = (await cli(['backup', 'verify', backupFile])).stdout;
  assert.match(leftovers, /^Verified/m);
});

test('a truncated or altered copy fails backup verify with exit 1 and is never restored', async () => {
  const before = await auditCount();
  const truncated = join(dir, 'truncated.bak');
  writeFileSync(truncated, readFileSync(backupFile));
  writeFileSync(manifestPath(truncated), readFileSync(manifestPath(backupFile)));
  truncateSync(truncated, Math.floor(statSync(backupFile).size / 2));
  const r = await cli(['backup', 'verify', truncated]);
  assert.equal(r.code, 1, r.stdout);
  assert.match(r.stderr, /^Verification FAILED:$/m);
  assert.match(r.stderr, /the file has \d+ bytes, the backup wrote \d+ \(truncated or replaced\)/);

  const restored = await cli(['restore', truncated]);
  assert.equal(restored.code, 1);
  assert.match(restored.stderr, /Not restored: the backup failed its check; the database was left as it was/);
  assert.equal(await auditCount(), before, 'the database is untouched');

  // same size, one byte changed in the middle
  const altered = join(dir, 'altered.bak');
  const bytes = readFileSync(backupFile);
  bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
  writeFileSync(altered, bytes);
  writeFileSync(manifestPath(altered), readFileSync(manifestPath(backupFile)));
  const changed = await cli(['backup', 'verify', altered]);
  assert.equal(changed.code, 1);
  assert.match(changed.stderr, /SHA-256 differs/);

  // an intact file whose tables do not match what was recorded at its moment
  const mismatched = join(dir, 'mismatched.bak');
  writeFileSync(mismatched, readFileSync(backupFile));
  const manifest = JSON.parse(readFileSync(manifestPath(backupFile), 'utf8')) as {
    tables: { table: string; rows: number; hash: string }[];
  };
  const audit = manifest.tables.find((t) => t.table === 'audit_log')!;
  audit.rows += 1;
  writeFileSync(manifestPath(mismatched), JSON.stringify(manifest));
  const differs = await cli(['backup', 'verify', mismatched]);
  assert.equal(differs.code, 1);
  assert.match(differs.stderr, new RegExp(`table audit_log: ${audit.rows - 1} rows in the copy, ${audit.rows} at the backup's moment`));
  assert.match(differs.stdout, /^ {2}audit_log .* DIFFERS/m);

  // without its manifest a copy cannot be compared with its source
  const bare = join(dir, 'bare.bak');
  writeFileSync(bare, readFileSync(backupFile));
  const noManifest = await cli(['backup', 'verify', bare]);
  assert.equal(noManifest.code, 1);
  assert.match(noManifest.stderr, /bare\.bak\.manifest\.json is missing/);
});

test('restore refuses while the database is open elsewhere, then brings back exactly the backed-up rows', async () => {
  const open = await openDatabase(databaseUrl);
  try {
    // a query, so a PostgreSQL pool really holds a connection
    await open.db.selectFrom('audit_log').select('id').limit(1).execute();
    const busy = await cli(['restore', backupFile]);
    assert.equal(busy.code, 1);
    assert.match(busy.stderr, /Not restored: .*(another process has .* open|other connection\(s\) to database).*stop every instance first/);
  } finally {
    await open.close();
  }
  assert.ok((await auditCount()) > rowsAtBackup, 'rows written after the backup are there before the restore');

  const r = await cli(['restore', backupFile]);
  assert.equal(r.code, 0, r.stderr + r.stdout);
  assert.match(r.stdout, /^Verified/m);
  assert.match(r.stdout, /^Restored kopia\.bak in [\d.]+ s\. The previous database was kept as \S+\.$/m);
  assert.equal(await auditCount(), rowsAtBackup, "exactly the rows of the backup's moment");
  // the restored database is a working one: the CLI migrates it (nothing to apply) and reads it
  const migrated = await cli(['migrate']);
  assert.equal(migrated.code, 0, migrated.stderr);
  assert.match(migrated.stdout, /nothing to apply/);

  if (server) {
    // the replaced database is kept on the server under the name printed; drop it with the test's
    const previous = /kept as (\S+)\.$/m.exec(r.stdout)![1]!;
    const keptUrl = new URL(databaseUrl);
    keptUrl.pathname = `/${previous}`;
    const kept = await openDatabase(keptUrl.toString());
    try {
      const n = await kept.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.ok(Number(n.n) > rowsAtBackup);
    } finally {
      await kept.close();
    }
    const admin = await openDatabase(server);
    try {
      await admin.db.executeQuery({
        sql: `drop database if exists "${previous}" with (force)`,
        parameters: [],
        query: { kind: 'RawNode' },
      } as never);
    } finally {
      await admin.close();
    }
  }
});
