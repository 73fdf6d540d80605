// The contract between the core and a domain module. `src/app.ts` lists every module; each one
// brings its own migrations, navigation entry, routes and seeds, so adding a domain never means
// editing the core.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { TKey } from '../i18n/index.js';
import type { DatabaseHandle, Db } from './db/database.js';
import type { DialectSeam } from './db/dialect/index.js';
import type { Clock } from './db/time.js';
import type { SettingsStore } from './settings.js';

export interface ModuleMigration {
  up(db: Kysely<any>, seam: DialectSeam): Promise<void>;
  down?(db: Kysely<any>, seam: DialectSeam): Promise<void>;
  /**
   * The module a migration belonged to when databases recorded it (`<key>__<module>` in
   * `schema_migrations`), when it has since moved to another module; the record stays as it was.
   */
  recordedUnder?: string;
}

export interface NavEntry {
  /** i18n key of the label. */
  label: TKey;
  /** Path without the language prefix, e.g. `/terytorium`. */
  path: string;
  /** Position in the main navigation (Aktualności 10 … Kontakt 90). */
  order: number;
}

/** An entry of the administration index, shown to users holding one of `roles`. */
export interface AdminEntry extends NavEntry {
  roles: readonly string[];
}

/** What every module's code receives: the database, the configuration and the clock. */
export interface ModuleContext {
  config: Config;
  database: DatabaseHandle;
  db: Db;
  clock: Clock;
  settings: SettingsStore;
  log: (msg: string) => void;
}

export interface SeedResult {
  /** Short human summary, printed by the CLI, e.g. "168 jednostek TERYT (0 nowych)". */
  summary: string;
}

/**
 * Work that runs on its own schedule (reminders, retention). Every web process runs the scheduler;
 * a row per job in `scheduled_jobs` makes sure only one process runs a due job.
 */
export interface ScheduledJob {
  /** Unique across modules, e.g. `programme.round-reminders`. */
  name: string;
  /** How long after a start the job is due again, e.g. `24 * 3600_000` for daily. */
  intervalMs: number;
  /** Returns a one-line summary for the log (e.g. "3 reminders sent"). */
  run(ctx: ModuleContext): Promise<string | void>;
}

export interface AppModule {
  name: string;
  /**
   * Keyed `YYYYMMDDHHmm_description`; the key orders migrations across modules (a module that
   * references another module's table uses a later key).
   */
  migrations?: Record<string, ModuleMigration>;
  nav?: NavEntry[];
  /** Entries of the administration index (`/admin`) and the header's admin link. */
  admin?: AdminEntry[];
  /** Registers the module's routes in its own encapsulated Fastify context. */
  routes?: (app: FastifyInstance, ctx: ModuleContext) => Promise<void>;
  /** Idempotent loading of the reference data the module owns (`spojnia seed reference`). */
  seedReference?: (ctx: ModuleContext) => Promise<SeedResult>;
  /** Example content for demonstrations (`spojnia seed demo`); never presented as real figures. */
  seedDemo?: (ctx: ModuleContext) => Promise<SeedResult>;
  /** Scheduled jobs of the module (`spojnia jobs run` runs them by hand). */
  jobs?: ScheduledJob[];
}
