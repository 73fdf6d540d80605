// The display switches and the language switch are plain links and GET forms that must work by
// keyboard and bring the visitor back to the page they were on, in the language they were using;
// only a real browser following the redirects shows where a visitor actually ends up.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { localize } from '../src/core/http/language.js';
import { translator } from '../src/i18n/index.js';
import { VISIT_LANGS } from './pages.js';
import { navigation, newPage, useBrowserAndServer, type Server } from './support.js';

let browser: Browser;
let server: Server;

useBrowserAndServer((b, s) => {
  browser = b;
  server = s;
});

/** Path and query of the page shown, as a visitor reads it in the address bar. */
const here = (page: Page) => {
  const u = new URL(page.url());
  return `${u.pathname}${u.search}`;
};

const htmlState = (page: Page) =>
  page.evaluate(() => {
    const html = (globalThis as any).document.documentElement;
    return { lang: String(html.lang), classes: String(html.className).split(/\s+/).filter(Boolean) };
  });

// a page with a query string too: the way back must keep all of it
const PATHS = ['/', '/nie-ma-takiej-strony?strona=2'];

describe('high contrast switch', () => {
  for (const lang of VISIT_LANGS) {
    for (const path of PATHS) {
      const url = localize(path, lang);
      test(`Enter on the switch at ${url} turns high contrast on and off, staying on the page`, async () => {
        const t = translator(lang);
        const { page, foreignRequests, close } = await newPage(browser, server.baseUrl);
        try {
          await page.goto(`${server.baseUrl}${url}`);
          const toggle = page.getByRole('button', { name: t('site.contrast'), exact: true });
          assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
          assert.ok(!(await htmlState(page)).classes.includes('contrast'));

          await toggle.focus();
          await navigation(page, () => page.keyboard.press('Enter'));
          assert.equal(here(page), url, 'back on the same page, in the same language');
          const on = await htmlState(page);
          assert.ok(on.classes.includes('contrast'), `html classes: ${on.classes.join(' ')}`);
          assert.equal(on.lang, lang);
          assert.equal(await toggle.getAttribute('aria-pressed'), 'true');

          // the choice sticks for the next page without asking again
          await page.goto(`${server.baseUrl}${localize('/setup', lang)}`);
          assert.ok((await htmlState(page)).classes.includes('contrast'), 'the preference is kept on other pages');

          await page.goto(`${server.baseUrl}${url}`);
          await toggle.focus();
          await navigation(page, () => page.keyboard.press('Enter'));
          assert.equal(here(page), url);
          assert.ok(!(await htmlState(page)).classes.includes('contrast'), 'pressed again, high contrast is off');
          assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
          assert.deepEqual(foreignRequests, []);
        } finally {
          await close();
        }
      });
    }
  }

  test('larger text switch by keyboard sets html.large-text', async () => {
    const t = translator('pl');
    const { page, close } = await newPage(browser, server.baseUrl);
    try {
      await page.goto(`${server.baseUrl}/`);
      const toggle = page.getByRole('button', { name: t('site.largerText'), exact: true });
      await toggle.focus();
      await navigation(page, () => page.keyboard.press('Enter'));
      assert.equal(here(page), '/');
      assert.ok((await htmlState(page)).classes.includes('large-text'));
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      const rootSize = await page.evaluate(
        () => (globalThis as any).getComputedStyle((globalThis as any).document.documentElement).fontSize as string,
      );
      assert.equal(rootSize, '20px', 'the root font size grows by a quarter');
    } finally {
      await close();
    }
  });
});

describe('language switch', () => {
  for (const path of PATHS) {
    test(`leads from ${path} to the English page of the same path and back`, async () => {
      const { page, foreignRequests, close } = await newPage(browser, server.baseUrl);
      try {
        await page.goto(`${server.baseUrl}${path}`);
        assert.equal((await htmlState(page)).lang, 'pl');
        const toEnglish = page.locator('a.lang-switch');
        assert.equal(await toEnglish.getAttribute('hreflang'), 'en');
        await toEnglish.focus();
        await navigation(page, () => page.keyboard.press('Enter'));
        assert.equal(here(page), localize(path, 'en'));
        assert.equal((await htmlState(page)).lang, 'en');

        await page.locator('a.lang-switch').focus();
        await navigation(page, () => page.keyboard.press('Enter'));
        assert.equal(here(page), path);
        assert.equal((await htmlState(page)).lang, 'pl');
        assert.deepEqual(foreignRequests, []);
      } finally {
        await close();
      }
    });
  }
});
