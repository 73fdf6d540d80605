// Chooses the seam from DATABASE_URL. This file and its siblings are the only places that know
// which database is underneath. Each side is imported only when chosen, so a SQLite process never
// loads the PostgreSQL driver (and the other way round): start-up time (ADR 8).
import { resolve } from 'node:path';
import type { BackupTools, DialectSeam, PoolOptions } from './types.js';

export type { BackupTools, BinaryType, DialectName, DialectSeam, FtsSpec, PoolOptions, ScratchRestore, TableDigest } from './types.js';

export async function seamFor(databaseUrl: string, pool: PoolOptions = {}): Promise<DialectSeam> {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    const { sqliteSeam } = await import('./sqlite.js');
    return sqliteSeam(file === ':memory:' ? file : resolve(file));
  }
  if (databaseUrl.startsWith('postgres://') || databaseUrl.startsWith('postgresql://')) {
    const { postgresSeam } = await import('./postgres.js');
    return postgresSeam(databaseUrl, pool);
  }
  throw new Error(`unsupported DATABASE_URL scheme: ${databaseUrl.split(':')[0]}`);
}

/** Backup, check and restore of the database at `databaseUrl`, for the dialect it names. */
export async function backupToolsFor(databaseUrl: string): Promise<BackupTools> {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    if (file === ':memory:') throw new Error('an in-memory database has nothing to back up');
    const { sqliteBackupTools } = await import('./sqlite-backup.js');
    return sqliteBackupTools(resolve(file));
  }
  if (databaseUrl.startsWith('postgres://') || databaseUrl.startsWith('postgresql://')) {
    const { postgresBackupTools } = await import('./postgres-backup.js');
    return postgresBackupTools(databaseUrl);
  }
  throw new Error(`unsupported DATABASE_URL scheme: ${databaseUrl.split(':')[0]}`);
}
