// Shared plumbing of the browser suite: a real HTTP server on a fresh test database, one headless
// Debian chromium, pages that record (and refuse) any request leaving the local server — the site
// promises to work fully offline — and an axe run whose failure message says what to fix.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { testSettings } from '../src/config.js';
import { createTestApp, type TestApp, type TestAppOptions } from '../src/testing/app.js';

export interface Server {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  baseUrl: string;
  testApp: TestApp;
  close(): Promise<void>;
}

export async function startServer(opts: TestAppOptions = {}): Promise<Server> {
  const testApp = await createTestApp(opts);
  try {
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  } catch (err) {
    await testApp.close();
    throw err;
  }
  const { port } = testApp.app.server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, testApp, close: () => testApp.close() };
}

// background services of a stock browser would talk to Google; none of that belongs in a test run.
// The resolver rule makes every host name but the local server's unresolvable, so nothing a page
// asks for can leave the machine; pages record every request (newPage), so a stray CDN link still
// fails the test. (Blocking through Playwright's request interception instead sent every request of
// every page through the test process: measured 2026-12-07, 30 % of the time of a page visit.)
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: testSettings().chromium ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * One browser and one server for the calling test file (or describe block): started in its
 * `before` hook, handed to `ready` (which keeps them and may seed data), closed in its `after`.
 */
