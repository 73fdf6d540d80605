// The public catalogue in a real browser: a search typed and sent, a facet ticked, the result
// list's address keeps both (a plain GET form); the map of the same search is reached by its link,
// a cluster is reached by keyboard and opens the list of its gminy; a profile opens from the list.
// axe runs on the list and the map; nothing loads from elsewhere. Then the live filters
// (public/js/facets.js): a facet ticked by keyboard updates the results in place, focus stays on it,
// the address follows and Back returns; and without JavaScript ticking does nothing until "Szukaj".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { registryModule } from '../src/modules/registry/index.js';
import { checkAxe, focused, navigation, newPage, tabUntil, useBrowserAndServer, type Server } from './support.js';

const NOTE = /^Wyniki odświeżają się od razu po wybraniu filtra/;

let browser: Browser;
let server: Server;

useBrowserAndServer(async (b, s) => {
  browser = b;
  server = s;
  await registryModule.seedDemo!(s.testApp.ctx);
});

test('search, filter, map, cluster by keyboard and profile', async () => {
  const tp = await newPage(browser, server.baseUrl);
  const page = tp.page;
  try {
    await page.goto(`${server.baseUrl}/podmioty`);
    await page.getByLabel('Szukaj podmiotu').fill('fundacja');
    await page.getByLabel(/^Subregion toruński/).check();
    // the catalogue's own button (the header has a site search with a "Szukaj" button too)
    assert.equal(await navigation(page, () => page.locator('#main').getByRole('button', { name: 'Szukaj' }).click()), 200);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('q'), 'fundacja');
    assert.deepEqual(url.searchParams.getAll('podregion'), ['torun']);
    assert.match(await page.locator('#results').innerText(), /^Znaleziono \d+ podmio/);
    assert.ok(await page.getByLabel(/^Subregion toruński/).isChecked(), 'the choice is shown ticked');
    assert.deepEqual(await checkAxe(page), []);

    // the map of the same search
    assert.equal(await navigation(page, () => page.getByRole('link', { name: 'Pokaż wyniki na mapie' }).click()), 200);
    const mapUrl = new URL(page.url());
    assert.equal(mapUrl.pathname, '/podmioty/mapa');
    assert.equal(mapUrl.searchParams.get('q'), 'fundacja');
    assert.deepEqual(await checkAxe(page), []);
    const tableTotal = (await page.locator('table td.num').allInnerTexts()).reduce((n, s) => n + Number(s), 0);
    assert.ok(tableTotal > 0);
    await tabUntil(page, (f) => f.tag === 'a' && (f.attrs.class ?? '').includes('entity-map__cluster'));
    const cluster = await focused(page);
    assert.match(cluster.attrs['aria-label'] ?? '', /: \d+ podmio/);
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    const listUrl = new URL(page.url());
    assert.equal(listUrl.pathname, '/podmioty');
    assert.ok(listUrl.searchParams.getAll('gmina').length >= 1, 'the cluster opens the list of its gminy');
    assert.equal(listUrl.searchParams.get('q'), 'fundacja');

    // a profile from the list
    const first = page.locator('table tbody th a').first();
    const name = await first.innerText();
    assert.equal(await navigation(page, () => first.click()), 200);
    assert.equal(new URL(page.url()).pathname.startsWith('/podmioty/'), true);
    assert.ok((await page.title()).startsWith(name), 'the profile of the entity clicked');
    assert.deepEqual(tp.foreignRequests, []);
  } finally {
    await tp.close();
  }
});

/** The results' heading, the names in the result table and the "Forma prawna" column. */
async function results(page: import('playwright-core').Page) {
  return {
    heading: await page.locator('#results').innerText(),
    names: await page.locator('table tbody th a').allInnerTexts(),
    forms: await page.locator('table tbody td:nth-of-type(1)').allInnerTexts(),
  };
}

