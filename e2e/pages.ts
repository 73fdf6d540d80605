// Every page template the browser suite visits, as data. A module that adds a template appends an
// entry here and gets the whole accessibility check (axe, language, skip link, focus, offline) in
// Polish and in English without writing a test of its own.
import type { Page } from 'playwright-core';
import { localize } from '../src/core/http/language.js';
import { issueSetupToken } from '../src/modules/accounts/index.js';
import type { Lang } from '../src/i18n/index.js';
import type { TestRole } from '../src/testing/app.js';
import { portalFixtures } from './portal-fixtures.js';
import { monitoringFixtures, PARTNER_M1 } from './monitoring-fixtures.js';
import { CLAIM_PAGES } from './registry-claim-fixtures.js';
import { RECORD_PAGES } from './registry-record-fixtures.js';
import { QUALITY_PAGES } from './registry-quality-fixtures.js';
import { INDICATOR_PAGES } from './indicators-fixtures.js';
import { PROGRAMME_PAGES } from './programme-fixtures.js';
import { entityPath, registryModule } from '../src/modules/registry/index.js';
import { previewStatisticsUpload } from '../src/modules/territory/territory.testing.js';
import { setExampleLogo } from '../src/modules/site/site.testing.js';
import { publishedDocument } from '../src/testing/portal.js';
import {
  attachLibraryDocument as attachToConsultation,
  consultationWithNextText,
  consultationWithReport,
  listSections,
  makeConsultation,
  unconfirmedComment,
} from '../src/modules/consultations/consultations.testing.js';
import { evaluationFixture } from '../src/modules/evaluation/evaluation.testing.js';
import { exampleCentre, exampleCentreWithResults } from '../src/modules/support/support.testing.js';
import { awardRecord, cooperationRecord, powiatCooperationRecord, practiceRecord } from '../src/modules/localgov/localgov.testing.js';
import {
  approvedMinutes,
  bodyFixture,
  E2E_BODY,
  heldMeeting,
  latestInvitationPath,
  plannedMeeting,
  linkedAgendaItem,
} from '../src/modules/bodies/bodies.testing.js';
import { navigation, type Server } from './support.js';
import { NEED_PAGES } from './needs-fixtures.js';
import { localgovSurveyFixtures, SURVEY_ANSWER_PAGE, SURVEY_PARTNER } from './localgov-survey-fixtures.js';
import { PURCHASE_PAGES } from './purchases-fixtures.js';
import { OFFER_PAGES } from './offers-fixtures.js';
import { LICENCE_PAGES } from './licences-fixtures.js';
import { BODY_MEMBER_PAGES } from './bodies-fixtures.js';
import { APPLICATION_PAGES } from './licence-applications-fixtures.js';
import {
  attachLibraryDocument,
  attendedRegistration,
  lastToken,
  makeEvent,
  registerPerson,
  verificationPathOf,
} from '../src/modules/events/events.testing.js';

export const VISIT_LANGS: readonly Lang[] = ['pl', 'en'];

export interface VisitContext {
  server: Server;
  page: Page;
  lang: Lang;
  /** A Polish path in the language of this visit (`/x` → `/en/x`). */
  href(path: string): string;
  /** The account a `login` visit signed in with (set before `setup` runs), e.g. to link it to a record. */
  userId?: string;
}

export interface PageTemplate {
  name: string;
  /** The Polish path; the English visit adds the `/en` prefix. */
  path?: string;
  /** For pages that need data first (a token, a record): prepares it and returns the Polish path. */
  setup?: (ctx: VisitContext) => Promise<string>;
  /**
   * Steps taken on the loaded page to reach the template under test (e.g. sending a form with
   * mistakes); returns the HTTP status of the page it ends on.
   */
  act?: (ctx: VisitContext) => Promise<number>;
  expectStatus: number;
  /**
   * Where focus is on arrival when the template deliberately moves it (the error summary after a
   * failed submit); the skip link is then checked from the start of the document instead.
   */
  initialFocus?: string;
  /** Visit logged in with these roles (a session cookie is added to the browser context). */
  login?: TestRole[];
}

