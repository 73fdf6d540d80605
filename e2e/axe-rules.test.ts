// The axe run of the browser suite must really check page anatomy: a page without an <h1>, with a
// skipped heading level, without <main> or with content outside every landmark fails it, and so
// does a page breaking a WCAG rule, WCAG 2.2's target size included (on its own too, as the phone check runs it).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { AXE_EXTRA_RULES, AXE_TARGET_SIZE, checkAxe, newPage, useBrowserAndServer } from './support.js';

describe('axe runs the page-anatomy rules', () => {
  let browser: Browser;
  let baseUrl: string;
  useBrowserAndServer((b, s) => {
    browser = b;
    baseUrl = s.baseUrl;
  });

  const check = async (html: string, only?: readonly string[]) => {
    const { page, close } = await newPage(browser, baseUrl);
    try {
      await page.goto(`${baseUrl}/`);
      await page.setContent(html);
      return (await checkAxe(page, only)).map((line) => line.split(' ')[0]);
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

  // two 16 × 16 px image buttons side by side: each is under 24 px and the other lies within its 24 px
  // circle (sized by attributes: the site's CSP, still in force after setContent, ignores inline styles)
  const targets = (px: number) =>
    '<!doctype html><html lang="pl"><head><title>Strona</title></head><body><main><h1>Strona</h1><p>' +
    `<input type="image" src="/assets/img/favicon.svg" alt="Plus" width="${px}" height="${px}">` +
    `<input type="image" src="/assets/img/favicon.svg" alt="Minus" width="${px}" height="${px}">` +
    '</p></main></body></html>';
  const SMALL_TARGETS = targets(16);

  test('WCAG 2.2 target size: too small and too close targets are reported, in the full run and on their own', async () => {
    assert.ok((await check(SMALL_TARGETS)).includes(AXE_TARGET_SIZE), 'the full run reports target-size');
    assert.deepEqual(await check(SMALL_TARGETS, [AXE_TARGET_SIZE]), [AXE_TARGET_SIZE, AXE_TARGET_SIZE]);
    assert.deepEqual(await check(targets(28)), [], 'targets larger than 24 × 24 px pass');
  });
});
