// Public face of the programme module: the regional social economy programme as data — life cycle,
// versions of its text, the objective tree, indicators with monitoring rounds, public pages with
// charts and the generated annual report. The consultations module reads programme versions
// through the functions exported here.
import type { FastifyInstance } from 'fastify';
import type { AppModule, ModuleContext } from '../../core/module.js';
import { registerUploads } from '../portal/index.js';
import { indicatorsSection } from './indicators.public.js';
import { indicatorRoutes } from './indicators.routes.js';
import { monitoringApiRoutes } from './monitoring.api.js';
import { monitoringRoutes } from './monitoring.routes.js';
import { reportRoutes } from './report.routes.js';
import { sendRoundReminders } from './monitoring.service.js';
import { programmeMigrations } from './migrations/index.js';
import { PROGRAMME_ADMIN_ROLES } from './programme.policy.js';
import { programmeRoutes } from './programme.routes.js';
import { seedProgrammeDemo } from './programme.seed.js';
import { structureRoutes } from './structure.routes.js';
import { versionsRoutes } from './versions.routes.js';
import { programmeErrors } from './programme.declarations.js';
import './programme.tables.js';

export { listAllVersions, listSections as listVersionSections, findVersion as findProgrammeVersion, type VersionRow, type SectionRow } from './versions.repo.js';

export { registerProgrammePageSection, type ProgrammePageSection } from './programme.extensions.js';
export { currentProgramme, programmePath } from './programme.service.js';

/**
 * Every part of the module registers its routes here, in this one encapsulated scope. Multipart
 * parsing (the text import) is registered once for the whole scope: parts must not register it
 * again. To add a part: import its route function above and add one `await xRoutes(app, ctx);`
 * line below (indicators, monitoring and report parts go after the structure line).
 */
async function routes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  await registerUploads(app);
  await programmeRoutes(app, ctx, { indicators: indicatorsSection });
  await versionsRoutes(app, ctx);
  await structureRoutes(app, ctx);
  await indicatorRoutes(app, ctx);
  await monitoringRoutes(app, ctx);
  await monitoringApiRoutes(app, ctx);
  await reportRoutes(app, ctx);
  // further parts: one line each here. A part that adds a section to the public programme page
  // (e.g. links to the annual reports) calls registerProgrammePageSection() from its route function.
}

export const programmeModule: AppModule = {
  name: 'programme',
  errors: programmeErrors,
  migrations: programmeMigrations,
  nav: [{ label: 'programme.title', path: '/program', order: 15 }],
  admin: [
    { label: 'programme.admin.title', path: '/admin/program', order: 40, roles: [...PROGRAMME_ADMIN_ROLES] },
    { label: 'monitoring.partner.title', path: '/sprawozdawczosc', order: 41, roles: ['reporting_partner'] },
  ],
  routes,
  seedDemo: seedProgrammeDemo,
  // reminders 7 days and 1 day before a round's deadline; hourly, each reminder is sent once
  jobs: [{ name: 'programme.round-reminders', intervalMs: 3600_000, run: sendRoundReminders }],
};
