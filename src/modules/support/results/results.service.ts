// The support centres' results as the public sees them: the indicators of RESULT_MEASURES from the
// indicators module's public read model (approved values only, small counts already "<3"), per
// subregion and year. A year's figure of a subregion belongs to the centre that served that subregion
// on any day of that year (a quarter's figure, on any day of that quarter: centres report per quarter
// in quarterly rounds, and the year's figure is then the sum of its approved quarters). The region
// page compares the subregions for the latest year with figures.
import type { ModuleContext } from '../../../core/module.js';
import type { Lang } from '../../../i18n/index.js';
import { publicIndicatorViews, type IndicatorView, type Quarter } from '../../indicators/index.js';
import { listSubregionsWithMembers, periodsOverlap } from '../../territory/index.js';
import * as repo from '../support.repo.js';
import { RESULT_MEASURES, type ResultMeasure } from './results.definitions.js';

export interface ResultCell {
  /** null when `isSuppressed` (a count below 3) — never the number. */
  value: number | null;
  isSuppressed: boolean;
  /** A quarter hidden because another quarter of its year is a small count (indicators' `withholdQuarters`). */
  isWithheld?: boolean;
  isExample: boolean;
}

export interface ResultRow {
  measure: ResultMeasure;
  name: string;
  unit: string;
  /** period → subregion code → cell */
  cells: Map<number, Map<string, ResultCell>>;
  /** quarter key (`2026-1`, quarterKey) → subregion code → cell, for the quarters reported in quarterly rounds */
  quarterCells: Map<string, Map<string, ResultCell>>;
}

export interface QuarterRef {
  year: number;
  quarter: Quarter;
}

export const quarterKey = (q: QuarterRef): string => `${q.year}-${q.quarter}`;

/** The first and last day of a quarter (`YYYY-MM-DD`). */
function quarterDays(year: number, quarter: number): { from: string; to: string } {
  const first = 3 * (quarter - 1) + 1;
  const last = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { from: `${year}-${mm(first)}-01`, to: `${year}-${mm(first + 2)}-${last}` };
}

export interface ResultsTable {
  rows: ResultRow[];
  years: number[];
  /** Quarters with a figure, in time order. */
  quarters: QuarterRef[];
  subregions: { code: string; name: string }[];
  hasExample: boolean;
  /** The current programme whose indicators these are; null without one. */
  programmeSlug: string | null;
}

/** Which figures a table keeps: a subregion's in a period (a year, or a quarter of it). */
type Keep = (code: string, days: { from: string; to: string }) => boolean;

function rowOf(measure: ResultMeasure, view: IndicatorView, keep: Keep): ResultRow {
  const cells = new Map<number, Map<string, ResultCell>>();
  for (const f of view.figures) {
    if (!keep(f.territoryCode, { from: `${f.period}-01-01`, to: `${f.period}-12-31` })) continue;
    const year = cells.get(f.period) ?? new Map<string, ResultCell>();
    year.set(f.territoryCode, { value: f.value, isSuppressed: f.isSuppressed === true, isExample: f.isExample });
    cells.set(f.period, year);
  }
  const quarterCells = new Map<string, Map<string, ResultCell>>();
  for (const f of view.quarterFigures) {
    if (!keep(f.territoryCode, quarterDays(f.period, f.quarter))) continue;
    const key = `${f.period}-${f.quarter}`;
    const quarter = quarterCells.get(key) ?? new Map<string, ResultCell>();
    quarter.set(f.territoryCode, {
      value: f.value,
      isSuppressed: f.isSuppressed === true,
      isWithheld: f.isWithheld === true,
      isExample: f.isExample,
    });
    quarterCells.set(key, quarter);
  }
  return { measure, name: view.indicator.name, unit: view.indicator.unit, cells, quarterCells };
}

async function subregionNames(ctx: ModuleContext, lang: Lang): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const s of await listSubregionsWithMembers(ctx)) names.set(s.code, lang === 'pl' ? s.name_pl : s.name_en);
  return names;
}

async function table(ctx: ModuleContext, lang: Lang, keep: Keep): Promise<ResultsTable> {
  const { programme, views } = await publicIndicatorViews(
    ctx,
    RESULT_MEASURES.map((m) => m.code),
  );
  const byCode = new Map(views.map((v) => [v.indicator.code, v]));
  const rows = RESULT_MEASURES.flatMap((m) => {
    const v = byCode.get(m.code);
    return v ? [rowOf(m, v, keep)] : [];
  });
  const years = new Set<number>();
  const quarters = new Map<string, QuarterRef>();
  const codes = new Set<string>();
  for (const r of rows) {
    for (const [y, cells] of r.cells) {
      years.add(y);
      for (const c of cells.keys()) codes.add(c);
    }
    for (const [key, cells] of r.quarterCells) {
      const [year, quarter] = key.split('-').map(Number) as [number, Quarter];
      quarters.set(key, { year, quarter });
      for (const c of cells.keys()) codes.add(c);
    }
  }
  const names = await subregionNames(ctx, lang);
  return {
    rows,
    years: [...years].sort((a, b) => a - b),
    quarters: [...quarters.values()].sort((a, b) => a.year - b.year || a.quarter - b.quarter),
    subregions: [...codes].sort().map((code) => ({ code, name: names.get(code) ?? code })),
    hasExample: rows.some((r) => [...r.cells.values(), ...r.quarterCells.values()].some((c) => [...c.values()].some((x) => x.isExample))),
    programmeSlug: programme?.slug ?? null,
  };
}

/** One centre's results: the figures of the subregions it served, in the years it served them. */
export async function centreResults(ctx: ModuleContext, centreId: string, lang: Lang): Promise<ResultsTable> {
  const areas = await repo.listAreas(ctx.db, centreId);
  const served: Keep = (code, days) =>
    areas.some((a) => a.subregion_code === code && periodsOverlap({ from: a.valid_from, to: a.valid_to }, days));
  return table(ctx, lang, served);
}

/** All subregions' results (the region page compares them). */
export async function regionResults(ctx: ModuleContext, lang: Lang): Promise<ResultsTable> {
  return table(ctx, lang, (code) => code !== 'region' && !/^\d+$/u.test(code));
}

/** The flat rows of the CSV and the API: one per measure, year and subregion. */
export interface FlatResult {
  code: string;
  measure: string;
  unit: string;
  period: number;
  subregionCode: string;
  subregion: string;
  cell: ResultCell;
}

export function flatten(t: ResultsTable): FlatResult[] {
  const names = new Map(t.subregions.map((s) => [s.code, s.name]));
  const out: FlatResult[] = [];
  for (const r of t.rows)
    for (const year of t.years)
      for (const [code, cell] of r.cells.get(year) ?? [])
        out.push({
          code: r.measure.code,
          measure: r.name,
          unit: r.unit,
          period: year,
          subregionCode: code,
          subregion: names.get(code) ?? code,
          cell,
        });
  return out;
}
