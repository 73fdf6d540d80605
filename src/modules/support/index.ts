// Public face of the support module: the social economy support centres (OWES) — partnership,
// subregions served per period, offices, contacts, services, accreditation with reminders —,
// "Gdzie szukać wsparcia?", the "Chcę założyć podmiot" form routed to the serving centre, the API,
// and "Twój ośrodek wsparcia" on entity pages and territorial profiles.
import type { AppInstance } from '../../core/http/types.js';
import type { AppModule, ModuleContext, ScheduledJob } from '../../core/module.js';
import type { ScopeNames } from '../accounts/index.js';
import { centreNamesByIds, listCentres } from './support.repo.js';
import { adminRoutes } from './admin.routes.js';
import { apiRoutes } from './api.routes.js';
import { eraseOldLeads } from './leads.service.js';
import { supportMigrations } from './migrations/index.js';
import { publicRoutes } from './public.routes.js';
import { peopleRoutes } from './people/people.routes.js';
import { seedSupportResultIndicators } from './results/results.seed.js';
import { resultsRoutes } from './results/results.routes.js';
import { supportErrors } from './support.declarations.js';
import { centresSearch, entitySupportSection, profileSupportSection, supportSitemapSources } from './support.extensions.js';
import { accreditedCentresFormula } from './support.formulas.js';
import { supportDataset } from './support.opendata.js';
import { seedSupportReference } from './support.seed.js';
import { sendAccreditationReminders } from './support.service.js';
import './support.tables.js';

export { manageSupport } from './support.policy.js';
export { servingCentre, type Serving } from './support.service.js';

export const supportJobs: ScheduledJob[] = [
  { name: 'support.accreditation-reminders', intervalMs: 24 * 3600_000, run: sendAccreditationReminders },
  { name: 'support.lead-retention', intervalMs: 24 * 3600_000, run: eraseOldLeads },
];

async function routes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  await publicRoutes(app, ctx);
  await apiRoutes(app, ctx);
  await resultsRoutes(app, ctx);
  await peopleRoutes(app, ctx);
  await adminRoutes(app, ctx);
}

/** The account page shows scoped roles by name: a support centre's people: the role names the centre. */
const centreScopeNames: ScopeNames = {
  scopeType: 'support_centre',
  names: (ctx, ids) => centreNamesByIds(ctx.db, ids),
  // user administration: the centres are few, chosen by name
  choices: async (ctx) => (await listCentres(ctx.db)).map((c) => ({ id: c.id, label: c.name })),
};

export const supportModule: AppModule = {
  name: 'support',
  errors: supportErrors,
  migrations: supportMigrations,
  nav: [{ label: 'support.nav', path: '/wsparcie', order: 65, intro: 'support.homeIntro' }],
  admin: [
    { label: 'support.admin.title', path: '/admin/wsparcie', order: 55, roles: ['coordinator', 'administrator'] },
    { label: 'support.own.title', path: '/wsparcie/moje-zgloszenia', order: 56, roles: ['support_centre'], personal: true },
  ],
  contributes: {
    scopeNames: [centreScopeNames],
    entityPageSections: [entitySupportSection],
    profileSections: [profileSupportSection],
    searchProviders: [centresSearch],
    sitemapSources: supportSitemapSources,
    openDatasets: [supportDataset],
    indicatorFormulas: [accreditedCentresFormula],
  },
  routes,
  jobs: supportJobs,
  seedReference: seedSupportReference,
  seedDemo: seedSupportResultIndicators,
};
