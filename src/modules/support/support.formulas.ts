// "Centres with valid accreditation" as a formula of computed programme indicators (the indicators
// module's `indicatorFormulas` extension point): a stock, counted on the day asked — a centre counts
// when one of its accreditations covers that day. A centre is counted in the gmina of its first
// office (so a breakdown by powiat or subregion places it where it works), or only in the region's
// total while it has no office. Example centres make the figure example data.
import type { ModuleContext } from '../../core/module.js';
import type { FormulaGminaCount, IndicatorFormula } from '../indicators/index.js';
import * as repo from './support.repo.js';

export const ACCREDITED_CENTRES_FORMULA = 'support_accredited_centres';

export async function countAccreditedCentres(ctx: Pick<ModuleContext, 'db'>, asOf: string): Promise<FormulaGminaCount[]> {
  const [centres, accreditations, offices] = await Promise.all([
    repo.listCentres(ctx.db),
    repo.listAccreditations(ctx.db),
    repo.listOffices(ctx.db),
  ]);
  const counts = new Map<string | null, { n: number; synthetic: number }>();
  for (const c of centres) {
    if (!accreditations.some((a) => a.centre_id === c.id && a.valid_from <= asOf && asOf <= a.valid_to)) continue;
    const gmina = offices.filter((o) => o.centre_id === c.id).sort((a, b) => a.position - b.position)[0]?.gmina_teryt ?? null;
    const k = counts.get(gmina) ?? { n: 0, synthetic: 0 };
    k.n += 1;
    if (c.is_example) k.synthetic += 1;
    counts.set(gmina, k);
  }
  return [...counts].map(([gmina, k]) => ({ gmina, ...k }));
}

export const accreditedCentresFormula: IndicatorFormula = {
  key: ACCREDITED_CENTRES_FORMULA,
  label: (t) => t('support.formula.accredited'),
  tables: ['support_centres', 'support_accreditations', 'support_centre_offices'],
  // the first day any recorded accreditation covers; unknown before it and while none is recorded
  coverageStart: async (ctx) => {
    const all = await repo.listAccreditations(ctx.db);
    return all.length ? all.map((a) => a.valid_from).sort()[0]! : null;
  },
  countByGmina: (ctx, asOf) => countAccreditedCentres(ctx, asOf),
};
