// The checks every page template gets in a real chromium, in Polish and in English: status, axe,
// language, skip link, in-page links, no frames, no foreign requests; and, in Polish only, visible
// focus on every Tab stop, no sideways scrolling and targets of WCAG 2.2's size on a 390 px phone. Two
// test files (accessibility.test.ts, accessibility-2.test.ts) each run half of the templates with
// their own server and browser, so the two halves run side by side.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { translator } from '../src/i18n/index.js';
import { loginAs } from '../src/testing/app.js';
import { openTemplate, PAGES, VISIT_LANGS, type PageTemplate } from './pages.js';
import { AXE_TARGET_SIZE, checkAxe, focused, newPage, useBrowserAndServer, type Focused, type Server, type TestPage } from './support.js';

let browser: Browser;
/** The one language whose visit walks every Tab stop of a page. */
const KEYBOARD_WALK_LANG = 'pl';
// one server for all page visits of a file; the set-up keyboard test finishes the set-up, so it gets its own
let server: Server;

export function describeFocus(f: Focused): string {
  return `<${f.tag}${f.id ? ` id="${f.id}"` : ''}${f.className ? ` class="${f.className}"` : ''}> "${f.text.slice(0, 60)}"`;
}

export function assertVisibleFocus(f: Focused, where: string): void {
  assert.notEqual(f.outlineStyle, 'none', `${where}: the focused element ${describeFocus(f)} shows no outline`);
  assert.notEqual(f.outlineWidth, '0px', `${where}: the focused element ${describeFocus(f)} has a zero-width outline`);
}

/**
 * When a template moves focus on arrival (the error summary), a keyboard user goes back with
 * Shift+Tab; the skip link must be the first stop of the page, so one more Shift+Tab leaves it.
 */
async function returnToDocumentStart(page: Page, entry: PageTemplate): Promise<void> {
  const start = await focused(page);
  const selectorMatches = await page.evaluate(
    (sel) => (globalThis as any).document.activeElement?.matches(sel) === true,
    entry.initialFocus!,
  );
  assert.ok(selectorMatches, `focus on arrival should be on ${entry.initialFocus}, is on ${describeFocus(start)}`);
  for (let i = 0; i < 80 && !(await focused(page)).className.split(' ').includes('skip-link'); i += 1)
    await page.keyboard.press('Shift+Tab');
  assert.ok((await focused(page)).className.split(' ').includes('skip-link'), 'Shift+Tab from the focused summary reaches the skip link');
  await page.keyboard.press('Shift+Tab');
  const prior = await focused(page);
  assert.ok(
    prior.tag === 'body' || prior.tag === '',
    `the skip link is the first focus stop, yet Shift+Tab from it went to ${describeFocus(prior)}`,
  );
}

/** The most Tab stops walked on one page. */
const MAX_TAB_STOPS = 150;
const TAB_BATCH = 10;

/**
 * Presses Tab from the focused skip link until focus leaves the page or comes back to the skip
 * link, and returns every element focused on the way, as it looked when focused. The page records
 * each stop itself (a focusin listener), so the walk reads them once per ten presses instead of
 * asking the browser after every press.
 */
async function walkTabStops(page: Page): Promise<Focused[]> {
  await page.evaluate(() => {
    const w = globalThis as any;
    w.__tabStops = [];
    w.document.addEventListener('focusin', (event: any) => w.__tabStops.push(w.__describeElement(event.target)), true);
  });
  const stops: Focused[] = [];
  for (let pressed = 0; pressed < MAX_TAB_STOPS;) {
    for (let i = 0; i < TAB_BATCH; i += 1, pressed += 1) await page.keyboard.press('Tab');
    const { recorded, onBody } = await page.evaluate(() => {
      const w = globalThis as any;
      const active = w.document.activeElement;
      return { recorded: w.__tabStops.splice(0) as Focused[], onBody: !active || active === w.document.body };
    });
    for (const f of recorded) {
      if (f.className.split(' ').includes('skip-link')) return stops;
      stops.push(f);
    }
    if (onBody) return stops;
  }
  return stops;
}

