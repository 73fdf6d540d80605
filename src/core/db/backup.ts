// Backups that are known to restore. A backup is a file plus a manifest beside it
// (`FILE.manifest.json`: size, SHA-256, and the row count and content hash of every table read at
// the very moment of the copy). Verifying restores the file into a scratch copy, runs the
// database's integrity check and compares every table with the manifest; restoring does the same
// and only then puts the copy in place of the database of a stopped instance. A copy that fails
// any check is never put in place. The dialect tools (core/db/dialect) do the database-specific
// parts; this file knows no dialect.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { backupToolsFor, type DialectName, type ScratchRestore, type TableDigest } from './dialect/index.js';

export const MANIFEST_FORMAT = 'spojnia-backup/1';

export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  dialect: DialectName;
  createdAt: string;
  file: string;
  bytes: number;
  sha256: string;
  tables: TableDigest[];
}

export function manifestPath(file: string): string {
  return `${file}.manifest.json`;
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface CreatedBackup {
  manifest: BackupManifest;
  /** Time the copy took, in milliseconds. */
  ms: number;
}

/** The default file name for a backup taken now, with the dialect's ending. */
export async function backupExtension(databaseUrl: string): Promise<string> {
  return (await backupToolsFor(databaseUrl)).extension;
}

/**
 * Copies the database online into `target` (written beside it under a temporary name and renamed
 * at the end, so `target` is never half a copy) and writes the manifest.
 */
export async function createBackup(
  databaseUrl: string,
  target: string,
  opts: { onProgress?: (done: number, total: number) => void; now?: () => Date } = {},
): Promise<CreatedBackup> {
  const tools = await backupToolsFor(databaseUrl);
  const partial = `${target}.partial-${randomBytes(4).toString('hex')}`;
  const began = performance.now();
  try {
    const createdAt = (opts.now?.() ?? new Date()).toISOString();
    const tables = await tools.backup(partial, opts.onProgress);
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      dialect: tools.dialect,
      createdAt,
      file: basename(target),
      bytes: statSync(partial).size,
      sha256: await sha256File(partial),
      tables,
    };
    renameSync(partial, target);
    const manifestPartial = `${manifestPath(target)}.partial`;
    writeFileSync(manifestPartial, `${JSON.stringify(manifest, null, 2)}\n`);
    renameSync(manifestPartial, manifestPath(target));
    return { manifest, ms: performance.now() - began };
  } finally {
    rmSync(partial, { force: true });
  }
}

export interface TableCheck {
  table: string;
  rows: number | null;
  hash: string | null;
  expectedRows: number | null;
  expectedHash: string | null;
  same: boolean;
}

export interface Verification {
  ok: boolean;
  /** Everything that failed, in words for the operator. */
  problems: string[];
  manifest: BackupManifest | null;
  bytes: number;
  /** Time to restore the scratch copy, in milliseconds. */
  restoreMs: number;
  tables: TableCheck[];
}

