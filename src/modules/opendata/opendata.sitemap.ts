// The open-data page in the sitemap. It lists datasets whose last changes differ and are read from
// their owners on each view, so the page itself records no one date of change (lastmod null).
import { listedSource, type SitemapSource } from '../portal/index.js';

export const opendataSitemapSources: readonly SitemapSource[] = [
  listedSource('opendata.page', 85, async () => [{ path: '/dane', lastmod: null }]),
];