export const PAGES: PageTemplate[] = [
  {
    name: 'home',
    path: '/',
    expectStatus: 200,
    // an open and an announced consultation, so the home page's consultations section is checked too
    setup: async ({ server }) => {
      await makeConsultation(server.testApp.ctx, { startsIn: -1, endsIn: 48, title: 'Konsultacje na stronie głównej' });
      await makeConsultation(server.testApp.ctx, { startsIn: 200, endsIn: 400, title: 'Konsultacje zapowiedziane' });
      return '/';
    },
  },
  { name: 'not found', path: '/nie-ma-takiej-strony', expectStatus: 404 },
  { name: 'setup without a token (403)', path: '/setup', expectStatus: 403 },
  {
    name: 'setup form',
    setup: async ({ server }) => `/setup?token=${encodeURIComponent((await issueSetupToken(server.testApp.ctx))!)}`,
    expectStatus: 200,
  },
  {
    name: 'setup form with errors',
    setup: async ({ server }) => `/setup?token=${encodeURIComponent((await issueSetupToken(server.testApp.ctx))!)}`,
    act: async ({ page }) => {
      await page.fill('#f-email', 'to-nie-jest-adres');
      await page.fill('#f-password', 'krótkie');
      await page.fill('#f-password_repeat', 'inne');
      return navigation(page, () => page.locator('form[action$="/setup"] button[type="submit"]').click());
    },
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
  },
  // the error page lists the bad parameters in the same summary forms use, and focuses it
  { name: 'bad request (400)', path: '/wyglad?kontrast=7', expectStatus: 400, initialFocus: '[data-error-summary]' },
  { name: 'home in high contrast with larger text', path: '/wyglad?kontrast=1&tekst=1&wroc=/', expectStatus: 200 },
  // portal
  { name: 'news list', setup: async ({ server }) => (await portalFixtures(server), '/aktualnosci'), expectStatus: 200 },
  {
    name: 'news item with an image',
    setup: async ({ server }) => (await portalFixtures(server), '/aktualnosci/konferencja'),
    expectStatus: 200,
  },
  {
    name: 'information page with a section menu',
    setup: async ({ server }) => (await portalFixtures(server), '/o-programie/zespol-ekspercki'),
    expectStatus: 200,
  },
  { name: 'documents list', setup: async ({ server }) => (await portalFixtures(server), '/dokumenty'), expectStatus: 200 },
  {
    name: 'document with versions',
    setup: async ({ server }) => `/dokumenty/${(await portalFixtures(server)).documentId}`,
    expectStatus: 200,
  },
  { name: 'contact page', setup: async ({ server }) => (await portalFixtures(server), '/kontakt'), expectStatus: 200 },
  {
    name: 'contact form with errors',
    setup: async ({ server }) => (await portalFixtures(server), '/kontakt'),
    act: async ({ page }) => {
      await page.fill('#f-email', 'to-nie-adres');
      return navigation(page, () => page.locator('form[action$="/kontakt"] button[type="submit"]').click());
    },
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
  },
  { name: 'search results', setup: async ({ server }) => (await portalFixtures(server), '/szukaj?q=program'), expectStatus: 200 },
  { name: 'accessibility statement', path: '/deklaracja-dostepnosci', expectStatus: 200 },
  {
    name: 'admin: pages',
    setup: async ({ server }) => (await portalFixtures(server), '/admin/strony'),
    expectStatus: 200,
    login: [{ role: 'editor' }],
  },
  {
    name: 'admin: page form',
    setup: async ({ server }) => `/admin/strony/${(await portalFixtures(server)).pageId}`,
    expectStatus: 200,
    login: [{ role: 'editor' }],
  },
  {
    name: 'admin: page versions',
    setup: async ({ server }) => `/admin/strony/${(await portalFixtures(server)).pageId}/wersje`,
    expectStatus: 200,
    login: [{ role: 'editor' }],
  },
  {
    name: 'admin: versions compared',
    setup: async ({ server }) => `/admin/strony/${(await portalFixtures(server)).pageId}/wersje/porownaj?a=1&b=2`,
    expectStatus: 200,
    login: [{ role: 'editor' }],
  },
  {
    name: 'admin: news form',
    setup: async ({ server }) => `/admin/aktualnosci/${(await portalFixtures(server)).newsId}`,
    expectStatus: 200,
    login: [{ role: 'editor' }],
  },
  {
    name: 'admin: documents',
    setup: async ({ server }) => (await portalFixtures(server), '/admin/dokumenty'),
    expectStatus: 200,
    login: [{ role: 'editor' }],
  },
  {
    name: 'admin: document form',
    setup: async ({ server }) => `/admin/dokumenty/${(await portalFixtures(server)).documentId}`,
    expectStatus: 200,
    login: [{ role: 'editor' }],
  },
  { name: 'admin: contact and office hours', path: '/admin/kontakt', expectStatus: 200, login: [{ role: 'editor' }] },
  { name: 'admin: accessibility statement', path: '/admin/deklaracja-dostepnosci', expectStatus: 200, login: [{ role: 'editor' }] },
  // territory
  { name: 'territory: map of gminy', path: '/terytorium', expectStatus: 200 },
  { name: 'territory: map, measure without data', path: '/terytorium?miara=podmioty', expectStatus: 200 },
  { name: 'territory: map zoomed to a powiat', path: '/terytorium?powiat=0415', expectStatus: 200 },
  { name: 'territory: gmina profile', path: '/terytorium/0415052', expectStatus: 200 },
  { name: 'territory: powiat profile', path: '/terytorium/0402', expectStatus: 200 },
  { name: 'territory: city with powiat rights', path: '/terytorium/0463', expectStatus: 200 },
  { name: 'territory: white spots', path: '/terytorium/biale-plamy', expectStatus: 200 },
  { name: 'admin: territory', path: '/admin/terytorium', expectStatus: 200, login: [{ role: 'coordinator' }] },
  { name: 'admin: new territory period', path: '/admin/terytorium/okresy/nowy', expectStatus: 200, login: [{ role: 'coordinator' }] },
  {
    name: 'admin: statistics preview with problems',
    setup: async ({ server }) => {
      const data = Buffer.from(
        'teryt;rok;ludnosc;pomoc_spoleczna\n0463011;2023;196545;5400\n0499999;2023;1000;10\n0461011;2023;dużo;10\n',
        'utf8',
      );
      const id = await previewStatisticsUpload(
        server.testApp.ctx,
        { fileName: 'gus.csv', data, truncated: false, source: 'GUS BDL' },
        { actorId: null, ip: null, requestId: null },
      );
      return `/admin/terytorium/statystyki/${id}`;
    },
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'admin: subregion form with errors',
    path: '/admin/terytorium/subregiony/nowy',
    act: async ({ page }) => navigation(page, () => page.locator('form[action$="/subregiony/nowy"] button[type="submit"]').click()),
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
    login: [{ role: 'coordinator' }],
  },
  // accounts, audit, mail
  { name: 'login', path: '/konto/logowanie', expectStatus: 200 },
  { name: 'password reset request', path: '/konto/haslo/reset', expectStatus: 200 },
  { name: 'invalid reset link', path: '/konto/haslo/nowe/nieprawidlowy-link-0123456789', expectStatus: 400 },
  { name: 'my account', path: '/konto', expectStatus: 200, login: [{ role: 'entity_representative', scopeType: 'entity', scopeId: 'E1' }] },
  { name: 'change password', path: '/konto/haslo', expectStatus: 200, login: [{ role: 'team_member', scopeType: 'team', scopeId: 'T1' }] },
  {
    name: 'two-step verification set-up',
    path: '/konto/2fa',
    expectStatus: 200,
    login: [{ role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: '0463011' }],
  },
  { name: 'two-step verification status', path: '/konto/2fa', expectStatus: 200, login: [{ role: 'coordinator' }] },
  { name: 'sessions', path: '/konto/sesje', expectStatus: 200, login: [{ role: 'editor' }] },
  { name: 'my data', path: '/konto/dane', expectStatus: 200, login: [{ role: 'moderator' }] },
  { name: 'administration index', path: '/admin', expectStatus: 200, login: [{ role: 'administrator' }] },
  { name: 'admin: users', path: '/admin/uzytkownicy', expectStatus: 200, login: [{ role: 'administrator' }] },
  { name: 'admin: invite a user', path: '/admin/uzytkownicy/zapros', expectStatus: 200, login: [{ role: 'administrator' }] },
  {
    name: 'admin: user detail',
    setup: async ({ server }) => {
      const u = await server.testApp.ctx.db.selectFrom('users').select('id').orderBy('created_at').executeTakeFirstOrThrow();
      return `/admin/uzytkownicy/${u.id}`;
    },
    expectStatus: 200,
    login: [{ role: 'administrator' }],
  },
  { name: 'admin: audit log', path: '/admin/dziennik', expectStatus: 200, login: [{ role: 'administrator' }] },
  { name: 'admin: mail outbox', path: '/admin/poczta', expectStatus: 200, login: [{ role: 'administrator' }] },
  {
    name: 'registry: catalogue',
    setup: async ({ server }) => (await registryModule.seedDemo!(server.testApp.ctx), '/podmioty?q=fundacja&stan=unverified'),
    expectStatus: 200,
  },
  { name: 'open data', setup: async ({ server }) => (await registryModule.seedDemo!(server.testApp.ctx), '/dane'), expectStatus: 200 },
  {
    // search that forgives: a recognised place with its "remove" link and the best partial matches
    name: 'registry: catalogue, partial matches and a place',
    setup: async ({ server }) => (
      await registryModule.seedDemo!(server.testApp.ctx),
      '/podmioty?q=sp%C3%B3%C5%82dzielnia+socjalna+toru%C5%84'
    ),
    expectStatus: 200,
  },
  {
    // a name of several units (the town and the rural gmina): both searched, each offered
    name: 'registry: catalogue, a name of several places',
    setup: async ({ server }) => (await registryModule.seedDemo!(server.testApp.ctx), '/podmioty?q=fundacja+we+W%C5%82oc%C5%82awku'),
    expectStatus: 200,
  },
  {
    name: 'registry: catalogue, did you mean',
    setup: async ({ server }) => (await registryModule.seedDemo!(server.testApp.ctx), '/podmioty?q=sp%C3%B3%C5%82dzelnia'),
    expectStatus: 200,
  },
  {
    name: 'registry: catalogue, filtered by subregion',
    setup: async ({ server }) => (await registryModule.seedDemo!(server.testApp.ctx), '/podmioty?podregion=torun&forma=fundacja'),
    expectStatus: 200,
  },
  {
    name: 'registry: map of the search',
    setup: async ({ server }) => (await registryModule.seedDemo!(server.testApp.ctx), '/podmioty/mapa'),
    expectStatus: 200,
  },
  {
    name: 'registry: map zoomed to a powiat',
    setup: async ({ server }) => (await registryModule.seedDemo!(server.testApp.ctx), '/podmioty/mapa?powiat=0463'),
    expectStatus: 200,
  },
  {
    name: 'registry: map of a filtered search',
    setup: async ({ server }) => (await registryModule.seedDemo!(server.testApp.ctx), '/podmioty/mapa?q=fundacja&znak=1'),
    expectStatus: 200,
  },
  {
    name: 'registry: entity page',
    setup: async ({ server }) => {
      await registryModule.seedDemo!(server.testApp.ctx);
      const e = await server.testApp.ctx.db
        .selectFrom('entities')
        .select(['id', 'name'])
        .where('name', '=', 'Fundacja „Studio M6”')
        .executeTakeFirstOrThrow();
      return entityPath(e);
    },
    expectStatus: 200,
  },
  {
    name: 'admin: registry',
    setup: async ({ server }) => (await registryModule.seedDemo!(server.testApp.ctx), '/admin/podmioty'),
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  { name: 'admin: new registry entity', path: '/admin/podmioty/nowy', expectStatus: 200, login: [{ role: 'coordinator' }] },
  // registry self-service ("To mój podmiot", staff queues, "Moje podmioty")
  ...CLAIM_PAGES,
  // registry record sections (activity, places, PS status, employment, marks)
  ...RECORD_PAGES,
  // registry import (upload, mapping, dry-run report, result) and suspected duplicates
  ...QUALITY_PAGES,
  // programme: current programme, archive, text versions and comparison, staff life cycle, versions and objective tree
  ...PROGRAMME_PAGES,
  // programme indicators: public list and pages with chart and map, staff definitions and values
  ...INDICATOR_PAGES,
  // support centres (OWES): list, centre, "Gdzie szukać wsparcia?", the set-up request form, staff pages
  { name: 'support: centres', setup: async ({ server }) => (await exampleCentre(server.testApp.ctx), '/wsparcie'), expectStatus: 200 },
  { name: 'support: centre', setup: async ({ server }) => `/wsparcie/${await exampleCentre(server.testApp.ctx)}`, expectStatus: 200 },
  {
    name: 'support: where to get support, answer',
    setup: async ({ server }) => (await exampleCentre(server.testApp.ctx), '/wsparcie/gdzie?gmina=Bydgoszcz'),
    expectStatus: 200,
  },
  { name: 'support: where to get support, choose a gmina', path: '/wsparcie/gdzie?gmina=Chelmno', expectStatus: 200 },
  { name: 'support: where to get support, no centre', path: '/wsparcie/gdzie?gmina=Torun', expectStatus: 200 },
  { name: 'support: set-up request form', path: '/wsparcie/zaloz-podmiot', expectStatus: 200 },
  {
    name: 'support: set-up request form with errors',
    path: '/wsparcie/zaloz-podmiot',
    act: async ({ page }) => navigation(page, () => page.locator('form[action$="/wsparcie/zaloz-podmiot"] button[type="submit"]').click()),
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
  },
  { name: 'support: set-up request sent', path: '/wsparcie/zaloz-podmiot?wyslano=tak', expectStatus: 200 },
  {
    name: 'support: centre with results',
    setup: async ({ server }) => `/wsparcie/${await exampleCentreWithResults(server.testApp.ctx)}`,
    expectStatus: 200,
  },
  {
    name: 'support: centres with the subregions compared',
    setup: async ({ server }) => (await exampleCentreWithResults(server.testApp.ctx), '/wsparcie'),
    expectStatus: 200,
  },
  {
    name: 'support: own request counts',
    path: '/wsparcie/moje-zgloszenia',
    expectStatus: 200,
    login: [{ role: 'support_centre', scopeType: 'support_centre', scopeId: 'none' }],
  },
  {
    name: 'support: admin list',
    setup: async ({ server }) => (await exampleCentre(server.testApp.ctx), '/admin/wsparcie'),
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  { name: 'support: admin new centre', path: '/admin/wsparcie/nowy', expectStatus: 200, login: [{ role: 'coordinator' }] },
  {
    name: 'support: admin centre',
    setup: async ({ server }) => `/admin/wsparcie/${await exampleCentre(server.testApp.ctx)}`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'support: admin centre, office form with errors',
    setup: async ({ server }) => `/admin/wsparcie/${await exampleCentre(server.testApp.ctx)}`,
    act: async ({ page }) => navigation(page, () => page.locator('form[action$="/biura"] button[type="submit"]').click()),
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
    login: [{ role: 'coordinator' }],
  },
  // bodies: list, a body's composition, the history of a term, the member space, staff pages
  { name: 'bodies: list', setup: async ({ server }) => (await bodyFixture(server.testApp.ctx), '/zespoly'), expectStatus: 200 },
  { name: 'bodies: body', setup: async ({ server }) => `/zespoly/${(await bodyFixture(server.testApp.ctx)).slug}`, expectStatus: 200 },
  {
    name: 'bodies: term history',
    setup: async ({ server }) => `/zespoly/${(await bodyFixture(server.testApp.ctx)).slug}/historia?kadencja=1`,
    expectStatus: 200,
  },
  {
    name: 'bodies: member space',
    setup: async ({ server }) => `/zespoly/${(await bodyFixture(server.testApp.ctx)).slug}/dla-czlonkow`,
    expectStatus: 200,
    login: [{ role: 'team_member', scopeType: 'team', scopeId: E2E_BODY.id }],
  },
  {
    name: 'bodies: admin list',
    setup: async ({ server }) => (await bodyFixture(server.testApp.ctx), '/admin/zespoly'),
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  { name: 'bodies: admin new body', path: '/admin/zespoly/nowy', expectStatus: 200, login: [{ role: 'coordinator' }] },
  {
    name: 'bodies: admin new body with errors',
    path: '/admin/zespoly/nowy',
    act: async ({ page }) => {
      await page.locator('#f-name').fill('');
      return navigation(page, () => page.locator('main form button[type="submit"]').first().click());
    },
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
    login: [{ role: 'coordinator' }],
  },
  // local governments' cooperation: the year's table (empty and with a record), staff list and form
  { name: 'localgov: table without data', path: '/samorzady?rok=2019', expectStatus: 200 },
  {
    name: 'localgov: table of a year',
    setup: async ({ server }) => (await cooperationRecord(server.testApp.ctx), '/samorzady?rok=2025'),
    expectStatus: 200,
  },
  {
    name: 'localgov: profile card',
    setup: async ({ server }) => (await cooperationRecord(server.testApp.ctx), '/terytorium/0404011'),
    expectStatus: 200,
  },
  {
    name: 'localgov: admin list',
    setup: async ({ server }) => (await cooperationRecord(server.testApp.ctx), '/admin/samorzady?rok=2025'),
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  { name: 'localgov: admin form', path: '/admin/samorzady/nowy', expectStatus: 200, login: [{ role: 'coordinator' }] },
  {
    name: 'localgov: map of a measure',
    setup: async ({ server }) => (await cooperationRecord(server.testApp.ctx), '/samorzady/mapa?miara=clauses&rok=2025'),
    expectStatus: 200,
  },
  {
    name: 'localgov: map of powiaty',
    setup: async ({ server }) => (
      await powiatCooperationRecord(server.testApp.ctx),
      '/samorzady/mapa?miara=clauses&rok=2025&poziom=powiaty'
    ),
    expectStatus: 200,
  },
  {
    name: 'localgov: map per inhabitant',
    setup: async ({ server }) => (await cooperationRecord(server.testApp.ctx), '/samorzady/mapa?miara=tasks_per_inhabitant&rok=2025'),
    expectStatus: 200,
  },
  {
    name: 'localgov: ranking',
    setup: async ({ server }) => (await cooperationRecord(server.testApp.ctx), '/samorzady/ranking?rok=2025'),
    expectStatus: 200,
  },
  {
    name: 'localgov: awards',
    setup: async ({ server }) => (await awardRecord(server.testApp.ctx), '/samorzady/nagrody'),
    expectStatus: 200,
  },
  {
    name: 'localgov: good practices',
    setup: async ({ server }) => (await practiceRecord(server.testApp.ctx), '/samorzady/dobre-praktyki'),
    expectStatus: 200,
  },
  { name: 'localgov: good practice', setup: async ({ server }) => practiceRecord(server.testApp.ctx), expectStatus: 200 },
  // the staff pages of a record, of the awards and of the good practices (issue 18)
  {
    name: 'localgov: admin record',
    setup: async ({ server }) => `/admin/samorzady/${await cooperationRecord(server.testApp.ctx)}`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'localgov: admin awards',
    setup: async ({ server }) => (await awardRecord(server.testApp.ctx), '/admin/samorzady/nagrody'),
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'localgov: admin award',
    setup: async ({ server }) => `/admin/samorzady/nagrody/${await awardRecord(server.testApp.ctx)}`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'localgov: admin good practices',
    setup: async ({ server }) => (await practiceRecord(server.testApp.ctx), '/admin/samorzady/dobre-praktyki'),
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'localgov: admin good practice',
    // the public page is /samorzady/dobre-praktyki/{id}; staff edit it under /admin
    setup: async ({ server }) => `/admin${await practiceRecord(server.testApp.ctx)}`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  { name: 'localgov: survey admin', path: '/admin/samorzady/ankieta', expectStatus: 200, login: [{ role: 'coordinator' }] },
  { name: 'localgov: award form', path: '/admin/samorzady/nagrody/nowa', expectStatus: 200, login: [{ role: 'coordinator' }] },
  {
    name: 'localgov: good practice form',
    path: '/admin/samorzady/dobre-praktyki/nowa',
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'localgov: survey answers partner form',
    setup: async ({ server }) => (await localgovSurveyFixtures(server), SURVEY_ANSWER_PAGE),
    expectStatus: 200,
    login: [SURVEY_PARTNER],
  },
  {
    name: 'localgov: survey answers partner form with errors',
    setup: async ({ server }) => (await localgovSurveyFixtures(server), SURVEY_ANSWER_PAGE),
    act: async ({ page }) => {
      await page.fill('#f-programme_url', 'ftp://bip.example.pl/program');
      await page.fill('#f-founded_entities', 'Podmiot, którego nie ma w rejestrze');
      return navigation(page, () => page.locator('button[name="action"][value="submit"]').click());
    },
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
    login: [SURVEY_PARTNER],
  },
  {
    name: 'localgov: survey answers staff review',
    setup: async ({ server }) => (await localgovSurveyFixtures(server)).reviewPath,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'localgov: admin form with errors',
    path: '/admin/samorzady/nowy',
    act: async ({ page }) => navigation(page, () => page.locator('form[action$="/admin/samorzady/nowy"] button[type="submit"]').click()),
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'bodies: admin body',
    setup: async ({ server }) => `/admin/zespoly/${(await bodyFixture(server.testApp.ctx)).id}`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'bodies: admin term',
    setup: async ({ server }) => {
      const b = await bodyFixture(server.testApp.ctx);
      return `/admin/zespoly/${b.id}/kadencje/${b.termId}`;
    },
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'bodies: admin end membership',
    setup: async ({ server }) => {
      const b = await bodyFixture(server.testApp.ctx);
      return `/admin/zespoly/${b.id}/kadencje/${b.termId}/czlonkowie/${b.memberId}/koniec`;
    },
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'bodies: admin meetings',
    setup: async ({ server }) => (await plannedMeeting(server.testApp.ctx), `/admin/zespoly/${E2E_BODY.id}/posiedzenia`),
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'bodies: admin meeting',
    setup: async ({ server }) => `/admin/zespoly/${E2E_BODY.id}/posiedzenia/${await plannedMeeting(server.testApp.ctx)}`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'bodies: admin held meeting',
    setup: async ({ server }) => `/admin/zespoly/${E2E_BODY.id}/posiedzenia/${(await heldMeeting(server.testApp.ctx)).meetingId}`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'bodies: admin vote',
    setup: async ({ server }) => {
      const m = await heldMeeting(server.testApp.ctx);
      return `/admin/zespoly/${E2E_BODY.id}/posiedzenia/${m.meetingId}/glosowania/${m.itemId}`;
    },
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'bodies: admin minutes',
    setup: async ({ server }) => `/admin/zespoly/${E2E_BODY.id}/posiedzenia/${(await heldMeeting(server.testApp.ctx)).meetingId}/protokol`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  { name: 'bodies: approved minutes', setup: async ({ server }) => approvedMinutes(server.testApp.ctx), expectStatus: 200 },
  {
    // an agenda item linked to an evaluation summary, with both searches (documents, summaries) answered
    name: 'bodies: admin agenda item',
    setup: async ({ server }) => {
      const fx = await evaluationFixture(server.testApp.ctx, { acceptedOn: '2026-06-01' });
      const path = await linkedAgendaItem(server.testApp.ctx, `evaluation-summary:${fx.programmeId}:2026`);
      return `${path}?dq=program&rodzaj=evaluation-summary&oq=`;
    },
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'bodies: invitation answer',
    setup: async ({ server }) => (await plannedMeeting(server.testApp.ctx), await latestInvitationPath(server.testApp.ctx)),
    expectStatus: 200,
  },
  // consultations
  {
    name: 'consultations: list',
    setup: async ({ server }) => (await makeConsultation(server.testApp.ctx, { startsIn: -1, endsIn: 48 }), '/konsultacje'),
    expectStatus: 200,
  },
  {
    name: 'consultations: open consultation',
    setup: async ({ server }) =>
      `/konsultacje/${await makeConsultation(server.testApp.ctx, { startsIn: -1, endsIn: 48, commentsPublic: true })}`,
    expectStatus: 200,
  },
  {
    name: 'consultations: announced consultation',
    setup: async ({ server }) => `/konsultacje/${await makeConsultation(server.testApp.ctx, { startsIn: 24, endsIn: 48 })}`,
    expectStatus: 200,
  },
  {
    name: 'consultations: comment form',
    setup: async ({ server }) => `/konsultacje/${await makeConsultation(server.testApp.ctx, { startsIn: -1, endsIn: 48 })}/uwaga`,
    expectStatus: 200,
  },
  {
    name: 'consultations: comment form for a section',
    setup: async ({ server }) => {
      const id = await makeConsultation(server.testApp.ctx, { startsIn: -1, endsIn: 48 });
      const [first] = await listSections(server.testApp.ctx.db, id, 'consulted');
      return `/konsultacje/${id}/uwaga?sekcja=${first!.id}`;
    },
    expectStatus: 200,
  },
  {
    name: 'consultations: comment form with errors',
    setup: async ({ server }) => `/konsultacje/${await makeConsultation(server.testApp.ctx, { startsIn: -1, endsIn: 48 })}/uwaga`,
    act: async ({ page }) => navigation(page, () => page.locator('form#formularz button[type="submit"]').click()),
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
  },
  {
    name: 'consultations: comment sent',
    setup: async ({ server }) => `/konsultacje/${await makeConsultation(server.testApp.ctx, { startsIn: -1, endsIn: 48 })}/uwaga/wyslano`,
    expectStatus: 200,
  },
  {
    name: 'consultations: confirmation link',
    setup: async ({ server }) => (await unconfirmedComment(server.testApp.ctx)).path,
    expectStatus: 200,
  },
  {
    name: 'consultations: report',
    setup: async ({ server }) => `/konsultacje/${await consultationWithReport(server.testApp.ctx)}/raport`,
    expectStatus: 200,
  },
  {
    name: 'consultations: changes after the consultation',
    setup: async ({ server }) => `/konsultacje/${await consultationWithNextText(server.testApp.ctx)}/zmiany`,
    expectStatus: 200,
  },
  {
    name: 'consultations: admin list',
    setup: async ({ server }) => (await consultationWithReport(server.testApp.ctx), '/admin/konsultacje'),
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  { name: 'consultations: admin new consultation', path: '/admin/konsultacje/nowa', expectStatus: 200, login: [{ role: 'coordinator' }] },
  {
    name: 'consultations: admin documents with search results',
    setup: async ({ server }) => {
      const ctx = server.testApp.ctx;
      const id = await makeConsultation(ctx, { startsIn: 24, endsIn: 48 });
      await attachToConsultation(ctx, id, 'Projekt programu — uzasadnienie');
      await publishedDocument(ctx, 'Projekt programu — formularz uwag');
      return `/admin/konsultacje/${id}/dokumenty?q=projekt+programu`;
    },
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'consultations: admin overview',
    setup: async ({ server }) => `/admin/konsultacje/${await makeConsultation(server.testApp.ctx, { startsIn: -48, endsIn: -1 })}`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'consultations: admin edit',
    setup: async ({ server }) => `/admin/konsultacje/${await makeConsultation(server.testApp.ctx, { startsIn: 24, endsIn: 48 })}/edycja`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'consultations: admin comments',
    setup: async ({ server }) => `/admin/konsultacje/${await consultationWithReport(server.testApp.ctx)}/uwagi`,
    expectStatus: 200,
    login: [{ role: 'moderator' }],
  },
  {
    name: 'consultations: admin comment with response form',
    setup: async ({ server }) => {
      const id = await consultationWithReport(server.testApp.ctx);
      const c = await server.testApp.ctx.db
        .selectFrom('consultation_comments')
        .select('id')
        .where('consultation_id', '=', id)
        .where('status', '=', 'confirmed')
        .executeTakeFirstOrThrow();
      await server.testApp.ctx.db
        .updateTable('consultations')
        .set({ is_report_published: false, report_published_at: null })
        .where('id', '=', id)
        .execute();
      return `/admin/konsultacje/${id}/uwagi/${c.id}`;
    },
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'consultations: admin next version',
    setup: async ({ server }) => `/admin/konsultacje/${await consultationWithReport(server.testApp.ctx)}/nowa-wersja`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'consultations: admin retention setting',
    path: '/admin/konsultacje/ustawienia',
    expectStatus: 200,
    login: [{ role: 'administrator' }],
  },
  // monitoring rounds, API tokens and the annual report
  {
    name: 'monitoring: partner rounds',
    setup: async ({ server }) => (await monitoringFixtures(server), '/sprawozdawczosc'),
    expectStatus: 200,
    login: [PARTNER_M1],
  },
  {
    name: 'monitoring: partner form',
    setup: async ({ server }) => `/sprawozdawczosc/${(await monitoringFixtures(server)).roundId}`,
    expectStatus: 200,
    login: [PARTNER_M1],
  },
  {
    name: 'monitoring: partner form with errors',
    setup: async ({ server }) => `/sprawozdawczosc/${(await monitoringFixtures(server)).roundId}`,
    act: async ({ page }) => {
      await page.locator('input[name^="value__"]').first().fill('dużo');
      return navigation(page, () => page.locator('button[name="action"][value="save"]').click());
    },
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
    login: [PARTNER_M1],
  },
  { name: 'monitoring: API tokens', path: '/konto/tokeny', expectStatus: 200, login: [PARTNER_M1] },
  {
    name: 'monitoring: admin rounds',
    setup: async ({ server }) => `/admin/program/${(await monitoringFixtures(server)).programmeId}/monitorowanie`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'monitoring: admin round',
    setup: async ({ server }) => {
      const f = await monitoringFixtures(server);
      return `/admin/program/${f.programmeId}/monitorowanie/${f.roundId}`;
    },
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'annual report: published',
    setup: async ({ server }) => `/program/${(await monitoringFixtures(server)).slug}/sprawozdanie/2024`,
    expectStatus: 200,
  },
  {
    name: 'annual report: draft (staff)',
    setup: async ({ server }) => `/program/${(await monitoringFixtures(server)).slug}/sprawozdanie/2025`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'annual report: editor',
    setup: async ({ server }) => `/admin/program/${(await monitoringFixtures(server)).programmeId}/sprawozdanie/2025`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  // offers: catalogue, offer page, enquiry (form, errors, sent), the representative's pages, staff counts
  ...OFFER_PAGES,
  // evaluation: studies, a study, the recommendations table, the programme page's element entries,
  // the annual report's section, and the staff pages (the fixture's study was accepted on 1 June 2026)
  {
    name: 'evaluation: studies',
    setup: async ({ server }) => (await evaluationFixture(server.testApp.ctx, { acceptedOn: '2026-06-01' }), '/ewaluacja'),
    expectStatus: 200,
  },
  {
    name: 'evaluation: yearly summary',
    setup: async ({ server }) =>
      `/ewaluacja/podsumowanie/${(await evaluationFixture(server.testApp.ctx, { acceptedOn: '2026-06-01' })).slug}/2026`,
    expectStatus: 200,
  },
  {
    name: 'evaluation: study',
    setup: async ({ server }) => `/ewaluacja/${(await evaluationFixture(server.testApp.ctx, { acceptedOn: '2026-06-01' })).studyId}`,
    expectStatus: 200,
  },
  {
    name: 'evaluation: recommendations table (overdue)',
    setup: async ({ server }) => (
      await evaluationFixture(server.testApp.ctx, { acceptedOn: '2026-06-01' }),
      '/ewaluacja/rekomendacje?status=po-terminie'
    ),
    expectStatus: 200,
  },
  {
    name: 'evaluation: programme page with recommendations under an element',
    setup: async ({ server }) => `/program/${(await evaluationFixture(server.testApp.ctx, { acceptedOn: '2026-06-01' })).slug}`,
    expectStatus: 200,
  },
  {
    name: 'evaluation: indicator page with recommendations',
    setup: async ({ server }) =>
      `/program/${(await evaluationFixture(server.testApp.ctx, { acceptedOn: '2026-06-01' })).slug}/wskazniki/W1`,
    expectStatus: 200,
  },
  {
    name: 'evaluation: annual report with the follow-up section',
    setup: async ({ server }) =>
      `/program/${(await evaluationFixture(server.testApp.ctx, { acceptedOn: '2026-06-01' })).slug}/sprawozdanie/2026`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  { name: 'evaluation: admin list', path: '/admin/ewaluacja', expectStatus: 200, login: [{ role: 'coordinator' }] },
  { name: 'evaluation: admin new study', path: '/admin/ewaluacja/nowe', expectStatus: 200, login: [{ role: 'coordinator' }] },
  {
    name: 'evaluation: admin study',
    setup: async ({ server }) => `/admin/ewaluacja/${(await evaluationFixture(server.testApp.ctx, { acceptedOn: '2026-06-01' })).studyId}`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'evaluation: admin new recommendation',
    setup: async ({ server }) =>
      `/admin/ewaluacja/${(await evaluationFixture(server.testApp.ctx, { acceptedOn: '2026-06-01' })).studyId}/rekomendacje/nowa`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'evaluation: admin correct a recommendation',
    setup: async ({ server }) =>
      `/admin/ewaluacja/rekomendacje/${(await evaluationFixture(server.testApp.ctx, { acceptedOn: '2026-06-01' })).rec1}/edycja`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'evaluation: admin import',
    setup: async ({ server }) =>
      `/admin/ewaluacja/${(await evaluationFixture(server.testApp.ctx, { acceptedOn: '2026-06-01' })).studyId}/import`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'evaluation: follow-up of a recommendation',
    setup: async ({ server }) =>
      `/admin/ewaluacja/rekomendacje/${(await evaluationFixture(server.testApp.ctx, { acceptedOn: '2026-06-01' })).rec1}`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'evaluation: follow-up for an owner of actions',
    setup: async ({ server }) =>
      `/admin/ewaluacja/rekomendacje/${(await evaluationFixture(server.testApp.ctx, { acceptedOn: '2026-06-01' })).rec1}`,
    expectStatus: 200,
    login: [{ role: 'editor' }],
  },
  {
    name: 'evaluation: response "not accepted" without a reason (errors)',
    setup: async ({ server }) =>
      `/admin/ewaluacja/rekomendacje/${(await evaluationFixture(server.testApp.ctx, { acceptedOn: '2026-06-01' })).rec2}`,
    act: async ({ page }) => {
      await page.selectOption('#f-response_kind', 'not_accepted');
      return navigation(page, () => page.locator('form[action$="/odpowiedz"] button[type="submit"]').click());
    },
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
    login: [{ role: 'coordinator' }],
  },
  // licences: public page, licence, verification, staff list, grant form with errors, one licence
  ...LICENCE_PAGES,
  ...BODY_MEMBER_PAGES,
  // licence applications: the representative's form and list, staff's formal check and rules editions, the Kapituła's pages
  ...APPLICATION_PAGES,
  // buyers' needs: list, a published need, the form (empty, with errors), the staff's decision form and list, "my needs"
  ...NEED_PAGES,
  // purchase share: public aggregates, a buyer's share, the upload (empty, with errors), staff's buyers and representatives
  ...PURCHASE_PAGES,
  // events
  {
    name: 'events: list',
    setup: async ({ server }) => (await makeEvent(server.testApp.ctx, { capacities: [5] }), '/wydarzenia'),
    expectStatus: 200,
  },
  // a past Forum edition shows the local governments' awards of its year (localgov's section)
  {
    name: 'events: Forum edition with local-government awards',
    setup: async ({ server }) => {
      await awardRecord(server.testApp.ctx);
      const forum = await makeEvent(server.testApp.ctx, {
        title: 'Forum Ekonomii Społecznej 2025',
        startsAt: '2025-10-15T10:00',
        closesBeforeStartHours: null,
      });
      return `/wydarzenia/${forum.id}`;
    },
    expectStatus: 200,
  },
  { name: 'events: calendar', path: '/wydarzenia/kalendarz', expectStatus: 200 },
  { name: 'events: archive', path: '/wydarzenia/archiwum', expectStatus: 200 },
  {
    name: 'events: event',
    setup: async ({ server }) => `/wydarzenia/${(await makeEvent(server.testApp.ctx, { capacities: [5, null] })).id}`,
    expectStatus: 200,
  },
  {
    name: 'events: registration form',
    setup: async ({ server }) => `/wydarzenia/${(await makeEvent(server.testApp.ctx, { capacities: [5, null] })).id}/rejestracja`,
    expectStatus: 200,
  },
  {
    name: 'events: registration form with errors',
    setup: async ({ server }) => `/wydarzenia/${(await makeEvent(server.testApp.ctx, { capacities: [5] })).id}/rejestracja`,
    act: async ({ page }) => navigation(page, () => page.locator('main form button[type="submit"]').click()),
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
  },
  {
    name: 'events: registration sent',
    setup: async ({ server }) => `/wydarzenia/${(await makeEvent(server.testApp.ctx, { capacities: [5] })).id}/rejestracja/wyslano`,
    expectStatus: 200,
  },
  {
    name: 'events: confirmation link',
    setup: async ({ server }) => {
      const ctx = server.testApp.ctx;
      const ev = await makeEvent(ctx, { capacities: [5] });
      const email = `e2e-${ev.id.slice(-6)}@example.pl`;
      await registerPerson(ctx, ev.id, email, ev.sessionIds, false);
      return `/wydarzenia/potwierdzenie/${await lastToken(ctx, email, 'event_confirm')}`;
    },
    expectStatus: 200,
  },
  {
    name: 'events: own registration',
    setup: async ({ server }) => {
      const ctx = server.testApp.ctx;
      const ev = await makeEvent(ctx, { capacities: [5] });
      return `/wydarzenia/rejestracja/${await registerPerson(ctx, ev.id, `e2e-${ev.id.slice(-6)}@example.pl`, ev.sessionIds)}`;
    },
    expectStatus: 200,
  },
  { name: 'events: admin list', path: '/admin/wydarzenia', expectStatus: 200, login: [{ role: 'coordinator' }] },
  { name: 'events: admin new event', path: '/admin/wydarzenia/nowe', expectStatus: 200, login: [{ role: 'coordinator' }] },
  {
    name: 'events: admin participants',
    setup: async ({ server }) => {
      const ctx = server.testApp.ctx;
      const ev = await makeEvent(ctx, { capacities: [5] });
      await registerPerson(ctx, ev.id, `e2e-${ev.id.slice(-6)}@example.pl`, ev.sessionIds);
      return `/admin/wydarzenia/${ev.id}/uczestnicy`;
    },
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'events: check-in',
    setup: async ({ server }) => {
      const ctx = server.testApp.ctx;
      const ev = await makeEvent(ctx, { capacities: [5] });
      await registerPerson(ctx, ev.id, `e2e-c-${ev.id.slice(-6)}@example.pl`, ev.sessionIds);
      return `/admin/wydarzenia/${ev.id}/obecnosc`;
    },
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'events: certificate verification',
    setup: async ({ server }) => {
      const ctx = server.testApp.ctx;
      const ev = await makeEvent(ctx, { capacities: [5] });
      const email = `e2e-v-${ev.id.slice(-6)}@example.pl`;
      return verificationPathOf(ctx, await attendedRegistration(ctx, ev, email));
    },
    expectStatus: 200,
  },
  {
    name: 'events: admin overview',
    setup: async ({ server }) => `/admin/wydarzenia/${(await makeEvent(server.testApp.ctx, { capacities: [5] })).id}`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'events: admin overview with counts',
    setup: async ({ server }) => {
      const ctx = server.testApp.ctx;
      const ev = await makeEvent(ctx, { capacities: [5, null] });
      await attendedRegistration(ctx, ev, `e2e-n-${ev.id.slice(-6)}@example.pl`);
      return `/admin/wydarzenia/${ev.id}`;
    },
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'events: event with documents',
    setup: async ({ server }) => {
      const ev = await makeEvent(server.testApp.ctx, { capacities: [5] });
      await attachLibraryDocument(server.testApp.ctx, ev.id);
      return `/wydarzenia/${ev.id}`;
    },
    expectStatus: 200,
  },
  {
    name: 'events: admin documents with search results',
    setup: async ({ server }) => {
      const ctx = server.testApp.ctx;
      const ev = await makeEvent(ctx, { capacities: [5] });
      await attachLibraryDocument(ctx, ev.id, 'Program Forum — dzień pierwszy');
      await attachLibraryDocument(ctx, (await makeEvent(ctx)).id, 'Program Forum — dzień drugi');
      return `/admin/wydarzenia/${ev.id}/dokumenty?q=program+forum`;
    },
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'events: admin message form',
    setup: async ({ server }) => `/admin/wydarzenia/${(await makeEvent(server.testApp.ctx, { capacities: [5] })).id}/wiadomosc`,
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'events: admin message form with errors',
    setup: async ({ server }) => `/admin/wydarzenia/${(await makeEvent(server.testApp.ctx, { capacities: [5] })).id}/wiadomosc`,
    act: async ({ page }) => navigation(page, () => page.locator('main form[action$="/podglad"] button[type="submit"]').click()),
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
    login: [{ role: 'coordinator' }],
  },
  {
    name: 'events: admin message preview',
    setup: async ({ server }) => {
      const ctx = server.testApp.ctx;
      const ev = await makeEvent(ctx, { capacities: [5] });
      await registerPerson(ctx, ev.id, `e2e-m-${ev.id.slice(-6)}@example.pl`, ev.sessionIds);
      return `/admin/wydarzenia/${ev.id}/wiadomosc`;
    },
    act: async ({ page }) => {
      await page.selectOption('#f-session_id', { index: 1 });
      await page.fill('#f-subject', 'Zmiana sali');
      await page.fill('#f-message', 'Spotykamy się w sali 204.');
      return navigation(page, () => page.locator('main form[action$="/podglad"] button[type="submit"]').click());
    },
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
  // last, because the logo it sets stays in the header of every later visit of the same server: the
  // header with a logo (on a 390 px phone too) and the administrator's logo forms with the preview
  {
    name: 'admin: institution logo set',
    setup: async ({ server }) => (await setExampleLogo(server.testApp.ctx), '/admin/kontakt'),
    expectStatus: 200,
    login: [{ role: 'administrator' }],
  },
];

/** Opens a template the way a visitor reaches it and returns the HTTP status of the page shown. */
export async function openTemplate(entry: PageTemplate, server: Server, page: Page, lang: Lang, userId?: string): Promise<number> {
  const ctx: VisitContext = { server, page, lang, href: (path) => localize(path, lang), ...(userId ? { userId } : {}) };
  const path = entry.setup ? await entry.setup(ctx) : entry.path;
  if (path === undefined) throw new Error(`page template "${entry.name}" has neither a path nor a setup`);
  const response = await page.goto(`${server.baseUrl}${ctx.href(path)}`);
  if (!response) throw new Error(`${entry.name}: no response for ${path}`);
  return entry.act ? entry.act(ctx) : response.status();
}
