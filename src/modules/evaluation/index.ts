// Public face of the evaluation module: evaluation studies of a programme (/ewaluacja), their
// recommendations with the management response, planned actions, progress ratings (the owner's
// proposal and the coordinator's validation), closing and abandoning, the public table of
// recommendations with its CSV, the API, the coordinators' digest of what is overdue or due, the
// recommendations under each goal and action of the programme page, and a section of the annual
// report. It builds on the programme (programmes, versions, objective tree), indicators and portal
// (library documents) modules through their index files. Its studies and yearly follow-up summaries
// (a page each) are objects a body's meeting may discuss (bodies' `agendaObjectKinds`), and their
// pages take sections from other modules (`evaluationPageSections`: the body's opinion links back).
import type { AppInstance } from '../../core/http/types.js';
import type { AppModule, ModuleContext } from '../../core/module.js';
import {
  elementRecommendations,
  followUpReportSection,
  indicatorRecommendations,
  recommendationsDataset,
} from './evaluation.contributions.js';
import { evaluationErrors } from './evaluation.declarations.js';
import { studyAgendaKind, summaryAgendaKind } from './evaluation.agenda.js';
import { summaryRoutes } from './evaluation.summary.routes.js';
import { sendEvaluationDigest } from './evaluation.digest.js';
import { evaluationAdminRoutes } from './evaluation.admin.routes.js';
import { evaluationRoutes } from './evaluation.routes.js';
import { evaluationSearch } from './evaluation.search.js';
import { seedEvaluationDemo } from './evaluation.seed.js';
import { evaluationSitemapSources } from './evaluation.sitemap.js';
import { evaluationMigrations } from './migrations/index.js';
import './evaluation.tables.js';

export { sendEvaluationDigest } from './evaluation.digest.js';
export type { EvaluationPage, EvaluationPageSection } from './evaluation.agenda.js';

async function routes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  await evaluationRoutes(app, ctx);
  await evaluationAdminRoutes(app, ctx);
  await summaryRoutes(app, ctx);
}

export const evaluationModule: AppModule = {
  name: 'evaluation',
  errors: evaluationErrors,
  migrations: evaluationMigrations,
  nav: [{ label: 'evaluation.nav', path: '/ewaluacja', order: 17, intro: 'evaluation.homeIntro' }],
  admin: [
    {
      label: 'evaluation.admin.title',
      path: '/admin/ewaluacja',
      order: 43,
      roles: ['coordinator', 'administrator', 'editor'],
    },
  ],
  contributes: {
    programmeElementSections: [elementRecommendations],
    annualReportSections: [followUpReportSection],
    indicatorPageSections: [indicatorRecommendations],
    openDatasets: [recommendationsDataset],
    searchProviders: [evaluationSearch],
    sitemapSources: evaluationSitemapSources,
    agendaObjectKinds: [studyAgendaKind, summaryAgendaKind],
  },
  routes,
  seedDemo: seedEvaluationDemo,
  // daily: the digest goes out once a Warsaw day, only when something is overdue or due within 30 days
  jobs: [{ name: 'evaluation.digest', intervalMs: 24 * 3600_000, run: sendEvaluationDigest }],
};
