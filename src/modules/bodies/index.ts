// Public face of the bodies module: the statutory and advisory bodies of the programme (`/zespoly`) —
// types, legal basis, working rules, terms, seats per statutory category and memberships, the staff
// pages that keep them, the member space, the JSON API, and the staff reminders before a term ends.
import type { AppInstance } from '../../core/http/types.js';
import type { AppModule, ModuleContext, ScheduledJob } from '../../core/module.js';
import { adminRoutes } from './admin.routes.js';
import { apiRoutes } from './api.routes.js';
import { bodiesErrors } from './bodies.declarations.js';
import { seedBodiesDemo } from './bodies.seed.js';
import { bodiesSearch, bodiesSitemapSources } from './bodies.sitemap.js';
import { sendTermReminders } from './bodies.service.js';
import { bodiesMigrations } from './migrations/index.js';
import { meetingRoutes } from './meetings.routes.js';
import { publicRoutes } from './public.routes.js';
import './bodies.tables.js';

export { manageBodies } from './bodies.policy.js';
export { currentMembersOfType, type CurrentMember } from './bodies.members.js';

export const bodiesJobs: ScheduledJob[] = [{ name: 'bodies.term-reminders', intervalMs: 24 * 3600_000, run: sendTermReminders }];

async function routes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  await publicRoutes(app, ctx);
  await apiRoutes(app, ctx);
  await adminRoutes(app, ctx);
  await meetingRoutes(app, ctx);
}

export const bodiesModule: AppModule = {
  name: 'bodies',
  errors: bodiesErrors,
  migrations: bodiesMigrations,
  nav: [{ label: 'bodies.nav', path: '/zespoly', order: 60, intro: 'bodies.homeIntro' }],
  admin: [{ label: 'bodies.admin.title', path: '/admin/zespoly', order: 55, roles: ['coordinator', 'administrator'] }],
  contributes: { sitemapSources: bodiesSitemapSources, searchProviders: [bodiesSearch] },
  routes,
  seedDemo: seedBodiesDemo,
  jobs: bodiesJobs,
};
