// `npm run bench`: throughput and render-time targets, measured on this machine against raw
// baselines so the figures mean something anywhere. A temporary SQLite database is migrated,
// loaded with the reference data and 100,000 synthetic entities. The application runs as in
// production — the bundle `npm start` runs (ADR 8), as a process of its own — and
// bench/server.ts serves three raw baselines from another: a fixed 5 KB HTML string (S), one
// indexed query rendered as 20 rows (Q), one unranked FTS5 query rendered the same way (F);
// autocannon loads each target (127.0.0.1 only, bounded in time). The pages are loaded twice:
// with the production settings (anonymous visitors get a few seconds' copy, ADR 7 — the targets)
// and with that copy off (PAGE_CACHE_MS=0, every request rendered — shown for context, so the
// cost of rendering stays visible). Cold start (spawn to /readyz answering 200) and the
// resident set after the run are read from the production process; the map page's render time
// and the event-loop block of one ranked search are measured directly. The table goes to stdout
// and bench/results/latest.md; the exit code is 1 when a target is missed. Other modules add
// their rows to TARGETS (throughput) or CHECKS (anything measured directly).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { renderDocument } from '../src/core/http/render.js';
import { buildApp } from '../src/app.js';
import { prepare } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { formatters, translator } from '../src/i18n/index.js';
import { buildMapPage } from '../src/modules/territory/territory.testing.js';
import { seedSynthetic } from '../src/modules/registry/index.js';
import { entityPath } from '../src/modules/registry/index.js';
import { listEntities } from '../src/modules/registry/registry.testing.js';
import { queryTerms } from '../src/core/search/index.js';
import type { PageContext } from '../src/core/ui/context.js';
import { buildServer } from '../scripts/build.mjs';
import { importCheck } from './import.js';

interface CannonResult {
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
  pipelining?: number;
  requests?: { path: string }[];
  timeout?: number;
}) => Promise<CannonResult>;
// autocannon ships no type declarations; only what is used here is typed
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

/**
 * Throughput targets; `minRatio` is the share of the named baseline's req/s the target must
 * reach, `maxP99` the 99th percentile latency it must stay under. `paths` (several) are requested
 * in turn, e.g. a mix of search words; `{entity}` is replaced by a real entity page.
 */
interface Target {
  name: string;
  /** `app` is the production process; `rendered` the same with the page copy off. */
  server: 'baseline' | 'secured' | 'app' | 'rendered';
  paths: string[];
  /** Which baseline this row is (S, Q, F), or which one its ratio is taken against. */
  is?: Baseline;
  against?: Baseline;
  minRatio?: number;
  maxP99?: number;
}
type Baseline = 'S' | 'Q' | 'F';

/** A realistic query mix: very common words (legal forms), towns, sectors, two-word and rare queries. */
const SEARCH_MIX = [
  'fundacja',
  'spółdzielnia',
  'stowarzyszenie',
  'spółdzielnia socjalna toruń',
  'fundacji bydgoszcz',
  'koło gospodyń',
  'gastronomia',
  'usługi opiekuńcze grudziądz',
  'zielony most',
  'catering inowrocław',
  'turystyka',
  'xyzzy',
];

const TARGETS: Target[] = [
  { name: 'S: raw Fastify, fixed 5 KB HTML', server: 'baseline', paths: ['/'], is: 'S' },
  { name: 'Q: raw indexed SQLite query, 20 rows', server: 'baseline', paths: ['/q'], is: 'Q' },
  {
    name: 'F: raw unranked FTS5 query, 20 rows (search mix)',
    server: 'baseline',
    paths: SEARCH_MIX.map((q) => `/f?q=${encodeURIComponent(queryTerms(q).join(' '))}`),
    is: 'F',
  },
  { name: 'S behind the security plugins (context)', server: 'secured', paths: ['/'] },
  { name: 'home page /', server: 'app', paths: ['/'], against: 'S', minRatio: 0.4 },
  {
    name: 'catalogue, two facets /podmioty?forma&powiat',
    server: 'app',
    paths: ['/podmioty?forma=fundacja&powiat=0461'],
    against: 'Q',
    minRatio: 0.5,
    maxP99: 100,
  },
  {
    name: 'catalogue search, query mix incl. common words',
    server: 'app',
    paths: SEARCH_MIX.map((q) => `/podmioty?q=${encodeURIComponent(q)}`),
    against: 'F',
    minRatio: 0.4,
    maxP99: 200,
  },
  { name: 'entity profile /podmioty/{id}-{slug}', server: 'app', paths: ['{entity}'], against: 'Q', minRatio: 0.5 },
  { name: 'entity map /podmioty/mapa?forma=fundacja', server: 'app', paths: ['/podmioty/mapa?forma=fundacja'] },
  { name: 'territory map /terytorium', server: 'app', paths: ['/terytorium'] },
  { name: 'rendered every time: home page', server: 'rendered', paths: ['/'] },
  { name: 'rendered every time: catalogue, two facets', server: 'rendered', paths: ['/podmioty?forma=fundacja&powiat=0461'] },
  {
    name: 'rendered every time: catalogue search mix',
    server: 'rendered',
    paths: SEARCH_MIX.map((q) => `/podmioty?q=${encodeURIComponent(q)}`),
  },
  { name: 'rendered every time: entity profile', server: 'rendered', paths: ['{entity}'] },
  { name: 'rendered every time: entity map', server: 'rendered', paths: ['/podmioty/mapa?forma=fundacja'] },
];