function readManifest(file: string): { manifest: BackupManifest | null; problem: string | null } {
  const path = manifestPath(file);
  if (!existsSync(path))
    return {
      manifest: null,
      problem: `${basename(path)} is missing: without it the copy cannot be compared with its source (keep it beside the backup)`,
    };
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
    if (manifest.format !== MANIFEST_FORMAT || !Array.isArray(manifest.tables))
      return { manifest: null, problem: `${basename(path)} is not a Spójnia backup manifest (${MANIFEST_FORMAT})` };
    return { manifest, problem: null };
  } catch (err) {
    return { manifest: null, problem: `${basename(path)} cannot be read: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function compareTables(expected: readonly TableDigest[], actual: readonly TableDigest[]): TableCheck[] {
  const byName = new Map(actual.map((d) => [d.table, d]));
  const checks: TableCheck[] = expected.map((e) => {
    const a = byName.get(e.table);
    byName.delete(e.table);
    return {
      table: e.table,
      rows: a?.rows ?? null,
      hash: a?.hash ?? null,
      expectedRows: e.rows,
      expectedHash: e.hash,
      same: a !== undefined && a.rows === e.rows && a.hash === e.hash,
    };
  });
  for (const a of byName.values())
    checks.push({ table: a.table, rows: a.rows, hash: a.hash, expectedRows: null, expectedHash: null, same: false });
  return checks;
}

/**
 * Restores `file` into a scratch copy (in `near`, or where a restore needs it) and checks it: the file is the one the
 * manifest describes, the database's integrity check passes, and every table has the row count and
 * content hash recorded at the backup's moment. The scratch copy is returned for a restore to
 * promote, or discarded.
 */
async function check(
  databaseUrl: string,
  file: string,
  near?: string,
): Promise<{ verification: Verification; scratch: ScratchRestore | null }> {
  const tools = await backupToolsFor(databaseUrl);
  const problems: string[] = [];
  const bytes = existsSync(file) ? statSync(file).size : 0;
  if (!existsSync(file) || statSync(file).isDirectory()) {
    return {
      verification: { ok: false, problems: [`${file}: no such file`], manifest: null, bytes, restoreMs: 0, tables: [] },
      scratch: null,
    };
  }
  const { manifest, problem } = readManifest(file);
  if (problem) problems.push(problem);
  if (manifest) {
    if (manifest.dialect !== tools.dialect)
      problems.push(`the backup is of a ${manifest.dialect} database, DATABASE_URL names a ${tools.dialect} one`);
    if (manifest.bytes !== bytes) problems.push(`the file has ${bytes} bytes, the backup wrote ${manifest.bytes} (truncated or replaced)`);
    else if ((await sha256File(file)) !== manifest.sha256)
      problems.push("the file's SHA-256 differs from the one recorded when it was written (damaged or replaced)");
  }
  if (manifest && manifest.dialect !== tools.dialect)
    return { verification: { ok: false, problems, manifest, bytes, restoreMs: 0, tables: [] }, scratch: null };
  const scratch = await tools.restoreScratch(file, near);
  problems.push(...scratch.problems);
  const tables = manifest && scratch.problems.length === 0 ? compareTables(manifest.tables, scratch.digests) : [];
  const differing = tables.filter((t) => !t.same);
  for (const t of differing.slice(0, 20)) {
    if (t.expectedRows === null) problems.push(`table ${t.table} is in the copy but not in the manifest`);
    else if (t.rows === null) problems.push(`table ${t.table} is missing from the copy`);
    else if (t.rows !== t.expectedRows)
      problems.push(`table ${t.table}: ${t.rows} rows in the copy, ${t.expectedRows} at the backup's moment`);
    else problems.push(`table ${t.table}: same ${t.rows} rows but different content`);
  }
  if (differing.length > 20) problems.push(`… and ${differing.length - 20} more tables differ`);
  const verification: Verification = { ok: problems.length === 0, problems, manifest, bytes, restoreMs: scratch.restoreMs, tables };
  return { verification, scratch };
}

/** Checks a backup by restoring it into a scratch copy beside it; the copy is removed afterwards. */
export async function verifyBackup(databaseUrl: string, file: string): Promise<Verification> {
  const { verification, scratch } = await check(databaseUrl, file, dirname(file));
  await scratch?.discard();
  return verification;
}

export interface Restored {
  verification: Verification;
  /** Where the replaced database was kept (a file name or a database name), null when there was none. */
  previous: string | null;
  /** Set when nothing was restored: why (the database is in use, the file failed its check). */
  refused: string | null;
}

/**
 * Replaces the database with the backup `file` after the same check as verifyBackup; refuses while
 * an instance has the database open and when the file fails its check. The replaced database is
 * kept (renamed), never deleted.
 */
export async function restoreBackup(databaseUrl: string, file: string): Promise<Restored> {
  const tools = await backupToolsFor(databaseUrl);
  const user = await tools.inUse();
  const empty: Verification = { ok: false, problems: [], manifest: null, bytes: 0, restoreMs: 0, tables: [] };
  if (user) return { verification: empty, previous: null, refused: user };
  const { verification, scratch } = await check(databaseUrl, file);
  if (!verification.ok || !scratch) {
    await scratch?.discard();
    return { verification, previous: null, refused: 'the backup failed its check; the database was left as it was' };
  }
  try {
    const { previous } = await scratch.promote();
    return { verification, previous, refused: null };
  } catch (err) {
    await scratch.discard();
    return { verification, previous: null, refused: err instanceof Error ? err.message : String(err) };
  }
}
