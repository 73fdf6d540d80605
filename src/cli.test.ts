// The `spojnia` command line, driven in-process through runCli against a SQLite file in a temporary
// folder: exit codes, what an operator reads, and what actually lands in the database. One test
// starts the real executable, so the launcher and the bundle it runs are covered too.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { MODULES } from './app.js';
import { runCli } from './cli.js';
import { openDatabase } from './core/db/database.js';
import { bundledStack } from './core/errors/source-positions.testing.js';
import { verifyPassword } from './modules/accounts/passwords.js';

const SECRET = 'cli-test-session-secret-0123456789abcdef'; // 40 characters
const ROOT = join(import.meta.dirname, '..');

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'spojnia-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI against `<tmp>/<db>.db`; each test names its own file unless it shares on purpose. */
async function cli(
  argv: string[],
  opts: { db?: string; stdin?: string | null; env?: Record<string, string | undefined> } = {},
): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const env = { DATABASE_URL: `sqlite:${join(dir, `${opts.db ?? 'x'}.db`)}`, SESSION_SECRET: SECRET, LOG_LEVEL: 'silent', ...opts.env };
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: opts.stdin ?? null,
    env,
  });
  return { code, stdout, stderr };
}

async function withDb<R>(db: string, fn: (handle: Awaited<ReturnType<typeof openDatabase>>) => Promise<R>): Promise<R> {
  const handle = await openDatabase(`sqlite:${join(dir, `${db}.db`)}`);
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

const STRONG = 'kolorowy latawiec nad Wisłą';

test('help lists every command with one line each and exits 0', async () => {
  for (const argv of [[], ['help'], ['--help']]) {
    const r = await cli(argv);
    assert.equal(r.code, 0);
    for (const name of [
      'serve',
      'migrate [up]',
      'migrate status',
      'seed reference',
      'seed demo',
      'user create',
      'backup',
      'backup verify',
      'restore',
      'stack',
      'help [COMMAND]',
    ]) {
      assert.match(r.stdout, new RegExp(`^  ${name.replace(/[[\]]/g, '\\$&')}\\s{2,}\\S`, 'm'), `${name} listed`);
    }
  }
  const usage = await cli(['user', 'create', '--help']);
  assert.equal(usage.code, 0);
  assert.match(usage.stdout, /--email E --role R/);
  assert.match(usage.stdout, /administrator, coordinator/);
  assert.deepEqual(await cli(['help', 'backup']), await cli(['backup', '--help']));
});

test('an unknown command or flag exits 1 with a message and changes nothing', async () => {
  const r = await cli(['frobnicate'], { db: 'unknown' });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /unknown command "frobnicate".*spojnia help/);
  const flag = await cli(['migrate', '--fast'], { db: 'unknown' });
  assert.equal(flag.code, 1);
  assert.match(flag.stderr, /Unknown option '--fast'/);
  const sub = await cli(['seed'], { db: 'unknown' });
  assert.equal(sub.code, 1);
  assert.match(sub.stderr, /needs a subcommand: "seed reference", "seed demo"/);
  assert.equal(existsSync(join(dir, 'unknown.db')), false);
});

test('a configuration error exits 1 listing the problem', async () => {
  const r = await cli(['migrate'], { env: { SESSION_SECRET: 'short', PORT: 'abc' } });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Invalid configuration/);
  assert.match(r.stderr, /SESSION_SECRET must be at least 32 characters/);
  assert.match(r.stderr, /PORT must be a number/);
});

test('migrate status does not migrate; migrate applies everything once; status then shows every one applied', async () => {
  const expected = MODULES.reduce((n, m) => n + Object.keys(m.migrations ?? {}).length, 0);
  assert.ok(expected > 0);

  const before = await cli(['migrate', 'status'], { db: 'migrate' });
  assert.equal(before.code, 0, before.stderr);
  assert.equal(before.stdout.match(/ pending$/gm)?.length, expected);
  assert.match(before.stdout, new RegExp(`^Migrations: 0 applied, ${expected} pending\\.$`, 'm'));

  const first = await cli(['migrate'], { db: 'migrate' });
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.stdout.match(/^applied {2}\S+$/gm)?.length, expected);
  assert.match(first.stdout, new RegExp(`^${expected} migrations applied\\.$`, 'm'));
  const again = await cli(['migrate', 'up'], { db: 'migrate' });
  assert.equal(again.code, 0);
  assert.match(again.stdout, /up to date/);

  const status = await cli(['migrate', 'status'], { db: 'migrate' });
  assert.equal(status.code, 0);
  assert.doesNotMatch(status.stdout, / pending$/m);
  assert.equal(status.stdout.match(/ \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/gm)?.length, expected);
  assert.match(status.stdout, new RegExp(`^Migrations: ${expected} applied, 0 pending\\.$`, 'm'));
});

