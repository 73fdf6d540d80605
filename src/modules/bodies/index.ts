// Public face of the bodies module: the statutory and advisory bodies of the programme (`/zespoly`) —
// types, legal basis, working rules, terms, seats per statutory category and memberships, the staff
// pages that keep them, meetings and written procedures (procedures/), the register of resolutions, the
// ZIP of a term's approved minutes (archive/), the member space, the JSON API, and the jobs: staff
// reminders before a term ends, closing procedures at their deadline, the member role of ended memberships.
// Agenda items link library documents and one object of a kind other modules contribute
// (`agendaObjectKinds`, declared here); the opinions on an object appear on that object's page.
import type { AppInstance } from '../../core/http/types.js';
import type { AppModule, ModuleContext, ScheduledJob } from '../../core/module.js';
import type { ScopeNames } from '../accounts/index.js';
import { bodyNamesByIds, listBodies } from './bodies.repo.js';
import { adminRoutes } from './admin.routes.js';
import { consultationOpinions, evaluationOpinions, reportOpinions } from './agenda.contributions.js';
import { agendaRoutes } from './agenda.routes.js';
import { apiRoutes } from './api.routes.js';
import { bodiesErrors } from './bodies.declarations.js';
import { seedBodiesDemo } from './bodies.seed.js';
import { bodiesSearch, bodiesSitemapSources } from './bodies.sitemap.js';
import { revokeEndedMemberships, sendTermReminders } from './bodies.service.js';
import { bodiesMigrations } from './migrations/index.js';
import { meetingRoutes } from './meetings.routes.js';
import { publicRoutes } from './public.routes.js';
import { procedureRoutes } from './procedures/procedures.routes.js';
import { archiveRoutes } from './archive/archive.routes.js';
import { closeDueProcedures } from './procedures/procedures.service.js';
import './bodies.tables.js';

export { manageBodies } from './bodies.policy.js';
export type { AgendaObject, AgendaObjectKind } from './agenda.extensions.js';
export { currentMembersOfType, type CurrentMember } from './bodies.members.js';

export const bodiesJobs: ScheduledJob[] = [
  { name: 'bodies.term-reminders', intervalMs: 24 * 3600_000, run: sendTermReminders },
  { name: 'bodies.procedures-close', intervalMs: 5 * 60_000, run: closeDueProcedures },
  { name: 'bodies.memberships-ended', intervalMs: 3600_000, run: revokeEndedMemberships },
];

async function routes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  await publicRoutes(app, ctx);
  await apiRoutes(app, ctx);
  await adminRoutes(app, ctx);
  await meetingRoutes(app, ctx);
  await procedureRoutes(app, ctx);
  await archiveRoutes(app, ctx);
  await agendaRoutes(app, ctx);
}

/** The account page shows scoped roles by name: a member's role names the body. */
const bodyScopeNames: ScopeNames = {
  scopeType: 'team',
  names: (ctx, ids) => bodyNamesByIds(ctx.db, ids),
  // user administration: the bodies are few, chosen by name
  choices: async (ctx) => (await listBodies(ctx.db)).map((b) => ({ id: b.id, label: b.name })),
};

export const bodiesModule: AppModule = {
  name: 'bodies',
  errors: bodiesErrors,
  migrations: bodiesMigrations,
  nav: [{ label: 'bodies.nav', path: '/zespoly', order: 60, intro: 'bodies.homeIntro' }],
  admin: [{ label: 'bodies.admin.title', path: '/admin/zespoly', order: 55, roles: ['coordinator', 'administrator'] }],
  contributes: {
    scopeNames: [bodyScopeNames],
    sitemapSources: bodiesSitemapSources,
    searchProviders: [bodiesSearch],
    // the bodies' opinions and resolutions on the objects they concern, on those objects' pages
    annualReportSections: [reportOpinions],
    consultationPageSections: [consultationOpinions],
    evaluationPageSections: [evaluationOpinions],
  },
  routes,
  seedDemo: seedBodiesDemo,
  jobs: bodiesJobs,
};