/** Half `part` (0 or 1) of the page templates; the browser is shared with the file's other tests. */
export function pagesOfPart(part: 0 | 1): PageTemplate[] {
  // E2E_PAGES=<regular expression> narrows the visits to matching template names while a module is
  // being written; `npm test` never sets it, so the whole list runs there
  const only = process.env.E2E_PAGES ? new RegExp(process.env.E2E_PAGES, 'i') : null;
  const pages = only ? PAGES.filter((p) => only.test(p.name)) : PAGES;
  const half = Math.ceil(pages.length / 2);
  return part === 0 ? pages.slice(0, half) : pages.slice(half);
}

/** Registers the page checks of `entries` in the calling test file; returns the file's browser. */
export function describePageChecks(entries: readonly PageTemplate[]): () => Browser {
  // one page for all visits of the file, reset before each (TestPage.reset says why)
  let shared: TestPage | undefined;
  // registered first, so it runs before the browser closes
  after(async () => {
    await shared?.close();
  });
  useBrowserAndServer((b, s) => {
    browser = b;
    server = s;
  });
  const visitPage = async (): Promise<TestPage> => {
    shared ??= await newPage(browser, server.baseUrl);
    await shared.reset();
    return shared;
  };

  // a file whose half E2E_PAGES left empty still needs a test, or its browser and server hooks
  // keep the process waiting forever
  if (entries.length === 0) test('page templates of this half', { skip: 'none matches E2E_PAGES' }, () => {});

  for (const entry of entries) {
    for (const lang of VISIT_LANGS) {
      describe(`${entry.name} [${lang}]`, () => {
        const t = translator(lang);
        let page: Page;
        let foreign: string[];
        let status: number;

        before(async () => {
          const tp = await visitPage();
          page = tp.page;
          let userId: string | undefined;
          if (entry.login) {
            const { cookie, userId: id } = await loginAs(server.testApp, entry.login);
            userId = id;
            const [name, ...value] = cookie.split('=');
            await tp.context.addCookies([{ name: name!, value: value.join('='), url: server.baseUrl }]);
          }
          foreign = tp.foreignRequests;
          status = await openTemplate(entry, server, page, lang, userId);
        });

        test('answers with the expected status', () => {
          assert.equal(status, entry.expectStatus);
        });

        test('has no axe violations (WCAG 2.1 A/AA, 2.2 target size, page anatomy)', async () => {
          const violations = await checkAxe(page);
          assert.deepEqual(violations, [], `axe found:\n${violations.join('\n')}`);
        });

        test(`declares <html lang="${lang}">`, async () => {
          assert.equal(await page.evaluate(() => (globalThis as any).document.documentElement.lang), lang);
        });

        test('Tab reaches the skip link first, with a visible focus indicator, and Enter moves to #main', async () => {
          if (entry.initialFocus) await returnToDocumentStart(page, entry);
          await page.keyboard.press('Tab');
          const first = await focused(page);
          assert.ok(first.className.split(' ').includes('skip-link'), `first Tab stop is ${describeFocus(first)}, not the skip link`);
          assert.equal(first.text, t('site.skipLink'));
          assertVisibleFocus(first, 'skip link');
          const box = await page.locator('.skip-link').boundingBox();
          assert.ok(box && box.y >= 0 && box.height > 0, `the focused skip link is on screen (box ${JSON.stringify(box)})`);

          await page.keyboard.press('Enter');
          await page.waitForFunction(() => (globalThis as any).location.hash === '#main');
          const target = await focused(page);
          assert.equal(target.id, 'main', `after the skip link focus is on ${describeFocus(target)}`);
          const scroll = await page.evaluate(() => {
            const w = globalThis as any;
            const max = w.document.documentElement.scrollHeight - w.innerHeight;
            return {
              top: w.document.getElementById('main').getBoundingClientRect().top as number,
              scrollY: w.scrollY as number,
              max: max as number,
            };
          });
          // main is scrolled to the top, unless the page is too short to scroll that far
          assert.ok(Math.abs(scroll.top) <= 2 || scroll.scrollY >= scroll.max - 2, `main is brought into view (${JSON.stringify(scroll)})`);

          await page.keyboard.press('Tab');
          const next = await focused(page);
          assert.notEqual(next.tag, 'body', 'Tab after the skip link continues inside the page');
          assertVisibleFocus(next, 'first element after #main');
        });

        // the walk over every Tab stop is the slowest check; the focus styles and the tab order do not
        // depend on the language, so it runs on the Polish visit only (axe and the rest run in both)
        if (lang === KEYBOARD_WALK_LANG)
          test('every Tab stop shows a focus indicator', async () => {
            await page.locator('.skip-link').focus();
            const stops = await walkTabStops(page);
            stops.forEach((f, i) => assertVisibleFocus(f, `Tab stop ${i + 1}`));
            assert.ok(stops.length > 0, 'the page has focusable elements after the skip link');
          });

        // checkAxe runs axe in legacy mode, which does not look into frames
        test('has no iframe', async () => {
          assert.equal(await page.locator('iframe, frame').count(), 0);
        });

        test('every in-page link leads to an element of the page', async () => {
          const broken = await page.evaluate(() => {
            const d = (globalThis as any).document;
            const hrefs = Array.from(d.querySelectorAll('a[href^="#"]') as ArrayLike<{ getAttribute(n: string): string }>).map((a) =>
              a.getAttribute('href'),
            );
            return hrefs.filter((h) => h.length > 1 && !d.getElementById(decodeURIComponent(h.slice(1))));
          });
          assert.deepEqual(broken, []);
        });

        test('sends no request to any other host', () => {
          assert.deepEqual(foreign, []);
        });

        // last, because it changes the viewport: the layout does not depend on the language beyond
        // word lengths, so the Polish visit (longer words) is the one checked on a phone
        if (lang === KEYBOARD_WALK_LANG)
          test('fits a 390 px wide phone screen without sideways scrolling', async () => {
            await page.setViewportSize({ width: 390, height: 844 });
            const overflow = await page.evaluate(() => {
              const d = (globalThis as any).document;
              const width = d.documentElement.clientWidth as number;
              // the elements sticking out on the right, for the failure message (scroll containers hold their own overflow)
              // (an absolutely positioned one escapes a scroller that is not its containing block);
              // elements inside scroll containers are named only when nothing else sticks out
              const outside: string[] = [];
              const inside: string[] = [];
              if (d.documentElement.scrollWidth > width)
                for (const el of Array.from(d.body.querySelectorAll('*')) as any[]) {
                  const r = el.getBoundingClientRect();
                  if (r.right <= width + 1) continue;
                  let scroller = false;
                  for (let a = el.parentElement; a && a !== d.body; a = a.parentElement)
                    if ((globalThis as any).getComputedStyle(a).overflowX !== 'visible') scroller = true;
                  const position = (globalThis as any).getComputedStyle(el).position;
                  (scroller ? inside : outside).push(
                    `<${String(el.tagName).toLowerCase()} class="${el.className}"> right edge ${Math.round(r.right)} px, position ${position}${scroller ? ', inside a scroll container' : ''}`,
                  );
                }
              const culprits = (outside.length ? outside : inside).slice(0, 5);
              return { scrollWidth: d.documentElement.scrollWidth as number, width, culprits };
            });
            assert.ok(
              overflow.scrollWidth <= overflow.width,
              `the page is ${overflow.scrollWidth} px wide on a ${overflow.width} px screen: ${overflow.culprits.join('; ')}`,
            );
          });

        // the layout changes on a phone (the menu collapses, facets fold, lists stack), so the targets are
        // measured again there; the desktop visit's axe run covered them at 1280 px
        if (lang === KEYBOARD_WALK_LANG)
          test('every target is at least 24 × 24 px or spaced apart on a 390 px phone (WCAG 2.2 target size)', async () => {
            await page.setViewportSize({ width: 390, height: 844 });
            const violations = await checkAxe(page, [AXE_TARGET_SIZE]);
            assert.deepEqual(violations, [], `axe found:\n${violations.join('\n')}`);
          });
      });
    }
  }
  return () => browser;
}
