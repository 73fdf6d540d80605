// Public face of the site module: the institution (footer, office hours) and the home page.
import type { AppModule } from '../../core/module.js';
import { siteMigrations } from './migrations/index.js';
import { siteRoutes } from './site.routes.js';
import { seedSiteReference } from './site.service.js';
import './site.tables.js';

export { footerData, getInstitution, hoursRows, ROPS_TORUN, type Institution } from './site.service.js';
export { listHolidayRules } from './site.repo.js';

export const siteModule: AppModule = {
  name: 'site',
  migrations: siteMigrations,
  routes: async (app) => siteRoutes(app),
  seedReference: seedSiteReference,
};
