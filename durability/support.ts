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
import { buildServer, SERVER_NODE_FLAGS } from '../scripts/build.mjs';
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
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, entry], {
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
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
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

// --- an SMTP server that records what it accepts ------------------------------------------------

export interface SinkMail {
  messageId: string;
  to: string[];
  subject: string;
  raw: string;
}

export interface SmtpSink {
  url: string;
  received: SinkMail[];
  /**
   * Called when a message has fully arrived, before the server answers it; the answer (250, the
   * acceptance) is sent when the returned promise settles.
   */
  beforeAccept: ((mail: SinkMail) => void | Promise<void>) | null;
  close(): Promise<void>;
}

/** A real SMTP server (the `smtp-server` package) on a free port. */
export async function smtpSink(): Promise<SmtpSink> {
  const { SMTPServer } = await import('smtp-server');
  const sink: SmtpSink = { url: '', received: [], beforeAccept: null, close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
        const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
        const mail: SinkMail = {
          messageId: header('Message-ID'),
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: header('Subject'),
          raw,
        };
        void Promise.resolve(sink.beforeAccept?.(mail)).finally(() => {
          sink.received.push(mail);
          callback();
        });
      });
    },
  });
  // an instance killed mid-conversation resets its SMTP connection: expected here, and without a
  // listener the server's 'error' event would be an uncaught exception failing whichever test runs
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') console.error(`smtp sink: ${err.message}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

// --- a visitor filling in a form ------------------------------------------------------------------

/** Every `<input type="hidden">` inside the first `<form method="post">` of a page (CSRF token, one-time keys). */
export function hiddenFields(html: string): Record<string, string> {
  const form = /<form[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(html)?.[1] ?? '';
  const out: Record<string, string> = {};
  for (const tag of form.match(/<input\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];
    if (attr('type')?.toLowerCase() !== 'hidden') continue;
    const name = attr('name');
    if (name)
      out[name] = (attr('value') ?? '')
        .replaceAll('&amp;', '&')
        .replaceAll('&quot;', '"')
        .replaceAll('&#39;', "'")
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>');
  }
  return out;
}

export interface PreparedPost {
  url: string;
  cookie: string;
  body: string;
  /** The address the request claims to come from (X-Forwarded-For; the instance trusts 127.0.0.1). */
  ip: string;
  /** The form carries a one-time key besides the CSRF token, so sending it again must not store it twice. */
  resendable: boolean;
}

/** GET the form page as a new visitor (own cookie), then build the POST a browser would send. */
export async function prepareForm(
  base: string,
  formPath: string,
  postPath: string,
  fields: Record<string, string>,
  ip: string,
): Promise<PreparedPost> {
  const res = await fetch(`${base}${formPath}`, { headers: { 'x-forwarded-for': ip }, signal: AbortSignal.timeout(15_000) });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`GET ${formPath}: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  const hidden = hiddenFields(html);
  return {
    url: `${base}${postPath}`,
    cookie,
    body: new URLSearchParams({ ...hidden, ...fields }).toString(),
    ip,
    resendable: Object.keys(hidden).some((k) => k !== '_csrf'),
  };
}

/** Sends a prepared POST; resolves with the status (no redirect followed) or the network error. */
export async function submit(post: PreparedPost, base?: string): Promise<{ status?: number; error?: string }> {
  const url = base ? post.url.replace(/^http:\/\/[^/]+/, base) : post.url;
  try {
    const res = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: post.cookie, 'x-forwarded-for': post.ip },
      body: post.body,
      signal: AbortSignal.timeout(15_000),
    });
    await res.arrayBuffer();
    return { status: res.status };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    return { error: cause?.code ?? (err instanceof Error ? err.name : String(err)) };
  }
}

/** A random documentation-range address, so per-address limits see many visitors. */
export function randomIp(): string {
  const n = Math.floor(Math.random() * 65_000);
  return `10.${Math.floor(n / 250) % 250}.${n % 250}.${1 + Math.floor(Math.random() * 250)}`;
}

// --- a person's browser, across instances ----------------------------------------------------------

export interface Answer {
  status: number;
  headers: Headers;
  body: Buffer;
  text: string;
}

/**
 * One person's browser: its own address (sent as X-Forwarded-For; the instances trust 127.0.0.1),
 * its cookies kept between requests whichever instance answers, redirects not followed (the test
 * reads the 303 and its Location). Addresses are absolute, so one visitor may alternate instances.
 */
export class Visitor {
  readonly cookies = new Map<string, string>();

  constructor(readonly ip: string = randomIp()) {}

  async request(
    url: string,
    init: { method?: string; body?: string | Buffer; contentType?: string; headers?: Record<string, string>; timeoutMs?: number } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.ip, ...init.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.contentType) headers['content-type'] = init.contentType;
    const body = typeof init.body === 'string' || init.body === undefined ? init.body : new Uint8Array(init.body);
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(init.timeoutMs ?? 15_000),
    });
    for (const cookie of res.headers.getSetCookie()) {
      const pair = cookie.split(';')[0]!;
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /max-age=0\b|expires=thu, 01 jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const answer = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, body: answer, text: answer.toString('utf8') };
  }

  get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
    return this.request(url, { headers });
  }

  /** A form POST (urlencoded), as a browser sends it. */
  post(url: string, fields: Record<string, string>, timeoutMs?: number): Promise<Answer> {
    return this.request(url, {
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      contentType: 'application/x-www-form-urlencoded',
      ...(timeoutMs ? { timeoutMs } : {}),
    });
  }
}
