// Page templates of the purchase share for the browser suite (axe in both languages): the public
// aggregates, a buyer's share with its rows, the upload form (empty and with errors), the upload's
// result (a dry run that passes, a file with row problems, a saved file), and the staff's list of
// buyer institutions and one institution with its representatives. Data: purchases.testing.ts.
import type { Page } from 'playwright-core';
import { E2E_BUYER, makeBuyerWithFile } from '../src/modules/offers/purchases/purchases.testing.js';
import type { PageTemplate } from './pages.js';
import { navigation } from './support.js';

const staff = [{ role: 'coordinator' }];
const representative = [{ role: 'buyer_representative', scopeType: 'buyer', scopeId: E2E_BUYER }];

// two rows with valid NIPs (checksums right); the bad file adds a wrong NIP and a missing amount
const GOOD_CSV =
  'NIP;Dostawca;Kwota;Kategoria\n5260000011;Spółdzielnia Socjalna Łąka;1 500,00;Catering\n1110000013;Firma Żółć;250,50;Druk\n';
const BAD_CSV = `${GOOD_CSV}1234567890;Firma bez kwoty;;Druk\n`;

/** Sends the upload form with `csv`, as a dry run or for real. */
async function upload(page: Page, csv: string, dryRun: boolean): Promise<number> {
  await page.setInputFiles('#f-file', { name: 'wydatki.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  if (!dryRun) await page.uncheck('#f-dry_run');
  return navigation(page, () => page.locator('main form[enctype="multipart/form-data"] button[type="submit"]').click());
}

export const PURCHASE_PAGES: PageTemplate[] = [
  {
    name: 'purchases: public aggregates',
    setup: async ({ server }) => (await makeBuyerWithFile(server.testApp.ctx), '/oferta/zakupy'),
    expectStatus: 200,
  },
  {
    name: "purchases: buyer's share",
    setup: async ({ server }) => `/oferta/zakupy/${await makeBuyerWithFile(server.testApp.ctx)}`,
    expectStatus: 200,
    login: representative,
  },
  {
    name: 'purchases: upload form',
    setup: async ({ server }) => `/oferta/zakupy/${await makeBuyerWithFile(server.testApp.ctx)}/import`,
    expectStatus: 200,
    login: representative,
  },
  {
    name: 'purchases: upload form with errors',
    setup: async ({ server }) => `/oferta/zakupy/${await makeBuyerWithFile(server.testApp.ctx)}/import`,
    act: async ({ page }) => navigation(page, () => page.locator('main form button[type="submit"]').click()),
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
    login: representative,
  },
  {
    name: 'purchases: upload result, dry run passed',
    setup: async ({ server }) => `/oferta/zakupy/${await makeBuyerWithFile(server.testApp.ctx)}/import`,
    act: async ({ page }) => upload(page, GOOD_CSV, true),
    expectStatus: 200,
    login: representative,
  },
  {
    name: 'purchases: upload result with row problems',
    setup: async ({ server }) => `/oferta/zakupy/${await makeBuyerWithFile(server.testApp.ctx)}/import`,
    act: async ({ page }) => upload(page, BAD_CSV, true),
    expectStatus: 400,
    login: representative,
  },
  {
    name: 'purchases: upload result, file saved',
    setup: async ({ server }) => `/oferta/zakupy/${await makeBuyerWithFile(server.testApp.ctx)}/import`,
    act: async ({ page }) => upload(page, GOOD_CSV, false),
    expectStatus: 200,
    login: representative,
  },
  { name: 'purchases: buyer institutions (staff)', path: '/admin/oferta/zakupy', expectStatus: 200, login: staff },
  {
    name: 'purchases: buyer institution with representatives (staff)',
    setup: async ({ server }) => `/admin/oferta/zakupy/${await makeBuyerWithFile(server.testApp.ctx)}`,
    expectStatus: 200,
    login: staff,
  },
];
