// A person registers for an event with the keyboard only: from the event page to the registration
// form (Tab, Enter), fills it in (typing, a select by arrow keys, Space for the session, the
// accessibility need with its own consent and the general consent), sends it (Enter; a first
// attempt without consent lands on the error summary), then opens the link from the e-mail in the
// outbox and confirms (Tab, Enter). axe runs on every page of the flow. An organiser then checks in
// three people on a phone while offline and syncs twice: nobody is counted twice. The list's
// filters update it in place (public/js/facets.js) when an option is chosen by keyboard.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { lastToken, makeEvent, registerPerson } from '../src/modules/events/events.testing.js';
import { loginAs } from '../src/testing/app.js';
import { checkAxe, focused, navigation, newPage, tabUntil, useBrowserAndServer, type Server } from './support.js';

let browser: Browser;
let server: Server;

useBrowserAndServer((b, s) => {
  browser = b;
  server = s;
});

async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabUntil(page, (f) => f.id === id);
  await page.keyboard.type(text);
}

test('a person registers for an event and confirms it, by keyboard only', async () => {
  const ctx = server.testApp.ctx;
  const ev = await makeEvent(ctx, { title: 'Forum klawiaturowe', capacities: [3, null] });
  const { page, foreignRequests, close } = await newPage(browser, server.baseUrl);
  try {
    await page.goto(`${server.baseUrl}/wydarzenia/${ev.id}`);
    assert.deepEqual(await checkAxe(page), [], 'event page');
    await tabUntil(page, (f) => f.tag === 'a' && (f.attrs.href ?? '').endsWith(`/wydarzenia/${ev.id}/rejestracja`), 120);
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    assert.deepEqual(await checkAxe(page), [], 'registration form');

    await typeInto(page, 'f-name', 'Zofia Wiśniewska');
    await typeInto(page, 'f-email', 'zofia.forum@example.pl');
    await typeInto(page, 'f-institution', 'Spółdzielnia Socjalna Razem');
    await tabUntil(page, (f) => f.id === 'f-participant_type');
    await page.keyboard.press('ArrowDown');
    // the gmina by name: typing the start of the name selects it in a closed list
    await tabUntil(page, (f) => f.id === 'f-gmina_teryt');
    await page.keyboard.type('Toruń');
    await tabUntil(page, (f) => f.id === 'f-sessions');
    await page.keyboard.press('Space');
    await tabUntil(page, (f) => f.id === 'f-access_needs');
    await page.keyboard.press('Space');
    await tabUntil(page, (f) => f.id === 'f-access_consent');
    await page.keyboard.press('Space');
    // first without the general consent: the form comes back with the error summary focused
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Zarejestruj się');
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 400);
    assert.deepEqual(await checkAxe(page), [], 'form with errors');
    assert.ok((await focused(page)).attrs['data-error-summary'] !== undefined, 'focus is on the error summary');
    assert.equal(await page.locator('#f-name').inputValue(), 'Zofia Wiśniewska', 'what was typed is kept');
    assert.ok(await page.locator('#f-sessions').isChecked(), 'the chosen session is kept');

    await tabUntil(page, (f) => f.id === 'f-consent');
    await page.keyboard.press('Space');
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Zarejestruj się');
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    assert.match(await page.locator('h1').innerText(), /Sprawdź skrzynkę/);
    assert.deepEqual(await checkAxe(page), [], 'sent page');

    const stored = await ctx.db.selectFrom('event_registrations').selectAll().where('event_id', '=', ev.id).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'pending');
    assert.equal(stored.access_needs, '["step_free"]');
    assert.equal(stored.powiat_teryt, stored.gmina_teryt?.slice(0, 4));
    assert.ok(stored.gmina_teryt, 'the gmina chosen by keyboard');

    await page.goto(`${server.baseUrl}/wydarzenia/potwierdzenie/${await lastToken(ctx, 'zofia.forum@example.pl', 'event_confirm')}`);
    assert.deepEqual(await checkAxe(page), [], 'confirmation page');
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Potwierdź rejestrację');
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    assert.match(await page.locator('.alert').first().innerText(), /Rejestracja jest potwierdzona/);
    assert.deepEqual(await checkAxe(page), [], 'own registration page');
    const place = await ctx.db
      .selectFrom('event_places')
      .select('status')
      .where('registration_id', '=', stored.id)
      .executeTakeFirstOrThrow();
    assert.equal(place.status, 'confirmed');
    assert.deepEqual(foreignRequests, []);
  } finally {
    await close();
  }
});

