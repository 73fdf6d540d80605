// The small catalogue of formulas a computed indicator may use: counts taken from the platform's
// own registry, evaluated per period (as of 31 December of the year, or today for the current year)
// and per territory of the indicator's breakdown. "Number of events of a type" is not offered: the
// platform has no events module yet, and a formula that always answers 0 would be a false figure.
import type { ModuleContext } from '../../core/module.js';
import type { TKey } from '../../i18n/index.js';
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

export const FORMULA_KEYS = ['registry_entities', 'registry_ps_entities', 'registry_valid_marks'] as const;
export type FormulaKey = (typeof FORMULA_KEYS)[number];

export interface FormulaParams {
  /** registry_entities: legal forms to count (empty = all). */
  legalForms: string[];
  /** registry_entities: life-cycle states to count (empty = active only). */
  lifecycles: string[];
}

export const FORMULA_LABELS: Record<FormulaKey, TKey> = {
  registry_entities: 'indicators.formula.registry_entities',
  registry_ps_entities: 'indicators.formula.registry_ps_entities',
  registry_valid_marks: 'indicators.formula.registry_valid_marks',
};

/** Which formulas take the entity filters. */
export const FORMULA_HAS_FILTERS: Record<FormulaKey, boolean> = {
  registry_entities: true,
  registry_ps_entities: false,
  registry_valid_marks: false,
};

export const FILTER_LEGAL_FORMS: readonly string[] = METRIC_LEGAL_FORMS;
export const FILTER_LIFECYCLES: readonly string[] = METRIC_LIFECYCLES;

export function isFormulaKey(v: unknown): v is FormulaKey {
  return typeof v === 'string' && (FORMULA_KEYS as readonly string[]).includes(v);
}

/** Stored parameters (JSON text) read defensively: unknown keys and values are dropped. */
export function parseFormulaParams(json: string | null | undefined): FormulaParams {
  let raw: unknown;
  try {
    raw = JSON.parse(json ?? '{}');
  } catch {
    raw = {};
  }
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const list = (v: unknown, allowed: readonly string[]) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && allowed.includes(x)) : [];
  return { legalForms: list(obj.legalForms, FILTER_LEGAL_FORMS), lifecycles: list(obj.lifecycles, FILTER_LIFECYCLES) };
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

async function countByGmina(
  ctx: Pick<ModuleContext, 'db'>,
  formula: FormulaKey,
  params: FormulaParams,
  asOf: string,
): Promise<GminaCount[]> {
  switch (formula) {
    case 'registry_entities':
      return countEntitiesByGmina(ctx.db, { asOf, legalForms: params.legalForms as never, lifecycles: params.lifecycles as never });
    case 'registry_ps_entities':
      return countPsEntitiesByGmina(ctx.db, asOf);
    case 'registry_valid_marks':
      return countValidMarksByGmina(ctx.db, asOf);
  }
}

export interface ComputedPeriod {
  period: number;
  asOf: string;
  /** Territory code (`region`, TERYT or subregion code) → figure. */
  values: Map<string, number>;
  /** True when synthetic example records of the registry contributed to the figures. */
  isExample: boolean;
}

/** The first day the registry covers (see registryCoverageStart); load once for several periods. */
export function coverageStart(ctx: Pick<ModuleContext, 'db'>): Promise<string | null> {
  return registryCoverageStart(ctx.db);
}

/**
 * The figures of one computed indicator for one period; null when there is nothing to count: a
 * future period, or a day before the registry's first record (the platform then does not know,
 * which is not the same as zero).
 */
export async function computePeriod(
  ctx: Pick<ModuleContext, 'db'>,
  index: TerritoryIndex,
  indicator: { formula: string | null; formula_params: string; breakdown: IndicatorBreakdown },
  period: number,
  today: string,
  coverage?: string | null,
): Promise<ComputedPeriod | null> {
  if (!isFormulaKey(indicator.formula)) return null;
  const asOf = asOfDay(period, today);
  if (asOf === null) return null;
  const first = coverage === undefined ? await coverageStart(ctx) : coverage;
  if (first === null || asOf < first) return null;
  const counts = await countByGmina(ctx, indicator.formula, parseFormulaParams(indicator.formula_params), asOf);
  const byGmina = new Map<string | null, number>();
  let synthetic = 0;
  for (const c of counts) {
    byGmina.set(c.gmina, (byGmina.get(c.gmina) ?? 0) + c.n);
    synthetic += c.synthetic;
  }
  return { period, asOf, values: aggregateCounts(index, byGmina, indicator.breakdown, period), isExample: synthetic > 0 };
}
