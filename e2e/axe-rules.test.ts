// The axe run of the browser suite must really check page anatomy: a page without an <h1>, with a
// skipped heading level, without <main> or with content outside every landmark fails it, and so
// does a page breaking a WCAG rule.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { AXE_EXTRA_RULES, checkAxe, newPage, useBrowserAndServer } from './support.js';

describe('axe runs the page-anatomy rules', () => {
  let browser: Browser;
  let baseUrl: string;
  useBrowserAndServer((b, s) => {
    browser = b;
    baseUrl = s.baseUrl;
  });

  const check = async (html: string) => {
    const { page, close } = await newPage(browser, baseUrl);
    try {
      await page.goto(`${baseUrl}/`);
      await page.setContent(html);
      return (await checkAxe(page)).map((line) => line.split(' ')[0]);
    } finally {
      await close();
    }
  };

  test('a well-formed page passes', async () => {
    assert.deepEqual(
      await check(
        '<!doctype html><html lang="pl"><head><title>Strona</title></head><body><main><h1>Strona</h1><h2>Część</h2><p>Tekst</p></main></body></html>',
      ),
      [],
    );
  });

  test('each broken rule is reported', async () => {
    const found = await check(
      '<!doctype html><html lang="pl"><head><title>Strona</title></head><body><p>Poza obszarami</p><div><h2>Część</h2><h4>Za głęboko</h4></div></body></html>',
    );
    for (const rule of AXE_EXTRA_RULES) assert.ok(found.includes(rule), `${rule} is not reported: ${found.join(', ')}`);
  });

  test('the WCAG rules run too: an image without a text alternative and an unnamed button are reported', async () => {
    const found = await check(
      '<!doctype html><html lang="pl"><head><title>Strona</title></head><body><main><h1>Strona</h1><img src="/favicon.ico"><button></button></main></body></html>',
    );
    assert.ok(found.includes('image-alt'), found.join(', '));
    assert.ok(found.includes('button-name'), found.join(', '));
  });
});
