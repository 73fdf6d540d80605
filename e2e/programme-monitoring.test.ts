// A monitoring round in a real browser: a reporting partner opens the round from their list,
// reaches the value field with the keyboard, types the value and submits with Enter on the submit
// button; the coordinator sees it on the round page and approves it; the value is then approved in
// the database and read-only for the partner. axe runs on each screen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { createUser } from '../src/modules/accounts/index.js';
import { loginAs, type TestRole } from '../src/testing/app.js';
import { monitoringFixtures } from './monitoring-fixtures.js';
import { checkAxe, focused, navigation, newPage, tabUntil, useBrowserAndServer, type Server } from './support.js';

let browser: Browser;
let server: Server;

useBrowserAndServer((b, s) => {
  browser = b;
  server = s;
});

async function pageAs(roles: TestRole[]) {
  const tp = await newPage(browser, server.baseUrl);
  const { cookie } = await loginAs(server.testApp, roles);
  const [name, ...value] = cookie.split('=');
  await tp.context.addCookies([{ name: name!, value: value.join('='), url: server.baseUrl }]);
  return tp;
}

test('a partner submits a value by keyboard; the coordinator approves it', async () => {
  const f = await monitoringFixtures(server);
  // a partner account with the scope "indicator M1", logging in through the real form
  const password = 'Zielony-kalafior-nad-Wisłą-77';
  const userId = await createUser(server.testApp.ctx, {
    email: 'partner@pcpr.example.pl',
    displayName: 'PCPR Testowo',
    roles: ['reporting_partner'],
    password,
  });
  await server.testApp.ctx.db
    .updateTable('user_roles')
    .set({ scope_type: 'indicator_or_territory', scope_id: 'indicator:M1' })
    .where('user_id', '=', userId)
    .execute();
  const partner = await newPage(browser, server.baseUrl);
  try {
    const { page } = partner;
    await page.goto(`${server.baseUrl}/konto/logowanie?next=${encodeURIComponent('/sprawozdawczosc')}`);
    await page.fill('#f-email', 'partner@pcpr.example.pl');
    await page.fill('#f-password', password);
    assert.equal(await navigation(page, () => page.locator('main form button[type="submit"]').click()), 200);
    assert.equal(new URL(page.url()).pathname, '/sprawozdawczosc');
    assert.deepEqual(await checkAxe(page), []);
    await navigation(page, () => page.getByRole('link', { name: 'Monitorowanie 2025' }).click());
    assert.equal(await page.locator('h1').innerText(), 'Monitorowanie 2025');
    assert.deepEqual(await checkAxe(page), []);

    // keyboard only: Tab to the value field, type, Tab on to the submit button, Enter
    const valueId = `f-value__${f.indicatorId}__region`;
    await tabUntil(page, (x) => x.id === valueId);
    await page.keyboard.type('185');
    await tabUntil(page, (x) => x.tag === 'button' && x.attrs.value === 'submit');
    assert.match((await focused(page)).text, /Wyślij do koordynatora/);
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    assert.match(await page.locator('.alert').innerText(), /Wysłano 1 wartość do koordynatora/);
    assert.equal(await page.locator(`#${valueId}`).count(), 0, 'the submitted value is read-only');
    assert.match(await page.locator('.value-readonly').innerText(), /185/);
    assert.deepEqual(await checkAxe(page), []);
  } finally {
    await partner.close();
  }

  const coordinator = await pageAs([{ role: 'coordinator' }]);
  try {
    const { page, foreignRequests } = coordinator;
    await page.goto(`${server.baseUrl}/admin/program/${f.programmeId}/monitorowanie/${f.roundId}`);
    assert.deepEqual(await checkAxe(page), []);
    const row = page.locator('tr', { hasText: 'M1 — województwo (całość)' });
    assert.match(await row.innerText(), /przekazana/);
    assert.equal(await navigation(page, () => row.getByRole('button', { name: 'Zatwierdź: M1 — województwo (całość)' }).click()), 200);
    assert.match(await page.locator('.alert').innerText(), /Zatwierdzono wartość/);
    assert.match(await page.locator('tr', { hasText: 'M1 — województwo (całość)' }).innerText(), /zatwierdzona/);
    assert.deepEqual(await checkAxe(page), []);
    assert.deepEqual(foreignRequests, []);
  } finally {
    await coordinator.close();
  }

  const stored = await server.testApp.ctx.db
    .selectFrom('indicator_values')
    .select(['value', 'status'])
    .where('indicator_id', '=', f.indicatorId)
    .where('period', '=', 2025)
    .executeTakeFirstOrThrow();
  assert.deepEqual(stored, { value: 185, status: 'approved' });
});

test('the annual report page with its charts and tables passes axe; its PDF downloads', async () => {
  const f = await monitoringFixtures(server);
  const visitor = await newPage(browser, server.baseUrl);
  try {
    const { page } = visitor;
    await page.goto(`${server.baseUrl}/program/${f.slug}/sprawozdanie/2024`);
    assert.match(await page.locator('h1').innerText(), /Sprawozdanie z realizacji programu za rok 2024/);
    assert.equal(await page.locator('figure.indicator-chart svg[role="img"]').count(), 1);
    assert.deepEqual(await checkAxe(page), []);
    const pdf = await page.request.get(`${server.baseUrl}/program/${f.slug}/sprawozdanie/2024.pdf`);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
  } finally {
    await visitor.close();
  }
});
