// The public maps and ranking of local governments' cooperation: each measure read from a year's
// merged rows (staff records and approved survey values) as yes/no or a number per unit — unknown
// stays unknown (hatched on the map, "brak danych" in the table), never "no" or zero. The map has
// two levels: the gminy (gmina records) and the powiaty (powiat records — a powiat's own record,
// never a sum of its gminy's). The value of commissioned tasks per inhabitant uses the population
// of the same year when loaded (else the newest year loaded, which the page names); a gmina without
// population stays unknown. Population is loaded per gmina only, so a powiat's population is the
// sum of its gminy — its territory is exactly theirs — counted only when every gmina of the powiat
// has a figure for that year; one missing gmina leaves the powiat unknown rather than undercounted
// (the page says so). The ranking gives one point per criterion met and shows every criterion of
// every unit.
import type { ModuleContext } from '../../../core/module.js';
import type { Lang } from '../../../i18n/index.js';
import { measureForYear } from '../../territory/index.js';
import { tableOfYear, unitOptions, type TableRow } from '../localgov.service.js';

export const MAP_MEASURES = ['clauses', 'programme', 'coordinator', 'clauses_count', 'tasks_count', 'tasks_per_inhabitant'] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];
export const YES_NO_MAP: ReadonlySet<MapMeasure> = new Set(['clauses', 'programme', 'coordinator']);
/** The map's levels as the URL names them (`poziom=`): gminy by default, or powiaty. */
export const MAP_LEVELS = ['gminy', 'powiaty'] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];

export type Answer = 'yes' | 'no' | null;

/** Used social clauses: yes when any procedure or kind is known, no only when zero procedures were reported. */
export function usedClauses(r: Pick<TableRow, 'clauses_count' | 'clause_kinds'>): Answer {
  if ((r.clauses_count ?? 0) > 0 || (r.clause_kinds !== null && r.clause_kinds !== '')) return 'yes';
  return r.clauses_count === 0 ? 'no' : null;
}

export function commissionedTasks(r: Pick<TableRow, 'tasks_count' | 'tasks_value_pln'>): Answer {
  if ((r.tasks_count ?? 0) > 0 || Number(r.tasks_value_pln ?? 0) > 0) return 'yes';
  return r.tasks_count === 0 ? 'no' : null;
}

export interface MapCell {
  teryt: string;
  name: string;
  /** yes/no measures: the answer; numeric ones: the number; null: unknown. */
  value: Answer | number;
}

export interface MapData {
  measure: MapMeasure;
  level: MapLevel;
  year: number;
  cells: MapCell[];
  /** The population's year used for per-inhabitant values (null when none is loaded or not needed). */
  populationYear: number | null;
}

/**
 * Population per powiat: the sum of its gminy when every one of them has a figure, else no entry
 * (unknown). A powiat is the gminy whose TERYT starts with its four digits.
 */
export function powiatPopulation(
  powiaty: readonly string[],
  gminy: readonly string[],
  perGmina: ReadonlyMap<string, number>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of powiaty) {
    const own = gminy.filter((g) => g.startsWith(p));
    if (own.length === 0) continue;
    let sum = 0;
    let complete = true;
    for (const g of own) {
      const v = perGmina.get(g);
      if (v === undefined) complete = false;
      else sum += v;
    }
    if (complete) out.set(p, sum);
  }
  return out;
}

export async function mapData(
  ctx: ModuleContext,
  measure: MapMeasure,
  year: number,
  lang: Lang,
  level: MapLevel = 'gminy',
): Promise<MapData> {
  const [rows, units, population] = await Promise.all([
    tableOfYear(ctx, year, lang),
    unitOptions(ctx, lang),
    measure === 'tasks_per_inhabitant' ? measureForYear(ctx, 'population', year) : Promise.resolve(null),
  ]);
  const byTeryt = new Map(rows.map((r) => [r.unit_teryt, r]));
  const kind = level === 'powiaty' ? 'powiat' : 'gmina';
  const shown = units.filter((u) => u.kind === kind);
  const people: ReadonlyMap<string, number> | undefined =
    population && level === 'powiaty'
      ? powiatPopulation(
          shown.map((u) => u.teryt),
          units.filter((u) => u.kind === 'gmina').map((u) => u.teryt),
          population.values,
        )
      : population?.values;
  const cells = shown.map((u): MapCell => {
    const r = byTeryt.get(u.teryt);
    let value: Answer | number = null;
    if (r) {
      if (measure === 'clauses') value = usedClauses(r);
      else if (measure === 'programme' || measure === 'coordinator') value = r[measure];
      else if (measure === 'clauses_count' || measure === 'tasks_count') value = r[measure];
      else {
        const n = people?.get(u.teryt);
        value = r.tasks_value_pln !== null && n ? Math.round((Number(r.tasks_value_pln) / n) * 100) / 100 : null;
      }
    }
    return { teryt: u.teryt, name: u.label, value };
  });
  return { measure, level, year, cells, populationYear: population?.year ?? null };
}

export const CRITERIA = ['programme', 'coordinator', 'clauses', 'tasks'] as const;
export type Criterion = (typeof CRITERIA)[number];

export interface RankingRow {
  teryt: string;
  label: string;
  rank: number;
  points: number;
  criteria: Record<Criterion, Answer>;
  /** How many criteria are unknown (they earn no point). */
  unknown: number;
}

/** Every unit with a row in the year, by points (ties share a rank: 1, 1, 3), then by name. */
export function ranking(rows: readonly TableRow[]): RankingRow[] {
  const scored = rows.map((r) => {
    const criteria: Record<Criterion, Answer> = {
      programme: r.programme,
      coordinator: r.coordinator,
      clauses: usedClauses(r),
      tasks: commissionedTasks(r),
    };
    const values = Object.values(criteria);
    return {
      teryt: r.unit_teryt,
      label: r.unitLabel,
      rank: 0,
      points: values.filter((v) => v === 'yes').length,
      criteria,
      unknown: values.filter((v) => v === null).length,
    };
  });
  scored.sort((a, b) => b.points - a.points); // stable: rows come in Polish order of the name
  scored.forEach((s, i) => {
    s.rank = i > 0 && scored[i - 1]!.points === s.points ? scored[i - 1]!.rank : i + 1;
  });
  return scored;
}

export async function rankingOfYear(ctx: ModuleContext, year: number, lang: Lang): Promise<RankingRow[]> {
  return ranking(await tableOfYear(ctx, year, lang));
}
