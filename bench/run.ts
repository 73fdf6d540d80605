// `npm run bench`: what a page costs at 100,000 entities when nothing is served from a copy
// (issue 16). A temporary SQLite database is migrated and loaded (bench/data.ts); the application
// runs as in production — the bundle `npm start` runs (ADR 8), as a process of its own, at the
// production log level — with the anonymous page copy OFF (PAGE_CACHE_MS=0), and bench/server.ts
// serves the raw baselines from another process: a fixed 5 KB HTML string (S), one indexed query
// rendered as 20 rows (Q) and one unranked FTS5 query over the same long tail of search texts the
// catalogue gets (F-lt). Each row replays what visitors do (bench/workload.ts: ~4,000 distinct
// Polish search texts, random facet combinations, 2,000 different entity pages, the programme, an
// indicator, the annual report as HTML and as the stored PDF, the staff registry) and reports the
// server's CPU ms per request over a sequential pass of first-time requests (bench/measure.ts),
// SQL statements per request, bytes, then req/s and p50/p99 at 50 connections, and ratios to Q and
// F-lt. The baselines are measured at the start and again at the end: when either drifted by more
// than 20 % the machine was not quiet, the ratios are withheld and the bench fails. A second
// table repeats some rows with the production page copy on, for context. The run ends with the
// backup figures of the 100,000-entity database (issue 22) and the 100,000-row import. The table
// goes to stdout and bench/results/latest.md; the exit code is 1 when a target is missed.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildApp } from '../src/app.js';
import { FIRST_TICK_MS } from '../src/core/jobs.js';
import { prepare } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { createBackup, verifyBackup } from '../src/core/db/backup.js';
import { throwAwayPostgresDatabase } from '../src/core/db/testing.js';
import { queryTerms } from '../src/core/search/index.js';
import { buildServer, SERVER_NODE_FLAGS } from '../scripts/build.mjs';
import { BENCH_PROGRAMME, BENCH_REPORT_YEAR, BENCH_SECRET, buildBenchData } from './data.js';
import { importCheck } from './import.js';
import {
  CONNECTIONS,
  DURATION_S,
  loadInstances,
  loadTest,
  quiesce,
  sequentialPass,
  statementsPerRequest,
  type CannonResult,
  type Sequential,
  type Statements,
} from './measure.js';
import { facetCombinations, searchTexts } from './workload.js';

const SYNTHETIC_COUNT = Number(process.env.BENCH_ENTITIES ?? 100_000);
const ENTITY_PAGES = 2000;
const DRIFT_LIMIT = 0.2;

type Baseline = 'S' | 'Q' | 'F-lt';

/**
 * One row: `measured` paths go through the sequential CPU pass (each once when `firstTime`), `load`
 * paths through autocannon (distinct from `measured`, so a search text is new to the process
 * there too), `sample` through the in-process statement count.
 */
interface Row {
  name: string;
  measured: string[];
  load: string[];
  sample: string[];
  firstTime?: boolean;
  staff?: boolean;
  /** CPU ms per request it must stay under. */
  maxCpuMs?: number;
  against?: Baseline;
  minRatio?: number;
  /** Public pages: at most this many SQL statements per request. */
  maxStatements?: number;
  /**
   * Pages asked once before the row is measured, in both processes, to fill what a process builds
   * once after a write and keeps (the "did you mean" vocabulary of a search that found nothing).
   */
  warm?: string[];
}

interface Measured {
  row: Row;
  seq: Sequential;
  sql: Statements | null;
  load: CannonResult;
}

interface Check {
  name: string;
  value: number;
  unit: string;
  limit: number;
  ok: boolean;
}

