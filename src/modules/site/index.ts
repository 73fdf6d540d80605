// Public face of the site module: the institution (footer, header logo, office hours, open-now
// status, closed days), the home page and the extension point through which other modules add home sections.
import type { AppModule } from '../../core/module.js';
import { siteMigrations } from './migrations/index.js';
import { siteRoutes } from './site.routes.js';
import { seedSiteReference } from './site.service.js';
import './site.tables.js';

export {
  checkWeeklyHours,
  footerData,
  getInstitution,
  hoursRows,
  officeCalendar,
  officeStatusLine,
  ROPS_TORUN,
  weeklyHoursFormValues,
  type Institution,
} from './site.service.js';
// the support centres' offices keep their opening hours in the institution's form
export { WeeklyHoursFields } from './site.views.js';
export { WEEKDAYS, type WeeklyHours } from './office-hours.js';
export {
  officeStatus,
  statusSentence,
  upcomingClosures,
  holidaysOf,
  easterSunday,
  type OfficeStatus,
  type Calendar,
  type ClosedDay,
} from './office-hours.js';
export { listHolidayRules } from './site.repo.js';
export { headerLogo } from './logo.service.js';
export type { HomeSection } from './home-sections.js';
export { manageInstitution } from './site.policy.js';

export const siteModule: AppModule = {
  name: 'site',
  migrations: siteMigrations,
  admin: [{ label: 'institution.title', path: '/admin/kontakt', order: 40, roles: ['editor', 'administrator'] }],
  routes: siteRoutes,
  seedReference: seedSiteReference,
};
