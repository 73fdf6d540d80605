// `npm test`: the whole suite in one command — typecheck, lint (with the architecture rules and the
// check that docs/routes.md matches the router), unit and route tests on SQLite,
// the same tests on PostgreSQL when TEST_DATABASE_URL is set, then the browser suite when
// chromium is present. With CI=true a missing PostgreSQL or chromium is a failure, not a skip.
// Every phase's wall-clock time is printed after it and again at the end, with the load average
// (the README quotes these figures).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { testSettings } from '../src/config.js';

const ROOT = join(import.meta.dirname, '..');
const settings = testSettings();
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];
/** Every failing test, named with its phase, printed again at the very end of the run. */
const failedTests: string[] = [];

function findTests(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...findTests(full));
    else if (/\.test\.tsx?$/.test(entry)) out.push(relative(ROOT, full));
  }
  return out.sort();
}

/** Wall-clock seconds of every phase, printed after it and together at the end (the README quotes them). */
const durations: { name: string; seconds: number }[] = [];

function minutes(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  // whole seconds first, so 599.7 s reads "10 min 00 s", not "9 min 60 s"
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/** Runs the commands of one phase one after another (all of them, even after a failure) and times the phase. */
function phase(name: string, commands: { label: string; cmd: string; args: string[]; env?: Record<string, string> }[]): void {
  console.log(`\n▶ ${name}`);
  const started = performance.now();
  let ok = true;
  for (const c of commands) {
    const res = spawnSync(c.cmd, c.args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...c.env } });
    if (res.status !== 0) {
      failures.push(c.label);
      ok = false;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  durations.push({ name, seconds });
  console.log(`${ok ? '✔' : '✖'} ${name}: ${minutes(seconds)}`);
}

// source maps, so a failing test's location is its line in the .ts file (not a column of tsx's output)
const tsx = (label: string, ...args: string[]) => ({
  label,
  cmd: process.execPath,
  args: ['--enable-source-maps', '--import', 'tsx', ...args],
});

/** Adds one TAP report's counts and failing tests to the run's totals. */
function collect(name: string, tap: string): void {
  if (!existsSync(tap)) return;
  const text = readFileSync(tap, 'utf8');
  const count = (label: string) => Number(new RegExp(`^# ${label} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail');
  totals.skipped += count('skipped') + count('todo');
  failedTests.push(...failuresIn(text).map((f) => `${name}: ${f}`));
}

/** The browser suite: one process per test file (each starts its own chromium), two at a time. */
function runTests(name: string, files: string[], env: Record<string, string> = {}): void {
  if (files.length === 0) return;
  const tap = join(mkdtempSync(join(tmpdir(), 'spojnia-test-')), 'result.tap');
  phase(name, [
    {
      ...tsx(
        name,
        '--test',
        '--test-concurrency=2',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${tap}`,
        ...files,
      ),
      env,
    },
  ]);
  collect(name, tap);
}

/**
 * Unit and route tests: the files are dealt round-robin into groups, and each group runs in ONE
 * process (`--test-isolation=none`), two processes at a time. Loading the application through tsx
 * and building a migrated template database cost each process 2-4 s of CPU; paid once per group
 * instead of once per file, the SQLite run took 101 s instead of 8 min 17 s (2026-12-07). Test files
 * therefore share a process: one that changes process-wide state (process.env, globals, mocked
 * timers) restores it. In such a process the top-level `before` hooks of all its files run first
 * and their `after` hooks last, so every file's test app stays open for the whole group: on
 * PostgreSQL each holds a few connections, and groups are kept small enough (PG_FILES_PER_GROUP) that
 * two of them stay well under the server's 100. More groups than cores also even out files of
 * unequal length. Each group's report is printed whole when it ends, so the log never interleaves.
 */
const MIN_GROUPS = 6;
const PG_FILES_PER_GROUP = 10;
async function runSharded(name: string, files: string[], env: Record<string, string> = {}, filesPerGroup = Infinity): Promise<void> {
  if (files.length === 0) return;
  const count = Math.max(MIN_GROUPS, Math.ceil(files.length / filesPerGroup));
  console.log(`\n▶ ${name} (${files.length} files in ${count} processes, two at a time)`);
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'spojnia-test-'));
  const groups = Array.from({ length: count }, (_, i) => files.filter((_, j) => j % count === i)).filter((g) => g.length > 0);
  let ok = true;
  const runGroup = (group: string[], i: number) =>
    new Promise<void>((resolve) => {
      const tap = join(dir, `group-${i + 1}.tap`);
      const out: Buffer[] = [];
      const child = spawn(
        process.execPath,
        [
          '--enable-source-maps',
          '--import',
          'tsx',
          '--test',
          '--test-isolation=none',
          '--test-reporter=spec',
          '--test-reporter-destination=stdout',
          '--test-reporter=tap',
          `--test-reporter-destination=${tap}`,
          ...group,
        ],
        { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => out.push(chunk));
      child.on('close', (code) => {
        console.log(`\n── ${name}, group ${i + 1} of ${groups.length} (${group.length} files): exit ${code}`);
        process.stdout.write(Buffer.concat(out));
        if (code !== 0) {
          failures.push(`${name}, group ${i + 1} (exit ${code})`);
          ok = false;
        }
        collect(name, tap);
        resolve();
      });
    });
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      const i = next;
      next += 1;
      await runGroup(groups[i]!, i);
    }
  };
  await Promise.all([worker(), worker()]);
  const seconds = (performance.now() - started) / 1000;
  durations.push({ name, seconds });
  console.log(`${ok ? '✔' : '✖'} ${name}: ${minutes(seconds)}`);
}

