// The `spojnia` command line: what an operator needs besides the web server (migrations, reference
// data, jobs, backups) plus the commands the modules bring (AppModule.commands: the first users,
// imports…). `runCli` takes argv and the streams as arguments and returns the exit code, so tests
// drive it in-process; only the entry point touches `process`.
// Exit codes: 0 ok, 1 the operator's mistake (explained), 2 our fault (unexpected exception).
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config.js';
import type { CommandOptions, CommandValues, ModuleCommand } from './core/commands.js';
import { AppError, isAppError, type Problem } from './core/errors/app-error.js';
import type { Verification } from './core/db/backup.js';
import { coreErrorStatus, ErrorCatalogue } from './core/errors/catalogue.js';
import { projectPath } from './core/paths.js';
import { progress, type Progress } from './core/progress.js';
import { OPERATOR_LANG, translator, type T, type TKey } from './i18n/index.js';

export interface CliIo {
  stdout: { write(s: string): unknown };
  /** Progress bars are drawn only when `isTTY` is true (process.stderr on a terminal). */
  stderr: { write(s: string): unknown; isTTY?: boolean };
  /**
   * What a command reads from stdin (`user create`: the password): its first line, or null when
   * stdin is a terminal. The entry point passes a function so stdin is read only by the command that
   * needs it (reading it up front would block `serve` under a supervisor that leaves stdin open).
   */
  stdin?: string | null | (() => Promise<string | null>);
  /** Environment for loadConfig; when absent, `.env` is loaded and process.env is used. */
  env?: Record<string, string | undefined>;
}

type Options = CommandOptions;
type Values = CommandValues;

