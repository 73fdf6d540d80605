// Indicators in the site search, by code, name and description, each leading to its public page. A
// programme has tens of indicators, so they are read whole and matched in memory by the rule the text
// indexes apply (core/search `textMatches`); an example indicator says so in its snippet. Their text
// exists only in Polish, so on English pages each hit is marked as Polish.
import { textMatches } from '../../core/search/index.js';
import { translator } from '../../i18n/index.js';
import type { SearchProvider } from '../portal/index.js';
import * as repo from './indicators.repo.js';
import { indicatorPath } from './indicators.views.js';

export const indicatorsSearch: SearchProvider = {
  id: 'indicators',
  label: 'indicators.searchGroup',
  order: 45,
  async search(ctx, terms, lang, limit) {
    const t = translator(lang);
    const found = (await repo.listIndicatorsWithProgramme(ctx.db)).filter((i) => textMatches(terms, i.code, i.name, i.description));
    return {
      total: found.length,
      hits: found.slice(0, limit).map((i) => {
        const where = [
          i.programme_short_name ?? i.programme_title,
          i.unit,
          ...(i.is_example ? [t('indicators.exampleIndicator')] : []),
        ].join(' · ');
        return {
          title: `${i.code} ${i.name}`,
          path: indicatorPath(i.slug, i.code),
          snippet: i.description ? `${where} — ${i.description}` : where,
          ...(lang === 'en' ? { lang: 'pl' as const } : {}),
        };
      }),
    };
  },
};
