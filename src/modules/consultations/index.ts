// Public face of the consultations module: public consultations of the programme or of any
// document — comments per section confirmed by e-mail, a response to every comment, the report
// (HTML, PDF, DOCX, CSV), the comparison with the next version and the retention of personal data.
import { consultationAgendaKind, consultationsHomeSection, unansweredCommentsTask } from './consultations.extensions.js';
import type { AppInstance } from '../../core/http/types.js';
import type { AppModule, ModuleContext, ScheduledJob } from '../../core/module.js';
import { adminRoutes } from './admin.routes.js';
import { apiRoutes } from './api.routes.js';
import { removeExpiredUnconfirmed } from './comments.service.js';
import { eraseAfterRetention } from './consultations.service.js';
import { consultationsMigrations } from './migrations/index.js';
import { publicRoutes } from './public.routes.js';
import { consultationsErrors } from './consultations.declarations.js';
import { consultationsSearch } from './consultations.search.js';
import { consultationsSitemapSources } from './consultations.sitemap.js';
import './consultations.tables.js';
import { consultationsDataset } from './consultations.opendata.js';

export type { ConsultationPageSection } from './consultations.extensions.js';
export { manageConsultations, moderateConsultations } from './consultations.policy.js';

export const consultationJobs: ScheduledJob[] = [
  { name: 'consultations.remove-unconfirmed', intervalMs: 3600_000, run: removeExpiredUnconfirmed },
  { name: 'consultations.retention', intervalMs: 24 * 3600_000, run: eraseAfterRetention },
];

async function routes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  await publicRoutes(app, ctx);
  await apiRoutes(app, ctx);
  // uploads (Word files) are parsed only in the staff routes' own scope
  await app.register(async (scope) => adminRoutes(scope, ctx));
}

export const consultationsModule: AppModule = {
  name: 'consultations',
  errors: consultationsErrors,
  migrations: consultationsMigrations,
  nav: [{ label: 'consultations.nav', path: '/konsultacje', order: 40, intro: 'consultations.homeIntro' }],
  admin: [
    { label: 'consultations.admin.title', path: '/admin/konsultacje', order: 50, roles: ['coordinator', 'administrator', 'moderator'] },
  ],
  contributes: {
    searchProviders: [consultationsSearch],
    sitemapSources: consultationsSitemapSources,
    openDatasets: [consultationsDataset],
    agendaObjectKinds: [consultationAgendaKind],
    adminTasks: [unansweredCommentsTask],
    homeSections: [consultationsHomeSection],
  },
  routes,
  jobs: consultationJobs,
};
