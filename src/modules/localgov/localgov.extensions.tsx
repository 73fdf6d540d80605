// What the localgov module adds to other modules' pages: the cooperation card (with the unit's
// awards) on every gmina and powiat profile (territory `profileSections`), the years' tables in the sitemap and the local
// governments with records in the site search.
import { textMatches } from '../../core/search/index.js';
import { listedSource, type SearchProvider, type SitemapSource } from '../portal/index.js';
import type { ProfileSection } from '../territory/index.js';
import * as svc from './localgov.service.js';
import { CooperationCard } from './localgov.views.js';
import { awardsOfUnit } from './awards/awards.service.js';
import { UnitAwards } from './awards/awards.views.js';

export const cooperationProfileSection: ProfileSection = {
  id: 'localgov-cooperation',
  order: 16,
  titleKey: 'localgov.card.title',
  async render(ctx, request, unit) {
    const [row, awards] = await Promise.all([svc.latestOfUnit(ctx, unit.teryt, request.lang), awardsOfUnit(ctx, unit.teryt, request.lang)]);
    return (
      <>
        <CooperationCard row={row} />
        <UnitAwards awards={awards} />
      </>
    );
  },
};

export const localgovSearch: SearchProvider = {
  id: 'localgov',
  label: 'localgov.searchGroup',
  order: 45,
  async search(ctx, terms, lang, limit) {
    const year = (await svc.yearsWithRecords(ctx))[0]!;
    const found = (await svc.tableOfYear(ctx, year, lang)).filter((r) => textMatches(terms, r.unitLabel));
    return {
      total: found.length,
      hits: found.slice(0, limit).map((r) => ({ title: r.unitLabel, path: `/terytorium/${r.unit_teryt}`, snippet: r.source })),
    };
  },
};

export const localgovSitemapSources: SitemapSource[] = [
  listedSource('localgov.years', 58, async (ctx) =>
    (await svc.yearsWithRecords(ctx)).map((y) => ({ path: `/samorzady?rok=${y}`, lastmod: null })),
  ),
];
