// Computed indicators are counted ahead of time, not on a page view: a grouped count over the whole
// registry takes 300–500 ms at 100,000 entities, per indicator and open year. The figures per
// indicator, year and territory are stored (indicator_computed_values) with the time they were
// counted and the example flag, and pages, the CSV, the API and the annual report read them.
// They are refreshed
// - after writes: the core's write observer says which tables a statement wrote; a formula's
//   `tables` says what it reads. A write schedules a refresh a moment later (debounced, off the
//   request that wrote; bursts of writes cost one refresh), of the indicators whose formula reads
//   a written table (all of them after a change of indicators, programmes or territories);
// - by the scheduled job `indicators.refresh-computed` (hourly): other instances' writes, raw SQL
//   the observer cannot see, and the day change — the current year is counted "as of today";
// - at start-up, for indicators never counted (a fresh install, a new indicator), without holding
//   start-up up; until then their pages say the figures are being computed (we chose not to count
//   inline: a page view must never pay for a registry-wide count).
// Writes replace one indicator's figures in a transaction with upserts, so two instances refreshing
// at the same time end with the same rows. Only programmes in force are counted (a programme that
// ended shows its stored, approved values only); closed years keep their snapshot in
// indicator_values (snapshotComputedValues counts them as of the closing day).
// Tests await a refresh with `refreshComputedNow(ctx)`.
import { nowIso } from '../../../core/db/time.js';
import type { ModuleContext } from '../../../core/module.js';
import { warsawToday } from '../../../core/time/index.js';
import { isInForce } from '../../programme/index.js';
import { asOfDay, coverageLookup, findFormula, parseFormulaParams, type IndicatorFormula } from '../indicators.formulas.js';
import type { GminaCount } from '../indicators.formulas.js';
import type { IndicatorComputedValuesTable } from '../indicators.tables.js';
import { aggregateCounts, loadTerritoryIndex } from '../indicators.territory.js';
import * as repo from './computed.repo.js';

type Ctx = Pick<ModuleContext, 'db' | 'database' | 'clock' | 'contributions' | 'log'>;

/** How long after the last write a refresh starts: a burst of writes (an import) costs one refresh. */
export const REFRESH_DEBOUNCE_MS = 1_000;

/** Writes to these change what every computed indicator shows (definitions, programme periods, areas). */
const ALWAYS_REFRESH = ['indicators', 'programmes', 'territorial_units', 'subregions', 'subregion_members'] as const;

/** What a stored figure was counted for: a changed definition or programme period makes it stale. */
export function computedSignature(
  indicator: { formula: string | null; formula_params: string; breakdown: string },
  programme: { period_from: number; period_to: number },
): string {
  return JSON.stringify([indicator.formula, indicator.formula_params, indicator.breakdown, programme.period_from, programme.period_to]);
}

/**
 * Counts the computed indicators of the programmes in force and stores their figures. `tables`
 * limits the refresh to indicators whose formula reads one of them (null: every indicator);
 * `onlyMissing` to indicators never counted. Returns how many indicators were refreshed.
 */
export async function refreshComputed(
  ctx: Ctx,
  opts: { tables?: ReadonlySet<string> | null; onlyMissing?: boolean } = {},
): Promise<number> {
  const today = warsawToday(ctx.clock);
  const tables = opts.tables ?? null;
  const everything = tables === null || ALWAYS_REFRESH.some((t) => tables.has(t));
  const all = await repo.listComputedIndicators(ctx.db);
  const inForce = all.map((i) => ({ row: i, formula: findFormula(ctx, i.formula) })).filter((x) => isInForce(x.row, today));
  // from now on, writes matter only to the tables these formulas read (and ALWAYS_REFRESH)
  refresherOf(ctx).relevant = new Set(inForce.flatMap((x) => x.formula?.tables ?? []));
  let todo = inForce.filter((x) => everything || (x.formula !== undefined && x.formula.tables.some((t) => tables.has(t))));
  if (opts.onlyMissing) {
    const counted = new Set(
      (
        await repo.readComputed(
          ctx.db,
          todo.map((x) => x.row.id),
        )
      ).map((r) => r.indicator_id),
    );
    todo = todo.filter((x) => !counted.has(x.row.id));
  }
  if (todo.length === 0) return 0;
  const [index, closedRows] = await Promise.all([
    loadTerritoryIndex(ctx),
    repo.listClosedPeriods(
      ctx.db,
      todo.map((x) => x.row.id),
    ),
  ]);
  const closed = new Set(closedRows.map((r) => `${r.indicator_id}:${r.period}`));
  const coverage = coverageLookup(ctx);
  // indicators with the same formula, parameters and day share one count
  const counts = new Map<string, Promise<GminaCount[]>>();
  const countOf = (formula: IndicatorFormula, params: string, asOf: string) => {
    const key = JSON.stringify([formula.key, params, asOf]);
    let c = counts.get(key);
    if (!c) counts.set(key, (c = formula.countByGmina(ctx, asOf, parseFormulaParams(params, formula))));
    return c;
  };
  let refreshed = 0;
  for (const { row, formula } of todo) {
    const stamp = nowIso(ctx.clock);
    const rows: IndicatorComputedValuesTable[] = [];
    const first = formula ? await coverage(formula) : null;
    for (let period = row.period_from; formula && period <= row.period_to; period++) {
      const asOf = asOfDay(period, today);
      if (asOf === null || closed.has(`${row.id}:${period}`) || first === null || asOf < first) continue;
      const byGmina = new Map<string | null, number>();
      let synthetic = 0;
      for (const c of await countOf(formula, row.formula_params, asOf)) {
        byGmina.set(c.gmina, (byGmina.get(c.gmina) ?? 0) + c.n);
        synthetic += c.synthetic;
      }
      for (const [code, value] of aggregateCounts(index, byGmina, row.breakdown, period))
        rows.push({
          indicator_id: row.id,
          period,
          territory_code: code,
          value,
          as_of: asOf,
          is_example: synthetic > 0 || row.is_example,
          refreshed_at: stamp,
        });
    }
    try {
      await ctx.db
        .transaction()
        .execute((trx) =>
          repo.replaceComputed(
            trx,
            { indicator_id: row.id, refreshed_at: stamp, as_of: today, signature: computedSignature(row, row) },
            rows,
          ),
        );
      refreshed += 1;
    } catch (err) {
      // the indicator was deleted meanwhile (its rows go with it); the others are still stored
      ctx.log(`indicators: stored figures of ${row.id} not refreshed: ${(err as Error).message}`);
    }
  }
  return refreshed;
}