test('an organiser checks in 3 people offline on a phone, by keyboard, and syncing twice counts them once', async () => {
  const ctx = server.testApp.ctx;
  const ev = await makeEvent(ctx, { title: 'Forum z obecnością', capacities: [10] });
  for (let i = 0; i < 4; i++) await registerPerson(ctx, ev.id, `obecny${i}@example.pl`, ev.sessionIds);
  const { page, context, foreignRequests, close } = await newPage(browser, server.baseUrl);
  try {
    const { cookie } = await loginAs(server.testApp, [{ role: 'coordinator' }]);
    const [name, ...value] = cookie.split('=');
    await context.addCookies([{ name: name!, value: value.join('='), url: server.baseUrl }]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/admin/wydarzenia/${ev.id}/obecnosc`);
    assert.deepEqual(await checkAxe(page), [], 'check-in page');
    await context.setOffline(true);
    for (let i = 0; i < 3; i++) {
      await tabUntil(page, (f) => f.tag === 'button' && f.text.startsWith('Zaznacz obecność: Osoba obecny'), 80);
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('.checkin__present').length >= n, i + 1);
    }
    const count = async () => (await ctx.db.selectFrom('event_checkins').select('id').where('event_id', '=', ev.id).execute()).length;
    assert.equal(await count(), 0, 'nothing reached the server while offline');
    const stored = await page.evaluate((key) => localStorage.getItem(key), `spojnia-checkin-${ev.id}`);
    const marks = JSON.parse(stored ?? '[]') as { id: string; code: string }[];
    assert.equal(marks.length, 3);
    // back online: the page sends the marks by itself
    await context.setOffline(false);
    await page.waitForFunction(() => /Zapisano: 3/.test(document.querySelector('.checkin__status')?.textContent ?? ''));
    assert.equal(await count(), 3);
    // the same batch synced again (a lost answer, a second tap): nobody is counted twice
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [`spojnia-checkin-${ev.id}`, stored ?? '[]']);
    await page.reload();
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Synchronizuj', 80);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /już zapisane wcześniej: 3/.test(document.querySelector('.checkin__status')?.textContent ?? ''));
    assert.equal(await count(), 3);
    assert.deepEqual(foreignRequests, []);
  } finally {
    await close();
  }
});

test('the list of events: an option chosen by keyboard updates the list in place, focus staying on the list of options', async () => {
  const ctx = server.testApp.ctx;
  await makeEvent(ctx, { title: 'Spotkanie w sieci', online: true });
  await makeEvent(ctx, { title: 'Spotkanie w sali' });
  const { page, foreignRequests, close } = await newPage(browser, server.baseUrl);
  try {
    await page.goto(`${server.baseUrl}/wydarzenia`);
    const titles = () =>
      page
        .locator('section[aria-labelledby="events-found"]')
        .innerText()
        .then((t) => [t]);
    const before = (await titles()).join(' | ');
    assert.match(before, /Spotkanie w sieci/);
    assert.match(before, /Spotkanie w sali/);
    assert.ok(await page.locator('[data-live-note]').isVisible());
    await page.locator('#f-forma').focus();
    await page.keyboard.type('online');
    await page.waitForFunction(() => new URL((globalThis as any).location.href).searchParams.get('forma') === 'online');
    await page.waitForFunction(() =>
      /^Wyniki zaktualizowane/.test((globalThis as any).document.querySelector('[data-live-status]')?.textContent ?? ''),
    );
    const after = (await titles()).join(' | ');
    assert.match(after, /Spotkanie w sieci/);
    assert.doesNotMatch(after, /Spotkanie w sali/);
    assert.equal((await focused(page)).id, 'f-forma', 'focus stays on the list of options');
    assert.equal(await page.locator('#f-forma').inputValue(), 'online');
    assert.deepEqual(await checkAxe(page), []);
    assert.deepEqual(foreignRequests, []);
  } finally {
    await close();
  }
});
