// A citizen takes part in a public consultation with the keyboard only: from the consultation's
// text to the comment form of one section (Tab, Enter), fills it in (typing, Space for the radio
// button and the consent), sends it (Enter), then opens the link from the e-mail in the outbox and
// confirms (Tab, Enter). The author block follows the chosen kind once JavaScript runs and the
// stepper marks the current phase. axe runs on every page of the flow, and a first attempt without
// consent shows the error summary the keyboard user lands on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { confirmationPath, listSections, makeConsultation } from '../src/modules/consultations/consultations.testing.js';
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

test('a citizen comments on a section and confirms it, by keyboard only', async () => {
  const ctx = server.testApp.ctx;
  const id = await makeConsultation(ctx, { startsIn: -1, endsIn: 48 });
  const sections = await listSections(ctx.db, id, 'consulted');
  const target = sections[1]!;
  const { page, foreignRequests, close } = await newPage(browser, server.baseUrl);
  try {
    await page.goto(`${server.baseUrl}/konsultacje/${id}`);
    assert.deepEqual(await checkAxe(page), [], 'consultation page');
    assert.equal(await page.locator('[aria-current="step"]').innerText(), '2 trwa', 'the stepper marks the current phase');

    // to the "Zgłoś uwagę" link of section 2 and along it
    await tabUntil(page, (f) => f.tag === 'a' && (f.attrs.href ?? '').endsWith(`sekcja=${target.id}`), 120);
    assert.match((await focused(page)).text, /Zgłoś uwagę: 2 Cele programu/);
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    assert.deepEqual(await checkAxe(page), [], 'comment form');
    assert.equal(await page.locator('#f-section').inputValue(), target.id, 'the section is pre-filled');

    await typeInto(page, 'f-proposed_change', 'Celem jest trwały wzrost zatrudnienia.');
    await typeInto(page, 'f-justification', 'Wzrost powinien być trwały, nie jednorazowy.');
    // the author blocks follow the choice (public/js/consultations-forms.js): both until one is chosen
    const personBlock = page.locator('[data-shown-when="author_kind=person"]');
    const organisationBlock = page.locator('[data-shown-when="author_kind=organisation"]');
    assert.ok((await personBlock.isVisible()) && (await organisationBlock.isVisible()));
    await tabUntil(page, (f) => f.id === 'f-author_kind');
    await page.keyboard.press('Space');
    assert.ok((await personBlock.isVisible()) && !(await organisationBlock.isVisible()), 'only the private-person block');
    await typeInto(page, 'f-first_name', 'Zofia');
    await typeInto(page, 'f-last_name', 'Wiśniewska');
    await typeInto(page, 'f-email', 'zofia.wisniewska@example.pl');
    // first without the consent: the form comes back with the error summary focused
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Wyślij uwagę');
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 400);
    assert.deepEqual(await checkAxe(page), [], 'form with errors');
    assert.ok((await focused(page)).attrs['data-error-summary'] !== undefined, 'focus is on the error summary');
    assert.match(await page.locator('[data-error-summary]').innerText(), /Zaznacz pole/);
    assert.equal(await page.locator('#f-first_name').inputValue(), 'Zofia', 'what was typed is kept');

    await tabUntil(page, (f) => f.id === 'f-consent');
    await page.keyboard.press('Space');
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Wyślij uwagę');
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    assert.match(await page.locator('h1').innerText(), /Sprawdź skrzynkę/);
    assert.deepEqual(await checkAxe(page), [], 'sent page');

    const stored = await ctx.db.selectFrom('consultation_comments').selectAll().where('consultation_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'unconfirmed');
    assert.equal(stored.section_id, target.id);
    assert.equal(stored.first_name, 'Zofia');

    // the link from the e-mail in the outbox
    const link = await confirmationPath(ctx, 'zofia.wisniewska@example.pl');
    await page.goto(`${server.baseUrl}${link}`);
    assert.deepEqual(await checkAxe(page), [], 'confirmation page');
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Potwierdź uwagę');
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    assert.match(await page.locator('.alert').first().innerText(), /uwaga została potwierdzona/);
    assert.deepEqual(await checkAxe(page), [], 'confirmed page');

    const confirmed = await ctx.db
      .selectFrom('consultation_comments')
      .select(['status', 'justification'])
      .where('id', '=', stored.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(confirmed, { status: 'confirmed', justification: 'Wzrost powinien być trwały, nie jednorazowy.' });
    assert.deepEqual(foreignRequests, []);
  } finally {
    await close();
  }
});
