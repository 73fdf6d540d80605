// What every durability test needs: the production bundle built once into a folder of its own,
// throw-away databases (a SQLite file in a temporary folder, or a fresh database on the PostgreSQL
// server named by TEST_DATABASE_URL), and the bundle started as a real process on a free port,
// stopped with a signal the way an orchestrator stops it. Nothing here talks to the application's
// internals: the tests see only what an operator or a visitor would see.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../scripts/build.mjs';
import { throwAwayPostgresDatabase } from '../src/core/db/testing.js';

export const ROOT = join(import.meta.dirname, '..');
export const SESSION_SECRET = 'durability-session-secret-0123456789abcdef';

let bundle: Promise<string> | null = null;
const bundleDir = join(ROOT, 'dist', `durability-${process.pid}`);

/** The bundle (`npm run build`'s dist/main.js), built once per test process into its own folder. */
export function productionBundle(): Promise<string> {
  bundle ??= buildServer(join(bundleDir, 'main.js'));
  return bundle;
}

export function removeBundle(): void {
  rmSync(bundleDir, { recursive: true, force: true });
}

export type Kind = 'sqlite' | 'postgres';

export interface ScratchDatabase {
  kind: Kind;
  url: string;
  /** Folder for the SQLite file, backups and the instances' DATA_DIR. */
  dir: string;
  /** Removes the folder and, on PostgreSQL, drops the database. */
  dispose(): Promise<void>;
}

/** The PostgreSQL server of the durability run, or null when TEST_DATABASE_URL is not set. */
export function postgresServerUrl(env: Record<string, string | undefined> = process.env): string | null {
  return env.TEST_DATABASE_URL || null;
}

/** The databases a durability test runs on: SQLite always, PostgreSQL when the run names a server. */
export function kinds(): Kind[] {
  return postgresServerUrl() ? ['sqlite', 'postgres'] : ['sqlite'];
}

export async function scratchDatabase(kind: Kind): Promise<ScratchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), `spojnia-durability-${kind}-`));
  if (kind === 'sqlite') {
    return { kind, url: `sqlite:${join(dir, 'spojnia.db')}`, dir, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = postgresServerUrl();
  if (!server) throw new Error('TEST_DATABASE_URL is not set');
  const db = await throwAwayPostgresDatabase(server);
  return {
    kind,
    url: db.url,
    dir,
    async dispose() {
      rmSync(dir, { recursive: true, force: true });
      await db.drop();
    },
  };
}

/** A TCP port free right now (the bundle takes its port from PORT). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface Instance {
  port: number;
  base: string;
  child: ChildProcess;
  /** Everything the process wrote (pino JSON lines and plain messages). */
  output(): string;
  /** Resolves with the exit code (null when ended by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then the exit code; the caller measures how long it took. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL: no chance to flush or close anything. */
  kill(): Promise<void>;
}

export interface StartOptions {
  databaseUrl: string;
  dataDir: string;
  env?: Record<string, string>;
  /** How long to wait for /readyz (default 60 s: the first start migrates and loads reference data). */
  readyWithinMs?: number;
}

/** Starts the production bundle and resolves once `/readyz` answers 200. */
export async function startInstance(opts: StartOptions): Promise<Instance> {
  const entry = await productionBundle();
  const port = await freePort();
  const child = spawn(process.execPath, ['--enable-source-maps', entry], {
    cwd: opts.dataDir,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      DATABASE_URL: opts.databaseUrl,
      DATA_DIR: opts.dataDir,
      SESSION_SECRET,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      PAGE_CACHE_MS: '0',
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let gone = false;
  void exited.then(() => (gone = true));
  const base = `http://127.0.0.1:${port}`;
  const began = performance.now();
  for (;;) {
    if (gone) throw new Error(`the server exited before it was ready:\n${text}`);
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (performance.now() - began > (opts.readyWithinMs ?? 60_000)) {
      child.kill('SIGKILL');
      throw new Error(`the server was not ready within ${opts.readyWithinMs ?? 60_000} ms:\n${text}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    port,
    base,
    child,
    output: () => text,
    exited,
    async stop() {
      if (!gone) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Seconds with one decimal, for the printed figures. */
export function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

/** The marker `npm run test:durability` collects into its closing summary. */
export const FIGURES = 'durability figures:';

/** Prints one line of figures (the runner repeats every such line at the end). */
export function report(line: string): void {
  console.log(`${FIGURES} ${line}`);
}
