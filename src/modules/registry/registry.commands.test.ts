// `spojnia import podmioty FILE [--dry-run] [--map header=field]`, run as the real executable
// against a SQLite file in a temporary folder: exit codes (0 every row valid, 1 rows refused,
// 2 usage mistakes), the refused rows printed with their row numbers, a dry run saving nothing,
// windows-1250 input, --map, and progress on stderr.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import iconv from 'iconv-lite';
import { openDatabase } from '../../core/db/database.js';
import { validNip, validRegon } from './data-quality/import.testing.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'spojnia-cli-import-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function spojnia(args: string[]) {
  // only what the command needs: the child must not pick up the developer's DATABASE_URL
  const env = {
    DATABASE_URL: `sqlite:${join(dir, 'cli.db')}`,
    SESSION_SECRET: 'cli-import-test-session-secret-0123456789',
    LOG_LEVEL: 'silent',
  };
  const r = spawnSync(process.execPath, ['bin/spojnia.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function names(): Promise<string[]> {
  const db = await openDatabase(`sqlite:${join(dir, 'cli.db')}`);
  try {
    return (await db.db.selectFrom('entities').select('name').orderBy('name').execute()).map((r) => r.name);
  } finally {
    await db.close();
  }
}

const BAD = [
  'nazwa,nip,teryt',
  `Fundacja Pierwsza,${validNip('30000001')},0463011`,
  'Fundacja Druga,1234567890,0463011',
  ',,0463011',
  'Fundacja Trzecia,,9999999',
].join('\n');

test('a dry run with refused rows exits 1, lists each refused row and saves nothing', () => {
  const r = spojnia(['import', 'podmioty', file('zle.csv', BAD), '--dry-run']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^row 3 \(nip\): Invalid NIP “1234567890”/m);
  assert.match(r.stdout, /^row 4 \(name\): The name is missing\./m);
  assert.match(r.stdout, /^row 5 \(gmina_teryt\): The code “9999999” is not a gmina/m);
  assert.match(r.stdout, /zle\.csv: 4 rows, 1 valid, 3 refused; dry run, nothing saved\./);
  assert.match(r.stderr, /^checking: 4 \/ 4 \(100%\)$/m, 'plain progress lines when stderr is not a terminal');
});

test('without --dry-run the valid rows are imported and the exit code still says rows were refused', async () => {
  assert.deepEqual(await names(), []);
  const r = spojnia(['import', 'podmioty', join(dir, 'zle.csv')]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /4 rows, 1 valid, 3 refused; 1 imported\./);
  assert.deepEqual(await names(), ['Fundacja Pierwsza']);
});

test('a windows-1250 file with --map for an unknown header imports everything and exits 0', async () => {
  const text = [
    'Nazwa organizacji;Kod gminy;REGON;Forma',
    `Stowarzyszenie Łączy Nas;0419043;${validRegon('34000001')};stowarzyszenie`,
    'Spółdzielnia Socjalna Żuraw;0463011;;spółdzielnia socjalna',
  ].join('\r\n');
  const path = file('win.csv', iconv.encode(text, 'win1250'));
  const r = spojnia(['import', 'podmioty', path, '--map', 'Forma=legal_form']);
  assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /2 rows, 2 valid, 0 refused; 2 imported\./);
  assert.deepEqual(await names(), ['Fundacja Pierwsza', 'Spółdzielnia Socjalna Żuraw', 'Stowarzyszenie Łączy Nas']);
});

test('usage mistakes exit 2: no file, a missing file, a bad --map, a --map naming no header', () => {
  const none = spojnia(['import', 'podmioty']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /give exactly one FILE/);
  const missing = spojnia(['import', 'podmioty', join(dir, 'nie-ma.csv')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nie-ma\.csv: no such file/);
  const badMap = spojnia(['import', 'podmioty', join(dir, 'zle.csv'), '--map', 'nazwa=kolor']);
  assert.equal(badMap.code, 2);
  assert.match(badMap.stderr, /unknown field "kolor"/);
  const noHeader = spojnia(['import', 'podmioty', join(dir, 'zle.csv'), '--map', 'Kolor=name', '--dry-run']);
  assert.equal(noHeader.code, 2);
  assert.match(noHeader.stderr, /--map names "kolor", not a header of the file/);
  const help = spojnia(['import', 'podmioty', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Fields: name, short_name, legal_form/);
});
