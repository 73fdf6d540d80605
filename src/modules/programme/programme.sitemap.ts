// The programme's pages in the sitemap: `/program` (the current programme, or the page saying there
// is none), the archive, every other programme's page, and the versions of each programme's text.
// A programme's page changes with its record and its newest version; edits of the objective tree
// leave no date on the programme, so they are not seen here until the record changes.
import { laterOf, listedSource, type SitemapPage, type SitemapSource } from '../portal/index.js';
import * as repo from './programme.repo.js';
import { listAllVersions } from './versions.repo.js';

const pages = listedSource('programme.pages', 40, async (ctx) => {
  const [programmes, versions] = await Promise.all([repo.listProgrammes(ctx.db), listAllVersions(ctx.db)]);
  const newestVersion = new Map<string, string>();
  for (const v of versions) newestVersion.set(v.programme_id, laterOf(newestVersion.get(v.programme_id), v.created_at)!);
  const current = programmes.find((p) => p.is_current);
  const changed = (p: (typeof programmes)[number]) => laterOf(p.updated_at, newestVersion.get(p.id));
  const out: SitemapPage[] = [
    { path: '/program', lastmod: current ? changed(current) : null },
    { path: '/program/archiwum', lastmod: programmes.reduce<string | null>((max, p) => laterOf(max, p.updated_at), null) },
  ];
  for (const p of programmes) {
    // the current programme lives at `/program`; its own address redirects there
    if (!p.is_current) out.push({ path: `/program/${p.slug}`, lastmod: changed(p) });
    const own = versions.filter((v) => v.programme_id === p.id);
    if (own.length > 0) out.push({ path: `/program/${p.slug}/wersje`, lastmod: newestVersion.get(p.id)! });
    for (const v of own) out.push({ path: `/program/${p.slug}/wersje/${v.number}`, lastmod: v.created_at });
  }
  return out;
});

export const programmeSitemapSources: readonly SitemapSource[] = [pages];
