// The coordinator records a management response with the keyboard only: from the follow-up page of
// a recommendation awaiting its response, chooses "not accepted" in the decision list by typing,
// sends it without a reason (the form comes back, focus on the error summary, nothing saved), then
// types the reason and sends it again; the public table then shows the recommendation as not
// accepted. axe runs on each screen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { evaluationFixture } from '../src/modules/evaluation/evaluation.testing.js';
import { loginAs } from '../src/testing/app.js';
import { checkAxe, focused, navigation, newPage, tabUntil, useBrowserAndServer, type Server } from './support.js';

let browser: Browser;
let server: Server;

useBrowserAndServer((b, s) => {
  browser = b;
  server = s;
});

test('a coordinator refuses a recommendation with a reason, by keyboard only', async () => {
  const ctx = server.testApp.ctx;
  const fx = await evaluationFixture(ctx, { acceptedOn: '2026-06-01' });
  const { page, context, foreignRequests, close } = await newPage(browser, server.baseUrl);
  const { cookie } = await loginAs(server.testApp, [{ role: 'coordinator' }]);
  const [name, ...value] = cookie.split('=');
  await context.addCookies([{ name: name!, value: value.join('='), url: server.baseUrl }]);
  try {
    await page.goto(`${server.baseUrl}/admin/ewaluacja/rekomendacje/${fx.rec2}`);
    assert.deepEqual(await checkAxe(page), [], 'follow-up page');

    await tabUntil(page, (f) => f.id === 'f-response_kind', 120);
    await page.keyboard.type('n');
    assert.equal(await page.locator('#f-response_kind').inputValue(), 'not_accepted');
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Zapisz odpowiedź');
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 400);
    assert.ok((await focused(page)).attrs['data-error-summary'] !== undefined, 'focus is on the error summary');
    assert.match(await page.locator('[data-error-summary]').innerText(), /Podaj uzasadnienie/);
    assert.deepEqual(await checkAxe(page), [], 'form with errors');
    const unchanged = await ctx.db.selectFrom('evaluation_recommendations').selectAll().where('id', '=', fx.rec2).executeTakeFirstOrThrow();
    assert.equal(unchanged.response_kind, null);

    await tabUntil(page, (f) => f.id === 'f-response_reason');
    await page.keyboard.type('Dane o zatrudnieniu zbiera GUS.');
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Zapisz odpowiedź');
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    assert.match(await page.locator('.alert').first().innerText(), /Zapisano odpowiedź kierownictwa/);
    assert.deepEqual(await checkAxe(page), [], 'after saving');

    const saved = await ctx.db.selectFrom('evaluation_recommendations').selectAll().where('id', '=', fx.rec2).executeTakeFirstOrThrow();
    assert.equal(saved.response_kind, 'not_accepted');
    assert.equal(saved.response_reason, 'Dane o zatrudnieniu zbiera GUS.');

    await page.goto(`${server.baseUrl}/ewaluacja/rekomendacje?status=nieprzyjeta`);
    assert.match(await page.locator('main').innerText(), /Dane o zatrudnieniu zbiera GUS|Zbierać dane o zatrudnieniu/);
    assert.deepEqual(foreignRequests, []);
  } finally {
    await close();
  }
});