test('a facet ticked by keyboard updates the results in place: focus stays, the address follows, the count is announced', async () => {
  const tp = await newPage(browser, server.baseUrl);
  const page = tp.page;
  try {
    await page.goto(`${server.baseUrl}/podmioty`);
    const note = page.locator('[data-live-note]');
    assert.ok(await note.isVisible(), 'the note before the facets shows where the script runs');
    assert.match(await note.innerText(), NOTE);
    const before = await results(page);
    assert.ok(before.names.length > 3);
    assert.ok(new Set(before.forms).size > 1, 'several legal forms before the filter');
    // the page stays the same document all along: a full load would drop this mark
    await page.evaluate(() => ((globalThis as any).__samePage = true));

    await page.locator('#f-q').focus();
    await tabUntil(page, (f) => f.id === 'f-forma-fundacja', 20);
    // the very element ticked is kept (not a copy focused again): it never loses focus
    await page.evaluate(() => {
      const box = (globalThis as any).document.getElementById('f-forma-fundacja');
      box.__ticked = true;
      box.addEventListener('blur', () => ((globalThis as any).__blurred = true));
    });
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL((globalThis as any).location.href).searchParams.getAll('forma').includes('fundacja'));
    await page.waitForFunction(() =>
      /Wyniki zaktualizowane: \d+ wynik/.test((globalThis as any).document.querySelector('[data-live-status]')?.textContent ?? ''),
    );

    const after = await results(page);
    assert.notDeepEqual(after.names, before.names, 'the results changed');
    assert.ok(after.forms.length > 0 && after.forms.every((f) => f === 'fundacja'), after.forms.join(' | '));
    assert.match(after.heading, /^Znaleziono \d+ podmio/);
    const status = await page.locator('[data-live-status]').innerText();
    assert.equal(
      status,
      `Wyniki zaktualizowane: ${after.names.length} ${after.names.length === 1 ? 'wynik' : after.names.length < 5 ? 'wyniki' : 'wyników'}.`,
    );
    assert.equal(await page.locator('[data-live-status]').getAttribute('aria-live'), 'polite');
    const now = await focused(page);
    assert.equal(now.id, 'f-forma-fundacja', 'focus stays on the box just ticked');
    assert.deepEqual(
      await page.evaluate(() => [(globalThis as any).document.activeElement.__ticked, (globalThis as any).__blurred]),
      [true, undefined],
      'the same element, never blurred',
    );
    assert.ok(await page.locator('#f-forma-fundacja').isChecked());
    assert.equal(await page.evaluate(() => (globalThis as any).__samePage), true, 'no page load');
    assert.match(
      await page.locator('details[data-filters] > summary').innerText(),
      /^Filtry \(1 wybrany\)$/,
      "the filters around it are the new page's",
    );
    assert.ok(await note.isVisible(), 'the note stays');
    assert.match((await page.locator('a.lang-switch').getAttribute('href')) ?? '', /forma=fundacja/, 'the other language keeps the filter');
    assert.deepEqual(await checkAxe(page), []);

    // Back shows the earlier results; the search button still sends the form as ever
    await page.goBack();
    await page.waitForFunction(() => !(globalThis as any).location.search.includes('forma='));
    await page.waitForFunction((n) => (globalThis as any).document.querySelectorAll('table tbody th a').length === n, before.names.length);
    assert.deepEqual((await results(page)).names, before.names);
    assert.ok(!(await page.locator('#f-forma-fundacja').isChecked()));
    await page.locator('#f-forma-fundacja').check();
    await page.waitForFunction(() => (globalThis as any).location.search.includes('forma=fundacja'));
    await page.getByLabel('Szukaj podmiotu').fill('emaus');
    assert.equal(await navigation(page, () => page.locator('#main').getByRole('button', { name: 'Szukaj' }).click()), 200);
    const url = new URL(page.url());
    assert.deepEqual([url.searchParams.get('q'), url.searchParams.getAll('forma')], ['emaus', ['fundacja']]);
    assert.equal(await page.evaluate(() => (globalThis as any).__samePage), undefined, 'the button loads the page');
    assert.deepEqual(tp.foreignRequests, []);
  } finally {
    await tp.close();
  }
});

test('without JavaScript the note stays hidden and a ticked facet waits for "Szukaj"', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'pl-PL', viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/podmioty`);
    assert.equal(await page.locator('[data-live-note]').isVisible(), false);
    const before = await page.locator('table tbody th a').allInnerTexts();
    await page.locator('#f-forma-fundacja').check();
    await page.waitForTimeout(300);
    assert.equal(new URL(page.url()).search, '', 'nothing happens on ticking');
    assert.deepEqual(await page.locator('table tbody th a').allInnerTexts(), before);
    assert.equal(await page.locator('[data-live-status]').count(), 0);
    assert.equal(await navigation(page, () => page.locator('#main').getByRole('button', { name: 'Szukaj' }).click()), 200);
    assert.deepEqual(new URL(page.url()).searchParams.getAll('forma'), ['fundacja']);
    assert.ok((await page.locator('table tbody td:nth-of-type(1)').allInnerTexts()).every((f) => f === 'fundacja'));
  } finally {
    await context.close();
  }
});
