// Computed programme indicators contributed by the localgov module ("indicatorFormulas"): the number
// of local governments with a measure in a year — a local programme or strategy, a coordinator,
// social clauses used, public tasks commissioned to PES — read from the year's merged rows (staff
// records and approved survey values). The year is the year of `asOf`. A gmina counts in its gmina;
// a powiat's government has no gmina and counts for the region as a whole. Unknown never counts.
import type { ModuleContext } from '../../core/module.js';
import type { IndicatorFormula } from '../indicators/index.js';
import * as repo from './localgov.repo.js';
import { tableOfYear, type TableRow } from './localgov.service.js';
import { commissionedTasks, usedClauses } from './map/map.service.js';
import { surveyFigures } from './survey/survey.service.js';

const MEASURES = {
  localgov_programme: (r: TableRow) => r.programme === 'yes',
  localgov_coordinator: (r: TableRow) => r.coordinator === 'yes',
  localgov_clauses: (r: TableRow) => usedClauses(r) === 'yes',
  localgov_tasks: (r: TableRow) => commissionedTasks(r) === 'yes',
} as const;
type Key = keyof typeof MEASURES;

async function firstYear(ctx: Pick<ModuleContext, 'db'>): Promise<number | null> {
  const [years, figures] = await Promise.all([repo.years(ctx.db), surveyFigures(ctx, 'pl')]);
  const all = [...years, ...figures.map((f) => f.year)];
  return all.length ? Math.min(...all) : null;
}

function formula(key: Key): IndicatorFormula {
  return {
    key,
    label: (t) => t(`localgov.formula.${key}`),
    tables: ['localgov_cooperation', 'indicator_values'],
    coverageStart: async (ctx) => {
      const y = await firstYear(ctx);
      return y === null ? null : `${y}-01-01`;
    },
    countByGmina: async (ctx, asOf) => {
      const rows = (await tableOfYear(ctx, Number(asOf.slice(0, 4)), 'pl')).filter(MEASURES[key]);
      const counts = new Map<string | null, { n: number; synthetic: number }>();
      for (const r of rows) {
        const gmina = r.unit_teryt.length === 7 ? r.unit_teryt : null;
        const c = counts.get(gmina) ?? { n: 0, synthetic: 0 };
        c.n += 1;
        if (r.isExample) c.synthetic += 1;
        counts.set(gmina, c);
      }
      return [...counts].map(([gmina, c]) => ({ gmina, ...c }));
    },
  };
}

export const localgovFormulas: IndicatorFormula[] = (Object.keys(MEASURES) as Key[]).map(formula);