test('seed reference is idempotent: the same counts, nothing new the second time', async () => {
  const first = await cli(['seed', 'reference'], { db: 'seed' });
  assert.equal(first.code, 0, first.stderr);
  const second = await cli(['seed', 'reference'], { db: 'seed' });
  assert.equal(second.code, 0, second.stderr);

  const withReference = MODULES.filter((m) => m.seedReference).map((m) => m.name);
  for (const name of withReference) {
    assert.match(first.stdout, new RegExp(`^${name}: `, 'm'), `${name} summary printed`);
    assert.match(first.stderr, new RegExp(`reference data: ${name} done in \\d+ ms`), `${name} progress on stderr`);
  }
  assert.match(first.stdout, /\([1-9]\d* new\)/, 'the first run loads something');
  const newCounts = [...second.stdout.matchAll(/\((\d+) new\)/g)].map((m) => m[1]);
  assert.ok(newCounts.length > 0);
  assert.ok(
    newCounts.every((n) => n === '0'),
    second.stdout,
  );
  // apart from the "new" figures the summaries are identical
  const shape = (s: string) => s.replace(/\(\d+ new\)/g, '(N new)').replace(/created|kept/g, 'X');
  assert.equal(shape(second.stdout), shape(first.stdout));
});

test('seed demo runs each module demo seed, or says that none exists', async () => {
  const r = await cli(['seed', 'demo'], { db: 'demo' });
  assert.equal(r.code, 0, r.stderr);
  if (MODULES.some((m) => m.seedDemo)) assert.doesNotMatch(r.stdout, /No module has demo data/);
  else assert.match(r.stdout, /No module has demo data yet; nothing was loaded\./);
});

test('user create with a password on stdin creates the account; a second time is refused', async () => {
  const r = await cli(['user', 'create', '--email', 'Admin@Rops.example.pl', '--role', 'administrator', '--name', 'Anna Nowak'], {
    db: 'users',
    stdin: `${STRONG}\n`,
  });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Created user Admin@Rops\.example\.pl .*administrator/);
  assert.doesNotMatch(r.stdout + r.stderr, new RegExp(STRONG), 'a supplied password is never echoed');

  await withDb('users', async ({ db }) => {
    const user = await db.selectFrom('users').selectAll().where('email_norm', '=', 'admin@rops.example.pl').executeTakeFirstOrThrow();
    assert.equal(user.display_name, 'Anna Nowak');
    assert.equal(await verifyPassword(user.password_hash!, STRONG), true);
    const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute();
    assert.deepEqual(
      roles.map((x) => x.role),
      ['administrator'],
    );
  });

  const again = await cli(['user', 'create', '--email', 'admin@rops.example.pl', '--role', 'editor'], {
    db: 'users',
    stdin: `${STRONG}\n`,
  });
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already exists/);
});

test('user create refuses a weak password, listing every problem, and creates nothing', async () => {
  const r = await cli(['user', 'create', '--email', 'weak@example.pl', '--role', 'editor'], { db: 'users', stdin: 'short\n' });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Invalid data/);
  assert.match(r.stderr, /^ {2}- The field “Password” must have at least 12 characters\.$/m);

  const common = await cli(['user', 'create', '--email', 'bad mail', '--role', 'editor'], {
    db: 'users',
    stdin: 'weak@example.pl-password\n',
  });
  assert.equal(common.code, 1);
  assert.match(common.stderr, /^ {2}- The field “E-mail address” must contain a valid e-mail address/m);

  await withDb('users', async ({ db }) => {
    const row = await db.selectFrom('users').select('id').where('email_norm', '=', 'weak@example.pl').executeTakeFirst();
    assert.equal(row, undefined);
  });
});

