// The events' pages in the sitemap: the list, the archive and every published event, dated by its
// record's last change.
import { laterOf, listedSource, type SearchProvider, type SitemapPage, type SitemapSource } from '../portal/index.js';
import { textMatches } from '../../core/search/index.js';
import { formatters } from '../../i18n/index.js';
import * as repo from './events.repo.js';

const pages = listedSource('events.pages', 55, async (ctx) => {
  const published = await repo.listEvents(ctx.db, { publishedOnly: true });
  const last = published.reduce<string | null>((max, e) => laterOf(max, e.updated_at), null);
  const out: SitemapPage[] = [
    { path: '/wydarzenia', lastmod: last },
    { path: '/wydarzenia/archiwum', lastmod: last },
  ];
  for (const e of published) out.push({ path: `/wydarzenia/${e.id}`, lastmod: e.updated_at });
  return out;
});

export const eventsSitemapSources: readonly SitemapSource[] = [pages];

/** Published events in the site search, newest first, matched on the title and the description. */
export const eventsSearch: SearchProvider = {
  id: 'events',
  label: 'events.searchGroup',
  order: 35,
  async search(ctx, terms, lang, limit) {
    const fmt = formatters(lang);
    const found = (await repo.listEvents(ctx.db, { publishedOnly: true }))
      .filter((e) => textMatches(terms, e.title, e.description))
      .sort((a, b) => b.starts_at.localeCompare(a.starts_at));
    return {
      total: found.length,
      hits: found.slice(0, limit).map((e) => ({
        title: e.title,
        path: `/wydarzenia/${e.id}`,
        snippet: `${fmt.date(e.starts_at)} — ${e.organiser}`,
        ...(lang === 'en' ? { lang: 'pl' as const } : {}),
      })),
    };
  },
};
