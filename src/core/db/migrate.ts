// Runs the migrations of every module through Kysely's Migrator. On PostgreSQL the Migrator takes
// a lock, so several instances may start together; on SQLite the single writer serialises it.
import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { AppModule } from '../module.js';
import type { DatabaseHandle } from './database.js';

function collect(handle: DatabaseHandle, modules: readonly AppModule[]): Record<string, Migration> {
  const all: Record<string, Migration> = {};
  for (const mod of modules) {
    for (const [key, m] of Object.entries(mod.migrations ?? {})) {
      if (!/^\d{12}_[a-z0-9_]+$/.test(key)) throw new Error(`migration key "${key}" of module ${mod.name} must be YYYYMMDDHHmm_name`);
      // the name databases recorded: a migration that moved between modules keeps its old module's
      const name = `${key}__${m.recordedUnder ?? mod.name}`;
      if (all[name]) throw new Error(`migration ${name} is listed twice (module ${mod.name})`);
      all[name] = {
        up: (db) => m.up(db, handle.seam),
        ...(m.down ? { down: (db) => m.down!(db, handle.seam) } : {}),
      };
    }
  }
  return all;
}

function migrator(handle: DatabaseHandle, modules: readonly AppModule[]): Migrator {
  const migrations = collect(handle, modules);
  return new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
}

export interface MigrationStatus {
  name: string;
  executedAt: Date | null;
}

/** Brings the schema up to date; returns the names applied now (empty when nothing was pending). */
export async function migrateToLatest(handle: DatabaseHandle, modules: readonly AppModule[]): Promise<string[]> {
  const { error, results }: MigrationResultSet = await migrator(handle, modules).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function migrationStatus(handle: DatabaseHandle, modules: readonly AppModule[]): Promise<MigrationStatus[]> {
  const list = await migrator(handle, modules).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null }));
}