export function useBrowserAndServer(ready: (browser: Browser, server: Server) => void | Promise<void>, opts: TestAppOptions = {}): void {
  let browser: Browser | undefined;
  let server: Server | undefined;
  before(async () => {
    browser = await launchBrowser();
    server = await startServer(opts);
    await ready(browser, server);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Every request the page tried to send anywhere but the local server (none can be answered). */
  foreignRequests: string[];
  /**
   * Makes the page as a new one would be for the next visit: no cookies, the desktop viewport, no
   * recorded requests, a blank document. A new context per visit costs a new renderer process and
   * a cold compile of axe (measured 2026-12-07: 3.2 s a visit against 1.2 s with a reset page).
   */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const DESKTOP = { width: 1280, height: 900 };

/** URLs that never reach a network (inline images, the QR code as a data: URL). */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/**
 * A page in a context of its own (fresh cookies). Requests to other hosts are recorded (the
 * browser cannot resolve them, see CHROMIUM_ARGS), so a stray CDN link fails the test instead of
 * silently working online.
 */
export async function newPage(browser: Browser, baseUrl: string): Promise<TestPage> {
  const context = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw', viewport: DESKTOP });
  const origin = new URL(baseUrl).origin;
  const foreignRequests: string[] = [];
  const isForeign = (url: URL) => !LOCAL_SCHEMES.has(url.protocol) && url.origin !== origin;
  context.on('request', (request) => {
    const url = request.url();
    if (isForeign(new URL(url)) && !foreignRequests.includes(url)) foreignRequests.push(url);
  });
  await context.addInitScript(`globalThis.__describeElement = ${describeElement.toString()};`);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return {
    context,
    page,
    foreignRequests,
    async reset() {
      await page.goto('about:blank');
      await context.clearCookies();
      await page.setViewportSize(DESKTOP);
      foreignRequests.length = 0;
    },
    close: () => context.close(),
  };
}

/**
 * The WCAG levels the platform promises: 2.1 A/AA and, of WCAG 2.2 AA, the target size (2.5.8: a
 * pointer target at least 24 × 24 px or spaced so that a 24 px circle around it touches no other
 * target), which is axe's one `wcag22aa` rule and off by default.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** The rule of WCAG 2.2 AA's target size, also run on its own on a phone-sized page (page-checks.ts). */
export const AXE_TARGET_SIZE = 'target-size';
/**
 * Best-practice rules on the page's anatomy (one h1, heading levels, one main, everything in a
 * landmark), run on top of the tags. `withTags` and `withRules` each replace axe's `runOnly`, so
 * the extra rules are enabled through `rules` next to a tag-based `runOnly`.
 */
export const AXE_EXTRA_RULES = ['page-has-heading-one', 'heading-order', 'landmark-one-main', 'region'];

/** axe-core's browser build, put into each page checked (ADR 13). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; failureSummary: string | null }[];
}

/**
 * axe at the level the platform promises (WCAG 2.1 AA, 2.2's target size, page anatomy), or only the
 * rules named in `only`; one readable line per failing node.
 *
 * axe-core runs inside the page itself, put there once per document (ADR 13: @axe-core/playwright
 * put the 560 kB script into the page twice per check and configured it for frames, which the
 * platform's pages do not have — page-checks.ts asserts it on every visited template).
 * `resultTypes: ['violations']` spares axe collecting every passing node; violations are reported
 * in full either way.
 */
export async function checkAxe(page: Page, only?: readonly string[]): Promise<string[]> {
  const rules = Object.fromEntries(AXE_EXTRA_RULES.map((id) => [id, { enabled: true }]));
  const options = only ? { runOnly: { type: 'rule', values: only } } : { runOnly: { type: 'tag', values: AXE_TAGS }, rules };
  // callbacks that run in the page reach the window untyped (no DOM library, see focused())
  if (!(await page.evaluate(() => typeof (globalThis as any).axe?.run === 'function'))) await page.evaluate(AXE_SOURCE);
  const violations: AxeViolation[] = await page.evaluate(async (opts) => {
    const w = globalThis as any;
    const results = await w.axe.run(w.document, { ...opts, resultTypes: ['violations'] });
    return results.violations.map((v: any) => ({
      id: String(v.id),
      impact: v.impact ?? null,
      help: String(v.help),
      helpUrl: String(v.helpUrl),
      nodes: v.nodes.map((n: any) => ({ target: n.target.map(String), failureSummary: n.failureSummary ?? null })),
    }));
  }, options);
  return violations.flatMap((v) =>
    v.nodes.map((n) => {
      const why = n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ').trim()}` : '';
      return `${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${n.target.join(' > ')}${why} [${v.helpUrl}]`;
    }),
  );
}

export interface Focused {
  tag: string;
  id: string;
  className: string;
  text: string;
  outlineStyle: string;
  outlineWidth: string;
  attrs: Record<string, string>;
}

/**
 * An element as a Focused, computed in the page. newPage puts it into every document of its context
 * as `__describeElement`, so the callbacks that run there (focused(), the Tab walk of
 * page-checks.ts) share one description.
 */
function describeElement(el: any): Focused {
  const style = (globalThis as any).getComputedStyle(el);
  const attrs: Record<string, string> = {};
  for (const a of Array.from(el.attributes as ArrayLike<{ name: string; value: string }>)) attrs[a.name] = a.value;
  return {
    tag: String(el.tagName).toLowerCase(),
    id: String(el.id),
    className: String(el.className),
    text: String(el.textContent ?? '').trim(),
    outlineStyle: String(style.outlineStyle),
    outlineWidth: String(style.outlineWidth),
    attrs,
  };
}

/** What the currently focused element is, for assertions and their messages. */
export async function focused(page: Page): Promise<Focused> {
  // the project compiles without the DOM library (server code must not see browser globals), so
  // callbacks that run in the page reach the window untyped
  return page.evaluate(() => {
    const w = globalThis as any;
    const el = w.document.activeElement;
    if (!el || el === w.document.body)
      return { tag: el ? 'body' : '', id: '', className: '', text: '', outlineStyle: '', outlineWidth: '', attrs: {} };
    return w.__describeElement(el);
  });
}

/** Presses Tab until `predicate` holds for the focused element (a keyboard user's way to a field). */
export async function tabUntil(page: Page, predicate: (f: Focused) => boolean, max = 60): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (predicate(await focused(page))) return;
  }
  throw new Error(`no matching element reached in ${max} presses of Tab (last: ${JSON.stringify(await focused(page))})`);
}

/**
 * Runs an action that makes the page navigate (a click, Enter in a form) and returns the status
 * of the page it lands on, once that page has loaded; redirects in between are followed.
 */
export async function navigation(page: Page, action: () => Promise<unknown>): Promise<number> {
  const response = page.waitForResponse(
    (r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame() && (r.status() < 300 || r.status() >= 400),
  );
  const loaded = page.waitForEvent('load');
  await action();
  const [res] = await Promise.all([response, loaded]);
  return res.status();
}
