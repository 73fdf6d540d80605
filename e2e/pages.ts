// Every page template the browser suite visits, as data. A module that adds a template appends an
// entry here and gets the whole accessibility check (axe, language, skip link, focus, offline) in
// Polish and in English without writing a test of its own.
import type { Page } from 'playwright-core';
import { localize } from '../src/core/http/language.js';
import { issueSetupToken } from '../src/modules/accounts/index.js';
import type { Lang } from '../src/i18n/index.js';
import { navigation, type Server } from './support.js';

export const VISIT_LANGS: readonly Lang[] = ['pl', 'en'];

export interface VisitContext {
  server: Server;
  page: Page;
  lang: Lang;
  /** A Polish path in the language of this visit (`/x` → `/en/x`). */
  href(path: string): string;
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
}

export const PAGES: PageTemplate[] = [
  { name: 'home', path: '/', expectStatus: 200 },
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
];

/** Opens a template the way a visitor reaches it and returns the HTTP status of the page shown. */
export async function openTemplate(entry: PageTemplate, server: Server, page: Page, lang: Lang): Promise<number> {
  const ctx: VisitContext = { server, page, lang, href: (path) => localize(path, lang) };
  const path = entry.setup ? await entry.setup(ctx) : entry.path;
  if (path === undefined) throw new Error(`page template "${entry.name}" has neither a path nor a setup`);
  const response = await page.goto(`${server.baseUrl}${ctx.href(path)}`);
  if (!response) throw new Error(`${entry.name}: no response for ${path}`);
  return entry.act ? entry.act(ctx) : response.status();
}