// --- scheduling ------------------------------------------------------------------------------------

interface Refresher {
  timer: NodeJS.Timeout | null;
  /** Tables written since the last refresh started; null = refresh every indicator. */
  dirty: Set<string> | null;
  pending: boolean;
  running: Promise<void> | null;
  stopped: boolean;
  /** Tables the formulas of the counted indicators read, as of the last refresh (null: not known yet). */
  relevant: Set<string> | null;
}

const refreshers = new WeakMap<object, Refresher>();

function refresherOf(ctx: Ctx): Refresher {
  let r = refreshers.get(ctx.db);
  if (!r) refreshers.set(ctx.db, (r = { timer: null, dirty: new Set(), pending: false, running: null, stopped: false, relevant: null }));
  return r;
}

function runNow(ctx: Ctx, r: Refresher): Promise<void> {
  const tables = r.dirty;
  r.dirty = new Set();
  r.pending = false;
  const run = refreshComputed(ctx, { tables })
    .then(() => undefined)
    .catch((err: unknown) => ctx.log(`indicators: refresh of computed figures failed: ${(err as Error).message}`))
    .finally(() => {
      r.running = null;
      // writes during the refresh: once more, a moment later
      if (r.pending) arm(ctx, r);
    });
  r.running = run;
  return run;
}

function arm(ctx: Ctx, r: Refresher): void {
  if (r.stopped || r.timer) return;
  r.timer = setTimeout(() => {
    r.timer = null;
    if (r.running) return; // the running refresh re-arms when it ends
    void runNow(ctx, r);
  }, REFRESH_DEBOUNCE_MS);
  r.timer.unref();
}

function markDirty(ctx: Ctx, tables: readonly string[] | null): void {
  const r = refresherOf(ctx);
  // a write no counted indicator reads (entities while no programme in force counts them) costs nothing
  if (tables && r.relevant && !tables.some((t) => r.relevant!.has(t) || (ALWAYS_REFRESH as readonly string[]).includes(t))) return;
  if (tables === null) r.dirty = null;
  else if (r.dirty) for (const t of tables) r.dirty.add(t);
  r.pending = true;
  arm(ctx, r);
}

/**
 * Listens to writes of every table a formula reads (and of the definitions, programmes and
 * territories) and refreshes the stored figures shortly after. Called once per app at start-up;
 * returns what stops it (pending refreshes are dropped, a running one is awaited).
 */
export function watchComputed(ctx: Ctx, formulas: readonly IndicatorFormula[]): () => Promise<void> {
  const r = refresherOf(ctx);
  r.stopped = false;
  const unsubscribe: (() => void)[] = [];
  const watched = new Set<string>(ALWAYS_REFRESH);
  for (const f of formulas) for (const t of f.tables) watched.add(t);
  for (const t of watched) unsubscribe.push(ctx.database.onWrite([t], () => markDirty(ctx, [t])));
  return async () => {
    for (const u of unsubscribe) u();
    r.stopped = true;
    if (r.timer) clearTimeout(r.timer);
    r.timer = null;
    await r.running;
  };
}

/**
 * Counts the indicators never counted: at start-up, before the app serves (a fresh install, or
 * indicators created while no instance was running). Figures already stored wait for the job or the
 * next write; a failure is logged, and the pages then say the figures are being computed.
 */
export async function refreshMissing(ctx: Ctx): Promise<void> {
  await refreshComputed(ctx, { onlyMissing: true }).catch((err: unknown) =>
    ctx.log(`indicators: first count of computed figures failed: ${(err as Error).message}`),
  );
}

/**
 * Refreshes every stored figure now and resolves when done: the scheduled job, "after this write,
 * show it" in tests, and `spojnia jobs run`. A refresh already scheduled is folded into this one.
 */
export async function refreshComputedNow(ctx: Ctx): Promise<number> {
  const r = refresherOf(ctx);
  if (r.timer) clearTimeout(r.timer);
  r.timer = null;
  while (r.running) await r.running;
  r.dirty = new Set();
  r.pending = false;
  let done = 0;
  const run = refreshComputed(ctx).then((n) => {
    done = n;
  });
  r.running = run.finally(() => {
    r.running = null;
    if (r.pending) arm(ctx, r);
  });
  await r.running;
  return done;
}
