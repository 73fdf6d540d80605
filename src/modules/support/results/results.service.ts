// The support centres' results as the public sees them: the indicators of RESULT_MEASURES from the
// indicators module's public read model (approved values only, small counts already "<3"), per
// subregion and year. A year's figure of a subregion belongs to the centre that served that subregion
// on any day of that year. The region page compares the subregions for the latest year with figures.
import type { ModuleContext } from '../../../core/module.js';
import type { Lang } from '../../../i18n/index.js';
import { publicIndicatorViews, type IndicatorView } from '../../indicators/index.js';
import { listSubregionsWithMembers, periodsOverlap } from '../../territory/index.js';
import * as repo from '../support.repo.js';
import { RESULT_MEASURES, type ResultMeasure } from './results.definitions.js';

export interface ResultCell {
  /** null when `isSuppressed` (a count below 3) — never the number. */
  value: number | null;
  isSuppressed: boolean;
  isExample: boolean;
}

export interface ResultRow {
  measure: ResultMeasure;
  name: string;
  unit: string;
  /** period → subregion code → cell */
  cells: Map<number, Map<string, ResultCell>>;
}

export interface ResultsTable {
  rows: ResultRow[];
  years: number[];
  subregions: { code: string; name: string }[];
  hasExample: boolean;
  /** The current programme whose indicators these are; null without one. */
  programmeSlug: string | null;
}

function rowOf(measure: ResultMeasure, view: IndicatorView, keep: (period: number, code: string) => boolean): ResultRow {
  const cells = new Map<number, Map<string, ResultCell>>();
  for (const f of view.figures) {
    if (!keep(f.period, f.territoryCode)) continue;
    const year = cells.get(f.period) ?? new Map<string, ResultCell>();
    year.set(f.territoryCode, { value: f.value, isSuppressed: f.isSuppressed === true, isExample: f.isExample });
    cells.set(f.period, year);
  }
  return { measure, name: view.indicator.name, unit: view.indicator.unit, cells };
}

async function subregionNames(ctx: ModuleContext, lang: Lang): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const s of await listSubregionsWithMembers(ctx)) names.set(s.code, lang === 'pl' ? s.name_pl : s.name_en);
  return names;
}

async function table(ctx: ModuleContext, lang: Lang, keep: (period: number, code: string) => boolean): Promise<ResultsTable> {
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
  const codes = new Set<string>();
  for (const r of rows)
    for (const [y, cells] of r.cells) {
      years.add(y);
      for (const c of cells.keys()) codes.add(c);
    }
  const names = await subregionNames(ctx, lang);
  return {
    rows,
    years: [...years].sort((a, b) => a - b),
    subregions: [...codes].sort().map((code) => ({ code, name: names.get(code) ?? code })),
    hasExample: rows.some((r) => [...r.cells.values()].some((c) => [...c.values()].some((x) => x.isExample))),
    programmeSlug: programme?.slug ?? null,
  };
}

/** One centre's results: the figures of the subregions it served, in the years it served them. */
export async function centreResults(ctx: ModuleContext, centreId: string, lang: Lang): Promise<ResultsTable> {
  const areas = await repo.listAreas(ctx.db, centreId);
  const served = (period: number, code: string) =>
    areas.some(
      (a) =>
        a.subregion_code === code &&
        periodsOverlap({ from: a.valid_from, to: a.valid_to }, { from: `${period}-01-01`, to: `${period}-12-31` }),
    );
  return table(ctx, lang, served);
}

/** All subregions' results (the region page compares them). */
export async function regionResults(ctx: ModuleContext, lang: Lang): Promise<ResultsTable> {
  return table(ctx, lang, (_period, code) => code !== 'region' && !/^\d+$/u.test(code));
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
