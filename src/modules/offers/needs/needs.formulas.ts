// The buyers' needs' figures as formulas of the programme's computed indicators (extension point
// `indicatorFormulas` of the indicators module): needs published, entities notified, answers given,
// contracts reported and their value in PLN — all flows, counted from 1 January of the day's year
// up to it, by the day each thing happened (publication, notice, answer, the buyer's outcome). The
// indicators count per gmina: a need in one gmina counts there; a need whose places lie in one powiat
// counts under that powiat's 4-digit code (its powiat and the region, no gmina); a need for the whole
// region or for places in several powiaty counts for the region only, so the region's total counts
// each need once. The example need of `seed demo` is reported as synthetic. Each formula declares the
// need's category (the offers' top-level categories, offers.categories.ts) as its parameter: staff
// defining an indicator pick categories by name, none = every category.
import type { ModuleContext } from '../../../core/module.js';
import { warsawDay } from '../../../core/time/index.js';
import type { FormulaGminaCount, FormulaParam, FormulaParams, IndicatorFormula } from '../../indicators/index.js';
import { CATEGORY_KEYS } from '../offers.categories.js';
import * as repo from './needs.repo.js';

type Db = Pick<ModuleContext, 'db'>;
const PUBLISHED = ['published', 'closed', 'outcome_recorded'] as const;
const TABLES = ['needs', 'need_areas', 'need_notifications', 'need_answers'] as const;

/** The one parameter of the five formulas: the needs' categories to count (none picked = all). */
export const CATEGORY_PARAM: FormulaParam = {
  key: 'offer_categories',
  label: 'needs.formulas.categories',
  options: CATEGORY_KEYS.map((c) => ({ value: c, label: `offers.categories.${c}` as const })),
};

/** The one place a need counts in: a gmina, a powiat code, or null (the region). */
export function placeOf(areaScope: 'region' | 'units', areas: readonly string[]): string | null {
  if (areaScope === 'region' || areas.length === 0) return null;
  if (areas.length === 1) return areas[0]!;
  const powiaty = new Set(areas.map((a) => a.slice(0, 4)));
  return powiaty.size === 1 ? [...powiaty][0]! : null;
}

interface Happening {
  needId: string;
  /** ISO time it happened. */
  at: string;
  /** What it adds (1, or PLN for the value formula). */
  n: number;
}

/** The published needs (of the categories asked for, when any) with the place each counts in. */
async function needPlaces(
  ctx: Db,
  categories: readonly string[] = [],
): Promise<Map<string, { place: string | null; example: boolean; row: repo.NeedRow }>> {
  const [all, areas] = await Promise.all([repo.listByStatus(ctx.db, PUBLISHED), repo.allAreas(ctx.db)]);
  const needs = categories.length ? all.filter((n) => categories.includes(n.category)) : all;
  const areasOf = new Map<string, string[]>();
  for (const a of areas) areasOf.set(a.need_id, [...(areasOf.get(a.need_id) ?? []), a.teryt]);
  return new Map(
    needs.map((n) => [n.id, { place: placeOf(n.area_scope, areasOf.get(n.id) ?? []), example: Boolean(n.is_example), row: n }]),
  );
}

function countFlow(needs: Awaited<ReturnType<typeof needPlaces>>, happenings: Happening[], asOf: string): FormulaGminaCount[] {
  const from = `${asOf.slice(0, 4)}-01-01`;
  const out = new Map<string | null, FormulaGminaCount>();
  for (const h of happenings) {
    const need = needs.get(h.needId);
    if (!need) continue;
    const day = warsawDay(h.at);
    if (day < from || day > asOf) continue;
    const c = out.get(need.place) ?? { gmina: need.place, n: 0, synthetic: 0 };
    c.n += h.n;
    if (need.example) c.synthetic += h.n;
    out.set(need.place, c);
  }
  return [...out.values()];
}

/** The source begins with the first publication; null while no need has been published. */
async function coverageStart(ctx: Db): Promise<string | null> {
  const days = [...(await needPlaces(ctx)).values()].flatMap((n) => (n.row.published_at ? [warsawDay(n.row.published_at)] : []));
  return days.length ? days.sort()[0]! : null;
}

function formula(
  key: string,
  label: 'published' | 'notified' | 'answers' | 'contracts' | 'value',
  happenings: (ctx: Db, needs: Awaited<ReturnType<typeof needPlaces>>) => Promise<Happening[]>,
): IndicatorFormula {
  return {
    key,
    label: (t) => t(`needs.formulas.${label}`),
    tables: TABLES,
    params: [CATEGORY_PARAM],
    // the source's first day is that of any category: a category without needs since then counts 0
    coverageStart,
    async countByGmina(ctx, asOf, params: FormulaParams) {
      const needs = await needPlaces(ctx, params.chosen?.[CATEGORY_PARAM.key]);
      return countFlow(needs, await happenings(ctx, needs), asOf);
    },
  };
}

const outcomes = (needs: Awaited<ReturnType<typeof needPlaces>>, value: boolean): Happening[] =>
  [...needs.values()].flatMap(({ row }) =>
    row.outcome_signed && row.outcome_at ? [{ needId: row.id, at: row.outcome_at, n: value ? Number(row.outcome_value ?? 0) : 1 }] : [],
  );

export const needsFormulas: IndicatorFormula[] = [
  formula('offers_needs_published', 'published', async (_ctx, needs) =>
    [...needs.values()].flatMap(({ row }) => (row.published_at ? [{ needId: row.id, at: row.published_at, n: 1 }] : [])),
  ),
  formula('offers_needs_entities_notified', 'notified', async (ctx) =>
    (await repo.noticesSent(ctx.db)).map((r) => ({ needId: r.need_id, at: r.sent_at, n: 1 })),
  ),
  formula('offers_needs_answers', 'answers', async (ctx) =>
    (await repo.answersGiven(ctx.db)).map((r) => ({ needId: r.need_id, at: r.answered_at, n: 1 })),
  ),
  formula('offers_needs_contracts', 'contracts', async (_ctx, needs) => outcomes(needs, false)),
  formula('offers_needs_contract_pln', 'value', async (_ctx, needs) => outcomes(needs, true)),
];