test('user create refuses an unknown role or missing flags with the list of roles', async () => {
  const bad = await cli(['user', 'create', '--email', 'x@example.pl', '--role', 'superuser'], { db: 'users', stdin: `${STRONG}\n` });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /unknown role "superuser"; valid roles: administrator, coordinator/);
  const none = await cli(['user', 'create', '--email', 'x@example.pl'], { db: 'users', stdin: `${STRONG}\n` });
  assert.equal(none.code, 1);
  assert.match(none.stderr, /at least one --role is required/);
  const noEmail = await cli(['user', 'create', '--role', 'editor'], { db: 'users', stdin: `${STRONG}\n` });
  assert.equal(noEmail.code, 1);
  assert.match(noEmail.stderr, /--email is required/);
});

test('without a piped password one is generated, printed exactly once, and works', async () => {
  const r = await cli(['user', 'create', '--email', 'gen@example.pl', '--role', 'coordinator', '--role', 'editor'], {
    db: 'users',
    stdin: null,
  });
  assert.equal(r.code, 0, r.stderr);
  const password = /Password \(shown only this once, store it now\): (\S+)$/m.exec(r.stdout)?.[1];
  assert.ok(password);
  assert.ok(password.length >= 24);
  assert.match(password, /^[A-Za-z0-9_-]+$/);
  assert.equal((r.stdout + r.stderr).split(password).length - 1, 1, 'printed once');

  await withDb('users', async ({ db }) => {
    const user = await db.selectFrom('users').selectAll().where('email_norm', '=', 'gen@example.pl').executeTakeFirstOrThrow();
    assert.equal(await verifyPassword(user.password_hash!, password), true);
    const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).orderBy('role').execute();
    assert.deepEqual(
      roles.map((x) => x.role),
      ['coordinator', 'editor'],
    );
  });
});

test('backup writes a file that opens and holds the users; an existing file needs --force', async () => {
  const created = await cli(['user', 'create', '--email', 'kopia@example.pl', '--role', 'administrator'], {
    db: 'backup',
    stdin: `${STRONG}\n`,
  });
  assert.equal(created.code, 0, created.stderr);

  const file = join(dir, 'copy.db');
  const r = await cli(['backup', '--to', file], { db: 'backup' });
  assert.equal(r.code, 0, r.stderr);
  // stderr is no terminal here: plain progress lines, the last one at 100 %
  assert.match(r.stderr, /^backup: \d[\d ]* \/ \d[\d ]* \(100%\)$/m);
  assert.ok(!r.stderr.includes('\r') && !r.stderr.includes('\u001b['), 'no bar drawn off a terminal');
  assert.match(r.stdout, /^Backup written to .*copy\.db \([\d.]+ [KMG]?i?B; \d+ tables, [1-9]\d* rows\) in [\d.]+ s\.$/m);
  // SESSION_SECRET is set: the note names the variable, not a file
  assert.match(r.stdout, /^Keep the value of SESSION_SECRET together with this copy: .*two-factor/m);

  const copy = new BetterSqlite3(file, { readonly: true });
  try {
    const row = copy.prepare('select email from users where email_norm = ?').get('kopia@example.pl') as { email: string } | undefined;
    assert.equal(row?.email, 'kopia@example.pl');
  } finally {
    copy.close();
  }

  const refused = await cli(['backup', '--to', file], { db: 'backup' });
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /already exists; use --force/);

  writeFileSync(file, 'not a database');
  // without SESSION_SECRET the secret lives in DATA_DIR/session-secret, and the note names that file
  const forced = await cli(['backup', '--to', file, '--force'], { db: 'backup', env: { SESSION_SECRET: undefined, DATA_DIR: dir } });
  assert.equal(forced.code, 0, forced.stderr);
  assert.ok(
    forced.stdout.includes(
      `Keep ${join(dir, 'session-secret')} together with this copy: the key that encrypts the two-factor (TOTP) secrets`,
    ),
    forced.stdout,
  );
  const reopened = new BetterSqlite3(file, { readonly: true });
  try {
    assert.equal((reopened.prepare('select count(*) as n from users').get() as { n: number }).n, 1);
  } finally {
    reopened.close();
  }

  const missingFolder = await cli(['backup', '--to', join(dir, 'no-such-folder', 'x.db')], { db: 'backup' });
  assert.equal(missingFolder.code, 1);
  assert.match(missingFolder.stderr, /does not exist/);
});

