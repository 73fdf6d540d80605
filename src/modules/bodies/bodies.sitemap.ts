// The bodies' pages in the sitemap: the list and every body's page, dated by the body record's last change.
import { laterOf, listedSource, type SearchProvider, type SitemapPage, type SitemapSource } from '../portal/index.js';
import { textMatches } from '../../core/search/index.js';
import * as repo from './bodies.repo.js';

const pages = listedSource('bodies.pages', 55, async (ctx) => {
  const bodies = await repo.listBodies(ctx.db);
  const out: SitemapPage[] = [{ path: '/zespoly', lastmod: bodies.reduce<string | null>((max, b) => laterOf(max, b.updated_at), null) }];
  for (const b of bodies) out.push({ path: `/zespoly/${b.slug}`, lastmod: b.updated_at });
  return out;
});

export const bodiesSitemapSources: readonly SitemapSource[] = [pages];

/** The bodies in the site search, matched on the name and the description. */
export const bodiesSearch: SearchProvider = {
  id: 'bodies',
  label: 'bodies.searchGroup',
  order: 45,
  async search(ctx, terms, lang, limit) {
    const found = (await repo.listBodies(ctx.db)).filter((b) => textMatches(terms, b.name, b.description));
    return {
      total: found.length,
      hits: found.slice(0, limit).map((b) => ({
        title: b.name,
        path: `/zespoly/${b.slug}`,
        snippet: b.description.slice(0, 200),
        ...(lang === 'en' ? { lang: 'pl' as const } : {}),
      })),
    };
  },
};
