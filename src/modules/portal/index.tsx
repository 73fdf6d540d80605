// Public face of the portal module: information pages, news, the document library, contact
// form, site search, feeds and the accessibility statement. Other modules attach library
// documents (findDocumentChoices, LibraryDocumentsPicker, attachedDocuments) and add their own search results and sitemap pages (`searchProviders`,
// `sitemapSources` in `contributes`).
import { registerUploads } from '../../core/http/uploads.js';
import type { AppModule, ModuleContext } from '../../core/module.js';
import type { HeadMeta } from '../../core/ui/context.js';
import { CachedFragment, identityKey } from '../../core/ui/fragment.js';
import { translator, type Lang } from '../../i18n/index.js';
import type { HomeSection } from '../site/index.js';
import { contentRoutes, newsCard } from './content.routes.js';
import { latestNews } from './content.service.js';
import { HomeNewsSection } from './content.views.js';
import { documentsRoutes } from './documents.routes.js';
import { portalMigrations } from './migrations/index.js';
import { publicRoutes } from './public.routes.js';
import { portalSearchProviders } from './search.service.js';
import { portalSitemapSources } from './portal.sitemap.js';
import { sitemapRoutes } from './sitemap.routes.js';
import { seedPortalDemo } from './seed.js';
import { seedStatementDefaults, STATEMENT_PATH, statementUrl } from './statement.service.js';
import { portalErrors } from './portal.declarations.js';
import './portal.tables.js';

export {
  attachedDocuments,
  documentChoices,
  findDocumentChoices,
  publishedDocumentChoice,
  type AttachedDocument,
  type DocumentPick,
} from './documents.service.js';
export { LibraryDocumentsPage, LibraryDocumentsPicker } from './documents.picker.js';
export type { SearchProvider, SearchHit } from './search.service.js';
export { laterOf, listedSource, type SitemapSource, type SitemapPage } from './sitemap.js';
export { manageContent } from './portal.policy.js';
export { STATEMENT_PATH } from './statement.service.js';

/** The latest news on the home page, rendered once per list and language. */
const latestNewsSection: HomeSection = {
  id: 'portal.latest-news',
  // after the figures (5), open consultations (10), the map teaser (20) and upcoming events (30)
  order: 50,
  async render(ctx, request) {
    const latest = await latestNews(ctx, 3);
    return (
      <CachedFragment contentKey={`${identityKey(latest)}`}>
        {() => <HomeNewsSection items={latest.items.map((n) => newsCard(n, request.lang))} />}
      </CachedFragment>
    );
  },
};

/** The site search (`/szukaj?q=`), offered in every page's header. */
export const PORTAL_SEARCH = { path: '/szukaj', param: 'q' } as const;

/** Links every page's footer carries (the accessibility statement must be reachable from everywhere). */
export function portalFooterLinks(lang: Lang): { label: string; path: string }[] {
  const t = translator(lang);
  return [
    { label: t('statement.title'), path: STATEMENT_PATH },
    { label: t('contact.title'), path: '/kontakt' },
    { label: t('search.title'), path: '/szukaj' },
  ];
}

/** The statutory `<meta name="deklaracja-dostępności">` of every page. */
export function portalHeadMeta(ctx: ModuleContext, lang: Lang): HeadMeta[] {
  return [{ name: 'deklaracja-dostępności', content: statementUrl(ctx, lang) }];
}

export const portalModule: AppModule = {
  name: 'portal',
  errors: portalErrors,
  contributes: { homeSections: [latestNewsSection], searchProviders: portalSearchProviders, sitemapSources: portalSitemapSources },
  migrations: portalMigrations,
  nav: [
    { label: 'news.title', path: '/aktualnosci', order: 10 },
    { label: 'documents.title', path: '/dokumenty', order: 80 },
    { label: 'contact.title', path: '/kontakt', order: 90 },
  ],
  admin: [
    { label: 'pages.adminTitle', path: '/admin/strony', order: 10, roles: ['editor', 'administrator'] },
    { label: 'news.adminTitle', path: '/admin/aktualnosci', order: 20, roles: ['editor', 'administrator'] },
    { label: 'documents.adminTitle', path: '/admin/dokumenty', order: 30, roles: ['editor', 'administrator'] },
  ],
  async routes(app, ctx) {
    await registerUploads(app);
    await contentRoutes(app, ctx);
    await documentsRoutes(app, ctx);
    await sitemapRoutes(app, ctx);
    await publicRoutes(app, ctx);
  },
  async seedReference(ctx) {
    const created = await seedStatementDefaults(ctx);
    return { summary: `accessibility statement settings: ${created ? 'created' : 'kept'}` };
  },
  seedDemo: seedPortalDemo,
};
