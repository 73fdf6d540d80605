// The `spojnia` command line: what an operator needs besides the web server (migrations, reference
// data, the first users, backups). `runCli` takes argv and the streams as arguments and returns the
// exit code, so tests drive it in-process; only the entry point touches `process`.
// Exit codes: 0 ok, 1 the operator's mistake (explained), 2 our fault (unexpected exception).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config.js';
import { AppError, isAppError, type Problem } from './core/errors/app-error.js';
import { coreErrorStatus, ErrorCatalogue } from './core/errors/catalogue.js';
import { translator, type T, type TKey } from './i18n/index.js';

export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  /**
   * The password source of `user create`: its first line, or null when stdin is a terminal. The
   * entry point passes a function so stdin is read only by the command that needs it (reading it
   * up front would block `serve` under a supervisor that leaves stdin open).
   */
  stdin?: string | null | (() => Promise<string | null>);
  /** Environment for loadConfig; when absent, `.env` is loaded and process.env is used. */
  env?: Record<string, string | undefined>;
}

// An operators' tool: messages are English, so translated problems are English too.
const LANG = 'en';
const GENERATED_PASSWORD_BYTES = 18; // 24 base64url characters

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

interface Run {
  io: CliIo;
  values: Values;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Loads the configuration once per run; remembered so an internal error can honour LOG_LEVEL. */
  config: () => Config;
}

interface Command {
  /** As typed: `migrate status`, `backup`. */
  words: string;
  summary: string;
  usage: string;
  options: Options;
  /** Accepts words after the flags (file names, job names); they arrive as `values.positionals`. */
  positionals?: boolean;
  /** Exit code for usage mistakes when 1 means something else for this command (import: rows refused). */
  usageExitCode?: number;
  run: (r: Run) => Promise<number>;
}

function usageError(message: string): AppError {
  return new AppError('cli.usage', { message });
}

// Heavy parts (Fastify, every module) load only when a command needs them, so `--help` is instant
// and still works when the database layer cannot start.
const lazy = {
  bootstrap: () => import('./bootstrap.js'),
  app: () => import('./app.js'),
  database: () => import('./core/db/database.js'),
  migrate: () => import('./core/db/migrate.js'),
  accounts: () => import('./modules/accounts/index.js'),
  registry: () => import('./modules/registry/index.js'),
  main: () => import('./main.js'),
};

async function prepared(r: Run, opts: { seed?: boolean } = {}) {
  const { prepare } = await lazy.bootstrap();
  return prepare(r.config(), { log: (m) => r.err(m), ...opts });
}

