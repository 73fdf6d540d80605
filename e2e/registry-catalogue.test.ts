// The public catalogue in a real browser: a search typed and sent, a facet ticked, the result
// list's address keeps both (a plain GET form: no script is involved); the map of the same search
// is reached by its link, a cluster is reached by keyboard and opens the list of its gminy; a
// profile opens from the list. axe runs on the list and the map; nothing loads from elsewhere.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { registryModule } from '../src/modules/registry/index.js';
import { checkAxe, focused, navigation, newPage, tabUntil, useBrowserAndServer, type Server } from './support.js';

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
