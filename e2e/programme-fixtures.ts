// The programme pages the browser suite visits: the demo programme (real history, example tree and
// text) with a second text version to compare, and a programme being drafted with a small tree and
// a budget frame, created once per test server; plus the page templates that open them.
import { newId } from '../src/core/db/ids.js';
import { indicatorsModule } from '../src/modules/indicators/index.js';
import {
  checkElementForm,
  checkProgrammeForm,
  createElement,
  createProgramme,
  createVersion,
  DEMO_SLUG,
  makeCurrent,
  sectionsOf,
  seedProgrammeDemo,
  versionByNumber,
} from '../src/modules/programme/programme.testing.js';
import type { PageTemplate } from './pages.js';
import { navigation, type Server } from './support.js';

const DRAFT_SLUG = 'program-e2e-projekt';
const DONE = new WeakMap<Server, Promise<{ demoId: string; draftId: string; elementId: string }>>();
const actor = { actorId: null, ip: null };

async function create(server: Server) {
  const ctx = server.testApp.ctx;
  await seedProgrammeDemo(ctx);
  await indicatorsModule.seedDemo!(ctx);
  const demo = await ctx.db.selectFrom('programmes').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirstOrThrow();
  const v1 = await versionByNumber(ctx, demo.id, 1);
  const next = sectionsOf(v1.sections).map((s, i) => (i === 1 ? { ...s, body: `${s.body} Dodano zdanie w drugiej wersji.` } : s));
  await createVersion(
    ctx,
    demo.id,
    { label: 'Druga wersja (przykład)', note: null },
    'manual',
    [...next.slice(0, 3), { number: '5', heading: 'Ewaluacja', body: 'Nowa sekcja.' }],
    actor,
  );

  const input = await checkProgrammeForm(
    ctx,
    {
      title: 'Program testowy w przygotowaniu',
      slug: DRAFT_SLUG,
      period_from: '2025',
      period_to: '2030',
      started_on: '2025-01-10',
      alignment: 'Strategia rozwoju województwa',
      summary: 'Projekt programu **do konsultacji**.',
    },
    null,
  );
  const draftId = await createProgramme(ctx, input, actor);
  const add = async (parentId: string | null, body: Record<string, string>) =>
    createElement(ctx, draftId, parentId, await checkElementForm(ctx, draftId, parentId, body, null), actor);
  const main = await add(null, { kind: 'main_goal', code: 'CG', title: 'Więcej ekonomii społecznej w regionie' });
  const goal = await add(main, { kind: 'specific_goal', code: '1', title: 'Rozwój podmiotów', is_example: '1' });
  const action = await add(goal, { kind: 'action', code: '1.1', title: 'Doradztwo', responsible: 'OWES' });
  const elementId = await add(action, {
    kind: 'task',
    code: '1.1.1',
    title: 'Szkolenia',
    year_from: '2025',
    year_to: '2026',
    budget_year_0: '2025',
    budget_source_0: 'EFS+',
    budget_amount_0: '120 000,50',
  });
  return { demoId: demo.id, draftId, elementId };
}

export function programmeFixtures(server: Server) {
  let p = DONE.get(server);
  if (!p) {
    p = create(server);
    DONE.set(server, p);
  }
  return p;
}

/** The demo programme is the current one (another template may have cleared the flag). */
async function demoCurrent(server: Server) {
  const f = await programmeFixtures(server);
  await makeCurrent(server.testApp.ctx, f.demoId, actor);
  return f;
}

const coordinator = [{ role: 'coordinator' }];

