// The evaluation pages in the sitemap: the list of studies, the recommendations table and every
// published study, dated by the study's last change.
import { laterOf, listedSource, type SitemapPage, type SitemapSource } from '../portal/index.js';
import * as repo from './evaluation.repo.js';

const pages = listedSource('evaluation.pages', 50, async (ctx) => {
  const studies = await repo.listStudies(ctx.db, true);
  const last = studies.reduce<string | null>((max, s) => laterOf(max, s.updated_at), null);
  const out: SitemapPage[] = [
    { path: '/ewaluacja', lastmod: last },
    { path: '/ewaluacja/rekomendacje', lastmod: last },
  ];
  for (const s of studies) out.push({ path: `/ewaluacja/${s.id}`, lastmod: s.updated_at });
  return out;
});

export const evaluationSitemapSources: readonly SitemapSource[] = [pages];
