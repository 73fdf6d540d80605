// Shared plumbing of the browser suite: a real HTTP server on a fresh test database, one headless
// Debian chromium, pages that record (and refuse) any request leaving the local server — the site
// promises to work fully offline — and an axe run whose failure message says what to fix.
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
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

// background services of a stock browser would talk to Google; none of that belongs in a test run
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
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
  /** Every request the page tried to send anywhere but the local server (each one was aborted). */
  foreignRequests: string[];
  close(): Promise<void>;
}

/** URLs that never reach a network (inline images, the QR code as a data: URL). */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/**
 * A page in a context of its own (fresh cookies; axe needs the page to belong to a context it can
 * open frames in). Requests to other hosts are recorded and aborted, so a stray CDN link fails the
 * test instead of silently working online.
 */
export async function newPage(browser: Browser, baseUrl: string): Promise<TestPage> {
  const context = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw', viewport: { width: 1280, height: 900 } });
  const origin = new URL(baseUrl).origin;
  const foreignRequests: string[] = [];
  const isForeign = (url: URL) => !LOCAL_SCHEMES.has(url.protocol) && url.origin !== origin;
  const record = (url: string) => {
    if (isForeign(new URL(url)) && !foreignRequests.includes(url)) foreignRequests.push(url);
  };
  await context.route(isForeign, async (route) => {
    record(route.request().url());
    await route.abort('blockedbyclient');
  });
  // the event also sees what the router does not (e.g. websockets)
  context.on('request', (request) => record(request.url()));
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { context, page, foreignRequests, close: () => context.close() };
}

/** The WCAG levels the platform promises. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/**
 * Best-practice rules on the page's anatomy (one h1, heading levels, one main, everything in a
 * landmark), run on top of the tags. `withTags` and `withRules` each replace axe's `runOnly`, so
 * the extra rules are enabled through `rules` next to a tag-based `runOnly`.
 */
export const AXE_EXTRA_RULES = ['page-has-heading-one', 'heading-order', 'landmark-one-main', 'region'];

/**
 * axe at the level the platform promises (WCAG 2.1 AA + page anatomy); one readable line per failing node.
 *
 * Legacy mode runs `axe.run` inside the page itself; the default mode runs axe per frame and then
 * opens a new blank page in the context to merge the frames' results, which more than doubled the
 * time of every check (measured 2026-12-06: 12 templates × 2 runs, 32.0 s default, 14.3 s legacy,
 * 12.0 s legacy with `resultTypes`). The platform's pages have no iframes (page-checks.ts asserts it on every
 * visited template), so nothing is left unchecked. `resultTypes: ['violations']`
 * spares axe collecting every passing node; violations are reported in full either way.
 */
export async function checkAxe(page: Page): Promise<string[]> {
  const rules = Object.fromEntries(AXE_EXTRA_RULES.map((id) => [id, { enabled: true }]));
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ runOnly: { type: 'tag', values: AXE_TAGS }, rules, resultTypes: ['violations'] })
    .analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => {
      const why = n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ').trim()}` : '';
      return `${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${n.target.map(String).join(' > ')}${why} [${v.helpUrl}]`;
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

/** What the currently focused element is, for assertions and their messages. */
export async function focused(page: Page): Promise<Focused> {
  // the project compiles without the DOM library (server code must not see browser globals), so
  // callbacks that run in the page reach the window untyped
  return page.evaluate(() => {
    const w = globalThis as any;
    const el = w.document.activeElement;
    if (!el || el === w.document.body)
      return { tag: el ? 'body' : '', id: '', className: '', text: '', outlineStyle: '', outlineWidth: '', attrs: {} };
    const style = w.getComputedStyle(el);
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