export const PROGRAMME_PAGES: PageTemplate[] = [
  {
    name: 'programme: no current programme',
    setup: async ({ server }) => {
      await programmeFixtures(server);
      await server.testApp.ctx.db.updateTable('programmes').set({ is_current: false }).execute();
      return '/program';
    },
    expectStatus: 200,
  },
  {
    name: 'programme: current programme (timeline, tree, indicators)',
    setup: async ({ server }) => (await demoCurrent(server), '/program'),
    expectStatus: 200,
  },
  {
    name: 'programme: other programme with a budget frame',
    setup: async ({ server }) => (await demoCurrent(server), `/program/${DRAFT_SLUG}`),
    expectStatus: 200,
  },
  { name: 'programme: archive', setup: async ({ server }) => (await programmeFixtures(server), '/program/archiwum'), expectStatus: 200 },
  {
    name: 'programme: text versions',
    setup: async ({ server }) => (await programmeFixtures(server), `/program/${DEMO_SLUG}/wersje`),
    expectStatus: 200,
  },
  {
    name: 'programme: text of a version',
    setup: async ({ server }) => (await programmeFixtures(server), `/program/${DEMO_SLUG}/wersje/1`),
    expectStatus: 200,
  },
  {
    name: 'programme: versions compared',
    setup: async ({ server }) => (await programmeFixtures(server), `/program/${DEMO_SLUG}/wersje/1/porownanie/2`),
    expectStatus: 200,
  },
  {
    name: 'admin: programmes',
    setup: async ({ server }) => (await programmeFixtures(server), '/admin/program'),
    expectStatus: 200,
    login: coordinator,
  },
  {
    name: 'admin: programmes (editor)',
    setup: async ({ server }) => (await programmeFixtures(server), '/admin/program'),
    expectStatus: 200,
    login: [{ role: 'editor' }],
  },
  { name: 'admin: new programme', path: '/admin/program/nowy', expectStatus: 200, login: coordinator },
  {
    name: 'admin: new programme with errors',
    path: '/admin/program/nowy',
    act: async ({ page }) => {
      await page.fill('#f-period_from', '2030');
      await page.fill('#f-period_to', '2020');
      return navigation(page, () => page.locator('form[action$="/admin/program/nowy"] button[type="submit"]').click());
    },
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
    login: coordinator,
  },
  {
    name: 'admin: programme data and life cycle',
    setup: async ({ server }) => `/admin/program/${(await programmeFixtures(server)).draftId}`,
    expectStatus: 200,
    login: coordinator,
  },
  {
    name: 'admin: closed programme',
    setup: async ({ server }) => `/admin/program/${(await programmeFixtures(server)).demoId}`,
    expectStatus: 200,
    login: coordinator,
  },
  {
    name: 'admin: programme text versions',
    setup: async ({ server }) => `/admin/program/${(await programmeFixtures(server)).demoId}/wersje`,
    expectStatus: 200,
    login: [{ role: 'editor' }],
  },
  {
    name: 'admin: version section editor',
    setup: async ({ server }) => `/admin/program/${(await programmeFixtures(server)).demoId}/wersje/1`,
    expectStatus: 200,
    login: [{ role: 'editor' }],
  },
  {
    name: 'admin: import preview',
    setup: async ({ server }) => `/admin/program/${(await programmeFixtures(server)).draftId}/wersje`,
    act: async ({ page }) => {
      await page.fill('#f-import-label', 'Import testowy');
      await page.setInputFiles('#f-file', {
        name: `program-${newId()}.md`,
        mimeType: 'text/markdown',
        buffer: Buffer.from('# 1. Diagnoza\n\nTekst diagnozy.\n\n# 2. Cele\n\nCel główny.\n', 'utf8'),
      });
      return navigation(page, () => page.locator('form[action$="/wersje/import"] button[type="submit"]').click());
    },
    expectStatus: 200,
    login: coordinator,
  },
  {
    name: 'admin: objective tree',
    setup: async ({ server }) => `/admin/program/${(await programmeFixtures(server)).draftId}/struktura`,
    expectStatus: 200,
    login: coordinator,
  },
  {
    name: 'admin: objective tree element form',
    setup: async ({ server }) =>
      `/admin/program/${(await programmeFixtures(server)).draftId}/struktura/${(await programmeFixtures(server)).elementId}`,
    expectStatus: 200,
    login: coordinator,
  },
  {
    name: 'admin: objective tree element with errors',
    setup: async ({ server }) => `/admin/program/${(await programmeFixtures(server)).draftId}/struktura/nowy`,
    act: async ({ page }) => {
      await page.fill('#f-code', '1..x');
      return navigation(page, () => page.locator('form[action$="/struktura/nowy"] button[type="submit"]').click());
    },
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
    login: coordinator,
  },
];
