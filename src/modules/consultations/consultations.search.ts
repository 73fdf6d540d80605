// Published consultations in the site search, by title and description, with their phase. They are
// few (a handful a year), so they are read whole and matched in memory by the rule the text indexes
// apply (core/search `textMatches`). Their text exists only in Polish, so on English pages each hit
// is marked as Polish.
import { textMatches } from '../../core/search/index.js';
import { translator } from '../../i18n/index.js';
import { markdownToText } from '../../core/text/markdown.js';
import type { SearchProvider } from '../portal/index.js';
import { listForPublic } from './consultations.service.js';

export const consultationsSearch: SearchProvider = {
  id: 'consultations',
  label: 'consultations.searchGroup',
  order: 50,
  async search(ctx, terms, lang, limit) {
    const t = translator(lang);
    const found = (await listForPublic(ctx)).filter(({ c }) => textMatches(terms, c.title, markdownToText(c.description)));
    return {
      total: found.length,
      hits: found.slice(0, limit).map(({ c, phase }) => ({
        title: c.title,
        path: `/konsultacje/${c.id}`,
        snippet: `${t(`consultations.phases.${phase}`)} — ${markdownToText(c.description)}`,
        ...(lang === 'en' ? { lang: 'pl' as const } : {}),
      })),
    };
  },
};
