// Public face of the indicators module: the indicators of a regional programme (targets, values per
// year and territory, computed ones counted from the registry), the monitoring rounds in which
// partners report values (pages and a token API), and the generated annual report. It builds on the
// programme module (programmes, objective tree, policies) through its index, and adds the indicators
// and the annual reports to the public programme page as page sections. Its addresses stay under
// the programme's: /program/{slug}/wskazniki…, /admin/program/{id}/wskazniki…, /sprawozdawczosc.
import type { AppInstance } from '../../core/http/types.js';
import type { AppModule, ModuleContext } from '../../core/module.js';
import type { ProgrammePageSection } from '../programme/index.js';
import { refreshComputedNow, refreshMissing, watchComputed } from './computed/computed.service.js';
import { indicatorsErrors } from './indicators.declarations.js';
import { indicatorFormulas } from './indicators.formulas.js';
import { indicatorsProfileSection } from './indicators.profile.js';
import { indicatorsSection } from './indicators.public.js';
import { indicatorRoutes } from './indicators.routes.js';
import { indicatorsSearch } from './indicators.search.js';
import { seedIndicatorsDemoProgramme } from './indicators.seed.js';
import { indicatorsSitemapSources } from './indicators.sitemap.js';
import { indicatorsMigrations } from './migrations/index.js';
import { monitoringApiRoutes } from './monitoring/monitoring.api.js';
import { monitoringRoutes } from './monitoring/monitoring.routes.js';
import { sendRoundReminders } from './monitoring/monitoring.service.js';
import { annualReportsSection, reportRoutes } from './report/report.routes.js';
import './indicators.tables.js';
import { indicatorsDataset } from './indicators.opendata.js';
import { annualReportAgendaKind } from './report/report.agenda.js';
import { operatorText } from '../../i18n/index.js';
import { indicatorScopeNames } from './monitoring/partner-scope-names.js';
import { roundsMissingValuesTask } from './monitoring/monitoring.tasks.js';

export { listIndicators as listProgrammeIndicators, lastValueChangeOfCodes } from './indicators.repo.js';
export { seedDemoProgrammeIndicators, type SeedIndicator } from './indicators.seed.js';
export { isSmallCount, publicCount, SMALL_COUNT_LIMIT, SMALL_COUNT_TEXT } from './indicators.privacy.js';
export { publicIndicatorViews, type Figure, type IndicatorView, type QuarterFigure } from './indicators.service.js';
export { isQuarter, periodLabel, quarterName, type Quarter } from './indicators.period.js';
export { refreshComputedNow } from './computed/computed.service.js';
export type { AnnualReportSection } from './report/report.extensions.js';
export type { IndicatorPageSection } from './indicators.extensions.js';
// the localgov module's annual survey: its indicators are created and read by code
export { saveIndicator, type ProgrammeRef } from './indicators.service.js';
export {
  approvedValuesByCode,
  listReportingPartnerRoles,
  openRoundsOfCodes,
  type ApprovedValueByCode,
  type OpenRoundByCode,
} from './indicators.shared.repo.js';
export type { PartnerRoundSection, PartnerRoundSubject } from './monitoring/monitoring.extensions.js';
export { adminRoundsPath } from './monitoring/monitoring.service.js';
export type { IndicatorFormula, FormulaParam, FormulaParams, GminaCount as FormulaGminaCount } from './indicators.formulas.js';

/** The indicators with their progress: first on the programme page after the objective tree. */
const indicatorsPageSection: ProgrammePageSection = {
  id: 'indicators',
  order: 10,
  render: (ctx, programme, request) => indicatorsSection(ctx, programme, request),
};

/** Every part registers its routes in this one encapsulated scope (no multipart here). */
async function routes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  // stored figures of computed indicators follow the writes of what they count (computed.service.ts);
  // indicators never counted are counted before the app serves
  const stopWatching = watchComputed(ctx, indicatorFormulas(ctx));
  app.addHook('onReady', async () => refreshMissing(ctx));
  app.addHook('onClose', async () => stopWatching());
  await indicatorRoutes(app, ctx);
  await monitoringRoutes(app, ctx);
  await monitoringApiRoutes(app, ctx);
  await reportRoutes(app, ctx);
}

export const indicatorsModule: AppModule = {
  name: 'indicators',
  errors: indicatorsErrors,
  contributes: {
    programmePageSections: [indicatorsPageSection, annualReportsSection],
    profileSections: [indicatorsProfileSection],
    searchProviders: [indicatorsSearch],
    sitemapSources: indicatorsSitemapSources,
    openDatasets: [indicatorsDataset],
    agendaObjectKinds: [annualReportAgendaKind],
    // a reporting partner's indicator by code and name in user administration (accounts)
    scopeNames: [indicatorScopeNames],
    // open rounds past or near their deadline with values missing, on the staff dashboard (accounts)
    adminTasks: [roundsMissingValuesTask],
  },
  migrations: indicatorsMigrations,
  admin: [{ label: 'monitoring.partner.title', path: '/sprawozdawczosc', order: 41, roles: ['reporting_partner'], personal: true }],
  routes,
  seedDemo: seedIndicatorsDemoProgramme,
  // reminders 7 days and 1 day before a round's deadline; hourly, each reminder is sent once. The
  // name is the one scheduled_jobs recorded while monitoring was part of the programme module.
  jobs: [
    { name: 'programme.round-reminders', intervalMs: 3600_000, run: sendRoundReminders },
    // other instances' writes, raw SQL and the day change ("as of today" moves on)
    {
      name: 'indicators.refresh-computed',
      intervalMs: 3600_000,
      run: async (ctx) => operatorText('indicators.cli.computedRefreshed', { count: await refreshComputedNow(ctx) }),
    },
  ],
};
