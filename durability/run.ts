// `npm run test:durability`: the tests that crash, stop, restore and scale the real production
// process (durability/*.test.ts), on SQLite and, when TEST_DATABASE_URL names a PostgreSQL server,
// on PostgreSQL too. Slower than `npm test` and kept out of it; `.ci/run` runs it as its own timed
// phase. Each test prints its figures (iterations, acknowledged writes, lost, corrupt, invariant
// violations…); they are repeated together at the end, and the exit code is non-zero on any failure.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { testSettings } from '../src/config.js';
import { FIGURES, ROOT } from './support.js';

const settings = testSettings();
const only = process.argv.slice(2);
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.test.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
  .map((f) => relative(ROOT, join(import.meta.dirname, f)));

if (!process.env.TEST_DATABASE_URL) {
  if (settings.ci) {
    console.error('durability: TEST_DATABASE_URL is not set (required with CI=true)');
    process.exit(1);
  }
  console.log('○ PostgreSQL part skipped: set TEST_DATABASE_URL=postgres://… to run it');
}

const started = performance.now();
const figures: string[] = [];
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'inherit'],
  // the durability tests choose their databases themselves (SQLite always, PostgreSQL when named)
  env: { ...process.env, TEST_DIALECT: '' },
});
let pending = '';
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  pending += chunk.toString();
  const lines = pending.split('\n');
  pending = lines.pop()!;
  for (const line of lines) {
    const at = line.indexOf(FIGURES);
    if (at >= 0) figures.push(line.slice(at + FIGURES.length).trim());
  }
});
const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
console.log(`\n── durability figures (${((performance.now() - started) / 1000).toFixed(0)} s) ──`);
for (const line of figures) console.log(`  ${line}`);
console.log(code === 0 ? 'durability: all passed' : `durability: FAILED (exit ${code})`);
process.exit(code);
