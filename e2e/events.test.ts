// A person registers for an event with the keyboard only: from the event page to the registration
// form (Tab, Enter), fills it in (typing, a select by arrow keys, Space for the session, the
// accessibility need with its own consent and the general consent), sends it (Enter; a first
// attempt without consent lands on the error summary), then opens the link from the e-mail in the
// outbox and confirms (Tab, Enter). axe runs on every page of the flow.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { lastToken, makeEvent } from '../src/modules/events/events.testing.js';
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
