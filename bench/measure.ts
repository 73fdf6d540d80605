// How the benchmark measures a row: the server process's own CPU time per request over a
// sequential pass (read from /proc, so it counts every thread of the process — the main thread,
// the garbage collector's helpers — and nothing of the load generator), the bytes of the answers,
// the SQL statements per request (counted in an in-process copy of the application on the same
// database, through the handle's statement counter), the event loop's longest block while pages
// are rendered there, and throughput and latency at 50 connections (autocannon).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../src/core/db/database.js';

export interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Cannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  /** `setupRequest` builds each request anew from the default one (method, headers) before it goes out. */
  requests?: { setupRequest: (request: Record<string, unknown>) => Record<string, unknown> }[];
  headers?: Record<string, string>;
  timeout?: number;
}) => Promise<CannonResult>;
// autocannon ships no type declarations; only what is used here is typed
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

export const CONNECTIONS = 50;
export const DURATION_S = 5;

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** User + system CPU time of a process so far, in ms (all its threads). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // the command name may hold spaces: the fields are counted after its closing parenthesis
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** Waits until the process has been idle (by default under 2 % of a CPU) for half a second, at most 60 s. */
export async function quiesce(pid: number, maxMsPerHalfSecond = 10): Promise<void> {
  const until = performance.now() + 60_000;
  while (performance.now() < until) {
    const before = processCpuMs(pid);
    await new Promise((r) => setTimeout(r, 500));
    if (processCpuMs(pid) - before <= maxMsPerHalfSecond) return;
  }
  throw new Error(`process ${pid} did not become idle within 60 s`);
}

export interface Sequential {
  requests: number;
  cpuMsPerRequest: number;
  bytesPerRequest: number;
}

/**
 * A major collection comes every 300–500 page views (35–45 ms of marking), so a pass of 200
 * requests landed on one or none and read anything from 1.10 to 1.75 ms for the same home page in
 * one process (2026-12-08); over 1,000 it averages two or three of them, as a serving process does.
 */
const REPEATED_REQUESTS = 1000;

/**
 * Each path once, one after the other (keep-alive): the server's CPU time divided by the
 * number of requests. Paths that must be first-time requests (a new search text) are given
 * once; a short list is repeated until the process has spent enough CPU to be read (the
 * kernel counts in 10 ms ticks) — `repeat: false` forbids that. A repeated list is first asked
 * `warmup` times unmeasured (default 200): the same pages come again anyway, so the warm-up changes no
 * cached data the pass would find, only that the code is compiled, as in a process that has served
 * for a while (the first row measured after start-up would otherwise pay for V8's compiling alone).
 * A repeated list is then measured over at least REPEATED_REQUESTS requests.
 */
export async function sequentialPass(
  base: string,
  pid: number,
  paths: readonly string[],
  opts: { headers?: Record<string, string>; repeat?: boolean; minRequests?: number; warmup?: number } = {},
): Promise<Sequential> {
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers: opts.headers ?? {}, redirect: 'manual' });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    return body.byteLength;
  };
  if (opts.repeat !== false) for (let i = 0; i < (opts.warmup ?? 200); i += 1) await get(paths[i % paths.length]!);
  await quiesce(pid);
  const before = processCpuMs(pid);
  let bytes = 0;
  let n = 0;
  const min = opts.repeat === false ? paths.length : Math.max(opts.minRequests ?? REPEATED_REQUESTS, paths.length);
  for (let i = 0; i < min; i += 1) {
    bytes += await get(paths[i % paths.length]!);
    n += 1;
  }
  const cpu = processCpuMs(pid) - before;
  return { requests: n, cpuMsPerRequest: cpu / n, bytesPerRequest: bytes / n };
}

/**
 * Throughput and latency at 50 connections over the paths, after a one-second warm-up. The
 * connections take the paths in turn from one list, each request the next path (autocannon's
 * `setupRequest`), so every request asks for something the server has not answered yet until the
 * list runs out, as distinct visitors do. Given the list itself, autocannon walks it from its first
 * path on every connection: 50 connections asked for the same text at the same moment, and 49 of
 * them found it counted already; and it built every path's request for every connection before its
 * first request went out (100,000 requests for 2,000 entity pages), which the first answer on each
 * connection counted as latency: 0.8 s for 2,000 paths, 1.7 s for 4,000, even for `/healthz`; for a
 * page of a few ms those 50 answers were the p99 of a 5-second run (2026-12-08).
 */
export async function loadTest(
  base: string,
  paths: readonly string[],
  headers: Record<string, string> = {},
  connections = CONNECTIONS,
): Promise<CannonResult> {
  let next = 0;
  const requests = [{ setupRequest: (request: Record<string, unknown>) => ({ ...request, path: paths[next++ % paths.length]! }) }];
  await autocannon({ url: base, requests, headers, connections: Math.min(10, connections), duration: 1 });
  return autocannon({ url: base, requests, headers, connections, duration: DURATION_S, timeout: 10 });
}

/**
 * The same load spread over several instances of the application at once (half the connections
 * each for two): requests per second add up, the latency reported is the worst instance's.
 */
export async function loadInstances(bases: readonly string[], paths: readonly string[]): Promise<CannonResult> {
  const per = Math.ceil(CONNECTIONS / bases.length);
  // each instance gets its own share of the paths, so a search text is new to the one answering it
  const share = (i: number) => (paths.length < bases.length ? paths : paths.filter((_, j) => j % bases.length === i));
  const results = await Promise.all(bases.map((base, i) => loadTest(base, share(i), {}, per)));
  return {
    requests: { average: results.reduce((n, r) => n + r.requests.average, 0) },
    latency: { p50: Math.max(...results.map((r) => r.latency.p50)), p99: Math.max(...results.map((r) => r.latency.p99)) },
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    errors: results.reduce((n, r) => n + r.errors, 0),
    timeouts: results.reduce((n, r) => n + r.timeouts, 0),
  };
}

export interface Statements {
  mean: number;
  max: number;
  /** The event loop's longest block while these requests were rendered one after another, ms. */
  loopMaxMs: number;
  loopP99Ms: number;
}

/**
 * SQL statements per request of the in-process application (page copy off) on the same database,
 * each path once, one after the other; the event loop's delay is sampled every millisecond
 * meanwhile, so a statement or a render that holds the loop shows as its longest delay.
 */
export async function statementsPerRequest(
  app: FastifyInstance,
  handle: Pick<DatabaseHandle, 'statements'>,
  paths: readonly string[],
  warmPaths: readonly string[],
  headers: Record<string, string> = {},
): Promise<Statements> {
  const counts: number[] = [];
  // per-process caches (territory names, the vocabulary) fill on a first request: warm them on
  // other pages of the row, so the count is that of a page view, not of a process's first
  for (const url of warmPaths) {
    const warm = await app.inject({ url, headers });
    if (warm.statusCode !== 200) throw new Error(`${url} answered ${warm.statusCode} in process`);
  }
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  for (const url of paths) {
    // an injected request never waits for I/O (the SQLite driver is synchronous), so without this
    // turn of the loop the delay timer would never run; with it, its lateness is the request's block
    await new Promise((r) => setImmediate(r));
    const before = handle.statements();
    const res = await app.inject({ url, headers });
    counts.push(handle.statements() - before);
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode} in process`);
  }
  await new Promise((r) => setTimeout(r, 5));
  loop.disable();
  return {
    mean: counts.reduce((a, b) => a + b, 0) / counts.length,
    max: Math.max(...counts),
    loopMaxMs: loop.max / 1e6,
    loopP99Ms: loop.percentile(99) / 1e6,
  };
}
