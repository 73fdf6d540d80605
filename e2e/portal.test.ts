// An editor's day in a real browser: write a news item in the admin form (the live preview shows
// the sanitised Markdown), attach an image with its alternative text, publish, and find it on
// the public list and the article page; then the same without JavaScript, where the "Podgląd"
// button renders the preview on the server. axe runs on each screen.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { PNG } from '../src/modules/portal/testing.js';
import { loginAs } from '../src/testing/app.js';
import { checkAxe, navigation, newPage, useBrowserAndServer, type Server } from './support.js';

let browser: Browser;
let server: Server;
const dir = mkdtempSync(join(tmpdir(), 'spojnia-e2e-'));
const image = join(dir, 'sala.png');
writeFileSync(image, PNG);

useBrowserAndServer((b, s) => {
  browser = b;
  server = s;
});

async function editorPage(javaScriptEnabled = true) {
  const tp = await newPage(browser, server.baseUrl);
  if (!javaScriptEnabled) {
    await tp.context.close();
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'pl-PL' });
    const page = await context.newPage();
    const { cookie } = await loginAs(server.testApp, [{ role: 'editor' }]);
    const [name, ...value] = cookie.split('=');
    await context.addCookies([{ name: name!, value: value.join('='), url: server.baseUrl }]);
    return { page, context, foreignRequests: [] as string[], close: () => context.close() };
  }
  const { cookie } = await loginAs(server.testApp, [{ role: 'editor' }]);
  const [name, ...value] = cookie.split('=');
  await tp.context.addCookies([{ name: name!, value: value.join('='), url: server.baseUrl }]);
  return tp;
}

test('an editor writes, previews and publishes a news item with an image; visitors see it', async () => {
  const { page, foreignRequests, close } = await editorPage();
  try {
    await page.goto(`${server.baseUrl}/admin/aktualnosci/nowa`);
    assert.deepEqual(await checkAxe(page), []);
    await page.fill('#f-title_pl', 'Targi ekonomii społecznej w Toruniu');
    await page.selectOption('#f-category', 'wydarzenia');
    await page.fill('#f-lead_pl', 'Zapraszamy przedsiębiorstwa społeczne na targi.');
    await page.fill('#f-body_pl', '## Program targów\n\nStoiska **spółdzielni socjalnych** i <script>alert(1)</script>.');
    // the live preview (static script, CSP-compliant) renders the sanitised Markdown
    await page.waitForFunction(() => (globalThis as any).document.querySelector('#preview-body_pl h2')?.textContent === 'Program targów');
    const preview = await page.locator('#preview-body_pl').innerHTML();
    assert.match(preview, /<strong>spółdzielni socjalnych<\/strong>/);
    assert.doesNotMatch(preview, /<script/);

    await page.setInputFiles('#f-image', image);
    // forgetting the alternative text is caught
    assert.equal(await navigation(page, () => page.locator('button[name="action"][value="save"]').click()), 400);
    assert.match(await page.locator('[data-error-summary]').innerText(), /Tekst alternatywny zdjęcia/);
    assert.deepEqual(await checkAxe(page), []);
    await page.setInputFiles('#f-image', image);
    await page.fill('#f-image_alt_pl', 'Stoiska wystawców w hali targowej');
    await page.check('#f-is_published');
    assert.equal(await navigation(page, () => page.locator('button[name="action"][value="save"]').click()), 200);
    assert.match(await page.locator('.alert').innerText(), /Zmiany zostały zapisane/);

    await page.goto(`${server.baseUrl}/aktualnosci`);
    await page.getByRole('link', { name: 'Targi ekonomii społecznej w Toruniu' }).first().click();
    await page.waitForURL(/\/aktualnosci\/targi-ekonomii-spolecznej-w-toruniu$/);
    assert.equal(await page.locator('h1').innerText(), 'Targi ekonomii społecznej w Toruniu');
    const img = page.locator('article img');
    assert.equal(await img.getAttribute('alt'), 'Stoiska wystawców w hali targowej');
    assert.ok(await img.evaluate((el: any) => el.complete && el.naturalWidth > 0), 'the image loads');
    assert.deepEqual(await checkAxe(page), []);

    await page.goto(`${server.baseUrl}/en/aktualnosci/targi-ekonomii-spolecznej-w-toruniu`);
    assert.match(await page.locator('.portal-lang-note').innerText(), /available in Polish only/);
    assert.equal(await page.locator('article div[lang="pl"] h1').count(), 1);
    assert.deepEqual(await checkAxe(page), []);
    assert.deepEqual(foreignRequests, []);
  } finally {
    await close();
  }
});

test('without JavaScript the preview button renders the preview on the server and nothing is saved', async () => {
  const { page, close } = await editorPage(false);
  try {
    await page.goto(`${server.baseUrl}/admin/strony/nowa`);
    await page.fill('#f-title_pl', 'Strona bez skryptów');
    await page.fill('#f-body_pl', '## Nagłówek\n\n[link](https://example.org)');
    await Promise.all([page.waitForLoadState('load'), page.locator('button[name="action"][value="preview"]').click()]);
    await page.waitForSelector('#preview-body_pl h2');
    assert.match(await page.locator('#preview-body_pl').innerHTML(), /<a href="https:\/\/example.org" rel="noopener">link<\/a>/);
    assert.equal(await page.inputValue('#f-title_pl'), 'Strona bez skryptów');
    const rows = await server.testApp.ctx.db.selectFrom('pages').select('id').where('slug', '=', 'strona-bez-skryptow').execute();
    assert.equal(rows.length, 0);
  } finally {
    await close();
  }
});
