// Public face of the events module (`/wydarzenia`): events of the social economy with sessions,
// the list, month calendar and archive, iCalendar files, registration with held places, waitlists
// and offers, and the staff pages. It adds upcoming events to the home page and to the territorial
// profiles, and its pages to the sitemap.
import type { AppInstance } from '../../core/http/types.js';
import type { AppModule, ModuleContext, ScheduledJob } from '../../core/module.js';
import { adminRoutes } from './admin.routes.js';
import { certificateKind } from './certificate.service.js';
import { apiRoutes } from './api.routes.js';
import { eventsDataset } from './events.opendata.js';
import { eventsFormulas } from './events.formulas.js';
import { eventsErrors } from './events.declarations.js';
import { seedForumEditions } from './events.seed.js';
import { eventsHomeSection, eventsProfileSection } from './events.sections.js';
import { eventsSearch, eventsSitemapSources } from './events.sitemap.js';
import { eventsMigrations } from './migrations/index.js';
import { publicRoutes } from './public.routes.js';
import { moveExpired } from './registration.service.js';
import { applyRetention } from './retention.service.js';
import './events.tables.js';

export { manageEvents } from './events.policy.js';
/** The extension point of an event's public page: other modules contribute `eventPageSections`. */
export type { EventPageSection, EventPageSubject } from './events.extensions.js';

export const eventsJobs: ScheduledJob[] = [
  // holds (30 min) and offers (hours) run out on the minute; the scheduler ticks each minute
  { name: 'events.expire-holds-and-offers', intervalMs: 60_000, run: moveExpired },
  { name: 'events.retention', intervalMs: 24 * 3600_000, run: applyRetention },
];

async function routes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  await publicRoutes(app, ctx);
  await apiRoutes(app, ctx);
  await adminRoutes(app, ctx);
}

export const eventsModule: AppModule = {
  name: 'events',
  errors: eventsErrors,
  migrations: eventsMigrations,
  nav: [{ label: 'events.nav', path: '/wydarzenia', order: 45, intro: 'events.homeIntro' }],
  admin: [{ label: 'events.admin.title', path: '/admin/wydarzenia', order: 55, roles: ['coordinator', 'administrator'] }],
  contributes: {
    homeSections: [eventsHomeSection],
    profileSections: [eventsProfileSection],
    sitemapSources: eventsSitemapSources,
    searchProviders: [eventsSearch],
    verifiableKinds: [certificateKind],
    openDatasets: [eventsDataset],
    indicatorFormulas: eventsFormulas,
  },
  routes,
  seedReference: seedForumEditions,
  jobs: eventsJobs,
};
