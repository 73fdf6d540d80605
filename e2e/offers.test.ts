// A buyer sends an enquiry about an offer with the keyboard only: from the catalogue filtered by
// category and powiat (an offer for chosen powiaty) to the offer (Tab, Enter), to the enquiry form,
// fills it in, sends it first without the consent (the error summary takes the focus), then with
// it (Space, Enter); the outbox holds the message to the entity and the copy to the sender. axe
// runs on every page of the flow.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { offerWithPhoto } from '../src/modules/offers/offers.testing.js';
import { checkAxe, focused, navigation, newPage, tabUntil, useBrowserAndServer, type Server } from './support.js';

let browser: Browser;
let server: Server;

useBrowserAndServer((b, s) => {
  browser = b;
  server = s;
});

async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabUntil(page, (f) => f.id === id, 120);
  await page.keyboard.type(text);
}

test('a buyer finds an offer and sends an enquiry, by keyboard only', async () => {
  const ctx = server.testApp.ctx;
  const id = await offerWithPhoto(ctx);
  const { page, foreignRequests, close } = await newPage(browser, server.baseUrl);
  try {
    await page.goto(`${server.baseUrl}/oferta?kategoria=catering&powiat=0463`);
    assert.deepEqual(await checkAxe(page), [], 'catalogue');
    await tabUntil(page, (f) => f.tag === 'a' && f.attrs.href === `/oferta/${id}`, 120);
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    assert.equal(await page.locator('h1').innerText(), 'Obiady z dowozem');
    assert.deepEqual(await checkAxe(page), [], 'offer page');

    await tabUntil(page, (f) => f.tag === 'a' && f.attrs.href === `/oferta/${id}/zapytanie`, 120);
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    assert.deepEqual(await checkAxe(page), [], 'enquiry form');

    await typeInto(page, 'f-name', 'Maria Zielińska');
    await typeInto(page, 'f-institution', 'Szkoła Podstawowa nr 5');
    await typeInto(page, 'f-email', 'sekretariat@sp5.example.pl');
    await typeInto(page, 'f-message', 'Prosimy o ofertę na 150 obiadów dziennie od 1 września.');
    // the honeypot is out of the tab order: the next stop after the message is the consent
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'f-consent');
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Wyślij zapytanie');
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 400);
    assert.deepEqual(await checkAxe(page), [], 'form with errors');
    assert.ok((await focused(page)).attrs['data-error-summary'] !== undefined, 'focus is on the error summary');
    assert.match(await page.locator('[data-error-summary]').innerText(), /Bez zgody/);
    assert.equal(await page.locator('#f-name').inputValue(), 'Maria Zielińska', 'what was typed is kept');

    await tabUntil(page, (f) => f.id === 'f-consent', 120);
    await page.keyboard.press('Space');
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Wyślij zapytanie');
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    assert.equal(await page.locator('h1').innerText(), 'Zapytanie wysłane');
    assert.deepEqual(await checkAxe(page), [], 'sent page');

    const mails = await ctx.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'template', 'text_body'])
      .where('template', 'in', ['offer_enquiry', 'offer_enquiry_copy'])
      .execute();
    const toEntity = mails.filter((m) => m.template === 'offer_enquiry');
    assert.deepEqual(
      toEntity.map((m) => m.to_address),
      ['biuro@podlipa.example.pl'],
    );
    assert.match(toEntity[0]!.text_body, /150 obiadów dziennie/);
    assert.deepEqual(
      mails.filter((m) => m.template === 'offer_enquiry_copy').map((m) => m.to_address),
      ['sekretariat@sp5.example.pl'],
    );
    assert.deepEqual(foreignRequests, []);
  } finally {
    await close();
  }
});
