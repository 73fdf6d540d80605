// The indicators' pages in the sitemap: each programme's list of indicators, every indicator's page
// and every published annual report. An indicator's page changes with its approved values (what it
// shows), else it is as old as its programme's record; a report is dated by its publication.
import { laterOf, listedSource, type SitemapPage, type SitemapSource } from '../portal/index.js';
import * as repo from './indicators.repo.js';
import { indicatorPath } from './indicators.views.js';
import { listPublishedReports } from './report/report.repo.js';
import { reportPath } from './report/report.service.js';

const pages = listedSource('indicators.pages', 45, async (ctx) => {
  const [indicators, changes, reports] = await Promise.all([
    repo.listIndicatorsWithProgramme(ctx.db),
    repo.latestApprovedValueChanges(ctx.db),
    listPublishedReports(ctx.db),
  ]);
  const lists = new Map<string, string | null>();
  const out: SitemapPage[] = [];
  for (const i of indicators) {
    const lastmod = laterOf(i.programme_updated_at, changes.get(i.id));
    lists.set(i.slug, laterOf(lists.get(i.slug), lastmod));
    out.push({ path: indicatorPath(i.slug, i.code), lastmod });
  }
  return [
    ...[...lists].map(([slug, lastmod]) => ({ path: `/program/${slug}/wskazniki`, lastmod })),
    ...out,
    ...reports.map((r) => ({ path: reportPath(r.slug, r.year), lastmod: r.published_at })),
  ];
});

export const indicatorsSitemapSources: readonly SitemapSource[] = [pages];