const SYNTHETIC_COUNT = 100_000;

interface Check {
  name: string;
  value: number;
  unit: string;
  limit: number;
  ok: boolean;
}

const CONNECTIONS = 50;
const DURATION_S = 5;
const RENDER_RUNS = 50;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

async function startBaselines(databaseUrl: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'server.ts'), databaseUrl], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const ports = JSON.parse(line) as { baseline: number; secured: number };
  return { ports, stop: () => child.kill('SIGTERM') };
}

/** A port free right now (the production process takes its port from the environment). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The production process (`node dist/main.js`, what `npm start` runs), on the bench database.
 * `readyMs` is the cold start: from spawn until /readyz answers 200, polled every 10 ms.
 */
async function startApp(bundle: string, databaseUrl: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const began = performance.now();
  const child = spawn(process.execPath, ['--enable-source-maps', bundle], {
    env: {
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: 'bench-session-secret-0123456789abcdefghij',
      LOG_LEVEL: 'silent',
      PORT: String(port),
      RATE_LIMIT_PER_MINUTE: '1000000000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error('the application process exited before it was ready');
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (performance.now() - began > 60_000) throw new Error('the application was not ready within 60 s');
    await new Promise((r) => setTimeout(r, 10));
  }
  const readyMs = Math.round(performance.now() - began);
  /** The resident set of the process (Linux /proc), in MB. */
  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? Number.NaN) / 1024;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { port, readyMs, rssMb, stop };
}

/** Loads one target: a sequential pass, a short warm-up, then the measured run. */
async function load(base: string, paths: string[]): Promise<CannonResult> {
  // one sequential pass first: per-process caches (facet counts, names, boundaries) fill as they
  // would under steady traffic, then a short warm-up under load
  for (const path of paths) await fetch(`${base}${path}`).then((r) => r.arrayBuffer());
  const requests = paths.map((path) => ({ path }));
  await autocannon({ url: base, requests, connections: 10, duration: 1 });
  return autocannon({ url: base, requests, connections: CONNECTIONS, duration: DURATION_S, timeout: 10 });
}

/** The map page's server time, measured directly (page copy off: the render is what is timed): service + full document render, and a whole request. */
async function measureMap(databaseUrl: string): Promise<Check[]> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: 'bench-session-secret-0123456789abcdefghij',
    LOG_LEVEL: 'silent',
    PAGE_CACHE_MS: '0',
  });
  const { database, ctx } = await prepare(config, { seed: false });
  const { app } = await buildApp({ config, database, logger: false, rateLimitPerMinute: 1_000_000_000 });
  await app.ready();
  try {
    const t = translator('pl');
    const pageContext: PageContext = {
      lang: 'pl',
      t,
      fmt: formatters('pl'),
      href: (p) => p,
      currentPath: '/terytorium',
      alternateHref: '/en/terytorium',
      nav: [],
      footer: { institutionName: 'ROPS', addressLines: [], hours: [] },
      logo: null,
      headMeta: [],
      prefs: { contrast: false, largeText: false },
      user: null,
      requestId: 'bench',
      csrfToken: null,
      adminNav: [],
      accountLinks: null,
      loginPath: null,
      search: null,
    };
    // the first call projects the boundaries (cached afterwards, as in production)
    const warm = await buildMapPage(ctx, { t, lang: 'pl' }, {});
    renderDocument(pageContext, warm.layout, warm.view);
    const direct: number[] = [];
    for (let i = 0; i < RENDER_RUNS; i += 1) {
      const start = performance.now();
      const page = await buildMapPage(ctx, { t, lang: 'pl' }, {});
      renderDocument(pageContext, page.layout, page.view);
      direct.push(performance.now() - start);
    }
    const whole: number[] = [];
    let html = '';
    for (let i = 0; i < RENDER_RUNS; i += 1) {
      const start = performance.now();
      const res = await app.inject({ url: '/terytorium' });
      whole.push(performance.now() - start);
      if (res.statusCode !== 200) throw new Error(`/terytorium answered ${res.statusCode}`);
      html = res.body;
    }
    const svg = /<svg class="territory-map"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    const links = (svg.match(/class="territory-map__unit"/g) ?? []).length;
    if (links !== 144) throw new Error(`the map has ${links} gmina links, expected 144`);
    const directMs = median(direct);
    const wholeMs = median(whole);
    const kb = Buffer.byteLength(svg) / 1024;
    return [
      { name: `map page: service + render, median of ${RENDER_RUNS}`, value: round(directMs, 2), unit: 'ms', limit: 50, ok: directMs < 50 },
      {
        name: `map page: whole request (inject), median of ${RENDER_RUNS}`,
        value: round(wholeMs, 2),
        unit: 'ms',
        limit: 50,
        ok: wholeMs < 50,
      },
      { name: 'map SVG size (144 gminy)', value: round(kb), unit: 'KB', limit: 300, ok: kb < 300 },
    ];
  } finally {
    await app.close();
    await database.close();
  }
}

