// Chooses the seam from DATABASE_URL. This file and its siblings are the only places that know
// which database is underneath. Each side is imported only when chosen, so a SQLite process never
// loads the PostgreSQL driver (and the other way round): start-up time (ADR 8).
import { resolve } from 'node:path';
import type { DialectSeam } from './types.js';

export type { BinaryType, DialectName, DialectSeam, FtsSpec } from './types.js';

export async function seamFor(databaseUrl: string): Promise<DialectSeam> {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    const { sqliteSeam } = await import('./sqlite.js');
    return sqliteSeam(file === ':memory:' ? file : resolve(file));
  }
  if (databaseUrl.startsWith('postgres://') || databaseUrl.startsWith('postgresql://')) {
    const { postgresSeam } = await import('./postgres.js');
    return postgresSeam(databaseUrl);
  }
  throw new Error(`unsupported DATABASE_URL scheme: ${databaseUrl.split(':')[0]}`);
}
