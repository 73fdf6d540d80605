// The consultations' pages in the sitemap: the list, every published consultation and its published
// report. A consultation's page is dated by its record's last change; its report by its publication.
import { laterOf, listedSource, type SitemapPage, type SitemapSource } from '../portal/index.js';
import * as repo from './consultations.repo.js';

const pages = listedSource('consultations.pages', 50, async (ctx) => {
  const published = await repo.listConsultations(ctx.db, true);
  const out: SitemapPage[] = [
    { path: '/konsultacje', lastmod: published.reduce<string | null>((max, c) => laterOf(max, c.updated_at), null) },
  ];
  for (const c of published) {
    out.push({ path: `/konsultacje/${c.id}`, lastmod: c.updated_at });
    if (c.is_report_published) out.push({ path: `/konsultacje/${c.id}/raport`, lastmod: c.report_published_at ?? c.updated_at });
  }
  return out;
});

export const consultationsSitemapSources: readonly SitemapSource[] = [pages];