interface Run {
  io: CliIo;
  values: Values;
  out: (line: string) => void;
  err: (line: string) => void;
  t: T;
  /** A progress report on stderr (core/progress.ts); a bar left unfinished is closed after the run. */
  progress: (label: string) => Progress;
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

// Heavy parts (Fastify, the database layer) load only when a command needs them; the module list
// loads for the modules' commands, and `--help` still lists the core's when it cannot load.
const lazy = {
  bootstrap: () => import('./bootstrap.js'),
  app: () => import('./app.js'),
  database: () => import('./core/db/database.js'),
  migrate: () => import('./core/db/migrate.js'),
  main: () => import('./main.js'),
  backup: () => import('./core/db/backup.js'),
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
          r.out(r.t('cli.migrationsApplied', { count: migrated.length }));
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
      const database = await openDatabase(r.config().migrationDatabaseUrl);
      try {
        const list = await migrationStatus(database, MODULES);
        const width = Math.max(0, ...list.map((m) => m.name.length));
        for (const m of list) r.out(`${m.name.padEnd(width)}  ${m.executedAt ? m.executedAt.toISOString() : 'pending'}`);
        const pending = list.filter((m) => !m.executedAt).length;
        r.out(
          r.t('cli.migrationStatus', {
            applied: r.t('cli.statusApplied', { count: list.length - pending }),
            pending: r.t('cli.statusPending', { count: pending }),
          }),
        );
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
    words: 'jobs run',
    summary: 'Run the scheduled jobs now (reminders, retention); --all runs even those not yet due',
    usage:
      'spojnia jobs run [NAME …] [--all]\n\nThe web server runs due jobs by itself every minute; this command is for cron or a manual run.\nWithout names every module job is considered; exit code 1 when a job failed.',
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
    words: 'backup',
    summary: 'Copy the database online to a file with its manifest (--to FILE [--force] [--verify])',
    usage: [
      'spojnia backup [--to FILE] [--force] [--verify]',
      '',
      'An online, consistent copy while the instances keep running: SQLite through its backup API,',
      'PostgreSQL through pg_dump --format=custom (pg_dump and pg_restore must be installed).',
      'Without --to the copy goes to <DATA_DIR>/backups/spojnia-<UTC time>.db (.dump on PostgreSQL).',
      'An existing file is replaced only with --force. Beside it, FILE.manifest.json records the size,',
      "the SHA-256 and every table's row count and content hash at the moment of the copy: keep both.",
      'Keep the session secret with them too (<DATA_DIR>/session-secret, or the SESSION_SECRET value when it is set):',
      'the two-factor secrets in the database are encrypted with a key derived from it; the command names the file.',
      '--verify then restores the copy into a scratch database, runs the integrity check and compares',
      'every table with the manifest (exit 1 when anything differs). `spojnia backup verify FILE` does',
      'the same later, for a copy kept elsewhere. MIGRATION_DATABASE_URL, when set, is used instead of',
      'DATABASE_URL (a direct connection, not a pooling proxy). The database is copied as it is: unlike',
      'other commands, backup does not migrate first.',
    ].join('\n'),
    options: { to: { type: 'string' }, force: { type: 'boolean' }, verify: { type: 'boolean' } },
    async run(r) {
      const config = r.config();
      const url = config.migrationDatabaseUrl;
      const { createBackup, backupExtension, verifyBackup, manifestPath } = await lazy.backup();
      const explicit = typeof r.values.to === 'string' && r.values.to !== '';
      const target = explicit
        ? resolve(r.values.to as string)
        : join(config.dataDir, 'backups', `spojnia-${new Date().toISOString().replace(/[:.]/g, '-')}${await backupExtension(url)}`);
      if (existsSync(target) && statSync(target).isDirectory()) throw usageError(`${target} is a directory; --to needs a file name.`);
      if (existsSync(target) && r.values.force !== true) throw usageError(`${target} already exists; use --force to replace it.`);
      if (explicit && !existsSync(dirname(target))) throw usageError(`folder ${dirname(target)} does not exist.`);
      if (!explicit) mkdirSync(dirname(target), { recursive: true });

      // pages of the SQLite file; PostgreSQL's pg_dump reports only its start and end
      const report = r.progress(r.t('cli.backup.progress'));
      let last = 0;
      const { manifest, ms } = await createBackup(url, target, {
        onProgress: (done, total) => {
          last = total;
          report(done, total);
        },
      });
      // the SQLite backup API reports before each step, never after the last one
      report(last, last);
      const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
      r.out(
        r.t('cli.backup.written', {
          file: target,
          size: formatBytes(manifest.bytes),
          tables: r.t('cli.tables', { count: manifest.tables.length }),
          rows: r.t('cli.rows', { count: rows }),
          time: seconds(ms),
        }),
      );
      r.out(r.t('cli.backup.manifest', { file: manifestPath(target) }));
      // the database alone does not restore a working instance: the TOTP secrets in it are sealed with a key from the session secret
      r.out(
        config.sessionSecretFile ? r.t('cli.backup.keepSecretFile', { file: config.sessionSecretFile }) : r.t('cli.backup.keepSecretEnv'),
      );
      if (r.values.verify !== true) return 0;
      return printVerification(r, await verifyBackup(url, target));
    },
  },
  {
    words: 'backup verify',
    summary: 'Check a backup: restore it into a scratch copy, integrity check, compare every table with its manifest',
    usage: [
      'spojnia backup verify FILE',
      '',
      'Restores FILE into a scratch copy beside it (PostgreSQL: a scratch database, removed afterwards),',
      'runs the integrity check and compares the row count and content hash of every table with',
      'FILE.manifest.json, written when the backup was taken. Changes nothing. Exit 1 when anything differs.',
    ].join('\n'),
    options: {},
    positionals: true,
    async run(r) {
      const file = singleFile(r, 'spojnia backup verify FILE');
      const { verifyBackup } = await lazy.backup();
      return printVerification(r, await verifyBackup(r.config().migrationDatabaseUrl, file));
    },
  },
  {
    words: 'restore',
    summary: 'Replace the database of a stopped instance with a backup, after the same check as backup verify',
    usage: [
      'spojnia restore FILE',
      '',
      'Stop every instance first: restore refuses while any process (SQLite) or connection (PostgreSQL)',
      'uses the database. FILE is restored into a scratch copy and checked exactly like `backup verify`;',
      'only a copy that passes replaces the database. The replaced database is kept: renamed to',
      '<file>.before-restore-<time> (SQLite) or <name>_before_restore_<time> (PostgreSQL).',
      'After a restore, `spojnia serve` migrates the restored database to the current version as usual.',
      'Exit 1 when the file fails its check or the database is in use (nothing is changed then).',
    ].join('\n'),
    options: {},
    positionals: true,
    async run(r) {
      const file = singleFile(r, 'spojnia restore FILE');
      const config = r.config();
      const { restoreBackup } = await lazy.backup();
      const began = performance.now();
      const restored = await restoreBackup(config.migrationDatabaseUrl, file);
      if (restored.refused && restored.verification.manifest === null && restored.verification.problems.length === 0) {
        r.err(`Not restored: ${restored.refused}.`);
        return 1;
      }
      const verified = printVerification(r, restored.verification);
      if (restored.refused) {
        r.err(`Not restored: ${restored.refused}.`);
        return 1;
      }
      if (verified !== 0) return verified;
      r.out(
        `Restored ${basename(file)} in ${seconds(performance.now() - began)}.${restored.previous ? ` The previous database was kept as ${restored.previous}.` : ''}`,
      );
      return 0;
    },
  },
  {
    words: 'stack',
    summary: 'Translate positions in dist/*.js in a stack trace or log lines into source files and lines',
    usage: [
      'spojnia stack [FILE]',
      '',
      'The server runs its bundle without source maps (ADR 8), so a stack trace in the log names',
      'dist/main.js:LINE:COLUMN. Give the log lines (journal output, JSON or plain) in FILE or on stdin;',
      'they are printed again with each such position replaced by src/…/file.ts:LINE:COLUMN, read from',
      'the source map beside the bundle (a path from another machine: the file of the same name in this',
      "installation's dist/). Use the same release as the process that wrote the log. Changes nothing.",
    ].join('\n'),
    options: {},
    positionals: true,
    async run(r) {
      const files = (r.values.positionals as string[] | undefined) ?? [];
      if (files.length > 1) throw usageError('Give one FILE, or the lines on stdin.');
      const text = files[0] !== undefined ? readFileSync(singleFile(r, 'spojnia stack [FILE]'), 'utf8') : await readStdin(r.io);
      if (text === null) throw usageError('Give the log lines in FILE or on stdin: spojnia stack [FILE]');
      const { originalPositions } = await import('./core/errors/source-positions.js');
      const result = originalPositions(text, { root: projectPath(), dist: projectPath('dist') });
      r.io.stdout.write(result.text.endsWith('\n') ? result.text : `${result.text}\n`);
      r.err(`${result.mapped} position(s) translated.`);
      for (const file of result.unmapped)
        r.err(`No source map found for ${file} (nor for dist/${basename(file)}): run \`npm run build\` for this release first.`);
      return 0;
    },
  },
];

/** A module's command as the CLI runs it: the database is opened on first use and closed after the run. */
function moduleCommand(mc: ModuleCommand): Command {
  return {
    ...mc,
    async run(r) {
      let opened: Awaited<ReturnType<typeof prepared>> | null = null;
      try {
        return await mc.run({
          values: r.values,
          out: r.out,
          err: r.err,
          t: r.t,
          context: async () => (opened ??= await prepared(r)).ctx,
          progress: r.progress,
          stdinLine: () => readPassword(r.io),
        });
      } finally {
        await (opened as Awaited<ReturnType<typeof prepared>> | null)?.database.close();
      }
    },
  };
}

/** The core's commands and every module's, grouped by their first word (`seed …` together). */
async function allCommands(): Promise<Command[]> {
  const { MODULES } = await lazy.app();
  const list = [...COMMANDS, ...MODULES.flatMap((m) => (m.commands ?? []).map(moduleCommand))];
  const seen = new Set<string>();
  for (const c of list) {
    if (seen.has(c.words)) throw new Error(`two commands are named "${c.words}"`);
    seen.add(c.words);
  }
  const firstWords = [...new Set(list.map((c) => c.words.split(' ')[0]))];
  return firstWords.flatMap((w) => list.filter((c) => c.words.split(' ')[0] === w));
}

function generalHelp(commands: Command[], note: string | null): string {
  const rows: [string, string][] = [
    ...commands.map((c): [string, string] => [c.words === 'migrate' ? 'migrate [up]' : c.words, c.summary]),
    ['help [COMMAND]', 'Show this list, or the usage of one command (same as `spojnia COMMAND --help`)'],
    ['--version, -V', 'Print the version of Spójnia and of Node.js'],
  ];
  const width = Math.max(...rows.map(([n]) => n.length));
  return [
    'Spójnia — command line for operators',
    '',
    'Usage: spojnia COMMAND [options]',
    '',
    'Commands:',
    ...rows.map(([n, s]) => `  ${n.padEnd(width)}  ${s}`),
    ...(note ? ['', note] : []),
    '',
    'Configuration comes from the environment and .env (DATABASE_URL, SESSION_SECRET, …; see .env.example).',
    'Exit codes: 0 ok, 1 usage or data error (explained), 2 internal error.',
  ].join('\n');
}

function commandHelp(cmd: Command): string {
  return `${cmd.summary}\n\nUsage: ${cmd.usage}`;
}

/** Splits argv into the command (one or two words) and its flags, or the group when only `seed` etc. was typed. */
function findCommand(commands: Command[], argv: string[]): { cmd: Command; rest: string[] } | { group: Command[] } {
  const [first, second] = argv;
  const group = commands.filter((c) => c.words.split(' ')[0] === first);
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
    const parsed = parseArgs({
      args: rest,
      options: { ...cmd.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: cmd.positionals ?? false,
    });
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

/** What stdin holds when it is piped, else null. */
async function readStdin(io: CliIo): Promise<string | null> {
  return typeof io.stdin === 'function' ? await io.stdin() : (io.stdin ?? null);
}

async function readPassword(io: CliIo): Promise<string | null> {
  const source = await readStdin(io);
  if (source === null) return null;
  const line = source.split('\n')[0]!.replace(/\r$/, '');
  // nothing supplied behaves like a terminal: a generated password, printed, is never lost silently
  return line === '' ? null : line;
}

/** This installation's version, from package.json (read when asked: `--version` opens nothing else). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string }).version;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The one FILE argument of `backup verify` and `restore`, resolved and checked to exist. */
function singleFile(r: Run, usage: string): string {
  const files = (r.values.positionals as string[] | undefined) ?? [];
  if (files.length !== 1) throw usageError(`give exactly one FILE (${usage}).`);
  const file = resolve(files[0]!);
  if (!existsSync(file) || statSync(file).isDirectory()) throw usageError(`${file}: no such file.`);
  return file;
}

/** What a check found, table by table; 0 when the copy restores to exactly its source. */
function printVerification(r: Run, v: Verification): number {
  if (v.restoreMs > 0) r.out(`Restored into a scratch copy in ${seconds(v.restoreMs)} (${formatBytes(v.bytes)}).`);
  if (v.tables.length > 0) {
    const width = Math.max(5, ...v.tables.map((t) => t.table.length));
    r.out(`  ${'table'.padEnd(width)}  ${'rows'.padStart(9)}  content hash`);
    for (const t of v.tables) {
      const rows = t.rows === null ? '—' : String(t.rows);
      r.out(
        `  ${t.table.padEnd(width)}  ${rows.padStart(9)}  ${t.hash ?? '—'}${t.same ? '' : `  DIFFERS (backup's moment: ${t.expectedRows ?? '—'} rows, ${t.expectedHash ?? '—'})`}`,
      );
    }
  }
  if (v.ok) {
    const rows = v.tables.reduce((n, t) => n + (t.rows ?? 0), 0);
    r.out(r.t('cli.backup.verified', { tables: r.t('cli.tables', { count: v.tables.length }), rows: r.t('cli.rows', { count: rows }) }));
    return 0;
  }
  r.err('Verification FAILED:');
  for (const p of v.problems) r.err(`  - ${p}`);
  return 1;
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
  // an operators' tool: messages are English, so translated problems are English too
  const t = translator(OPERATOR_LANG);
  let config: Config | null = null;
  let current: Command | null = null;
  const bars: Progress[] = [];
  try {
    const [first] = argv;
    if (first === '--version' || first === '-V') {
      out(t('cli.version', { version: packageVersion(), node: process.version }));
      return 0;
    }
    if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
      const topic = argv.slice(1).filter((a) => !a.startsWith('-'));
      let commands = COMMANDS;
      let note: string | null = null;
      try {
        commands = await allCommands();
      } catch (e) {
        note = `The modules' commands cannot be listed: ${e instanceof Error ? e.message : String(e)}`;
      }
      if (topic.length === 0) out(generalHelp(commands, note));
      else {
        const found = findCommand(commands, topic);
        out('cmd' in found ? commandHelp(found.cmd) : groupHelp(found.group));
      }
      return 0;
    }
    const found = findCommand(await allCommands(), argv);
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
      out(commandHelp(cmd));
      return 0;
    }
    const run: Run = {
      io,
      values,
      out,
      err,
      t,
      progress: (label) => {
        const p = progress(io.stderr, label);
        bars.push(p);
        return p;
      },
      config: () => {
        if (config) return config;
        if (io.env === undefined) loadDotEnv();
        config = io.env === undefined ? loadConfig() : loadConfig(io.env);
        return config;
      },
    };
    const code = await cmd.run(run);
    for (const b of bars) b.end();
    return code;
  } catch (e) {
    for (const b of bars) b.end();
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
