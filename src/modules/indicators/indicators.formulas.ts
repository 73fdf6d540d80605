// The catalogue of formulas a computed indicator may use, evaluated per period (as of 31 December of
// the year, or today for the current year) and per territory of the indicator's breakdown. The
// registry's counts are built in; other modules add theirs (events of a type, buyers' needs,
// accredited support centres, local governments with a measure…) under `indicatorFormulas` in their
// AppModule's `contributes`, so this module never imports them. A formula reports counts per gmina
// (null = place unknown) and the first day its source covers: before that day, and when the source
// has recorded nothing yet, the figure is unknown rather than zero. A formula may declare parameters
// of its own (`params`: e.g. the offers' categories of the buyers' needs): the indicator form offers
// each by name without knowing what it means, and the staff's choice is stored with the indicator.
import type { ModuleContext } from '../../core/module.js';
import type { T, TKey } from '../../i18n/index.js';
import {
  countEntitiesByGmina,
  countPsEntitiesByGmina,
  countValidMarksByGmina,
  METRIC_LEGAL_FORMS,
  METRIC_LIFECYCLES,
  registryCoverageStart,
  type GminaCount,
} from '../registry/index.js';
import type { IndicatorBreakdown } from './indicators.tables.js';
import { aggregateCounts, periodEnd, type TerritoryIndex } from './indicators.territory.js';

export type { GminaCount };

export interface FormulaParams {
  /** Formulas with `entityFilters`: legal forms to count (empty = all). */
  legalForms: string[];
  /** Formulas with `entityFilters`: life-cycle states to count (empty = active only). */
  lifecycles: string[];
  /**
   * The values picked for the formula's own parameters (`IndicatorFormula.params`), by parameter
   * key: only keys the formula declares and values among its options. Absent or empty = all.
   */
  chosen?: Readonly<Record<string, readonly string[]>>;
}

/**
 * A parameter a formula declares for itself: staff pick zero or more of its options by name (none =
 * all of them). Formulas declaring the same key share one field of the form, so they declare the
 * same options (one shared object).
 */
export interface FormulaParam {
  /**
   * Stored under this key in the indicator's `formula_params` (JSON): lower-case letters, digits and
   * `_`, starting with a letter (`PARAM_KEY`); never rename it once indicators use it.
   */
  key: string;
  /** The parameter's name: the form's legend, and on the indicator page before the chosen names. */
  label: TKey;
  /** What staff may pick: a stored value and its name (the form and the pages show names only). */
  options: readonly { value: string; label: TKey }[];
}

/** What a declared parameter's key looks like (so it never meets `legalForms` or `lifecycles`). */
export const PARAM_KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** The form field of a declared parameter. */
export const paramField = (key: string): string => `param_${key}`;

type FormulaContext = Pick<ModuleContext, 'db' | 'contributions'>;

/** One formula of the catalogue. */
export interface IndicatorFormula {
  /** Stored in the indicator's definition: never rename a key once indicators use it. */
  key: string;
  /** The formula's name in the indicator form and on the indicator page. */
  label(t: T): string;
  /** True when the registry's entity filters (legal forms, life-cycle states) apply. */
  entityFilters?: boolean;
  /** Parameters of the formula's own, offered by the indicator form (see `FormulaParam`). */
  params?: readonly FormulaParam[];
  /** The tables whose writes can change the counts (stored figures are refreshed after such writes). */
  tables: readonly string[];
  /** The first day the source covers (YYYY-MM-DD); null while it has recorded nothing. */
  coverageStart(ctx: Pick<ModuleContext, 'db'>): Promise<string | null>;
  /**
   * Counts per gmina as of `asOf` (YYYY-MM-DD): a stock is counted on that day; a flow (events
   * held, needs published) from 1 January of that day's year up to it. `synthetic` says how many of
   * `n` are example records, so the figure is flagged as example data.
   */
  countByGmina(ctx: Pick<ModuleContext, 'db'>, asOf: string, params: FormulaParams): Promise<GminaCount[]>;
}

declare module '../../core/module.js' {
  interface ModuleContributions {
    /** Formulas of computed programme indicators (indicators). */
    indicatorFormulas: IndicatorFormula;
  }
}

const registryFormula = (
  key: string,
  label: TKey,
  tables: readonly string[],
  count: IndicatorFormula['countByGmina'],
  entityFilters = false,
): IndicatorFormula => ({
  key,
  label: (t) => t(label),
  entityFilters,
  tables,
  coverageStart: (ctx) => registryCoverageStart(ctx.db),
  countByGmina: count,
});

/** The registry's formulas, built in. */
const BUILT_IN: readonly IndicatorFormula[] = [
  registryFormula(
    'registry_entities',
    'indicators.formula.registry_entities',
    ['entities'],
    (ctx, asOf, params) =>
      countEntitiesByGmina(ctx.db, { asOf, legalForms: params.legalForms as never, lifecycles: params.lifecycles as never }),
    true,
  ),
  registryFormula('registry_ps_entities', 'indicators.formula.registry_ps_entities', ['entities', 'entity_ps_status'], (ctx, asOf) =>
    countPsEntitiesByGmina(ctx.db, asOf),
  ),
  registryFormula('registry_valid_marks', 'indicators.formula.registry_valid_marks', ['entities', 'entity_marks'], (ctx, asOf) =>
    countValidMarksByGmina(ctx.db, asOf),
  ),
];

