// Page templates of the offers module for the browser suite (axe in both languages): the catalogue,
// an offer with its photo, the enquiry form (empty, with errors, sent), the representative's list,
// offer form and photos, and the staff's enquiry counts. Data come from offers.testing.ts.
import { entityPath } from '../src/modules/registry/index.js';
import { E2E_ENTITY, makeEnquiry, makeOffer, offerWithPhoto } from '../src/modules/offers/offers.testing.js';
import type { PageTemplate } from './pages.js';
import { navigation } from './support.js';

const representative = [{ role: 'entity_representative', scopeType: 'entity', scopeId: E2E_ENTITY }];

export const OFFER_PAGES: PageTemplate[] = [
  {
    name: 'offers: catalogue',
    setup: async ({ server }) => (await offerWithPhoto(server.testApp.ctx), '/oferta?kategoria=catering&powiat=0463'),
    expectStatus: 200,
  },
  {
    name: 'offers: offer page',
    setup: async ({ server }) => `/oferta/${await offerWithPhoto(server.testApp.ctx)}`,
    expectStatus: 200,
  },
  {
    name: 'offers: enquiry form',
    setup: async ({ server }) => `/oferta/${await offerWithPhoto(server.testApp.ctx)}/zapytanie`,
    expectStatus: 200,
  },
  {
    name: 'offers: enquiry form with errors',
    setup: async ({ server }) => `/oferta/${await offerWithPhoto(server.testApp.ctx)}/zapytanie`,
    act: async ({ page }) => navigation(page, () => page.locator('form#formularz button[type="submit"]').click()),
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
  },
  {
    name: 'offers: enquiry sent',
    setup: async ({ server }) => `/oferta/${await offerWithPhoto(server.testApp.ctx)}/zapytanie/wyslano`,
    expectStatus: 200,
  },
  {
    name: 'offers: entity page with its offers',
    setup: async ({ server }) => (
      await offerWithPhoto(server.testApp.ctx),
      entityPath({ id: E2E_ENTITY, name: 'Spółdzielnia Socjalna „Pod Lipą”' })
    ),
    expectStatus: 200,
  },
  {
    name: 'offers: my offers',
    setup: async ({ server }) => (await offerWithPhoto(server.testApp.ctx), '/oferta/moje'),
    expectStatus: 200,
    login: representative,
  },
  {
    name: "offers: an entity's offers",
    setup: async ({ server }) => (await offerWithPhoto(server.testApp.ctx), `/oferta/podmiot/${E2E_ENTITY}`),
    expectStatus: 200,
    login: representative,
  },
  {
    name: 'offers: draft offer previewed by its representative',
    setup: async ({ server }) => {
      await offerWithPhoto(server.testApp.ctx);
      return `/oferta/${await makeOffer(server.testApp.ctx, E2E_ENTITY, { title: 'Kolacje (szkic)', published: false })}`;
    },
    expectStatus: 200,
    login: representative,
  },
  {
    name: 'offers: new offer form',
    setup: async ({ server }) => (await offerWithPhoto(server.testApp.ctx), `/oferta/podmiot/${E2E_ENTITY}/nowa`),
    expectStatus: 200,
    login: representative,
  },
  {
    name: 'offers: offer form with errors',
    setup: async ({ server }) => (await offerWithPhoto(server.testApp.ctx), `/oferta/podmiot/${E2E_ENTITY}/nowa`),
    act: async ({ page }) => navigation(page, () => page.locator('form#formularz button[type="submit"]').click()),
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
    login: representative,
  },
  {
    name: 'offers: edit offer form',
    setup: async ({ server }) => `/oferta/${await offerWithPhoto(server.testApp.ctx)}/edycja`,
    expectStatus: 200,
    login: representative,
  },
  {
    name: 'offers: photos',
    setup: async ({ server }) => `/oferta/${await offerWithPhoto(server.testApp.ctx)}/zdjecia`,
    expectStatus: 200,
    login: representative,
  },
  {
    name: 'offers: enquiry counts (staff)',
    setup: async ({ server }) => {
      await makeEnquiry(server.testApp.ctx, await offerWithPhoto(server.testApp.ctx), E2E_ENTITY);
      return '/admin/oferta';
    },
    expectStatus: 200,
    login: [{ role: 'coordinator' }],
  },
];
