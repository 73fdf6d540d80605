// A staff member's first login in a real browser, by keyboard: password, forced enrolment of
// two-step verification (the test reads the key from the page and computes the TOTP code as an
// authenticator app would), recovery codes, logout, and the next login with a code. axe runs on
// each step's page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { createUser } from '../src/modules/accounts/index.js';
import { totpCode } from '../src/modules/accounts/accounts.testing.js';
import { ManualClock } from '../src/testing/clock.js';
import { checkAxe, navigation, newPage, useBrowserAndServer, type Server } from './support.js';

const PASSWORD = 'Plan działań na rok 2026!';
// the app's clock, started at the real time (the browser keeps cookies by it) and moved by hand
const clock = new ManualClock(new Date());
let server: Server;
let browser: Browser;

useBrowserAndServer(
  async (b, s) => {
    browser = b;
    server = s;
    await createUser(s.testApp.ctx, {
      email: 'koordynator@rops.example.pl',
      displayName: 'Maria Koordynator',
      roles: ['coordinator'],
      password: PASSWORD,
    });
  },
  { clock },
);

test('staff login with enforced two-step verification, by keyboard', async () => {
  const { page, foreignRequests, close } = await newPage(browser, server.baseUrl);
  try {
    await page.goto(`${server.baseUrl}/konto/logowanie`);
    assert.deepEqual(await checkAxe(page), []);
    await page.focus('#f-email');
    await page.keyboard.type('koordynator@rops.example.pl');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    let status = await navigation(page, () => page.keyboard.press('Enter'));
    assert.equal(status, 200);
    assert.equal(new URL(page.url()).pathname, '/konto/2fa', 'staff without 2FA are sent to enrol');
    assert.deepEqual(await checkAxe(page), []);

    const secret = (await page.locator('.secret').innerText()).replace(/\s/g, '');
    await page.focus('#f-code');
    await page.keyboard.type(totpCode(secret, clock.now()));
    status = await navigation(page, () => page.keyboard.press('Enter'));
    assert.equal(status, 200);
    const codes = await page.locator('.recovery-codes li').allInnerTexts();
    assert.equal(codes.length, 10);
    assert.deepEqual(await checkAxe(page), []);

    await page.goto(`${server.baseUrl}/admin`);
    assert.match(await page.locator('h1').innerText(), /Administracja/);
    // logging out sits in the header's account menu, a disclosure opened by keyboard
    const menu = page.locator('.user-menu > summary');
    await menu.focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await checkAxe(page), [], 'the open account menu');
    status = await navigation(page, () => page.getByRole('button', { name: 'Wyloguj się' }).click());
    assert.equal(new URL(page.url()).pathname, '/konto/logowanie');

    // the next login asks for the code from the app
    clock.advance(30_000); // the next TOTP step, so the new code differs from the one already used
    await page.fill('#f-email', 'koordynator@rops.example.pl');
    await page.fill('#f-password', PASSWORD);
    await navigation(page, () => page.keyboard.press('Enter'));
    assert.equal(new URL(page.url()).pathname, '/konto/logowanie/kod');
    assert.deepEqual(await checkAxe(page), []);
    await page.focus('#f-code');
    await page.keyboard.type('123456');
    status = await navigation(page, () => page.keyboard.press('Enter'));
    assert.equal(status, 400, 'a wrong code is refused');
    assert.equal(
      await page.evaluate(() => (globalThis as any).document.activeElement?.hasAttribute('data-error-summary')),
      true,
      'focus moves to the error summary',
    );
    await page.fill('#f-code', totpCode(secret, clock.now()));
    status = await navigation(page, () => page.locator('form button[type="submit"]').last().click());
    assert.equal(status, 200);
    assert.equal(new URL(page.url()).pathname, '/konto');
    assert.deepEqual(foreignRequests, []);
  } finally {
    await close();
  }
});
