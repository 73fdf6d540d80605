// Records the self-service page templates need before a visit: one entity with a fixed id (so a
// template's `login` can name it as the representative's scope), a pending "To mój podmiot"
// request with a PDF, and a pending proposal. Created once per test server through the services.
import { polishSortKey } from '../src/core/db/collation.js';
import { submitClaim, submitProposal } from '../src/modules/registry/registry.testing.js';
import type { PageTemplate, VisitContext } from './pages.js';
import { navigation, type Server } from './support.js';

/** The entity every self-service template visits; representatives in pages.ts are scoped to it. */
export const CLAIM_ENTITY_ID = '01900000-0000-7000-8000-0000000e2e01';

export interface ClaimFixtures {
  entityId: string;
  claimId: string;
  proposalId: string;
}

const DONE = new WeakMap<Server, Promise<ClaimFixtures>>();
const SYSTEM = { actorId: null, ip: null, requestId: null };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');

async function create(server: Server): Promise<ClaimFixtures> {
  const ctx = server.testApp.ctx;
  const name = 'Spółdzielnia Socjalna „Przykładowa”';
  const now = new Date().toISOString();
  await ctx.db
    .insertInto('entities')
    .values({
      id: CLAIM_ENTITY_ID,
      name,
      name_sort: polishSortKey(name),
      legal_form: 'spoldzielnia_socjalna',
      sectors: '["catering"]',
      lifecycle: 'active',
      search_doc: 'spoldzielnia socjalna przykladowa',
      is_synthetic: false,
      gmina_teryt: '0463011',
      town: 'Toruń',
      description: 'Catering dla szkół.',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('entity_places')
    .values({
      id: '01900000-0000-7000-8000-0000000e2e02',
      entity_id: CLAIM_ENTITY_ID,
      gmina_teryt: '0463011',
      town: 'Toruń',
      address: 'ul. Szeroka 1',
      lat: null,
      lon: null,
    })
    .execute();
  const claimId = (await submitClaim(
    ctx,
    CLAIM_ENTITY_ID,
    {
      name: 'Anna Nowak',
      email: 'anna.nowak@example.pl',
      role: 'prezes zarządu',
      justification: 'Jestem prezeską zarządu spółdzielni.',
      consent: '1',
    },
    { filename: 'odpis-krs.pdf', data: PDF, truncated: false },
    { lang: 'pl', userId: null },
    SYSTEM,
  ))!;
  const proposalId = await submitProposal(
    ctx,
    CLAIM_ENTITY_ID,
    'identifiers',
    { nip: '1234563218', regon: '123456785', krs: '', comment: 'Dane z KRS.' },
    { id: 'e2e-proposer', displayName: 'Anna Nowak', email: 'anna.nowak@example.pl', lang: 'pl' },
    SYSTEM,
  );
  return { entityId: CLAIM_ENTITY_ID, claimId, proposalId };
}

export function claimFixtures(server: Server): Promise<ClaimFixtures> {
  let p = DONE.get(server);
  if (!p) {
    p = create(server);
    DONE.set(server, p);
  }
  return p;
}

const REPRESENTATIVE = [{ role: 'entity_representative', scopeType: 'entity', scopeId: CLAIM_ENTITY_ID }];
const COORDINATOR = [{ role: 'coordinator' }];
const at =
  (path: (f: ClaimFixtures) => string) =>
  async ({ server }: VisitContext) =>
    path(await claimFixtures(server));

/** The self-service templates, spread into PAGES (pages.ts). */
export const CLAIM_PAGES: PageTemplate[] = [
  { name: 'registry: "To mój podmiot" form', setup: at((f) => `/podmioty/${f.entityId}/to-moj-podmiot`), expectStatus: 200 },
  {
    name: 'registry: "To mój podmiot" form with errors',
    setup: at((f) => `/podmioty/${f.entityId}/to-moj-podmiot`),
    act: async ({ page }) => {
      await page.fill('#f-email', 'to-nie-adres');
      return navigation(page, () => page.locator('form[action$="/to-moj-podmiot"] button[type="submit"]').click());
    },
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
  },
  { name: 'registry: request sent', setup: at((f) => `/podmioty/${f.entityId}/to-moj-podmiot/wyslano`), expectStatus: 200 },
  { name: 'admin: entity requests', setup: at(() => '/admin/podmioty/zgloszenia'), expectStatus: 200, login: COORDINATOR },
  {
    name: 'admin: entity request with a document',
    setup: at((f) => `/admin/podmioty/zgloszenia/${f.claimId}`),
    expectStatus: 200,
    login: COORDINATOR,
  },
  { name: 'admin: proposed changes', setup: at(() => '/admin/podmioty/propozycje'), expectStatus: 200, login: COORDINATOR },
  { name: 'admin: proposed change', setup: at((f) => `/admin/podmioty/propozycje/${f.proposalId}`), expectStatus: 200, login: COORDINATOR },
  { name: 'my entities', setup: at(() => '/moje-podmioty'), expectStatus: 200, login: REPRESENTATIVE },
  {
    name: 'my entity: profile, places and proposals',
    setup: at((f) => `/moje-podmioty/${f.entityId}`),
    expectStatus: 200,
    login: REPRESENTATIVE,
  },
  {
    name: 'my entity: profile with errors',
    setup: at((f) => `/moje-podmioty/${f.entityId}`),
    act: async ({ page }) => {
      await page.fill('#f-website', 'bez-protokolu');
      return navigation(page, () => page.locator(`form[action$="/moje-podmioty/${CLAIM_ENTITY_ID}"] button[type="submit"]`).click());
    },
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
    login: REPRESENTATIVE,
  },
  {
    name: 'my entity: proposal of employment figures',
    setup: at((f) => `/moje-podmioty/${f.entityId}/propozycja/zatrudnienie`),
    expectStatus: 200,
    login: REPRESENTATIVE,
  },
  {
    name: 'my entity: proposal of PS status',
    setup: at((f) => `/moje-podmioty/${f.entityId}/propozycja/status-ps`),
    expectStatus: 200,
    login: REPRESENTATIVE,
  },
];
