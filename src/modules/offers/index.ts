// Public face of the offers module: products and services of social economy entities (`/oferta`),
// published by the entities' representatives and staff, with enquiries sent through the outbox.
// It adds an offers section to the registry's entity page, a group to the site search, pages to
// the sitemap, a dataset to the open-data page and a section to territorial profiles. Buyers' needs
// (`/oferta/potrzeby`, sub-folder needs/) are posted by logged-in buyers, moderated by staff and
// announced to matching entities by a scheduled job. The purchase share for public buyers
// (`/oferta/zakupy`, sub-folder purchases/) is uploaded by buyers' representatives (a role scoped to
// the buyer institution, `buyer_representative`); the public sees aggregates per powiat and year.
import type { AppInstance } from '../../core/http/types.js';
import type { AppModule, ModuleContext, ScheduledJob } from '../../core/module.js';
import type { ScopeNames } from '../accounts/index.js';
import { buyerNamesByIds, listBuyers } from './purchases/purchases.repo.js';
import { offersApiRoutes } from './api.routes.js';
import { importCpvCommand } from './cpv/cpv.commands.js';
import './cpv/cpv.tables.js';
import { offersErrors } from './offers.declarations.js';
import {
  needsDataset,
  offersDataset,
  offersEntitySection,
  offersProfileSection,
  offersSearch,
  offersSitemapSources,
} from './offers.extensions.js';
import { offersRoutes } from './offers.routes.js';
import { eraseOldEnquiries, seedOffersDemo } from './offers.service.js';
import { offersMigrations } from './migrations/index.js';
import { needsApiRoutes } from './needs/needs.api.js';
import { needsRoutes } from './needs/needs.routes.js';
import { purchasesRoutes } from './purchases/purchases.routes.js';
import { needsFormulas } from './needs/needs.formulas.js';
import { needsModerationTask } from './needs/needs.tasks.js';
import { notifyNeeds, seedNeedsDemo } from './needs/needs.service.js';
import './needs/needs.tables.js';
import './offers.tables.js';
import './purchases/purchases.tables.js';
import { operatorText } from '../../i18n/index.js';

export { isValidCpv, CATEGORY_KEYS, categoryCpvPrefixes } from './offers.categories.js';
export { entityOfferChoices } from './offers.service.js';

/** Enquiries' personal data and texts are erased six months after sending (counts stay). */
export const offersJobs: ScheduledJob[] = [
  { name: 'offers.enquiry-retention', intervalMs: 24 * 3600_000, run: eraseOldEnquiries },
  // buyers' needs: notices and reminders to matching entities, in batches (needs/needs.service.ts)
  { name: 'offers.need-notifications', intervalMs: 15 * 60_000, run: notifyNeeds },
];

async function routes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  await offersRoutes(app, ctx);
  await offersApiRoutes(app, ctx);
  await needsRoutes(app, ctx);
  await needsApiRoutes(app, ctx);
  await purchasesRoutes(app, ctx);
}

/** The account page shows scoped roles by name: a buyer's representative: the role names the public buyer. */
const buyerScopeNames: ScopeNames = {
  scopeType: 'buyer',
  names: (ctx, ids) => buyerNamesByIds(ctx.db, ids),
  // user administration: the registered buyers, chosen by name
  choices: async (ctx) => (await listBuyers(ctx.db)).map((b) => ({ id: b.id, label: b.name })),
};

export const offersModule: AppModule = {
  name: 'offers',
  errors: offersErrors,
  migrations: offersMigrations,
  nav: [{ label: 'offers.nav', path: '/oferta', order: 25, intro: 'offers.homeIntro' }],
  admin: [
    { label: 'offers.admin.title', path: '/admin/oferta', order: 45, roles: ['coordinator', 'administrator'] },
    { label: 'offers.manage.mine', path: '/oferta/moje', order: 44, roles: ['entity_representative'], personal: true },
    { label: 'needs.moderation.title', path: '/admin/oferta/potrzeby', order: 46, roles: ['coordinator', 'administrator'] },
    { label: 'needs.figures.title', path: '/admin/oferta/potrzeby/liczby', order: 47, roles: ['coordinator', 'administrator'] },
    { label: 'purchases.admin.title', path: '/admin/oferta/zakupy', order: 48, roles: ['coordinator', 'administrator'] },
    { label: 'purchases.mine', path: '/oferta/zakupy', order: 48, roles: ['buyer_representative'], personal: true },
  ],
  contributes: {
    scopeNames: [buyerScopeNames],
    entityPageSections: [offersEntitySection],
    searchProviders: [offersSearch],
    sitemapSources: offersSitemapSources,
    openDatasets: [offersDataset, needsDataset],
    profileSections: [offersProfileSection],
    indicatorFormulas: needsFormulas,
    adminTasks: [needsModerationTask],
  },
  routes,
  async seedDemo(ctx) {
    const offers = await seedOffersDemo(ctx);
    const needs = await seedNeedsDemo(ctx);
    return { summary: `${offers.summary}, ${operatorText('needs.cli.exampleNeeds', { count: needs })}` };
  },
  jobs: offersJobs,
  // `spojnia import cpv FILE`: the official CPV vocabulary an operator provides (cpv/)
  commands: [importCpvCommand],
};
