// Public face of the licences module: "Zakup Prospołeczny" licences (`/zakup-prospoleczny`), one
// per product or service of an entity, one year each, recorded by staff, verifiable by anyone at
// `/weryfikacja/zakup-prospoleczny/{number}` (a kind registered with the verification module),
// with expiry reminders as a scheduled job, the list in the API, and its page in the nav and sitemap.
import type { AppInstance } from '../../core/http/types.js';
import type { AppModule, ModuleContext, ScheduledJob } from '../../core/module.js';
import { listedSource } from '../portal/index.js';
import type { VerifiableKind } from '../verification/index.js';
import { lastChanged } from './licences.repo.js';
import { licencesApiRoutes } from './api.routes.js';
import { licencesErrors } from './licences.declarations.js';
import { licencesRoutes } from './licences.routes.js';
import { LICENCE_KIND, sendExpiryReminders, verifyLicence } from './licences.service.js';
import { licencesMigrations } from './migrations/index.js';
import './licences.tables.js';

export { countValidLicences, licenceState, type LicenceState } from './licences.service.js';

/** Reminders 60 and 14 days before a licence expires (each once: licence_reminders). */
export const licencesJobs: ScheduledJob[] = [{ name: 'licences.expiry-reminders', intervalMs: 24 * 3600_000, run: sendExpiryReminders }];

export const licenceVerification: VerifiableKind = { kind: LICENCE_KIND, titleKey: 'licences.verifyKind', lookup: verifyLicence };

/** The public page in the sitemap, dated by the last change of a licence. */
const landing = listedSource('licences.landing', 27, async (ctx) => [{ path: '/zakup-prospoleczny', lastmod: await lastChanged(ctx.db) }]);

async function routes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  await licencesRoutes(app, ctx);
  await licencesApiRoutes(app, ctx);
}

export const licencesModule: AppModule = {
  name: 'licences',
  errors: licencesErrors,
  migrations: licencesMigrations,
  nav: [{ label: 'licences.nav', path: '/zakup-prospoleczny', order: 27 }],
  admin: [{ label: 'licences.admin.title', path: '/admin/zakup-prospoleczny', order: 46, roles: ['coordinator', 'administrator'] }],
  contributes: { verifiableKinds: [licenceVerification], sitemapSources: [landing] },
  routes,
  jobs: licencesJobs,
};
