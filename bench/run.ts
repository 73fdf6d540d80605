// `npm run bench`: throughput and render-time targets, measured on this machine against a raw
// baseline so the figures mean something anywhere. A temporary SQLite database is migrated and
// loaded with the reference data; bench/server.ts serves the app and a raw Fastify route with a
// fixed 5 KB HTML string (S) from a child process; autocannon loads each target (127.0.0.1 only,
// bounded in time). The map page's server render time and SVG size are measured directly. The
// table goes to stdout and bench/results/latest.md; the exit code is 1 when a target is missed.
// Other modules add their rows to TARGETS (throughput) or CHECKS (anything measured directly).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { renderDocument } from '../src/core/http/render.js';
import { buildApp } from '../src/app.js';
import { prepare } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { formatters, translator } from '../src/i18n/index.js';
import { buildMapPage } from '../src/modules/territory/territory.routes.js';
import type { PageContext } from '../src/core/ui/context.js';

interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Cannon = (opts: { url: string; connections: number; duration: number; pipelining?: number }) => Promise<CannonResult>;
// autocannon ships no type declarations; only what is used here is typed
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

/** Throughput targets; `minRatio` is the share of the baseline's req/s the target must reach. */
interface Target {
  name: string;
  server: 'baseline' | 'secured' | 'app';
  path: string;
  minRatio?: number;
}

const TARGETS: Target[] = [
  { name: 'S: raw Fastify, fixed 5 KB HTML', server: 'baseline', path: '/' },
  { name: 'S behind the security plugins (context)', server: 'secured', path: '/' },
  { name: 'home page /', server: 'app', path: '/', minRatio: 0.4 },
  { name: 'territory map /terytorium', server: 'app', path: '/terytorium' },
];

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

async function startServer(databaseUrl: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'server.ts'), databaseUrl], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { ports: JSON.parse(line) as Record<Target['server'], number>, stop: () => child.kill('SIGTERM') };
}

/** The map page's server time, measured directly: service + full document render, and a whole request. */
async function measureMap(databaseUrl: string): Promise<Check[]> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, SESSION_SECRET: 'bench-session-secret-0123456789abcdefghij', LOG_LEVEL: 'silent' });
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
      headMeta: [],
      prefs: { contrast: false, largeText: false },
      user: null,
      requestId: 'bench',
      csrfToken: null,
      adminNav: [],
      accountLinks: null,
      loginPath: null,
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
      { name: `map page: whole request (inject), median of ${RENDER_RUNS}`, value: round(wholeMs, 2), unit: 'ms', limit: 50, ok: wholeMs < 50 },
      { name: 'map SVG size (144 gminy)', value: round(kb), unit: 'KB', limit: 300, ok: kb < 300 },
    ];
  } finally {
    await app.close();
    await database.close();
  }
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'spojnia-bench-'));
  const databaseUrl = `sqlite:${join(dir, 'bench.db')}`;
  try {
    // migrate and load the reference data once, before anything is timed
    const config = loadConfig({ DATABASE_URL: databaseUrl, SESSION_SECRET: 'bench-session-secret-0123456789abcdefghij', LOG_LEVEL: 'silent' });
    const prepared = await prepare(config);
    await prepared.database.close();

    const checks = await measureMap(databaseUrl);

    const server = await startServer(databaseUrl);
    const rows: { target: Target; result: CannonResult }[] = [];
    try {
      for (const target of TARGETS) {
        const url = `http://127.0.0.1:${server.ports[target.server]}${target.path}`;
        await autocannon({ url, connections: 10, duration: 1 }); // warm-up
        const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`${target.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
        rows.push({ target, result });
      }
    } finally {
      server.stop();
    }

    const baseline = rows.find((r) => r.target.server === 'baseline')!.result.requests.average;
    const lines = [
      `# Benchmark ${new Date().toISOString()}`,
      '',
      `Node ${process.version}, ${availableParallelism()} CPUs, autocannon -c ${CONNECTIONS} -d ${DURATION_S}, SQLite, app and baselines in one child process.`,
      '',
      '| target | req/s | p50 ms | p99 ms | ratio to S | required | result |',
      '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
      ...rows.map(({ target, result }) => {
        const ratio = result.requests.average / baseline;
        const ok = target.minRatio === undefined || ratio >= target.minRatio;
        if (target.minRatio !== undefined) checks.push({ name: `${target.name}: ratio to S`, value: round(ratio, 2), unit: '', limit: target.minRatio, ok });
        return `| ${target.name} | ${round(result.requests.average, 0)} | ${result.latency.p50} | ${result.latency.p99} | ${round(ratio, 2)} | ${target.minRatio === undefined ? '—' : `≥ ${target.minRatio}`} | ${target.minRatio === undefined ? '' : ok ? 'ok' : '**MISSED**'} |`;
      }),
      '',
      '| check | value | limit | result |',
      '| --- | ---: | ---: | --- |',
      ...checks.filter((c) => c.unit !== '').map((c) => `| ${c.name} | ${c.value} ${c.unit} | < ${c.limit} ${c.unit} | ${c.ok ? 'ok' : '**MISSED**'} |`),
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
