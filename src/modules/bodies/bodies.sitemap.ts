// The bodies' pages in the sitemap: the list and every body's page, dated by the body record's last change.
import { laterOf, listedSource, type SitemapPage, type SitemapSource } from '../portal/index.js';
import * as repo from './bodies.repo.js';

const pages = listedSource('bodies.pages', 55, async (ctx) => {
  const bodies = await repo.listBodies(ctx.db);
  const out: SitemapPage[] = [{ path: '/zespoly', lastmod: bodies.reduce<string | null>((max, b) => laterOf(max, b.updated_at), null) }];
  for (const b of bodies) out.push({ path: `/zespoly/${b.slug}`, lastmod: b.updated_at });
  return out;
});

export const bodiesSitemapSources: readonly SitemapSource[] = [pages];
