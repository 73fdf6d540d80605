// Page templates of buyers' needs for the browser suite (axe in both languages): the public list
// and a published need, the buyer's form (empty and with errors) and edit form of a draft, "my
// needs", a submitted need with the staff's decision form, the moderation list, an entity's answer
// page from its e-mail link (and with errors), a published need with answers and the funnel, and
// the outcome question (entity, buyer). Data come from offers.testing.ts.
import { E2E_ENTITY, makeNeed, needAnswerLink } from '../src/modules/offers/offers.testing.js';
import type { PageTemplate } from './pages.js';
import { navigation } from './support.js';

const staff = [{ role: 'coordinator' }];
const representative = [{ role: 'entity_representative', scopeType: 'entity', scopeId: E2E_ENTITY }];
const published = (ctx: Parameters<typeof makeNeed>[0]) =>
  makeNeed(ctx, { id: 'e2e-need-published', createdBy: 'e2e-buyer', status: 'published', title: 'Obiady dla uczestników warsztatów' });

export const NEED_PAGES: PageTemplate[] = [
  {
    name: 'needs: list',
    setup: async ({ server }) => (await published(server.testApp.ctx), '/oferta/potrzeby'),
    expectStatus: 200,
  },
  {
    name: 'needs: need page',
    setup: async ({ server }) => `/oferta/potrzeby/${await published(server.testApp.ctx)}`,
    expectStatus: 200,
  },
  { name: 'needs: new need form', path: '/oferta/potrzeby/nowa', expectStatus: 200, login: staff },
  {
    name: 'needs: need form with errors',
    path: '/oferta/potrzeby/nowa',
    act: async ({ page }) => navigation(page, () => page.locator('form#formularz button[type="submit"]').click()),
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
    login: staff,
  },
  {
    name: "needs: the buyer's edit form of a draft",
    setup: async ({ server, userId, lang }) =>
      `/oferta/potrzeby/${await makeNeed(server.testApp.ctx, { id: `e2e-need-draft-${lang}`, createdBy: userId!, status: 'draft' })}/edycja`,
    expectStatus: 200,
    login: [],
  },
  { name: 'needs: my needs', path: '/oferta/potrzeby/moje', expectStatus: 200, login: staff },
  {
    name: 'needs: submitted need with the decision form',
    setup: async ({ server }) =>
      `/oferta/potrzeby/${await makeNeed(server.testApp.ctx, { id: 'e2e-need-submitted', createdBy: 'e2e-buyer', status: 'submitted' })}`,
    expectStatus: 200,
    login: staff,
  },
  {
    name: 'needs: answer from the e-mail link',
    setup: async ({ server }) => needAnswerLink(server.testApp.ctx),
    expectStatus: 200,
  },
  {
    name: 'needs: answer form with errors',
    setup: async ({ server }) => needAnswerLink(server.testApp.ctx),
    act: async ({ page }) => navigation(page, () => page.locator('form#formularz button[type="submit"]').click()),
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
  },
  {
    name: 'needs: published need with answers and funnel (staff)',
    setup: async ({ server }) => (await needAnswerLink(server.testApp.ctx), '/oferta/potrzeby/e2e-need-published'),
    expectStatus: 200,
    login: staff,
  },
  {
    name: 'needs: outcome question to an interested entity',
    setup: async ({ server }) => needAnswerLink(server.testApp.ctx, true),
    expectStatus: 200,
  },
  {
    name: "needs: the buyer's outcome form",
    setup: async ({ server }) => (await needAnswerLink(server.testApp.ctx, true), '/oferta/potrzeby/e2e-need-past/wynik'),
    expectStatus: 200,
    login: staff,
  },
  {
    name: 'needs: figures',
    setup: async ({ server }) => (await needAnswerLink(server.testApp.ctx, true), '/admin/oferta/potrzeby/liczby'),
    expectStatus: 200,
    login: staff,
  },
  {
    name: "needs: a representative answers from the need's page",
    setup: async ({ server }) => (
      await needAnswerLink(server.testApp.ctx),
      `/oferta/potrzeby/e2e-need-published/odpowiedz-podmiot/${E2E_ENTITY}`
    ),
    expectStatus: 200,
    login: representative,
  },
  {
    name: 'needs: moderation list',
    setup: async ({ server }) => (await published(server.testApp.ctx), '/admin/oferta/potrzeby'),
    expectStatus: 200,
    login: staff,
  },
];
