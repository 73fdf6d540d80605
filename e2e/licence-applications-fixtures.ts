// Page templates of "Zakup Prospołeczny" applications for the browser suite (axe in both languages):
// the representative's list, the new application form (empty and with errors), a draft naming its
// unmet criteria; the staff's list, an application with the formal check, the rules editions; the
// Kapituła's application page, its assessment with errors, the page of a chair who declared a
// conflict of interest, and its list. Kapituła pages are reached
// by a step in the browser: the visitor becomes a member of the test board (as the bodies module
// grants members the member role) after logging in, which the page-anatomy check cannot follow.
import { makeApplication, makeBoard, memberRoleHolders } from '../src/modules/licences/licences.testing.js';
import { E2E_ENTITY, makeEntity, makeOffer } from '../src/modules/offers/offers.testing.js';
import type { PageTemplate, VisitContext } from './pages.js';
import { navigation } from './support.js';

const staff = [{ role: 'coordinator' }];
const rep = [{ role: 'entity_representative', scopeType: 'entity', scopeId: E2E_ENTITY }];
const BOARD = 'e2e-kapitula';
const member = [{ role: 'team_member', scopeType: 'team', scopeId: BOARD }];

async function data({ server }: VisitContext): Promise<void> {
  const ctx = server.testApp.ctx;
  if (!(await ctx.db.selectFrom('entities').select('id').where('id', '=', E2E_ENTITY).executeTakeFirst())) {
    await makeEntity(ctx, {
      id: E2E_ENTITY,
      name: 'Spółdzielnia Socjalna „Pod Lipą”',
      email: 'biuro@podlipa.example.pl',
      gmina: '0463011',
    });
  }
  if (!(await ctx.db.selectFrom('offers').select('id').where('id', '=', 'offer-e2e-zp').executeTakeFirst())) {
    await makeOffer(ctx, E2E_ENTITY, { id: 'offer-e2e-zp', title: 'Obiady z dowozem' });
  }
  await makeApplication(ctx, E2E_ENTITY, { id: 'app-e2e-draft', status: 'draft', offerIds: ['offer-e2e-zp'], ownRevenueTenths: 200 });
  await makeApplication(ctx, E2E_ENTITY, { id: 'app-e2e-submitted', status: 'submitted', offerIds: ['offer-e2e-zp'] });
  await makeApplication(ctx, E2E_ENTITY, { id: 'app-e2e-assess', status: 'in_assessment', offerIds: ['offer-e2e-zp'] });
  await makeApplication(ctx, E2E_ENTITY, { id: 'app-e2e-conflict', status: 'in_assessment', offerIds: ['offer-e2e-zp'] });
  await makeBoard(ctx, await memberRoleHolders(ctx, BOARD), BOARD, true);
}

const at = (path: string) => async (c: VisitContext) => (await data(c), path);

export const APPLICATION_PAGES: PageTemplate[] = [
  { name: 'licences: my applications', setup: at('/zakup-prospoleczny/wnioski'), expectStatus: 200, login: rep },
  { name: 'licences: new application', setup: at(`/zakup-prospoleczny/wnioski/nowy/${E2E_ENTITY}`), expectStatus: 200, login: rep },
  {
    name: 'licences: application with errors',
    setup: at(`/zakup-prospoleczny/wnioski/nowy/${E2E_ENTITY}`),
    act: async ({ page }) => navigation(page, () => page.locator('main form button[value="submit"]').click()),
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
    login: rep,
  },
  { name: 'licences: draft with unmet criteria', setup: at('/zakup-prospoleczny/wnioski/app-e2e-draft'), expectStatus: 200, login: rep },
  { name: 'licences: staff applications', setup: at('/admin/zakup-prospoleczny/wnioski'), expectStatus: 200, login: staff },
  { name: 'licences: formal check', setup: at('/admin/zakup-prospoleczny/wnioski/app-e2e-submitted'), expectStatus: 200, login: staff },
  { name: 'licences: rules editions', setup: at('/admin/zakup-prospoleczny/zasady'), expectStatus: 200, login: staff },
  {
    name: 'licences: Kapituła application',
    setup: at('/zakup-prospoleczny/kapitula'),
    act: async ({ page }) => navigation(page, () => page.locator('main table a').first().click()),
    expectStatus: 200,
    login: member,
  },
  {
    name: 'licences: Kapituła assessment with errors',
    setup: at('/zakup-prospoleczny/kapitula/app-e2e-assess'),
    act: async ({ page }) => navigation(page, () => page.locator('main form[action$="/ocena"] button[type="submit"]').click()),
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
    login: member,
  },
  // the visitor chairs the board; once they declare a conflict the page says they cannot decide
  {
    name: 'licences: Kapituła application after the chair declared a conflict',
    setup: at('/zakup-prospoleczny/kapitula/app-e2e-conflict'),
    act: async ({ page }) => navigation(page, () => page.locator('main form[action$="/konflikt"] button[type="submit"]').click()),
    expectStatus: 200,
    login: member,
  },
  {
    name: 'licences: Kapituła list',
    setup: at('/zakup-prospoleczny/kapitula/app-e2e-assess'),
    act: async ({ page }) => navigation(page, () => page.locator('nav.breadcrumbs a[href$="/zakup-prospoleczny/kapitula"]').click()),
    expectStatus: 200,
    login: member,
  },
];
