// Public face of the localgov module: per local government (gmina, powiat) and year, its cooperation
// with the social economy (local programme, coordinator, social clauses, commissioned public tasks,
// other forms) entered by staff with its source; the public table, CSV and API, and a cooperation
// card on every territorial profile.
import type { AppModule } from '../../core/module.js';
import { localgovErrors } from './localgov.declarations.js';
import { cooperationProfileSection, localgovSearch, localgovSitemapSources } from './localgov.extensions.js';
import { localgovRoutes } from './localgov.routes.js';
import { localgovMigrations } from './migrations/index.js';
import './localgov.tables.js';
import { localgovDataset } from './localgov.opendata.js';

export { manageLocalgov } from './localgov.policy.js';

export const localgovModule: AppModule = {
  name: 'localgov',
  errors: localgovErrors,
  migrations: localgovMigrations,
  nav: [{ label: 'localgov.nav', path: '/samorzady', order: 67, intro: 'localgov.homeIntro' }],
  admin: [{ label: 'localgov.admin.title', path: '/admin/samorzady', order: 56, roles: ['coordinator', 'administrator'] }],
  contributes: {
    profileSections: [cooperationProfileSection],
    searchProviders: [localgovSearch],
    sitemapSources: localgovSitemapSources,
    openDatasets: [localgovDataset],
  },
  routes: localgovRoutes,
};
