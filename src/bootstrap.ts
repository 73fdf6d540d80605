// What every entry point (server, CLI, tests) does before work: open the database, bring the
// schema up to date and, when the reference data changed or was never loaded, load it.
import { MODULES } from './app.js';
import type { Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './core/db/database.js';
import { migrateToLatest } from './core/db/migrate.js';
import { systemClock, type Clock } from './core/db/time.js';
import { collectDeclarations, type ModuleContext, type SeedResult } from './core/module.js';
import { SettingsStore } from './core/settings.js';

/** Bump when files in data/reference/ change, so existing installations reload them at start. */
export const REFERENCE_VERSION = '2026-11-27.1';
const REFERENCE_KEY = 'core.reference_version';

export function moduleContext(
  config: Config,
  database: DatabaseHandle,
  clock: Clock = systemClock,
  log: (m: string) => void = () => {},
): ModuleContext {
  return {
    config,
    database,
    db: database.db,
    clock,
    settings: new SettingsStore(database.db, clock),
    log,
    ...collectDeclarations(MODULES),
  };
}

export async function seedReference(ctx: ModuleContext, onStep?: (module: string, result: SeedResult) => void): Promise<void> {
  for (const mod of MODULES) {
    if (!mod.seedReference) continue;
    const result = await mod.seedReference(ctx);
    onStep?.(mod.name, result);
  }
  await ctx.settings.set(REFERENCE_KEY, REFERENCE_VERSION);
}

export async function seedDemo(ctx: ModuleContext, onStep?: (module: string, result: SeedResult) => void): Promise<void> {
  for (const mod of MODULES) {
    if (!mod.seedDemo) continue;
    // not `onStep?.(…, await …)`: without a listener that would skip the seeding itself
    const result = await mod.seedDemo(ctx);
    onStep?.(mod.name, result);
  }
}

export interface Prepared {
  database: DatabaseHandle;
  ctx: ModuleContext;
  migrated: string[];
  referenceLoaded: boolean;
}

/**
 * Applies pending migrations through MIGRATION_DATABASE_URL when it is set (a direct connection: the
 * migration lock is a session-level advisory lock, which a transaction-pooling proxy would hand to
 * another client), otherwise through the application's own handle.
 */
async function migrate(config: Config, database: DatabaseHandle): Promise<string[]> {
  if (config.migrationDatabaseUrl === config.databaseUrl) return migrateToLatest(database, MODULES);
  const direct = await openDatabase(config.migrationDatabaseUrl);
  try {
    return await migrateToLatest(direct, MODULES);
  } finally {
    await direct.close();
  }
}

export async function prepare(config: Config, opts: { clock?: Clock; log?: (m: string) => void; seed?: boolean } = {}): Promise<Prepared> {
  const database = await openDatabase(config.databaseUrl);
  try {
    const migrated = await migrate(config, database);
    const ctx = moduleContext(config, database, opts.clock, opts.log);
    let referenceLoaded = false;
    if (opts.seed !== false && (await ctx.settings.get<string | null>(REFERENCE_KEY, null)) !== REFERENCE_VERSION) {
      await seedReference(ctx, (name, r) => opts.log?.(`reference data (${name}): ${r.summary}`));
      referenceLoaded = true;
    }
    return { database, ctx, migrated, referenceLoaded };
  } catch (err) {
    await database.close();
    throw err;
  }
}
