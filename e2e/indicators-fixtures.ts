// The programme indicators the browser suite visits: a programme with the demo indicators (computed
// ones from the demo registry, reported examples with values labelled "przykładowe dane") and one
// submitted value waiting for approval, created once per test server.
import { registryModule } from '../src/modules/registry/index.js';
import { insertTestProgramme, seedIndicatorsDemo, submitValue } from '../src/modules/indicators/indicators.testing.js';
import type { PageTemplate } from './pages.js';
import { navigation, type Server } from './support.js';

const SLUG = 'program-wskazniki-e2e';
const DONE = new WeakMap<Server, Promise<{ programmeId: string; reportedId: string }>>();

async function create(server: Server) {
  const ctx = server.testApp.ctx;
  await registryModule.seedDemo!(ctx);
  const year = ctx.clock.now().getUTCFullYear();
  const programme = await insertTestProgramme(ctx, { slug: SLUG, title: 'Program testowy wskaźników', period_from: 2014, period_to: year });
  await seedIndicatorsDemo(ctx, programme.id);
  const p2 = await ctx.db
    .selectFrom('indicators')
    .select('id')
    .where('programme_id', '=', programme.id)
    .where('code', '=', 'P2')
    .executeTakeFirstOrThrow();
  await submitValue(
    ctx,
    { indicatorId: p2.id, period: year - 1, territoryCode: 'region', value: 2, source: 'Informacja OWES' },
    { actorId: null, ip: null },
  );
  return { programmeId: programme.id, reportedId: p2.id };
}

function fixture(server: Server) {
  let p = DONE.get(server);
  if (!p) {
    p = create(server);
    DONE.set(server, p);
  }
  return p;
}

const staff = [{ role: 'coordinator' }];

export const INDICATOR_PAGES: PageTemplate[] = [
  { name: 'programme indicators', setup: async ({ server }) => (await fixture(server), `/program/${SLUG}/wskazniki`), expectStatus: 200 },
  {
    name: 'indicator with example values and a subregion map',
    setup: async ({ server }) => (await fixture(server), `/program/${SLUG}/wskazniki/P1`),
    expectStatus: 200,
  },
  {
    name: 'computed indicator by powiat',
    setup: async ({ server }) => (await fixture(server), `/program/${SLUG}/wskazniki/W2`),
    expectStatus: 200,
  },
  {
    name: 'admin: indicators',
    setup: async ({ server }) => `/admin/program/${(await fixture(server)).programmeId}/wskazniki`,
    expectStatus: 200,
    login: staff,
  },
  {
    name: 'admin: new indicator',
    setup: async ({ server }) => `/admin/program/${(await fixture(server)).programmeId}/wskazniki/nowy`,
    expectStatus: 200,
    login: staff,
  },
  {
    name: 'admin: indicator form with errors',
    setup: async ({ server }) => `/admin/program/${(await fixture(server)).programmeId}/wskazniki/nowy`,
    act: async ({ page }) => {
      await page.fill('#f-targets', '2099: x');
      await page.selectOption('#f-method', 'computed');
      return navigation(page, () => page.locator('main form button[type="submit"]').first().click());
    },
    expectStatus: 400,
    initialFocus: '.error-summary',
    login: staff,
  },
  {
    name: 'admin: indicator values with a submitted value',
    setup: async ({ server }) => {
      const f = await fixture(server);
      return `/admin/program/${f.programmeId}/wskazniki/${f.reportedId}/wartosci`;
    },
    expectStatus: 200,
    login: staff,
  },
];
