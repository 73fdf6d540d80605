// `npm start` runs the server from the esbuild bundle (ADR 8), not from these sources through
// tsx, so the bundle itself is tested here: built into a folder of its own inside the project,
// started as a real process on an empty SQLite file, it must migrate, load the reference data
// (paths from the project root, not from the bundle's folder), serve pages, assets and the API,
// and stop with exit code 0 on SIGTERM.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildServer, SERVER_NODE_FLAGS } from '../scripts/build.mjs';

const ROOT = join(import.meta.dirname, '..');
const out = join(ROOT, 'dist', `test-${process.pid}`);
const dataDir = mkdtempSync(join(tmpdir(), 'spojnia-bundle-'));
after(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

test('the bundled server starts on an empty database, serves the site and stops on SIGTERM', async () => {
  const entry = await buildServer(join(out, 'main.js'));
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, entry], {
    cwd: dataDir,
    env: {
      DATABASE_URL: `sqlite:${join(dataDir, 'fresh.db')}`,
      SESSION_SECRET: 'bundle-test-session-secret-0123456789abc',
      PORT: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    // the one-time set-up link carries the public URL; the port is in the "listening" log line
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "listening" line within 60 s:\n${output}`)), 60_000);
      const look = () => {
        const m = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (m && /setup\?token=/.test(output)) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      child.stdout.on('data', look);
      child.stderr.on('data', look);
      void exited.then((code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
    });
    const get = async (path: string) => {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
    };
    const home = await get('/');
    assert.equal(home.status, 200);
    assert.match(home.body, /<html lang="pl"/);
    const css = await get('/assets/css/site.css');
    assert.equal(css.status, 200, 'public/ is found from the bundle');
    assert.match(css.type, /text\/css/);
    // 144 gminy on the map: the TERYT reference data was read from data/reference/
    const territory = await get('/terytorium');
    assert.equal(territory.status, 200);
    assert.equal((territory.body.match(/class="territory-map__unit"/g) ?? []).length, 144);
    const api = await get('/api/v1/podmioty');
    assert.equal(api.status, 200);
    assert.match(api.type, /application\/json/);
    // a validated query string (schemas compile on first use): a bad value is a 400, not a 500
    const bad = await get('/api/v1/podmioty?strona=abc');
    assert.equal(bad.status, 400, bad.body);
    assert.equal((await get('/readyz')).status, 200);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0, output);
});

test('npm start and the systemd unit start the server with exactly the flags of SERVER_NODE_FLAGS', () => {
  const flags = SERVER_NODE_FLAGS.join(' ');
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  assert.equal(manifest.scripts.start, `node scripts/build.mjs && node ${flags} dist/main.js serve`);
  const unit = readFileSync(join(ROOT, 'deploy', 'systemd', 'spojnia@.service'), 'utf8');
  assert.match(unit, new RegExp(`^ExecStart=/usr/bin/node ${flags} /opt/spojnia/current/dist/main\\.js$`, 'm'));
  assert.ok(!SERVER_NODE_FLAGS.includes('--enable-source-maps'), 'source maps cost ~45 MB of heap (ADR 8)');
});
