// Public face of the licences module: "Zakup Prospołeczny" licences (`/zakup-prospoleczny`), one
// per product or service of an entity, one year each, recorded by staff, verifiable by anyone at
// `/weryfikacja/zakup-prospoleczny/{number}` (a kind registered with the verification module),
// with expiry reminders as a scheduled job, the list in the API (and on the open-data page), and its
// page in the nav and sitemap. Applications (applications/): representatives apply for their
// entity's offers under the rules edition in force, staff check them formally, the certifying
// board (bodies module) assesses them and its chair decides; a granted application creates the
// licences. Each licence keeps its registry mark row in step (registry's putGrantedMark), so the
// registry's facet, badge and valid-marks figure follow licences without knowing about them.
import { licenceTasks } from './licences.tasks.js';
import type { AppInstance } from '../../core/http/types.js';
import type { AppModule, ModuleContext, ScheduledJob } from '../../core/module.js';
import { listedSource } from '../portal/index.js';
import type { VerifiableKind } from '../verification/index.js';
import { lastChanged } from './licences.repo.js';
import { licencesApiRoutes } from './api.routes.js';
import { licencesErrors } from './licences.declarations.js';
import { licencesRoutes } from './licences.routes.js';
import { applicationsRoutes } from './applications/applications.routes.js';
import type { OpenDataset } from '../opendata/index.js';
import { LICENCE_KIND, sendExpiryReminders, verifyLicence } from './licences.service.js';
import { licencesMigrations } from './migrations/index.js';
import { licencesGrantedFormula } from './licences.formulas.js';
import './licences.tables.js';
import './applications/applications.tables.js';

export { countValidLicences, licenceState, type LicenceState } from './licences.service.js';

/** Reminders 60 and 14 days before a licence expires (each once: licence_reminders). */
export const licencesJobs: ScheduledJob[] = [{ name: 'licences.expiry-reminders', intervalMs: 24 * 3600_000, run: sendExpiryReminders }];

export const licenceVerification: VerifiableKind = { kind: LICENCE_KIND, titleKey: 'licences.verifyKind', lookup: verifyLicence };

/** The public page in the sitemap, dated by the last change of a licence. */
const landing = listedSource('licences.landing', 27, async (ctx) => [{ path: '/zakup-prospoleczny', lastmod: await lastChanged(ctx.db) }]);

async function routes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  await licencesRoutes(app, ctx);
  await licencesApiRoutes(app, ctx);
  await applicationsRoutes(app, ctx);
}

/** The licences on the open-data page (`/dane`): the API, dated by the last change of a licence. */
export const licencesDataset: OpenDataset = {
  id: 'zakup-prospoleczny',
  order: 27,
  titleKey: 'licences.dataset.title',
  descriptionKey: 'licences.dataset.description',
  formats: [{ format: 'API', path: '/api/v1/zakup-prospoleczny', mediaType: 'application/json' }],
  lastChanged: (ctx) => lastChanged(ctx.db),
};

export const licencesModule: AppModule = {
  name: 'licences',
  errors: licencesErrors,
  migrations: licencesMigrations,
  nav: [{ label: 'licences.nav', path: '/zakup-prospoleczny', order: 27 }],
  admin: [
    { label: 'licences.admin.title', path: '/admin/zakup-prospoleczny', order: 46, roles: ['coordinator', 'administrator'] },
    { label: 'licences.apply.adminTitle', path: '/admin/zakup-prospoleczny/wnioski', order: 47, roles: ['coordinator', 'administrator'] },
    { label: 'licences.editions.title', path: '/admin/zakup-prospoleczny/zasady', order: 48, roles: ['coordinator', 'administrator'] },
    { label: 'licences.apply.mine', path: '/zakup-prospoleczny/wnioski', order: 44, roles: ['entity_representative'], personal: true },
  ],
  contributes: {
    verifiableKinds: [licenceVerification],
    sitemapSources: [landing],
    openDatasets: [licencesDataset],
    indicatorFormulas: [licencesGrantedFormula],
    adminTasks: licenceTasks,
  },
  routes,
  jobs: licencesJobs,
};
