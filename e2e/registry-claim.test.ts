// "To mój podmiot" in a real browser: a logged-in citizen opens an entity's page, reaches the
// request form by keyboard (name and e-mail already filled in from the account), types the rest,
// ticks the consent with Space and sends it with Enter; a coordinator opens the request, sees the
// document link, and approves it; the citizen then finds the entity under "Moje podmioty". axe
// runs on every screen, and nothing is fetched from another host.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { entityPath, registryModule } from '../src/modules/registry/index.js';
import { loginAs } from '../src/testing/app.js';
import { checkAxe, focused, navigation, newPage, tabUntil, useBrowserAndServer, type Server, type TestPage } from './support.js';

let browser: Browser;
let server: Server;
const dir = mkdtempSync(join(tmpdir(), 'spojnia-claim-'));
const document = join(dir, 'odpis-krs.pdf');
writeFileSync(document, '%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');

useBrowserAndServer(async (b, s) => {
  browser = b;
  server = s;
  await registryModule.seedDemo!(s.testApp.ctx);
});

async function loggedIn(roles: Parameters<typeof loginAs>[1], email?: string): Promise<TestPage> {
  const tp = await newPage(browser, server.baseUrl);
  const { cookie } = await loginAs(server.testApp, roles, email);
  const [name, ...value] = cookie.split('=');
  await tp.context.addCookies([{ name: name!, value: value.join('='), url: server.baseUrl }]);
  return tp;
}

test('a citizen asks by keyboard to manage an entity; a coordinator approves; the entity appears under "Moje podmioty"', async () => {
  const db = server.testApp.ctx.db;
  const entity = await db
    .selectFrom('entities')
    .select(['id', 'name'])
    .where('name', '=', 'Fundacja „Studio M6”')
    .executeTakeFirstOrThrow();
  const citizen = await loggedIn([], 'ola.kowalska@example.pl');
  const coordinator = await loggedIn([{ role: 'coordinator' }]);
  try {
    const { page } = citizen;
    await page.goto(`${server.baseUrl}${entityPath(entity)}`);
    assert.deepEqual(await checkAxe(page), []);

    // keyboard only: Tab to "To mój podmiot", Enter
    await tabUntil(page, (f) => f.tag === 'a' && f.text === 'To mój podmiot', 120);
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    assert.equal(new URL(page.url()).pathname, `/podmioty/${entity.id}/to-moj-podmiot`);
    assert.equal(await page.locator('h1').innerText(), `To mój podmiot: ${entity.name}`);
    assert.deepEqual(await checkAxe(page), []);
    assert.equal(await page.inputValue('#f-email'), 'ola.kowalska@example.pl', 'the e-mail comes from the account');

    await tabUntil(page, (f) => f.id === 'f-role');
    await page.keyboard.type('prezeska zarządu');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'f-justification');
    await page.keyboard.type('Jestem prezeską zarządu fundacji od 2019 r.');
    // a file chooser cannot be driven by keys in a headless browser; the document is attached directly
    await page.setInputFiles('#f-document', document);
    await tabUntil(page, (f) => f.id === 'f-consent');
    await page.keyboard.press('Space');
    assert.equal(await page.isChecked('#f-consent'), true);
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Wyślij zgłoszenie');
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    assert.equal(await page.locator('h1').innerText(), 'Zgłoszenie wysłane');
    assert.deepEqual(await checkAxe(page), []);

    const claim = await db
      .selectFrom('entity_claims')
      .selectAll()
      .where('email_norm', '=', 'ola.kowalska@example.pl')
      .executeTakeFirstOrThrow();
    assert.equal(claim.status, 'pending');
    assert.equal(claim.role_in_entity, 'prezeska zarządu');

    // the coordinator's queue and decision
    const staff = coordinator.page;
    await staff.goto(`${server.baseUrl}/admin/podmioty/zgloszenia`);
    assert.deepEqual(await checkAxe(staff), []);
    assert.equal(await navigation(staff, () => staff.getByRole('link', { name: entity.name }).click()), 200);
    assert.deepEqual(await checkAxe(staff), []);
    assert.ok(await staff.getByRole('link', { name: /odpis-krs\.pdf/ }).isVisible());
    await staff.fill('#f-reason', 'Potwierdzone w KRS.');
    assert.equal(await navigation(staff, () => staff.getByRole('button', { name: 'Przyjmij i nadaj uprawnienia' }).click()), 200);
    assert.match(await staff.locator('.alert').innerText(), /Zgłoszenie przyjęte/);
    assert.deepEqual(await checkAxe(staff), []);

    const mail = await db
      .selectFrom('mail_outbox')
      .select(['to_address', 'template'])
      .where('template', '=', 'registry_claim_approved')
      .executeTakeFirstOrThrow();
    assert.equal(mail.to_address, 'ola.kowalska@example.pl');

    // the citizen, now a representative, manages the profile
    await page.goto(`${server.baseUrl}/moje-podmioty`);
    assert.deepEqual(await checkAxe(page), []);
    assert.equal(await navigation(page, () => page.getByRole('link', { name: entity.name }).click()), 200);
    assert.equal(await page.locator('h1').innerText(), `Profil podmiotu: ${entity.name}`);
    assert.deepEqual(await checkAxe(page), []);
    assert.deepEqual([...citizen.foreignRequests, ...coordinator.foreignRequests], []);
  } finally {
    await citizen.close();
    await coordinator.close();
  }
});
