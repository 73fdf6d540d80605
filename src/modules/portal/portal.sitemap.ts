// The portal's pages in the sitemap: the home page, its own landing pages (news, documents, contact,
// the accessibility statement), and every published information page, news item and document.
// Each list is short (the heads only: path and time of change), so each is read whole.
import { nowIso } from '../../core/db/time.js';
import * as contentRepo from './content.repo.js';
import { visiblePages } from './content.service.js';
import * as docsRepo from './documents.repo.js';
import { laterOf, listedSource, type SitemapSource } from './sitemap.js';
import { getStatement, STATEMENT_PATH } from './statement.service.js';

const landing = listedSource('portal.landing', 10, async (ctx) => {
  const now = nowIso(ctx.clock);
  const [news, documents, statement] = await Promise.all([
    contentRepo.listPublishedNewsHeads(ctx.db, now),
    docsRepo.listPublishedDocumentHeads(ctx.db),
    getStatement(ctx),
  ]);
  const newest = (rows: readonly { updated_at: string }[]) => rows.reduce<string | null>((max, r) => laterOf(max, r.updated_at), null);
  return [
    // the home page gathers every module's sections: no one date stands for it
    { path: '/', lastmod: null },
    { path: '/aktualnosci', lastmod: newest(news) },
    { path: '/dokumenty', lastmod: newest(documents) },
    { path: '/kontakt', lastmod: null },
    { path: STATEMENT_PATH, lastmod: statement.updatedOn || null },
  ];
});

const pages = listedSource('portal.pages', 11, async (ctx) =>
  visiblePages(await contentRepo.listPageHeads(ctx.db), nowIso(ctx.clock)).map((p) => ({ path: `/${p.path}`, lastmod: p.updated_at })),
);

const news = listedSource('portal.news', 12, async (ctx) =>
  (await contentRepo.listPublishedNewsHeads(ctx.db, nowIso(ctx.clock))).map((n) => ({
    path: `/aktualnosci/${n.slug}`,
    lastmod: n.updated_at,
  })),
);

const documents = listedSource('portal.documents', 13, async (ctx) =>
  (await docsRepo.listPublishedDocumentHeads(ctx.db)).map((d) => ({ path: `/dokumenty/${d.id}`, lastmod: d.updated_at })),
);

export const portalSitemapSources: readonly SitemapSource[] = [landing, pages, news, documents];