test('an unexpected failure exits 2 with the message and no stack trace', async () => {
  writeFileSync(join(dir, 'a-file'), '');
  const r = await cli(['migrate'], { env: { DATABASE_URL: `sqlite:${join(dir, 'a-file', 'x.db')}` } });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^Internal error: E[A-Z]+: .*a-file/m);
  assert.doesNotMatch(r.stderr, /^\s+at /m);
});

test('seed synthetic counts with plural forms and reports progress as plain lines off a terminal', async () => {
  const one = await cli(['seed', 'synthetic', '--count', '1', '--seed', '7'], { db: 'synthetic' });
  assert.equal(one.code, 0, one.stderr);
  assert.match(one.stdout, /^1 synthetic entity added in [\d.]+ s\.$/m);
  assert.match(one.stderr, /^synthetic entities: 1 \/ 1 \(100%\)$/m);
  const three = await cli(['seed', 'synthetic', '--count', '3', '--seed', '8'], { db: 'synthetic' });
  assert.equal(three.code, 0, three.stderr);
  assert.match(three.stdout, /^3 synthetic entities added in [\d.]+ s\.$/m);
  const bad = await cli(['seed', 'synthetic', '--count', 'many'], { db: 'synthetic' });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /--count must be a whole number/);
});

test('--version and -V print the version of package.json and of Node.js, exit 0 and open no database', async () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  // a configuration that would be refused: --version must not even read it
  for (const flag of ['--version', '-V']) {
    const r = await cli([flag], { db: 'version', env: { SESSION_SECRET: 'short', PORT: 'x' } });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `spojnia ${version} (Node.js ${process.version})\n`);
    assert.equal(r.stderr, '');
  }
  assert.equal(existsSync(join(dir, 'version.db')), false);
});

test('the real executable (the bundle dist/cli.js, built first when the sources are newer) answers --version and --help', () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  // no DATABASE_URL or SESSION_SECRET in the child's environment: neither command looks at them
  const env = {};
  const v = spawnSync(process.execPath, ['bin/spojnia.mjs', '--version'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env });
  assert.equal(v.status, 0, v.stderr);
  assert.equal(v.stdout, `spojnia ${version} (Node.js ${process.version})\n`);
  assert.doesNotMatch(v.stderr, /from the TypeScript sources/, 'the bundle ran');
  assert.ok(existsSync(join(ROOT, 'dist', 'cli.js')));
  const r = spawnSync(process.execPath, ['bin/spojnia.mjs', '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, env });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '', 'the bundle was current: not built again');
  assert.match(r.stdout, /^ {2}user create\s/m);
  assert.match(r.stdout, /^ {2}--version, -V\s/m);
});

test('stack translates positions in a bundle from stdin or a file and names a bundle whose map is missing', async () => {
  const bundle = join(dir, 'stack-dist', 'thrower.js');
  const files = { 'stack-src/thrower.ts': ['// throws', 'export const answer: number = 42;', 'throw new Error(`no ${answer}`);'] };
  const trace = await bundledStack(dir, files, 'stack-src/thrower.ts', bundle);
  const line = /at .*thrower\.js:\d+:\d+/.exec(trace)?.[0];
  assert.ok(line, trace);
  const logged = `${JSON.stringify({ level: 50, msg: 'request failed', err: { stack: `Error: no 42\n    ${line}` } })}\n`;
  const piped = await cli(['stack'], { stdin: logged });
  assert.equal(piped.code, 0, piped.stderr);
  assert.match(piped.stdout, /stack-src\/thrower\.ts:3:7/);
  assert.match(piped.stderr, /^1 position\(s\) translated\.$/m);
  writeFileSync(join(dir, 'journal.txt'), logged);
  assert.deepEqual(await cli(['stack', join(dir, 'journal.txt')]), piped);

  const missing = await cli(['stack'], { stdin: '    at f (/srv/elsewhere/dist/gone.js:1:2)\n' });
  assert.equal(missing.code, 0);
  assert.equal(missing.stdout, '    at f (/srv/elsewhere/dist/gone.js:1:2)\n');
  assert.match(missing.stderr, /No source map found for \/srv\/elsewhere\/dist\/gone\.js/);
  assert.equal((await cli(['stack'], { stdin: null })).code, 1, 'nothing to read is a usage mistake');
});
