// The contract between the core and a domain module. `src/app.ts` lists every module; each one
// brings its own migrations, navigation entry, routes, seeds, error codes and contributions to other
// modules' extension points, so adding a domain never means editing the core.
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { TKey } from '../i18n/index.js';
import type { ModuleCommand } from './commands.js';
import type { AppInstance } from './http/types.js';
import type { DatabaseHandle, Db } from './db/database.js';
import type { DialectSeam } from './db/dialect/index.js';
import { ErrorCatalogue, type ModuleErrors } from './errors/catalogue.js';
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
  /**
   * i18n key of the phrase the section adds to the home page's opening sentence ("Spójnia łączy w
   * jednym miejscu …"), e.g. "rejestr podmiotów ekonomii społecznej": the sentence lists only the
   * sections of the modules registered, so it never promises one that does not exist.
   */
  intro?: TKey;
}

/** An entry of the administration index, shown to users holding one of `roles`. */
export interface AdminEntry extends NavEntry {
  roles: readonly string[];
  /**
   * The user's own space (their entities, their reports), not staff work: offered in the header's
   * account menu directly instead of only under "Administracja".
   */
  personal?: boolean;
}

/**
 * Extension points. A module that lets other modules add to one of its pages or features names the
 * point and the type of one item here, by declaration merging from its own code:
 *
 *     declare module '../../core/module.js' { interface ModuleContributions { homeSections: HomeSection } }
 *
 * Other modules list their items under that name in `AppModule.contributes`; the owner reads every
 * item of the app it runs in with `ctx.contributions.of('homeSections')`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleContributions {}

export type ExtensionPoint = keyof ModuleContributions;

/** What one module adds to the extension points of others (or of itself). */
export type ContributionLists = { readonly [P in ExtensionPoint]?: readonly ModuleContributions[P][] };

/** Every module's contributions, collected per app instance in the order of the module list. */
export class Contributions {
  readonly #lists = new Map<string, readonly unknown[]>();

  constructor(modules: readonly { contributes?: ContributionLists }[]) {
    for (const mod of modules) {
      for (const [point, items] of Object.entries(mod.contributes ?? {}) as [string, readonly unknown[]][]) {
        this.#lists.set(point, [...(this.#lists.get(point) ?? []), ...items]);
      }
    }
  }

  /** The items contributed to `point`, in module order (empty when no module contributes). */
  of<P extends ExtensionPoint>(point: P): readonly ModuleContributions[P][] {
    return (this.#lists.get(point) ?? []) as readonly ModuleContributions[P][];
  }
}

/** What every module's code receives: the database, the configuration, the clock and what the modules declared. */
export interface ModuleContext {
  config: Config;
  database: DatabaseHandle;
  db: Db;
  clock: Clock;
  settings: SettingsStore;
  log: (msg: string) => void;
  /** The statuses of the error codes of the core and of every module of this app. */
  errors: ErrorCatalogue;
  /** The items the modules of this app contribute to extension points. */
  contributions: Contributions;
}

export interface SeedResult {
  /** Short summary for operators, printed by the CLI and logged, e.g. "TERYT units: 168 (0 new)"; counts through plural keys (`operatorText`). */
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
  /** Returns a one-line summary for the log and `spojnia jobs run` (e.g. "3 reminders sent", through `operatorText`'s plural keys). */
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
  routes?: (app: AppInstance, ctx: ModuleContext) => Promise<void>;
  /** Idempotent loading of the reference data the module owns (`spojnia seed reference`). */
  seedReference?: (ctx: ModuleContext) => Promise<SeedResult>;
  /** Example content for demonstrations (`spojnia seed demo`); never presented as real figures. */
  seedDemo?: (ctx: ModuleContext) => Promise<SeedResult>;
  /** Scheduled jobs of the module (`spojnia jobs run` runs them by hand). */
  jobs?: ScheduledJob[];
  /** The module's error codes and their statuses (also added to `ErrorCodes`, see core/errors/catalogue.ts). */
  errors?: ModuleErrors;
  /** Items for extension points of other modules (or its own), see `ModuleContributions`. */
  contributes?: ContributionLists;
  /** Commands of the `spojnia` command line (`spojnia help` lists them with the core's). */
  commands?: ModuleCommand[];
}

/** What the modules of one app declared, collected once per app instance (buildApp, the CLI). */
export function collectDeclarations(modules: readonly AppModule[]): Pick<ModuleContext, 'errors' | 'contributions'> {
  return { errors: new ErrorCatalogue(modules), contributions: new Contributions(modules) };
}