/** Every formula of this app, built-in ones first (a contribution cannot replace a built-in key). */
export function indicatorFormulas(ctx: Pick<ModuleContext, 'contributions'>): IndicatorFormula[] {
  const byKey = new Map(BUILT_IN.map((f) => [f.key, f]));
  for (const f of ctx.contributions.of('indicatorFormulas')) if (!byKey.has(f.key)) byKey.set(f.key, f);
  return [...byKey.values()];
}

/** The formula stored under `key`, or undefined for an unknown (or no longer contributed) one. */
export function findFormula(ctx: Pick<ModuleContext, 'contributions'>, key: string | null | undefined): IndicatorFormula | undefined {
  return key ? indicatorFormulas(ctx).find((f) => f.key === key) : undefined;
}

export const FILTER_LEGAL_FORMS: readonly string[] = METRIC_LEGAL_FORMS;
export const FILTER_LIFECYCLES: readonly string[] = METRIC_LIFECYCLES;

/**
 * Stored parameters (JSON text) read defensively: unknown keys and values are dropped. The formula's
 * declared parameters are read when it is given (only its own keys, only values among its options,
 * in the options' order).
 */
export function parseFormulaParams(json: string | null | undefined, formula?: Pick<IndicatorFormula, 'params'> | null): FormulaParams {
  let raw: unknown;
  try {
    raw = JSON.parse(json ?? '{}');
  } catch {
    raw = {};
  }
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const list = (v: unknown, allowed: readonly string[]) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && allowed.includes(x)) : [];
  const chosen: Record<string, string[]> = {};
  for (const p of formula?.params ?? []) {
    if (!PARAM_KEY.test(p.key)) continue;
    const picked = new Set(
      list(
        obj[p.key],
        p.options.map((o) => o.value),
      ),
    );
    chosen[p.key] = p.options.map((o) => o.value).filter((v) => picked.has(v));
  }
  return { legalForms: list(obj.legalForms, FILTER_LEGAL_FORMS), lifecycles: list(obj.lifecycles, FILTER_LIFECYCLES), chosen };
}

/** The options picked for each declared parameter of the formula, by name, leaving out those with none picked (= all). */
export function chosenParamNames(
  formula: Pick<IndicatorFormula, 'params'>,
  params: FormulaParams,
  t: T,
): { label: string; names: string[] }[] {
  return (formula.params ?? []).flatMap((p) => {
    const picked = params.chosen?.[p.key] ?? [];
    const names = p.options.filter((o) => picked.includes(o.value)).map((o) => t(o.label));
    return names.length ? [{ label: t(p.label), names }] : [];
  });
}

/**
 * The day a period's computed figure describes: 31 December for past years, today for the
 * current year; null for future years (nothing to count yet).
 */
export function asOfDay(period: number, today: string): string | null {
  const year = Number(today.slice(0, 4));
  if (period < year) return periodEnd(period);
  if (period === year) return today;
  return null;
}

/** Each formula's first covered day, looked up once per call site (several periods, several indicators). */
export type CoverageLookup = (formula: IndicatorFormula) => Promise<string | null>;

export function coverageLookup(ctx: Pick<ModuleContext, 'db'>): CoverageLookup {
  const seen = new Map<string, Promise<string | null>>();
  return (formula) => {
    let first = seen.get(formula.key);
    if (!first) seen.set(formula.key, (first = formula.coverageStart(ctx)));
    return first;
  };
}

export interface ComputedPeriod {
  period: number;
  asOf: string;
  /** Territory code (`region`, TERYT or subregion code) → figure. */
  values: Map<string, number>;
  /** True when synthetic example records of the registry contributed to the figures. */
  isExample: boolean;
}

/**
 * The figures of one computed indicator for one period; null when there is nothing to count: a
 * future period, or a day before the registry's first record (the platform then does not know,
 * which is not the same as zero).
 */
export async function computePeriod(
  ctx: FormulaContext,
  index: TerritoryIndex,
  indicator: { formula: string | null; formula_params: string; breakdown: IndicatorBreakdown },
  period: number,
  today: string,
  coverage: CoverageLookup = coverageLookup(ctx),
): Promise<ComputedPeriod | null> {
  const formula = findFormula(ctx, indicator.formula);
  if (!formula) return null;
  const asOf = asOfDay(period, today);
  if (asOf === null) return null;
  const first = await coverage(formula);
  if (first === null || asOf < first) return null;
  const counts = await formula.countByGmina(ctx, asOf, parseFormulaParams(indicator.formula_params, formula));
  const byGmina = new Map<string | null, number>();
  let synthetic = 0;
  for (const c of counts) {
    byGmina.set(c.gmina, (byGmina.get(c.gmina) ?? 0) + c.n);
    synthetic += c.synthetic;
  }
  return { period, asOf, values: aggregateCounts(index, byGmina, indicator.breakdown, period), isExample: synthetic > 0 };
}
