// The registry's pages in the sitemap: the catalogue and its map, and one profile per entity (all but
// those merged into another record, whose address redirects). The registry may hold 100,000 entities,
// so they are listed in batches of the primary key (keyset), and their count — one statement over the
// whole table — is kept until the next write to the registry, like the catalogue's facet counts.
import { listedSource, type SitemapSource } from '../portal/index.js';
import { cachedUntilWrite } from './catalogue/registry.catalogue.js';
import * as repo from './entity/registry.repo.js';
import { entityPath } from './entity/registry.service.js';

/** The catalogue shows the registry as of today and the map follows it: neither has one date of change. */
const landing = listedSource('registry.landing', 20, async () => [
  { path: '/podmioty', lastmod: null },
  { path: '/podmioty/mapa', lastmod: null },
]);

const entities: SitemapSource = {
  id: 'registry.entities',
  order: 21,
  count: (ctx) => cachedUntilWrite(ctx, 'sitemap-count', () => repo.countListedEntities(ctx.db)),
  async list(ctx, from, limit) {
    const rows = await repo.listedEntityHeads(ctx.db, from, limit);
    return {
      pages: rows.map((e) => ({ path: entityPath(e), lastmod: e.updated_at })),
      next: rows.length === limit ? rows[rows.length - 1]!.id : null,
    };
  },
};

export const registrySitemapSources: readonly SitemapSource[] = [landing, entities];