/**
 * The event-loop block of one ranked search on the full data: better-sqlite3 runs a statement
 * synchronously, so the wall time of the call is the time the loop is blocked (an upper bound).
 * The median of 7 runs per word, the worst word counts; very common words are the point.
 */
async function measureRankedBlock(databaseUrl: string): Promise<Check[]> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: 'bench-session-secret-0123456789abcdefghij',
    LOG_LEVEL: 'silent',
  });
  const { database, ctx } = await prepare(config, { seed: false });
  try {
    const worst = { word: '', ms: 0, cpu: 0 };
    for (const word of ['spółdzielnia', 'fundacja', 'stowarzyszenie', 'spółdzielnia socjalna', 'gastronomia']) {
      const filter = {
        terms: queryTerms(word),
        legalForm: [],
        powiat: [],
        gmina: [],
        statusPs: false,
        mark: false,
        includeClosed: false,
        today: '2026-11-27',
      };
      await listEntities(ctx.db, database.seam, filter, 'relevance', 20, 0);
      const times: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < 7; i += 1) {
        const start = performance.now();
        const used = process.cpuUsage();
        await listEntities(ctx.db, database.seam, filter, 'relevance', 20, 0);
        const spent = process.cpuUsage(used);
        times.push(performance.now() - start);
        cpu.push((spent.user + spent.system) / 1000);
      }
      const ms = median(times);
      if (ms > worst.ms) Object.assign(worst, { word, ms, cpu: median(cpu) });
    }
    // the wall time is what the loop waits; the CPU time shows how much of it is the query itself
    // when other processes compete for the CPUs
    return [
      {
        name: `event-loop block of one ranked search (worst word: "${worst.word}", median of 7; CPU ${round(worst.cpu, 1)} ms)`,
        value: round(worst.ms, 1),
        unit: 'ms',
        limit: 20,
        ok: worst.ms <= 20,
      },
    ];
  } finally {
    await database.close();
  }
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'spojnia-bench-'));
  const databaseUrl = `sqlite:${join(dir, 'bench.db')}`;
  const began = Date.now();
  try {
    // migrate, load the reference data and the synthetic entities once, before anything is timed
    const config = loadConfig({
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: 'bench-session-secret-0123456789abcdefghij',
      LOG_LEVEL: 'silent',
    });
    const prepared = await prepare(config);
    const seedStart = Date.now();
    await seedSynthetic(prepared.ctx, { count: SYNTHETIC_COUNT });
    const seedSeconds = (Date.now() - seedStart) / 1000;
    const someEntity = await prepared.ctx.db
      .selectFrom('entities')
      .select(['id', 'name'])
      .where('lifecycle', '=', 'active')
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirstOrThrow();
    await prepared.database.close();
    const info: string[] = [`${SYNTHETIC_COUNT} synthetic entities loaded in ${round(seedSeconds)} s (spojnia seed synthetic).`];

    const checks = [...(await measureMap(databaseUrl)), ...(await measureRankedBlock(databaseUrl))];
    // the 100,000-row CSV import (bench/import.ts), into a database of its own
    checks.push(await importCheck(dir));

    // the same bundle `npm start` builds and runs (it must live inside the project: ADR 8)
    const bundle = await buildServer();
    const rows: { target: Target; result: CannonResult }[] = [];
    const run = async (server: Target['server'], port: number) => {
      for (const target of TARGETS.filter((t) => t.server === server)) {
        const paths = target.paths.map((p) => (p === '{entity}' ? entityPath(someEntity) : p));
        const result = await load(`http://127.0.0.1:${port}`, paths);
        if (result.non2xx > 0 || result.errors > 0)
          throw new Error(`${target.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
        rows.push({ target, result });
      }
    };
    // one process at a time, so each has the machine to itself
    const baselines = await startBaselines(databaseUrl);
    try {
      await run('baseline', baselines.ports.baseline);
      await run('secured', baselines.ports.secured);
    } finally {
      baselines.stop();
    }
    const app = await startApp(bundle, databaseUrl);
    try {
      checks.push({
        name: 'cold start: spawn of the production process (node dist/main.js) to /readyz 200',
        value: app.readyMs,
        unit: 'ms',
        limit: 1500,
        ok: app.readyMs < 1500,
      });
      await run('app', app.port);
      const rss = app.rssMb();
      checks.push({ name: 'RSS of the production process after its run', value: round(rss), unit: 'MB', limit: 250, ok: rss < 250 });
    } finally {
      await app.stop();
    }
    const rendered = await startApp(bundle, databaseUrl, { PAGE_CACHE_MS: '0' });
    try {
      await run('rendered', rendered.port);
      info.push(
        `The "rendered every time" rows run the same process with PAGE_CACHE_MS=0 (its RSS after them: ${round(rendered.rssMb())} MB); they have no target.`,
      );
    } finally {
      await rendered.stop();
    }

    const baselineRates = new Map(rows.filter((r) => r.target.is).map((r) => [r.target.is!, r.result.requests.average]));
    const loadAvg = loadavg()
      .map((l) => round(l, 1))
      .join(', ');
    const lines = [
      `# Benchmark ${new Date().toISOString()}`,
      '',
      `Node ${process.version}, ${availableParallelism()} CPUs, autocannon -c ${CONNECTIONS} -d ${DURATION_S}, SQLite; the baselines and the production process run one after the other, each in a child process of its own; load average at the end ${loadAvg}. ${info.join(' ')}`,
      '',
      '| target | req/s | p50 ms | p99 ms | timeouts | ratio | required | result |',
      '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
      ...rows.map(({ target, result }) => {
        const against = target.against ? baselineRates.get(target.against)! : undefined;
        const ratio = against ? result.requests.average / against : undefined;
        const needs: string[] = [];
        let ok = true;
        if (target.minRatio !== undefined && ratio !== undefined) {
          const pass = ratio >= target.minRatio;
          ok &&= pass;
          needs.push(`≥ ${target.minRatio} of ${target.against}`);
          checks.push({
            name: `${target.name}: ratio to ${target.against}`,
            value: round(ratio, 2),
            unit: '',
            limit: target.minRatio,
            ok: pass,
          });
        }
        if (target.maxP99 !== undefined) {
          const pass = result.latency.p99 <= target.maxP99 && result.timeouts === 0;
          ok &&= pass;
          needs.push(`p99 ≤ ${target.maxP99} ms, 0 timeouts`);
          checks.push({ name: `${target.name}: p99`, value: result.latency.p99, unit: '', limit: target.maxP99, ok: pass });
        }
        const shown = target.is ? `(${target.is})` : ratio === undefined ? '—' : `${round(ratio, 2)} × ${target.against}`;
        return `| ${target.name} | ${round(result.requests.average, 0)} | ${result.latency.p50} | ${result.latency.p99} | ${result.timeouts} | ${shown} | ${needs.join('; ') || '—'} | ${needs.length === 0 ? '' : ok ? 'ok' : '**MISSED**'} |`;
      }),
      '',
      '| check | value | limit | result |',
      '| --- | ---: | ---: | --- |',
      ...checks
        .filter((c) => c.unit !== '')
        .map((c) => `| ${c.name} | ${c.value} ${c.unit} | ≤ ${c.limit} ${c.unit} | ${c.ok ? 'ok' : '**MISSED**'} |`),
      '',
      `Total bench time ${round((Date.now() - began) / 1000)} s.`,
      '',
    ];
    const report = lines.join('\n');
    process.stdout.write(`${report}\n`);
    const out = join(import.meta.dirname, 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'latest.md'), report);
    const missed = checks.filter((c) => !c.ok);
    if (missed.length > 0) {
      process.stderr.write(`targets missed: ${missed.map((c) => c.name).join('; ')}\n`);
      return 1;
    }
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exit(await main());
