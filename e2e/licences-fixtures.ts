// Page templates of the licences module for the browser suite (axe in both languages): the public
// page with its list, a licence, its verification page, and the staff pages (list with the grant
// form, the form with errors, one licence). Data come from licences.testing.ts.
import { makeLicence } from '../src/modules/licences/licences.testing.js';
import { E2E_ENTITY, makeEntity } from '../src/modules/offers/offers.testing.js';
import type { VisitContext, PageTemplate } from './pages.js';
import { navigation } from './support.js';

const NUMBER = 'ZP-2026-E2E17X';
const staff = [{ role: 'coordinator' }];

async function licence({ server }: VisitContext): Promise<void> {
  const ctx = server.testApp.ctx;
  await makeEntity(ctx, { id: E2E_ENTITY, name: 'Spółdzielnia Socjalna „Pod Lipą”', email: 'biuro@podlipa.example.pl', gmina: '0463011' });
  await makeLicence(ctx, E2E_ENTITY, { id: 'lic-e2e', number: NUMBER, product: 'Obiady z dowozem' });
}

export const LICENCE_PAGES: PageTemplate[] = [
  { name: 'licences: public page', setup: async (c) => (await licence(c), '/zakup-prospoleczny'), expectStatus: 200 },
  { name: 'licences: licence', setup: async (c) => (await licence(c), `/zakup-prospoleczny/${NUMBER}`), expectStatus: 200 },
  {
    name: 'licences: verification',
    setup: async (c) => (await licence(c), `/weryfikacja/zakup-prospoleczny/${NUMBER}`),
    expectStatus: 200,
  },
  { name: 'licences: staff list', setup: async (c) => (await licence(c), '/admin/zakup-prospoleczny'), expectStatus: 200, login: staff },
  {
    name: 'licences: grant form with errors',
    setup: async (c) => (await licence(c), '/admin/zakup-prospoleczny'),
    act: async ({ page }) => navigation(page, () => page.locator('main form[method="post"] button[type="submit"]').first().click()),
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
    login: staff,
  },
  {
    name: 'licences: staff licence',
    setup: async (c) => (await licence(c), '/admin/zakup-prospoleczny/lic-e2e'),
    expectStatus: 200,
    login: staff,
  },
];
