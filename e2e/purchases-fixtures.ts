// Page templates of the purchase share for the browser suite (axe in both languages): the public
// aggregates, a buyer's share with its rows, the upload form (empty and with errors), and the staff's
// list of buyer institutions and one institution with its representatives. Data: purchases.testing.ts.
import { E2E_BUYER, makeBuyerWithFile } from '../src/modules/offers/purchases/purchases.testing.js';
import type { PageTemplate } from './pages.js';
import { navigation } from './support.js';

const staff = [{ role: 'coordinator' }];
const representative = [{ role: 'buyer_representative', scopeType: 'buyer', scopeId: E2E_BUYER }];

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
  { name: 'purchases: buyer institutions (staff)', path: '/admin/oferta/zakupy', expectStatus: 200, login: staff },
  {
    name: 'purchases: buyer institution with representatives (staff)',
    setup: async ({ server }) => `/admin/oferta/zakupy/${await makeBuyerWithFile(server.testApp.ctx)}`,
    expectStatus: 200,
    login: staff,
  },
];