const COMMANDS: Command[] = [
  {
    words: 'serve',
    summary: 'Start the web server (migrates and loads reference data first; stops cleanly on SIGTERM/SIGINT)',
    usage: 'spojnia serve',
    options: {},
    async run(r) {
      const { serveUntilSignal } = await lazy.main();
      return serveUntilSignal(r.config());
    },
  },
  {
    words: 'migrate',
    summary: 'Apply pending database migrations and list what was applied',
    usage: 'spojnia migrate [up]\n\nApplies every pending migration and lists what was applied.',
    options: {},
    async run(r) {
      const { database, migrated } = await prepared(r);
      try {
        if (migrated.length === 0) r.out('Database schema is up to date; nothing to apply.');
        else {
          for (const name of migrated) r.out(`applied  ${name}`);
          r.out(`${migrated.length} migration(s) applied.`);
        }
        return 0;
      } finally {
        await database.close();
      }
    },
  },
  {
    words: 'migrate status',
    summary: 'List every migration with the date it was applied, or "pending" (changes nothing)',
    usage: 'spojnia migrate status\n\nReads the migration table only; unlike every other command it does not migrate.',
    options: {},
    async run(r) {
      const [{ openDatabase }, { migrationStatus }, { MODULES }] = await Promise.all([lazy.database(), lazy.migrate(), lazy.app()]);
      const database = await openDatabase(r.config().databaseUrl);
      try {
        const list = await migrationStatus(database, MODULES);
        const width = Math.max(0, ...list.map((m) => m.name.length));
        for (const m of list) r.out(`${m.name.padEnd(width)}  ${m.executedAt ? m.executedAt.toISOString() : 'pending'}`);
        const pending = list.filter((m) => !m.executedAt).length;
        r.out(`${list.length - pending} applied, ${pending} pending.`);
        return 0;
      } finally {
        await database.close();
      }
    },
  },
  {
    words: 'seed reference',
    summary: 'Load or refresh the reference data (TERYT units, holidays, institution); safe to repeat',
    usage: 'spojnia seed reference\n\nIdempotent: a second run adds nothing and prints the same counts with 0 new.',
    options: {},
    async run(r) {
      const { seedReference } = await lazy.bootstrap();
      // the command loads the data itself, so prepare only migrates
      const { database, ctx } = await prepared(r, { seed: false });
      try {
        await seedReference(ctx, stepPrinter(r, 'reference data'));
        return 0;
      } finally {
        await database.close();
      }
    },
  },
  {
    words: 'seed demo',
    summary: 'Load example content for demonstrations (never presented as real figures)',
    usage: 'spojnia seed demo\n\nRuns the demo seed of every module that has one.',
    options: {},
    async run(r) {
      const [{ seedDemo }, { MODULES }] = await Promise.all([lazy.bootstrap(), lazy.app()]);
      const { database, ctx } = await prepared(r);
      try {
        if (!MODULES.some((m) => m.seedDemo)) {
          r.out('No module has demo data yet; nothing was loaded.');
          return 0;
        }
        await seedDemo(ctx, stepPrinter(r, 'demo data'));
        return 0;
      } finally {
        await database.close();
      }
    },
  },
  {
    words: 'seed synthetic',
    summary: 'Add N clearly marked synthetic entities for benchmarks only (--count N [--seed S])',
    usage:
      'spojnia seed synthetic --count N [--seed S]\n\nInserts N made-up entities named "[SYNTETYCZNY] …" with is_synthetic set; pages label them.\n' +
      'For benchmarks and load tests only: never run it on a production database. Deterministic for one --seed.',
    options: { count: { type: 'string' }, seed: { type: 'string' } },
    async run(r) {
      const count = Number(r.values.count);
      if (!Number.isInteger(count) || count < 1 || count > 1_000_000) throw usageError('--count must be a whole number from 1 to 1000000.');
      const seed = r.values.seed === undefined ? undefined : Number(r.values.seed);
      if (seed !== undefined && !Number.isInteger(seed)) throw usageError('--seed must be a whole number.');
      const { seedSynthetic } = await lazy.registry();
      const { database, ctx } = await prepared(r);
      try {
        const started = Date.now();
        const added = await seedSynthetic(ctx, { count, ...(seed === undefined ? {} : { seed }), onProgress: (done, total) => r.err(`synthetic entities: ${done}/${total}`) });
        r.out(`${added} synthetic entities added in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
        return 0;
      } finally {
        await database.close();
      }
    },
  },
  {
    words: 'import podmioty',
    summary: 'Import entities from a CSV file (--dry-run only checks; --map HEADER=FIELD); exit 1 when any row is refused',
    usage: [
      'spojnia import podmioty FILE [--dry-run] [--map HEADER=FIELD …]',
      '',
      'FILE is a CSV in UTF-8 (with or without BOM) or windows-1250, separated by ";" or ",", with a header row.',
      'Common Polish and English headers are recognised (nazwa/name, forma_prawna/legal_form, nip, regon, krs,',
      'teryt/gmina_teryt, miejscowosc/town, adres/address, email, telefon/phone, www/website, opis/description, …).',
      '--map HEADER=FIELD assigns any other column (repeatable; FIELD "-" skips a column). Fields: {FIELDS}',
      '',
      'Every row is checked first (identifiers with check digits, TERYT, legal form, duplicates in the file and',
      'in the registry); refused rows are listed with their row number. Without --dry-run the valid rows are',
      'imported in batches of 1000, one transaction each; refused rows are never saved.',
      '',
      'Exit codes: 0 every row valid (and imported unless --dry-run); 1 some rows refused (the valid ones are',
      'still imported unless --dry-run) or the file is unusable; 2 usage mistake (no such file, bad --map) or internal error.',
    ].join('\n'),
    options: { 'dry-run': { type: 'boolean' }, map: { type: 'string', multiple: true } },
    positionals: true,
    usageExitCode: 2,
    async run(r) {
      const files = (r.values.positionals as string[] | undefined) ?? [];
      if (files.length !== 1) throw usageError('give exactly one FILE (spojnia import podmioty FILE [--dry-run]).');
      const file = resolve(files[0]!);
      if (!existsSync(file) || statSync(file).isDirectory()) throw usageError(`${file}: no such file.`);
      const dryRun = r.values['dry-run'] === true;
      const { importEntitiesFile, importProblemText, parseMapOptions, unknownOverrides } = await lazy.registry();
      const { overrides, errors } = parseMapOptions((Array.isArray(r.values.map) ? r.values.map : []).map(String));
      if (errors.length) throw usageError(errors.join('; '));
      const bytes = readFileSync(file);
      const { database, ctx } = await prepared(r);
      try {
        const t = translator(LANG);
        const outcome = await importEntitiesFile(ctx, bytes, {
          fileName: basename(file),
          dryRun,
          actor: { actorId: null, ip: null, requestId: null },
          overrides,
          checkHeaders: (headers) => {
            const unknown = unknownOverrides(headers, overrides);
            if (unknown.length) throw usageError(`--map names ${unknown.map((h) => `"${h}"`).join(', ')}, not a header of the file (headers: ${headers.join(', ')}).`);
          },
          onProgress: progressPrinter(r, dryRun ? 'checking' : 'importing'),
        });
        for (const p of outcome.fileProblems) r.out(`file: ${importProblemText(t, p)}`);
        for (const p of outcome.problems) r.out(`row ${p.row}${p.field ? ` (${p.field})` : ''}: ${importProblemText(t, p)}`);
        const what = dryRun ? 'dry run, nothing saved' : `${outcome.imported} imported`;
        r.out(`${basename(file)}: ${outcome.total} rows, ${outcome.ok} valid, ${outcome.refused} refused; ${what}.`);
        return outcome.refused > 0 || outcome.fileProblems.length > 0 ? 1 : 0;
      } finally {
        await database.close();
      }
    },
  },
  {
    words: 'jobs run',
    summary: 'Run the scheduled jobs now (reminders, retention); --all runs even those not yet due',
    usage: 'spojnia jobs run [NAME …] [--all]\n\nThe web server runs due jobs by itself every minute; this command is for cron or a manual run.\nWithout names every module job is considered; exit code 1 when a job failed.',
    options: { all: { type: 'boolean' } },
    positionals: true,
    async run(r) {
      const [{ runDueJobs }, { MODULES }] = await Promise.all([import('./core/jobs.js'), lazy.app()]);
      const names = (r.values.positionals as string[] | undefined) ?? [];
      const all = MODULES.flatMap((m) => m.jobs ?? []);
      const unknown = names.filter((n) => !all.some((j) => j.name === n));
      if (unknown.length) throw usageError(`unknown job: ${unknown.join(', ')} (known: ${all.map((j) => j.name).join(', ') || 'none'})`);
      const jobs = names.length ? all.filter((j) => names.includes(j.name)) : all;
      const { database, ctx } = await prepared(r);
      try {
        const outcomes = await runDueJobs(ctx, jobs, { force: Boolean(r.values.all) || names.length > 0 });
        for (const o of outcomes) r.out(`${o.name.padEnd(36)} ${o.error ? `FAILED: ${o.error}` : o.ran ? o.result : 'not due'}`);
        if (outcomes.length === 0) r.out('No scheduled jobs.');
        return outcomes.some((o) => o.error) ? 1 : 0;
      } finally {
        await database.close();
      }
    },
  },
  {
    words: 'user create',
    summary: 'Create a user account (--email, --role; password from stdin or generated)',
    usage: [
      'spojnia user create --email E --role R [--role R2 …] [--name "Full Name"]',
      '',
      'The password is the first line of stdin when stdin is not a terminal, e.g.',
      '  printf "%s\\n" "$PASSWORD" | spojnia user create --email a@example.pl --role administrator',
      'Otherwise (or when stdin is empty) a random 24-character password is generated and printed once.',
      '',
      'Roles: {ROLES}',
    ].join('\n'),
    options: { email: { type: 'string' }, role: { type: 'string', multiple: true }, name: { type: 'string' } },
    async run(r) {
      const { createUser, ROLES, isRole } = await lazy.accounts();
      const email = typeof r.values.email === 'string' ? r.values.email : '';
      const roles = [...new Set((Array.isArray(r.values.role) ? r.values.role : []).filter((x): x is string => typeof x === 'string'))];
      const { name: nameFlag } = r.values;
      const name = typeof nameFlag === 'string' && nameFlag.trim() !== '' ? nameFlag.trim() : undefined;
      if (email.trim() === '') throw usageError('--email is required.');
      if (roles.length === 0) throw usageError(`at least one --role is required (one of: ${ROLES.join(', ')}).`);
      const unknown = roles.filter((x) => !isRole(x));
      if (unknown.length > 0) throw usageError(`unknown role ${unknown.map((x) => `"${x}"`).join(', ')}; valid roles: ${ROLES.join(', ')}.`);

      const given = await readPassword(r.io);
      const { database, ctx } = await prepared(r);
      try {
        let password = given ?? generatePassword();
        let id: string;
        for (let attempt = 1; ; attempt += 1) {
          try {
            id = await createUser(ctx, { email, roles, password, ...(name ? { displayName: name } : {}) });
            break;
          } catch (err) {
            // a generated password can, very rarely, contain the address's local part; draw again
            const onlyPassword = isAppError(err) && err.code === 'http.validation' && err.problems.every((p) => p.field === 'password');
            if (given !== null || !onlyPassword || attempt >= 5) throw err;
            password = generatePassword();
          }
        }
        r.out(`Created user ${email.trim()} (id ${id}) with role(s): ${roles.join(', ')}.`);
        if (given === null) r.out(`Password (shown only this once, store it now): ${password}`);
        return 0;
      } finally {
        await database.close();
      }
    },
  },
  {
    words: 'backup',
    summary: 'Copy the database online to a file (--to FILE [--force]); on PostgreSQL prints the pg_dump command',
    usage: [
      'spojnia backup [--to FILE] [--force]',
      '',
      'SQLite: an online copy while the server keeps running. Without --to the copy goes to',
      '<DATA_DIR>/backups/spojnia-<UTC time>.db. An existing file is replaced only with --force.',
      'PostgreSQL: prints the pg_dump command to use and exits 1.',
      'The database is copied as it is: unlike other commands, backup does not migrate first.',
    ].join('\n'),
    options: { to: { type: 'string' }, force: { type: 'boolean' } },
    async run(r) {
      const config = r.config();
      const explicit = typeof r.values.to === 'string' && r.values.to !== '';
      const target = explicit
        ? resolve(r.values.to as string)
        : join(config.dataDir, 'backups', `spojnia-${new Date().toISOString().replace(/[:.]/g, '-')}.db`);
      if (existsSync(target) && statSync(target).isDirectory()) throw usageError(`${target} is a directory; --to needs a file name.`);
      if (existsSync(target) && r.values.force !== true) throw usageError(`${target} already exists; use --force to replace it.`);
      if (explicit && !existsSync(dirname(target))) throw usageError(`folder ${dirname(target)} does not exist.`);
      if (!explicit) mkdirSync(dirname(target), { recursive: true });

      const { openDatabase } = await lazy.database();
      const database = await openDatabase(config.databaseUrl);
      // written beside the target and renamed at the end, so FILE is never a half-finished copy
      const partial = `${target}.partial-${randomBytes(4).toString('hex')}`;
      try {
        let shown = -1;
        let pages = 0;
        await database.seam.backup(partial, (done, total) => {
          pages = total;
          const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
          if (percent === 100 || percent - shown >= 10) {
            shown = percent;
            r.err(`backup: ${percent}% (${done}/${total} pages)`);
          }
        });
        // better-sqlite3 reports before each step, never after the last one
        if (shown < 100) r.err(`backup: 100% (${pages}/${pages} pages)`);
        renameSync(partial, target);
        r.out(`Backup written to ${target} (${pages} pages, ${formatBytes(statSync(target).size)}).`);
        return 0;
      } finally {
        rmSync(partial, { force: true });
        await database.close();
      }
    },
  },
];

const HELP_ROWS: [string, string][] = [
  ...COMMANDS.map((c): [string, string] => [c.words === 'migrate' ? 'migrate [up]' : c.words, c.summary]),
  ['help [COMMAND]', 'Show this list, or the usage of one command (same as `spojnia COMMAND --help`)'],
];

function generalHelp(): string {
  const width = Math.max(...HELP_ROWS.map(([n]) => n.length));
  return [
    'Spójnia — command line for operators',
    '',
    'Usage: spojnia COMMAND [options]',
    '',
    'Commands:',
    ...HELP_ROWS.map(([n, s]) => `  ${n.padEnd(width)}  ${s}`),
    '',
    'Configuration comes from the environment and .env (DATABASE_URL, SESSION_SECRET, …; see .env.example).',
    'Exit codes: 0 ok, 1 usage or data error (explained), 2 internal error.',
  ].join('\n');
}

async function commandHelp(cmd: Command): Promise<string> {
  let text = `${cmd.summary}\n\nUsage: ${cmd.usage}`;
  if (text.includes('{ROLES}')) text = text.replace('{ROLES}', (await lazy.accounts()).ROLES.join(', '));
  if (text.includes('{FIELDS}')) text = text.replace('{FIELDS}', (await lazy.registry()).IMPORT_FIELDS.join(', '));
  return text;
}

/** Splits argv into the command (one or two words) and its flags, or the group when only `seed` etc. was typed. */
function findCommand(argv: string[]): { cmd: Command; rest: string[] } | { group: Command[] } {
  const [first, second] = argv;
  const group = COMMANDS.filter((c) => c.words.split(' ')[0] === first);
  if (group.length === 0) throw usageError(`unknown command "${first}". Run \`spojnia help\` to see every command.`);
  const exact = second !== undefined && !second.startsWith('-') ? group.find((c) => c.words === `${first} ${second}`) : undefined;
  if (exact) return { cmd: exact, rest: argv.slice(2) };
  // `migrate up` is an alias of `migrate`
  if (first === 'migrate' && second === 'up') return { cmd: group.find((c) => c.words === 'migrate')!, rest: argv.slice(2) };
  const single = group.find((c) => c.words === first);
  if (single) return { cmd: single, rest: argv.slice(1) };
  if (second === undefined || second.startsWith('-')) return { group };
  throw usageError(`unknown command "${first} ${second}"; did you mean ${group.map((c) => `"${c.words}"`).join(' or ')}?`);
}

function groupHelp(group: Command[]): string {
  const width = Math.max(...group.map((c) => c.words.length));
  return ['Commands:', ...group.map((c) => `  ${c.words.padEnd(width)}  ${c.summary}`)].join('\n');
}

function parseFlags(cmd: Command, rest: string[]): Values {
  try {
    const parsed = parseArgs({ args: rest, options: { ...cmd.options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: cmd.positionals ?? false });
    return cmd.positionals ? { ...parsed.values, positionals: parsed.positionals } : parsed.values;
  } catch (err) {
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      throw usageError(`${err.message.replace(/\. To specify a positional argument.*$/s, '')}. Run \`spojnia ${cmd.words} --help\`.`);
    }
    throw err;
  }
}

function stepPrinter(r: Run, what: string): (module: string, result: { summary: string }) => void {
  let last = performance.now();
  return (module, result) => {
    const now = performance.now();
    r.err(`${what}: ${module} done in ${Math.round(now - last)} ms`);
    last = now;
    r.out(`${module}: ${result.summary}`);
  };
}

/** Progress of a long run on stderr: a bar redrawn in place on a terminal, a line per 10 % otherwise. */
function progressPrinter(r: Run, what: string): (done: number, total: number) => void {
  const tty = (r.io.stderr as { isTTY?: boolean }).isTTY === true;
  let shown = -1;
  return (done, total) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (tty) {
      const width = 30;
      const filled = Math.round((percent / 100) * width);
      r.io.stderr.write(`\r${what} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${done}/${total}${done >= total ? '\n' : ''}`);
    } else if (percent === 100 || percent - shown >= 10) {
      shown = percent;
      r.err(`${what}: ${percent}% (${done}/${total} rows)`);
    }
  };
}

async function readPassword(io: CliIo): Promise<string | null> {
  const source = typeof io.stdin === 'function' ? await io.stdin() : (io.stdin ?? null);
  if (source === null) return null;
  const line = source.split('\n')[0]!.replace(/\r$/, '');
  // nothing supplied behaves like a terminal: a generated password, printed, is never lost silently
  return line === '' ? null : line;
}

function generatePassword(): string {
  return randomBytes(GENERATED_PASSWORD_BYTES).toString('base64url');
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

// Same wording as the web forms (core/http/errors.tsx), without pulling the HTTP layer in.
function problemMessage(t: T, p: Problem): string {
  return t(p.key as TKey, { ...p.params, ...(p.label ? { field: t(p.label as TKey) } : {}) });
}

function describeAppError(t: T, err: AppError): string {
  const title = t(`errors.${err.code}.title` as TKey, err.params);
  const detail = t(`errors.${err.code}.detail` as TKey, err.params);
  return [`${title}: ${detail}`, ...err.problems.map((p) => `  - ${problemMessage(t, p)}`)].join('\n');
}

/** The core's codes are known here; a module's code gets its status from the modules' declarations. */
async function errorStatus(e: AppError): Promise<number> {
  const core = coreErrorStatus(e.code);
  if (core !== undefined) return core;
  const { MODULES } = await lazy.app();
  return new ErrorCatalogue(MODULES).status(e.code);
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const out = (line: string) => void io.stdout.write(`${line}\n`);
  const err = (line: string) => void io.stderr.write(`${line}\n`);
  const t = translator(LANG);
  let config: Config | null = null;
  let current: Command | null = null;
  try {
    const [first] = argv;
    if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
      const topic = argv.slice(1).filter((a) => !a.startsWith('-'));
      if (topic.length === 0) out(generalHelp());
      else {
        const found = findCommand(topic);
        out('cmd' in found ? await commandHelp(found.cmd) : groupHelp(found.group));
      }
      return 0;
    }
    const found = findCommand(argv);
    if (!('cmd' in found)) {
      if (argv.includes('--help') || argv.includes('-h')) {
        out(groupHelp(found.group));
        return 0;
      }
      throw usageError(`"${first}" needs a subcommand: ${found.group.map((c) => `"${c.words}"`).join(', ')}.`);
    }
    const { cmd, rest } = found;
    current = cmd;
    const values = parseFlags(cmd, rest);
    if (values.help === true) {
      out(await commandHelp(cmd));
      return 0;
    }
    const run: Run = {
      io,
      values,
      out,
      err,
      config: () => {
        if (config) return config;
        if (io.env === undefined) loadDotEnv();
        config = io.env === undefined ? loadConfig() : loadConfig(io.env);
        return config;
      },
    };
    return await cmd.run(run);
  } catch (e) {
    if (e instanceof ConfigError) {
      err(e.message);
      return 1;
    }
    if (isAppError(e) && (await errorStatus(e)) < 500) {
      err(describeAppError(t, e));
      return e.code === 'cli.usage' && current?.usageExitCode !== undefined ? current.usageExitCode : 1;
    }
    const debug = (config as Config | null)?.logLevel === 'debug' || (config as Config | null)?.logLevel === 'trace';
    err(`Internal error: ${e instanceof Error ? e.message : String(e)}`);
    if (debug && e instanceof Error && e.stack) err(e.stack);
    else err('(set LOG_LEVEL=debug to see the stack trace)');
    return 2;
  }
}

/** First line of a piped stdin, without waiting for EOF (a pipe left open must not hang us). */
function readFirstLine(stream: NodeJS.ReadStream): Promise<string | null> {
  return new Promise((resolveLine, reject) => {
    let buffer = '';
    const finish = (value: string | null) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', reject);
      stream.pause();
      resolveLine(value);
    };
    const onData = (chunk: string) => {
      buffer += chunk;
      const nl = buffer.indexOf('\n');
      if (nl >= 0) finish(buffer.slice(0, nl));
      else if (buffer.length > 4096) finish(buffer); // validation rejects it as too long
    };
    const onEnd = () => finish(buffer === '' ? null : buffer);
    stream.setEncoding('utf8');
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', reject);
  });
}

/** The process entry point: `bin/spojnia.mjs` calls it; `node --import tsx src/cli.ts` too. */
export async function main(): Promise<void> {
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin.isTTY ? null : () => readFirstLine(process.stdin),
  });
  process.exit(code);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void main();
}
