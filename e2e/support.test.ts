// "Gdzie szukać wsparcia?" in a real browser, by keyboard only: type a gmina's name without Polish
// letters, send with Enter, reach the centre that serves it and its page; a name two gminy share
// asks which one, chosen with Tab and Enter; the same form works with JavaScript switched off; and
// the pages of support centres and local governments do not scroll sideways on a 390 px screen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { cooperationRecord } from '../src/modules/localgov/localgov.testing.js';
import { exampleCentre, EXAMPLE_CENTRE } from '../src/modules/support/support.testing.js';
import { navigation, newPage, tabUntil, useBrowserAndServer, type Server } from './support.js';

let browser: Browser;
let server: Server;

useBrowserAndServer(async (b, s) => {
  browser = b;
  server = s;
  await exampleCentre(server.testApp.ctx);
});

test('by keyboard: a typed gmina leads to the centre serving it, its nearest office and its page', async () => {
  const tp = await newPage(browser, server.baseUrl);
  try {
    const { page } = tp;
    await page.goto(`${server.baseUrl}/wsparcie/gdzie`);
    await tabUntil(page, (f) => f.id === 'f-gmina');
    await page.keyboard.type('naklo nad notecia');
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    assert.match(await page.locator('#answer-heading').innerText(), /Nakło nad Notecią/);
    assert.match(await page.locator('#wynik').innerText(), /ul\. Przykładowa 1/);
    await tabUntil(page, (f) => f.tag === 'a' && f.text === EXAMPLE_CENTRE);
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    assert.equal(await page.locator('h1').innerText(), EXAMPLE_CENTRE);
    assert.deepEqual(tp.foreignRequests, []);
  } finally {
    await tp.close();
  }
});

test('by keyboard: a name two gminy share asks which one; the chosen one gets its answer', async () => {
  const tp = await newPage(browser, server.baseUrl);
  try {
    const { page } = tp;
    await page.goto(`${server.baseUrl}/en/wsparcie/gdzie`);
    await tabUntil(page, (f) => f.id === 'f-gmina');
    await page.keyboard.type('chelmno');
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    assert.match(await page.locator('#choose-heading').innerText(), /Several gminy have this name/);
    await tabUntil(page, (f) => f.tag === 'a' && f.text.startsWith('Chełmno (rural gmina'));
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    const answer = await page.locator('#wynik').innerText();
    assert.match(answer, /Support for the gmina of Chełmno \(rural gmina/);
    assert.match(answer, /knows no centre serving the gmina of Chełmno today/);
  } finally {
    await tp.close();
  }
});

test('without JavaScript the form still answers', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'pl-PL' });
  try {
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/wsparcie`);
    await page.fill('#f-gmina', 'Bydgoszcz');
    await Promise.all([page.waitForURL(/\/wsparcie\/gdzie\?gmina=Bydgoszcz/), page.locator('form.support-finder button').click()]);
    assert.match(await page.locator('#wynik').innerText(), new RegExp(EXAMPLE_CENTRE.replace(/[()]/g, '\\$&')));
  } finally {
    await context.close();
  }
});

test('no sideways scroll at 390 px on the support and local-government pages', async () => {
  const id = await exampleCentre(server.testApp.ctx);
  await cooperationRecord(server.testApp.ctx);
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, locale: 'pl-PL' });
  try {
    const page = await context.newPage();
    for (const path of [
      '/wsparcie',
      `/wsparcie/${id}`,
      '/wsparcie/gdzie?gmina=Bydgoszcz',
      '/en/wsparcie/zaloz-podmiot',
      '/samorzady?rok=2025',
      '/terytorium/0461011',
      '/terytorium/0404011',
    ]) {
      await page.goto(`${server.baseUrl}${path}`);
      const overflow = await page.evaluate(() => {
        const d = (globalThis as any).document.documentElement;
        return d.scrollWidth - d.clientWidth;
      });
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
    }
  } finally {
    await context.close();
  }
});
