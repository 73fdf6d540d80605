// Public face of the offers module: products and services of social economy entities (`/oferta`),
// published by the entities' representatives and staff, with enquiries sent through the outbox.
// It adds an offers section to the registry's entity page, a group to the site search, pages to
// the sitemap, a dataset to the open-data page and a section to territorial profiles.
import type { AppInstance } from '../../core/http/types.js';
import type { AppModule, ModuleContext, ScheduledJob } from '../../core/module.js';
import { offersApiRoutes } from './api.routes.js';
import { offersErrors } from './offers.declarations.js';
import { offersDataset, offersEntitySection, offersProfileSection, offersSearch, offersSitemapSources } from './offers.extensions.js';
import { offersRoutes } from './offers.routes.js';
import { eraseOldEnquiries, seedOffersDemo } from './offers.service.js';
import { offersMigrations } from './migrations/index.js';
import './offers.tables.js';

export { isValidCpv, CATEGORY_KEYS, categoryCpvPrefixes } from './offers.categories.js';
export { entityOfferChoices } from './offers.service.js';

/** Enquiries' personal data and texts are erased six months after sending (counts stay). */
export const offersJobs: ScheduledJob[] = [{ name: 'offers.enquiry-retention', intervalMs: 24 * 3600_000, run: eraseOldEnquiries }];

async function routes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  await offersRoutes(app, ctx);
  await offersApiRoutes(app, ctx);
}

export const offersModule: AppModule = {
  name: 'offers',
  errors: offersErrors,
  migrations: offersMigrations,
  nav: [{ label: 'offers.nav', path: '/oferta', order: 25, intro: 'offers.homeIntro' }],
  admin: [
    { label: 'offers.admin.title', path: '/admin/oferta', order: 45, roles: ['coordinator', 'administrator'] },
    { label: 'offers.manage.mine', path: '/oferta/moje', order: 44, roles: ['entity_representative'] },
  ],
  contributes: {
    entityPageSections: [offersEntitySection],
    searchProviders: [offersSearch],
    sitemapSources: offersSitemapSources,
    openDatasets: [offersDataset],
    profileSections: [offersProfileSection],
  },
  routes,
  seedDemo: seedOffersDemo,
  jobs: offersJobs,
};