const MAX_P99_MS = 200;
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
const loadAverage = () =>
  loadavg()
    .map((l) => round(l, 2))
    .join(', ');

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
  return { ports, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

/**
 * The production process (`node dist/main.js`, what `npm start` runs) on the bench database, at
 * the production log level (its output goes nowhere, as to a log shipper that keeps up).
 * `readyMs` is the cold start: from spawn until /readyz answers 200, polled every 10 ms.
 */
async function startApp(bundle: string, databaseUrl: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const began = performance.now();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, bundle], {
    env: {
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: BENCH_SECRET,
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
  // the scheduler's first tick runs every job due (all of them on the new bench database: counting the
  // computed indicators alone takes ~5 s of CPU at 100,000 entities); measured rows must not share the
  // CPU with it, so wait for the tick and until the process is idle
  await new Promise((r) => setTimeout(r, FIRST_TICK_MS + 500));
  await quiesce(child.pid!);
  /** The resident set of the process (Linux /proc), in MB. */
  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? Number.NaN) / 1024;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { base: `http://127.0.0.1:${port}`, pid: child.pid!, readyMs, rssMb, stop };
}

/** The in-process copy of the application on the same database (page copy off) that counts statements. */
async function inProcessApp(databaseUrl: string) {
  const config = loadConfig({ DATABASE_URL: databaseUrl, SESSION_SECRET: BENCH_SECRET, LOG_LEVEL: 'silent', PAGE_CACHE_MS: '0' });
  const { database } = await prepare(config, { seed: false });
  const { app } = await buildApp({ config, database, logger: false, rateLimitPerMinute: 1_000_000_000 });
  await app.ready();
  return {
    app,
    handle: database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

function split<T>(xs: readonly T[], first: number): [T[], T[]] {
  return [xs.slice(0, first), xs.slice(first)];
}

/** A row of the PostgreSQL column: its CPU pass runs on the first instance, its load on both. */
interface PgRow {
  name: string;
  measured: string[];
  load: string[];
  firstTime?: boolean;
}

/**
 * The PostgreSQL column (issue 22): the same kinds of pages on a scratch PostgreSQL database with
 * the same data, served by two instances of the production bundle (page copy off) at once, against
 * a raw one-query PostgreSQL baseline measured at the start and the end of the column; then the
 * backup of that database (pg_dump -Fc, restored into a scratch database and compared).
 */
async function postgresColumn(
  serverUrl: string,
  bundle: string,
  rows: (entityPaths: string[]) => PgRow[],
): Promise<{ lines: string[]; info: string[]; checks: Check[] }> {
  const scratch = await throwAwayPostgresDatabase(serverUrl);
  const info: string[] = [];
  const checks: Check[] = [];
  try {
    const data = await buildBenchData(scratch.url, SYNTHETIC_COUNT, ENTITY_PAGES);
    info.push(
      `PostgreSQL: ${fmtInt(SYNTHETIC_COUNT)} synthetic entities loaded in ${round(data.timings.seedSeconds)} s, computed figures counted in ${round(data.timings.refreshSeconds, 2)} s.`,
    );
    const baseline = await startBaselines(scratch.url);
    const rawBase = `http://127.0.0.1:${baseline.ports.baseline}`;
    const measureQ = async () => ({ seq: await sequentialPass(rawBase, baseline.pid, ['/q']), load: await loadTest(rawBase, ['/q']) });
    const qStart = await measureQ();
    const a = await startApp(bundle, scratch.url, { PAGE_CACHE_MS: '0' });
    const b = await startApp(bundle, scratch.url, { PAGE_CACHE_MS: '0' });
    const measured: { row: PgRow; seq: Sequential; one: CannonResult; load: CannonResult }[] = [];
    try {
      for (const row of rows(data.entityPaths)) {
        for (const base of [a.base, b.base]) await fetch(`${base}${row.load[0]!}`).then((r) => r.arrayBuffer());
        const seq = await sequentialPass(a.base, a.pid, row.measured, { repeat: !row.firstTime });
        await quiesce(b.pid);
        // one instance with all the connections, then both with half each: what one more instance adds
        const one = await loadTest(a.base, row.load);
        await Promise.all([quiesce(a.pid), quiesce(b.pid)]);
        const load = await loadInstances([a.base, b.base], row.load);
        for (const r of [one, load])
          if (r.non2xx > 0 || r.errors > 0) throw new Error(`PostgreSQL, ${row.name}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
        measured.push({ row, seq, one, load });
        process.stderr.write(
          `bench (PostgreSQL): ${row.name}: ${round(seq.cpuMsPerRequest, 2)} ms CPU, ${round(load.requests.average, 0)} req/s\n`,
        );
      }
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    const qEnd = await measureQ();
    baseline.stop();
    const drift = Math.abs(qEnd.load.requests.average - qStart.load.requests.average) / qStart.load.requests.average;
    const q = (qStart.load.requests.average + qEnd.load.requests.average) / 2;
    if (drift > DRIFT_LIMIT)
      checks.push({
        name: `PostgreSQL baseline drifted: Q ${fmtInt(qStart.load.requests.average)} → ${fmtInt(qEnd.load.requests.average)} req/s; ratios withheld`,
        value: round(drift * 100),
        unit: '%',
        limit: DRIFT_LIMIT * 100,
        ok: false,
      });
    const file = join(tmpdir(), `spojnia-bench-pg-${Date.now()}.dump`);
    try {
      const backup = await createBackup(scratch.url, file);
      const verification = await verifyBackup(scratch.url, file);
      checks.push({
        name: 'backup --verify of the PostgreSQL bench database passes',
        value: verification.ok ? 1 : 0,
        unit: '',
        limit: 1,
        ok: verification.ok,
      });
      info.push(
        `PostgreSQL backup (pg_dump -Fc): ${round(backup.manifest.bytes / 1024 / 1024)} MB in ${round(backup.ms / 1000, 2)} s; restored into a scratch database and compared (${backup.manifest.tables.length} tables) in ${round(verification.restoreMs / 1000, 2)} s of restore (${verification.ok ? 'ok' : `FAILED: ${verification.problems.join('; ')}`}).`,
      );
    } finally {
      rmSync(file, { force: true });
      rmSync(`${file}.manifest.json`, { force: true });
    }
    const lines = [
      '## PostgreSQL, two instances (page copy off)',
      '',
      `The same data on PostgreSQL 15 (this machine's server): one instance of the production bundle with ${CONNECTIONS} connections, then two with ${CONNECTIONS / 2} each; CPU ms per request is the first instance's own over a sequential pass (the database server's CPU is not in it). Raw baseline Q (one indexed query over a pg pool): start → end (drift ${round(drift * 100)} %).`,
      '',
      '| page | CPU ms / request (app) | size | req/s, one instance | req/s, two | p50 / p99 ms, two | timeouts | ratio (two) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| raw baseline Q (PostgreSQL) | ${round(qStart.seq.cpuMsPerRequest, 2)} | ${round(qStart.seq.bytesPerRequest / 1024)} KB | ${fmtInt(qStart.load.requests.average)} → ${fmtInt(qEnd.load.requests.average)} | | ${qStart.load.latency.p50} / ${qStart.load.latency.p99} | ${qStart.load.timeouts} | (Q) |`,
      ...measured.map(
        (m) =>
          `| ${m.row.name} | ${round(m.seq.cpuMsPerRequest, 2)} | ${round(m.seq.bytesPerRequest / 1024)} KB | ${fmtInt(m.one.requests.average)} | ${fmtInt(m.load.requests.average)} | ${m.load.latency.p50} / ${m.load.latency.p99} | ${m.load.timeouts} | ${drift > DRIFT_LIMIT ? 'withheld' : `${round(m.load.requests.average / q, 2)} × Q`} |`,
      ),
      '',
    ];
    return { lines, info, checks };
  } finally {
    await scratch.drop();
  }
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'spojnia-bench-'));
  const databaseUrl = `sqlite:${join(dir, 'bench.db')}`;
  const began = Date.now();
  const info: string[] = [];
  const checks: Check[] = [];
  try {
    const data = await buildBenchData(databaseUrl, SYNTHETIC_COUNT, ENTITY_PAGES);
    info.push(
      `${fmtInt(SYNTHETIC_COUNT)} synthetic entities loaded in ${round(data.timings.seedSeconds)} s; the stored figures of the computed indicators counted in ${round(data.timings.refreshSeconds, 2)} s.`,
    );

    // the workload: first-time texts and facet combinations for the CPU pass, others under load
    const texts = searchTexts(4000, data.gminaNames).filter((t) => queryTerms(t).length > 0);
    const [seqTexts, loadTexts] = split(texts, 600);
    const combos = facetCombinations(1800, { powiaty: data.powiaty, gminy: data.gminy });
    const [seqCombos, loadCombos] = split(combos, 300);
    const search = (t: string) => `/podmioty?q=${encodeURIComponent(t)}`;
    const fts = (t: string) => `/f?q=${encodeURIComponent(queryTerms(t).join(' '))}`;
    const staffPaths = [
      '/admin/podmioty',
      ...[2, 3, 50, 400].map((p) => `/admin/podmioty?strona=${p}`),
      ...seqTexts.slice(0, 40).map((t) => `/admin/podmioty?q=${encodeURIComponent(t)}`),
    ];
    const mapPaths = [
      '/podmioty/mapa',
      '/podmioty/mapa?forma=fundacja',
      ...data.powiaty.slice(0, 10).map((p) => `/podmioty/mapa?powiat=${p}`),
    ];
    const programme = `/program/${BENCH_PROGRAMME}`;
    const ROWS: Row[] = [
      { name: 'home /', measured: ['/'], load: ['/'], sample: ['/'], maxCpuMs: 1.5, maxStatements: 6 },
      {
        name: 'catalogue, no filter /podmioty',
        measured: ['/podmioty'],
        load: ['/podmioty'],
        sample: ['/podmioty'],
        maxCpuMs: 3,
        maxStatements: 6,
      },
      {
        name: `catalogue, random facet combinations (${fmtInt(combos.length)} distinct)`,
        measured: seqCombos,
        load: loadCombos,
        sample: loadCombos.slice(0, 40),
        firstTime: true,
        maxCpuMs: 3,
        against: 'Q',
        minRatio: 0.25,
        maxStatements: 6,
      },
      {
        name: `catalogue, long-tail search (${fmtInt(texts.length)} distinct texts, facets counted)`,
        measured: seqTexts.map(search),
        load: loadTexts.map(search),
        sample: loadTexts.slice(0, 100).map(search),
        firstTime: true,
        // words no entity has: the vocabulary is built, as after any write, before the texts are measured
        warm: [search('zzyzx qwvtk')],
        maxCpuMs: 5,
        against: 'F-lt',
        minRatio: 0.5,
        maxStatements: 6,
      },
      {
        name: `entity profile (${fmtInt(data.entityPaths.length)} different entities)`,
        measured: data.entityPaths,
        load: data.entityPaths,
        sample: data.entityPaths.slice(0, 40),
        firstTime: true,
        maxCpuMs: 2,
        against: 'Q',
        minRatio: 0.4,
        maxStatements: 6,
      },
      {
        name: 'entity map /podmioty/mapa (12 filters)',
        measured: mapPaths,
        load: mapPaths,
        sample: mapPaths,
        maxCpuMs: 8,
        maxStatements: 6,
      },
      {
        name: 'territory map /terytorium',
        measured: ['/terytorium'],
        load: ['/terytorium'],
        sample: ['/terytorium'],
        maxCpuMs: 8,
        maxStatements: 6,
      },
      { name: 'programme /program', measured: ['/program'], load: ['/program'], sample: ['/program'], maxCpuMs: 3, maxStatements: 6 },
      {
        name: 'indicator page /program/…/wskazniki/W1',
        measured: [`${programme}/wskazniki/W1`],
        load: [`${programme}/wskazniki/W1`],
        sample: [`${programme}/wskazniki/W1`],
        maxCpuMs: 5,
        maxStatements: 6,
      },
      {
        name: `annual report ${BENCH_REPORT_YEAR}, HTML`,
        measured: [`${programme}/sprawozdanie/${BENCH_REPORT_YEAR}`],
        load: [`${programme}/sprawozdanie/${BENCH_REPORT_YEAR}`],
        sample: [`${programme}/sprawozdanie/${BENCH_REPORT_YEAR}`],
        maxCpuMs: 10,
        maxStatements: 6,
      },
      {
        name: `annual report ${BENCH_REPORT_YEAR}, stored PDF download`,
        measured: [`${programme}/sprawozdanie/${BENCH_REPORT_YEAR}.pdf`],
        load: [`${programme}/sprawozdanie/${BENCH_REPORT_YEAR}.pdf`],
        sample: [`${programme}/sprawozdanie/${BENCH_REPORT_YEAR}.pdf`],
        maxCpuMs: 1,
        maxStatements: 6,
      },
      {
        name: 'staff registry /admin/podmioty (pages, searches)',
        measured: staffPaths,
        load: staffPaths,
        sample: staffPaths.slice(0, 20),
        staff: true,
        maxCpuMs: 10,
      },
    ];
    // the production page copy on: the same kinds of traffic, for context (no targets)
    const COPY_ROWS: { name: string; paths: string[] }[] = [
      { name: 'home /', paths: ['/'] },
      { name: 'catalogue, random facet combinations', paths: loadCombos },
      { name: 'catalogue, long-tail search', paths: loadTexts.map(search) },
      { name: 'entity profile', paths: data.entityPaths },
      { name: 'programme /program', paths: ['/program'] },
    ];

    // the 100,000-row CSV import (bench/import.ts), into a database of its own, before anything is timed
    checks.push(await importCheck(dir));
    const bundle = await buildServer();
    const loadBefore = loadAverage();

    // --- baselines, first measurement ---------------------------------------------------------
    const baselines = await startBaselines(databaseUrl);
    const rawBase = `http://127.0.0.1:${baselines.ports.baseline}`;
    const BASELINE_PATHS: Record<Baseline, { measured: string[]; load: string[] }> = {
      S: { measured: ['/'], load: ['/'] },
      Q: { measured: ['/q'], load: ['/q'] },
      'F-lt': { measured: seqTexts.map(fts), load: loadTexts.map(fts) },
    };
    const measureBaselines = async () => {
      const out = new Map<Baseline, { seq: Sequential; load: CannonResult }>();
      for (const b of ['S', 'Q', 'F-lt'] as const) {
        const seq = await sequentialPass(rawBase, baselines.pid, BASELINE_PATHS[b].measured);
        out.set(b, { seq, load: await loadTest(rawBase, BASELINE_PATHS[b].load) });
      }
      return out;
    };
    const baseStart = await measureBaselines();
    const secured = await loadTest(`http://127.0.0.1:${baselines.ports.secured}`, ['/']);

    // --- the application, page copy off ------------------------------------------------------
    const measured: Measured[] = [];
    // the in-process copy (statement counts, the event loop) gets a file of its own: sharing the
    // production process's file, it saw that process's commits (job ticks) through PRAGMA
    // data_version, its caches expired and their background rebuilds were counted as a request's
    if (existsSync(join(dir, 'bench.db-wal')) && statSync(join(dir, 'bench.db-wal')).size > 0)
      throw new Error('the bench database has an unfolded WAL; it cannot be copied as one file');
    copyFileSync(join(dir, 'bench.db'), join(dir, 'in-process.db'));
    const inProcess = await inProcessApp(`sqlite:${join(dir, 'in-process.db')}`);
    const app = await startApp(bundle, databaseUrl, { PAGE_CACHE_MS: '0' });
    let rssAfterLongTail = 0;
    try {
      checks.push({
        name: 'cold start: spawn of the production process (node dist/main.js) to /readyz 200',
        value: app.readyMs,
        unit: 'ms',
        limit: 1500,
        ok: app.readyMs < 1500,
      });
      for (const row of ROWS) {
        const headers: Record<string, string> = row.staff ? { cookie: data.staffCookie } : {};
        // one request outside the measurement: a stored report is generated on its first request
        for (const p of new Set([row.measured[0]!, row.load[0]!, ...(row.warm ?? [])]))
          await fetch(`${app.base}${p}`, { headers }).then((r) => r.arrayBuffer());
        const seq = await sequentialPass(app.base, app.pid, row.measured, { headers, repeat: !row.firstTime });
        const sql = await statementsPerRequest(
          inProcess.app,
          inProcess.handle,
          row.sample,
          [row.load.at(-1)!, ...(row.warm ?? [])],
          headers,
        );
        const result = await loadTest(app.base, row.load, headers);
        if (result.non2xx > 0 || result.errors > 0)
          throw new Error(`${row.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
        measured.push({ row, seq, sql, load: result });
        if (row.against === 'F-lt') rssAfterLongTail = app.rssMb();
        process.stderr.write(`bench: ${row.name}: ${round(seq.cpuMsPerRequest, 2)} ms CPU, ${round(result.requests.average, 0)} req/s\n`);
      }
      const rss = app.rssMb();
      checks.push({
        name: 'RSS, page copy off, after the long-tail search load',
        value: round(rssAfterLongTail),
        unit: 'MB',
        limit: 250,
        ok: rssAfterLongTail < 250,
      });
      checks.push({ name: 'RSS, page copy off, at the end of its run', value: round(rss), unit: 'MB', limit: 250, ok: rss < 250 });
    } finally {
      await app.stop();
      await inProcess.close();
    }

    // --- the application with the production page copy (context) ------------------------------
    const copyRows: { name: string; load: CannonResult }[] = [];
    const copy = await startApp(bundle, databaseUrl);
    try {
      for (const row of COPY_ROWS) copyRows.push({ name: row.name, load: await loadTest(copy.base, row.paths) });
      const rss = copy.rssMb();
      checks.push({
        name: 'RSS, production page copy on, after its run (long-tail search included)',
        value: round(rss),
        unit: 'MB',
        limit: 250,
        ok: rss < 250,
      });
    } finally {
      await copy.stop();
    }

    // --- baselines again: did the machine stay as quiet as it was? ----------------------------
    const baseEnd = await measureBaselines();
    baselines.stop();
    const loadAfter = loadAverage();
    const drift = (['Q', 'F-lt'] as const).map((b) => {
      const a = baseStart.get(b)!.load.requests.average;
      const z = baseEnd.get(b)!.load.requests.average;
      return { b, a, z, drift: Math.abs(z - a) / a };
    });
    const drifted = drift.filter((d) => d.drift > DRIFT_LIMIT);
    const rate = (b: Baseline) => (baseStart.get(b)!.load.requests.average + baseEnd.get(b)!.load.requests.average) / 2;

    // --- the backup of the 100,000-entity database (issue 22) ----------------------------------
    const backupFile = join(dir, 'backup.db');
    const backup = await createBackup(databaseUrl, backupFile);
    const verification = await verifyBackup(databaseUrl, backupFile);
    checks.push({
      name: 'backup --verify of the bench database passes',
      value: verification.ok ? 1 : 0,
      unit: '',
      limit: 1,
      ok: verification.ok,
    });
    info.push(
      `Backup of the bench database (SQLite online backup): ${round(backup.manifest.bytes / 1024 / 1024)} MB in ${round(backup.ms / 1000, 2)} s; verified by restoring it into a scratch copy and comparing ${backup.manifest.tables.length} tables' counts and hashes in ${round(verification.restoreMs / 1000, 2)} s of restore (${verification.ok ? 'ok' : `FAILED: ${verification.problems.join('; ')}`}).`,
    );

    // --- the PostgreSQL column (issue 22) --------------------------------------------------------
    let pgLines: string[] = [];
    const pgServer = process.env.TEST_DATABASE_URL;
    if (pgServer) {
      const pg = await postgresColumn(pgServer, bundle, (entityPaths) => [
        { name: 'home /', measured: ['/'], load: ['/'] },
        { name: 'catalogue, random facet combinations', measured: seqCombos.slice(0, 150), load: loadCombos, firstTime: true },
        { name: 'catalogue, long-tail search', measured: seqTexts.slice(0, 200).map(search), load: loadTexts.map(search), firstTime: true },
        { name: 'entity profile', measured: entityPaths, load: entityPaths, firstTime: true },
        { name: 'programme /program', measured: ['/program'], load: ['/program'] },
        { name: 'indicator page', measured: [`${programme}/wskazniki/W1`], load: [`${programme}/wskazniki/W1`] },
        {
          name: `annual report ${BENCH_REPORT_YEAR}, HTML`,
          measured: [`${programme}/sprawozdanie/${BENCH_REPORT_YEAR}`],
          load: [`${programme}/sprawozdanie/${BENCH_REPORT_YEAR}`],
        },
      ]);
      pgLines = pg.lines;
      info.push(...pg.info);
      checks.push(...pg.checks);
    } else info.push('No PostgreSQL column: TEST_DATABASE_URL is not set.');

    // --- the report ---------------------------------------------------------------------------
    const baselineRows = (['S', 'Q', 'F-lt'] as const).map((b) => {
      const s = baseStart.get(b)!;
      const e = baseEnd.get(b)!;
      return `| raw baseline ${b} | ${round(s.seq.cpuMsPerRequest, 2)} | 1 | ${round(s.seq.bytesPerRequest / 1024)} KB | ${fmtInt(s.load.requests.average)} → ${fmtInt(e.load.requests.average)} | ${s.load.latency.p50} / ${s.load.latency.p99} | ${s.load.timeouts} | (${b}) | — | |`;
    });
    const rowLines = measured.map(({ row, seq, sql, load }) => {
      const needs: string[] = [];
      let ok = true;
      const cpu = seq.cpuMsPerRequest;
      if (row.maxCpuMs !== undefined) {
        const pass = cpu <= row.maxCpuMs;
        ok &&= pass;
        needs.push(`CPU ≤ ${row.maxCpuMs} ms`);
        checks.push({ name: `${row.name}: CPU per request`, value: round(cpu, 2), unit: 'ms', limit: row.maxCpuMs, ok: pass });
      }
      const p99ok = load.latency.p99 <= MAX_P99_MS && load.timeouts === 0;
      ok &&= p99ok;
      needs.push(`p99 ≤ ${MAX_P99_MS} ms, 0 timeouts`);
      checks.push({
        name: `${row.name}: p99 at ${CONNECTIONS} connections`,
        value: load.latency.p99,
        unit: 'ms',
        limit: MAX_P99_MS,
        ok: p99ok,
      });
      if (row.maxStatements !== undefined && sql) {
        const pass = sql.max <= row.maxStatements;
        ok &&= pass;
        needs.push(`SQL ≤ ${row.maxStatements}`);
        checks.push({
          name: `${row.name}: SQL statements per request (max)`,
          value: sql.max,
          unit: '',
          limit: row.maxStatements,
          ok: pass,
        });
      }
      let shown = '—';
      if (row.against && row.minRatio !== undefined) {
        needs.push(`≥ ${row.minRatio} × ${row.against}`);
        if (drifted.length === 0) {
          const ratio = load.requests.average / rate(row.against);
          const pass = ratio >= row.minRatio;
          ok &&= pass;
          shown = `${round(ratio, 2)} × ${row.against}`;
          checks.push({ name: `${row.name}: ratio to ${row.against}`, value: round(ratio, 2), unit: '', limit: row.minRatio, ok: pass });
        } else shown = 'withheld';
      }
      const statements = sql ? `${round(sql.mean, 1)} (max ${sql.max})` : '—';
      return `| ${row.name} | ${round(cpu, 2)} | ${statements} | ${round(seq.bytesPerRequest / 1024)} KB | ${fmtInt(load.requests.average)} | ${load.latency.p50} / ${load.latency.p99} | ${load.timeouts} | ${shown} | ${needs.join('; ')} | ${ok ? 'ok' : '**MISSED**'} |`;
    });
    const longTail = measured.find((m) => m.row.against === 'F-lt');
    if (longTail?.sql) {
      const block = longTail.sql.loopMaxMs;
      checks.push({
        name: `event loop's longest block while ${longTail.row.sample.length} new search texts were answered one by one, facet counts included (p99 ${round(longTail.sql.loopP99Ms, 1)} ms)`,
        value: round(block, 1),
        unit: 'ms',
        limit: 20,
        ok: block <= 20,
      });
    }
    if (drifted.length > 0)
      checks.push({
        name: `baselines drifted: ${drifted.map((d) => `${d.b} ${fmtInt(d.a)} → ${fmtInt(d.z)} req/s`).join(', ')}; ratios withheld`,
        value: round(Math.max(...drifted.map((d) => d.drift)) * 100),
        unit: '%',
        limit: DRIFT_LIMIT * 100,
        ok: false,
      });
    const lines = [
      `# Benchmark ${new Date().toISOString()}`,
      '',
      `Node ${process.version}, ${availableParallelism()} CPUs, SQLite. Load average before ${loadBefore}, after ${loadAfter}. The baselines and the production process run one after the other, each in a child process of its own. ${info.join(' ')}`,
      '',
      `## Page copy off, production log level (targets of issue 16)`,
      '',
      `CPU ms per request: the server process's own CPU time (/proc) over a sequential pass of first-time requests; SQL statements per request counted in an in-process copy of the application; req/s and p50/p99 at ${CONNECTIONS} connections for ${DURATION_S} s (autocannon). Baselines: start → end of the run (drift ${drift.map((d) => `${d.b} ${round(d.drift * 100)} %`).join(', ')}; ratios are withheld above ${DRIFT_LIMIT * 100} %); ratios use their mean.`,
      '',
      '| page | CPU ms / request | SQL / request | size | req/s | p50 / p99 ms | timeouts | ratio | required | result |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
      ...baselineRows,
      `| S behind the security plugins (context) | | | | ${fmtInt(secured.requests.average)} | ${secured.latency.p50} / ${secured.latency.p99} | ${secured.timeouts} | | | |`,
      ...rowLines,
      '',
      '## Production page copy on (context, no targets)',
      '',
      '| page | req/s | p50 / p99 ms | timeouts |',
      '| --- | ---: | ---: | ---: |',
      ...copyRows.map(
        (r) => `| ${r.name} | ${fmtInt(r.load.requests.average)} | ${r.load.latency.p50} / ${r.load.latency.p99} | ${r.load.timeouts} |`,
      ),
      '',
      ...pgLines,
      '## Checks',
      '',
      '| check | value | limit | result |',
      '| --- | ---: | ---: | --- |',
      ...checks.map((c) => `| ${c.name} | ${c.value} ${c.unit} | ≤ ${c.limit} ${c.unit} | ${c.ok ? 'ok' : '**MISSED**'} |`),
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

// The in-process copy of the application (statement counts, the event loop's longest block) must run
// as production does: with the heap flags `npm start` gives the server. Without them its young
// generation stays at V8's default size and each scavenge alone held the loop 22–27 ms. So the bench
// runs itself again with those flags when it was started without them.
if (SERVER_NODE_FLAGS.every((flag) => process.execArgv.includes(flag))) process.exit(await main());
else {
  const again = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(await new Promise<number>((resolve) => again.once('exit', (code) => resolve(code ?? 1))));
}
