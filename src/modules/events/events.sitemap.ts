// The events' pages in the sitemap: the list, the archive and every published event, dated by its
// record's last change.
import { laterOf, listedSource, type SitemapPage, type SitemapSource } from '../portal/index.js';
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
