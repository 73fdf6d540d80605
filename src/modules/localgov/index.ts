// Public face of the localgov module: per local government (gmina, powiat) and year, its cooperation
// with the social economy (local programme, coordinator, social clauses, commissioned public tasks,
// other forms) entered by staff with its source; the public table, CSV and API, and a cooperation
// card on every territorial profile; the annual survey (a monitoring round addressed to local
// governments' partner accounts), maps and a ranking per measure, the awards of the Forum and
// good practices.
import type { AppModule } from '../../core/module.js';
import { localgovErrors } from './localgov.declarations.js';
import {
  cooperationProfileSection,
  forumAwardsSection,
  localgovSearch,
  localgovSitemapSources,
  practicesSearch,
  surveyAnswersRoundSection,
} from './localgov.extensions.js';
import { localgovRoutes } from './localgov.routes.js';
import { localgovMigrations } from './migrations/index.js';
import './localgov.tables.js';
import { localgovDataset } from './localgov.opendata.js';
import { localgovFormulas } from './localgov.formulas.js';
import { localgovScopeNames } from './survey/survey-scope-names.js';

export { manageLocalgov } from './localgov.policy.js';
/**
 * The laureates and distinctions of an edition of the local governments' awards, for the Forum's
 * event page (or any page) to list: `awardsOfEdition(ctx, year, lang)` → unit label, profile path,
 * award title with level, rank, note and source.
 */
export { awardsOfEdition, type AwardView } from './awards/awards.service.js';

export const localgovModule: AppModule = {
  name: 'localgov',
  errors: localgovErrors,
  migrations: localgovMigrations,
  nav: [{ label: 'localgov.nav', path: '/samorzady', order: 67, intro: 'localgov.homeIntro' }],
  admin: [{ label: 'localgov.admin.title', path: '/admin/samorzady', order: 56, roles: ['coordinator', 'administrator'] }],
  contributes: {
    // a survey partner's own unit (`localgov:<teryt>`) by name in user administration (accounts)
    scopeNames: [localgovScopeNames],
    profileSections: [cooperationProfileSection],
    eventPageSections: [forumAwardsSection],
    searchProviders: [localgovSearch, practicesSearch],
    sitemapSources: localgovSitemapSources,
    openDatasets: [localgovDataset],
    indicatorFormulas: localgovFormulas,
    partnerRoundSections: [surveyAnswersRoundSection],
  },
  routes: localgovRoutes,
};
