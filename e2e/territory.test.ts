// The territory pages in a real browser: axe (WCAG 2.1 A/AA) on the map, a gmina profile, a
// powiat profile, the white spots and the coordinators' page; a click on a gmina of the map and
// Enter on a focused one reach the right profile; the highlight script marks the gmina under the
// pointer; the map works without JavaScript; nothing is fetched from another host.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loginAs } from '../src/testing/app.js';
import { checkAxe, navigation, newPage, useBrowserAndServer, type Server, type TestPage } from './support.js';

let browser: Browser;
let server: Server;

useBrowserAndServer((b, s) => {
  browser = b;
  server = s;
});

async function visit(path: string, opts: { role?: string } = {}): Promise<TestPage & { status: number }> {
  const tp = await newPage(browser, server.baseUrl);
  if (opts.role) {
    const { cookie } = await loginAs(server.testApp, [{ role: opts.role }]);
    const [name, ...value] = cookie.split('=');
    await tp.context.addCookies([{ name: name!, value: value.join('='), url: server.baseUrl }]);
  }
  const res = await tp.page.goto(`${server.baseUrl}${path}`);
  return { ...tp, status: res?.status() ?? 0 };
}

const h1 = (page: Page) => page.locator('h1').innerText();

describe('axe finds nothing on the territory pages', () => {
  const pages: [string, string, string?][] = [
    ['the map (subregions)', '/terytorium'],
    ['the map (a measure without data)', '/terytorium?miara=podmioty'],
    ['the map in English', '/en/terytorium'],
    ['a gmina profile', '/terytorium/0415052'],
    ['a powiat profile', '/terytorium/0402'],
    ['a city with powiat rights', '/terytorium/0463'],
    ['the white spots', '/terytorium/biale-plamy'],
    ['the coordinators’ page', '/admin/terytorium', 'coordinator'],
    ['the subregion form', '/admin/terytorium/subregiony/nowy', 'coordinator'],
    ['the new period form', '/admin/terytorium/okresy/nowy', 'coordinator'],
  ];
  for (const [name, path, role] of pages) {
    test(name, async () => {
      const tp = await visit(path, role ? { role } : {});
      try {
        assert.equal(tp.status, 200, path);
        const violations = await checkAxe(tp.page);
        assert.deepEqual(violations, [], `axe found on ${path}:\n${violations.join('\n')}`);
        assert.deepEqual(tp.foreignRequests, []);
      } finally {
        await tp.close();
      }
    });
  }
});

test('a click on a gmina of the map opens its profile; so does Enter on a focused gmina', async () => {
  const tp = await visit('/terytorium');
  try {
    const { page } = tp;
    await page.screenshot({ path: '/tmp/terytorium.png', fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1500 } });
    // Toruń: click the middle of the city's own shape
    const torun = page.locator('svg[data-territory-map] a[href="/terytorium/0463011"]');
    assert.equal(await torun.count(), 1);
    assert.equal(await navigation(page, () => torun.click()), 200);
    assert.equal(new URL(page.url()).pathname, '/terytorium/0463011');
    assert.equal(await h1(page), 'Toruń — gmina miejska');

    await page.goBack();
    await page.waitForSelector('svg[data-territory-map]');
    // Żnin by keyboard: focus its link and press Enter
    await page.locator('svg[data-territory-map] a[href="/terytorium/0419063"]').focus();
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    assert.equal(new URL(page.url()).pathname, '/terytorium/0419063');
    assert.equal(await h1(page), 'Żnin — gmina miejsko-wiejska');
    assert.deepEqual(tp.foreignRequests, []);
  } finally {
    await tp.close();
  }
});

test('the map’s links reach every gmina’s own profile (sample across the voivodeship)', async () => {
  const tp = await visit('/terytorium');
  try {
    const { page } = tp;
    for (const [teryt, heading] of [
      ['0461011', 'Bydgoszcz — gmina miejska'],
      ['0406033', 'Łasin — gmina miejsko-wiejska'],
      ['0416012', 'Cekcyn — gmina wiejska'],
    ] as const) {
      const link = page.locator(`svg[data-territory-map] a[href="/terytorium/${teryt}"]`);
      await link.scrollIntoViewIfNeeded();
      // click where the shape really is (its bounding box centre may fall on a neighbour)
      const point = await link.locator('path').evaluate((path: any) => {
        const svg = path.ownerSVGElement;
        const box = path.getBBox();
        const matrix = path.getScreenCTM();
        for (let i = 0; i <= 20; i += 1) {
          for (let j = 0; j <= 20; j += 1) {
            const p = svg.createSVGPoint();
            p.x = box.x + (box.width * i) / 20;
            p.y = box.y + (box.height * j) / 20;
            if (path.isPointInFill(p)) {
              const s = p.matrixTransform(matrix);
              const hit = (globalThis as any).document.elementFromPoint(s.x, s.y);
              if (hit === path) return { x: s.x, y: s.y };
            }
          }
        }
        return null;
      }, undefined);
      assert.ok(point, `${teryt}: a visible point of the shape`);
      await page.mouse.move(point.x, point.y);
      // the highlight script marks the gmina under the pointer
      assert.equal(await page.locator('use.territory-map__line').getAttribute('href'), `#mapa-gmin-${teryt}`);
      assert.equal(await navigation(page, () => page.mouse.click(point.x, point.y)), 200);
      assert.equal(new URL(page.url()).pathname, `/terytorium/${teryt}`);
      assert.equal(await h1(page), heading);
      await page.goBack();
      await page.waitForSelector('svg[data-territory-map]');
    }
  } finally {
    await tp.close();
  }
});

test('without JavaScript the map, its links and the measure form still work', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'pl-PL' });
  try {
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/terytorium`);
    assert.equal(await page.locator('svg[data-territory-map] a.territory-map__unit').count(), 144);
    await page.selectOption('#f-miara', 'pomoc-spoleczna');
    assert.equal(await navigation(page, () => page.locator('form.territory-form button[type="submit"]').click()), 200);
    // the form also sends its powiat zoom, empty for the whole voivodeship
    assert.match(page.url(), /\?miara=pomoc-spoleczna(&powiat=)?$/);
    assert.match(await page.locator('.alert').innerText(), /Nie wczytano jeszcze danych/);
    assert.equal(await navigation(page, () => page.locator('svg[data-territory-map] a[href="/terytorium/0462011"]').click()), 200);
    assert.equal(await h1(page), 'Grudziądz — gmina miejska');
  } finally {
    await context.close();
  }
});
