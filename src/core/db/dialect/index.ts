// Chooses the seam from DATABASE_URL. This file and its siblings are the only places that know
// which database is underneath.
import { resolve } from 'node:path';
import { postgresSeam } from './postgres.js';
import { sqliteSeam } from './sqlite.js';
import type { DialectSeam } from './types.js';

export type { BinaryType, DialectName, DialectSeam, FtsSpec } from './types.js';

export function seamFor(databaseUrl: string): DialectSeam {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    return sqliteSeam(file === ':memory:' ? file : resolve(file));
  }
  if (databaseUrl.startsWith('postgres://') || databaseUrl.startsWith('postgresql://')) return postgresSeam(databaseUrl);
  throw new Error(`unsupported DATABASE_URL scheme: ${databaseUrl.split(':')[0]}`);
}