/**
 * The failing tests of a TAP report (not the suites that fail because of them), each with its
 * location and the first lines of its error, so the end of a long CI log names what failed.
 */
function failuresIn(tap: string): string[] {
  const lines = tap.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const m = /^(\s*)not ok \d+ - (.*)$/.exec(lines[i]!);
    if (!m) continue;
    const indent = m[1]!.length;
    const block: string[] = [];
    for (let j = i + 1; j < lines.length && (lines[j]!.trim() === '' || lines[j]!.search(/\S/) > indent); j += 1) block.push(lines[j]!);
    const yaml = block.join('\n');
    if (/failureType: 'subtestsFailed'/.test(yaml)) continue;
    const location = /location: '([^']*)'/.exec(yaml)?.[1] ?? '';
    const errorAt = block.findIndex((l) => /^\s*error: /.test(l));
    let error = '';
    if (errorAt >= 0) {
      const keyIndent = block[errorAt]!.search(/\S/);
      const text = [block[errorAt]!.trim().replace(/^error: (\|-)?/, '')];
      for (let j = errorAt + 1; j < block.length && (block[j]!.trim() === '' || block[j]!.search(/\S/) > keyIndent); j += 1)
        text.push(block[j]!.trim());
      error = text.filter(Boolean).join(' ').slice(0, 400);
    }
    out.push(`${m[2]} (${relative(ROOT, location) || 'unknown location'})${error ? `\n      ${error}` : ''}`);
  }
  return out;
}

function chromiumPath(): string | null {
  if (settings.chromium && existsSync(settings.chromium)) return settings.chromium;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p;
  return null;
}

phase('typecheck', [
  { label: 'typecheck', cmd: process.execPath, args: [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.'] },
]);
phase('lint and architecture', [
  { label: 'lint', cmd: process.execPath, args: [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '.'] },
  {
    label: 'formatting (prettier --check)',
    cmd: process.execPath,
    args: [join(ROOT, 'node_modules/prettier/bin/prettier.cjs'), '--check', '.', '--log-level', 'warn'],
  },
  tsx('architecture rules', 'scripts/check-architecture.ts'),
  tsx('URL → file table (docs/routes.md)', 'scripts/routes-table.ts', '--check'),
]);

const unit = findTests(join(ROOT, 'src'));
await runSharded('unit and route tests (SQLite)', unit, { TEST_DIALECT: 'sqlite' });

/**
 * A test file reaches a database only through the test helpers that open one (directly, through
 * a module's *.testing.ts, or a server); the rest (rules, parsing, rendering, formats) cannot
 * behave differently on PostgreSQL, so the second run leaves them out.
 */
const DATABASE_MARKERS =
  /createTestApp|withTestDatabase|openDatabase|throwAwayPostgresDatabase|TEST_DIALECT|startServer|testing\/app\.js|\.testing\.js/;
const touchesDatabase = (file: string) => DATABASE_MARKERS.test(readFileSync(join(ROOT, file), 'utf8'));

if (process.env.TEST_DATABASE_URL) {
  await runSharded('unit and route tests (PostgreSQL)', unit.filter(touchesDatabase), { TEST_DIALECT: 'postgres' }, PG_FILES_PER_GROUP);
} else if (settings.ci) {
  failures.push('PostgreSQL run: TEST_DATABASE_URL is not set (required with CI=true)');
} else {
  console.log('\n○ PostgreSQL run skipped: set TEST_DATABASE_URL=postgres://… to run it');
}

const browser = chromiumPath();
if (browser) {
  runTests('browser and accessibility tests (e2e)', findTests(join(ROOT, 'e2e')), { CHROMIUM_PATH: browser, TEST_DIALECT: 'sqlite' });
} else if (settings.ci) {
  failures.push('browser suite: chromium not found (required with CI=true; apt-get install -y chromium)');
} else {
  console.log('\n○ browser suite skipped: chromium not found (apt-get install -y chromium)');
}

console.log('\nDurations:');
for (const d of durations) console.log(`  ${d.name.padEnd(44)} ${minutes(d.seconds)}`);
console.log(`  ${'total'.padEnd(44)} ${minutes(durations.reduce((sum, d) => sum + d.seconds, 0))}`);
// other work on the machine slows every phase: the load says how comparable the figures are
console.log(
  `  load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min) on ${availableParallelism()} cores`,
);
console.log('');
if (failures.length > 0) console.log(`Failed steps:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
if (failedTests.length > 0) console.log(`Failed tests:\n${failedTests.map((f) => `  - ${f}`).join('\n')}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length > 0 || totals.failed > 0 ? 1 : 0);
