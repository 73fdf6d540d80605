// The record a staff member's section templates visit: one entity with a place of activity, a PS
// status history, two years of employment (the latest failing the statutory conditions, so the
// warning shows) and a valid and an expired mark. Created once per test server through the services.
import {
  addEmployment,
  addMark,
  addPlace,
  addPsEntry,
  checkActivityForm,
  checkEmploymentForm,
  checkEntityForm,
  checkMarkForm,
  checkPlaceForm,
  checkPsForm,
  createEntity,
  saveActivity,
} from '../src/modules/registry/registry.testing.js';
import type { PageTemplate } from './pages.js';
import { navigation, type Server } from './support.js';

const DONE = new WeakMap<Server, Promise<string>>();
const SYSTEM = { actorId: null, ip: null, requestId: null };

async function create(server: Server): Promise<string> {
  const ctx = server.testApp.ctx;
  const input = await checkEntityForm(
    ctx,
    {
      name: 'Centrum Integracji Społecznej „Rekord”',
      legal_form: 'cis',
      creating_body: 'Gmina Miasta Toruń',
      lifecycle: 'active',
      gmina_teryt: '0463011',
      town: 'Toruń',
    },
    null,
  );
  const id = await createEntity(ctx, input, SYSTEM);
  await saveActivity(ctx, id, checkActivityForm({ activity_type: 'other_paid', pkd: '88.99.Z', sectors: 'usługi opiekuńcze' }), SYSTEM);
  await addPlace(
    ctx,
    id,
    await checkPlaceForm(ctx, { gmina_teryt: '0463011', town: 'Toruń', address: 'ul. Szeroka 1', lat: '53.0103', lon: '18.6048' }),
    SYSTEM,
  );
  await addPsEntry(
    ctx,
    id,
    checkPsForm({ ps_type: 'reintegration', decision_number: 'WPS-I.9.2023', decision_date: '2023-01-10' }, 'granted', '2026-01-01'),
    SYSTEM,
  );
  const year = {
    headcount: '9',
    employees: '7',
    fte: '5.5',
    employees_half_time: '5',
    at_risk: '3',
    at_risk_half_time: '3',
    cat_disabled: '2',
  };
  await addEmployment(ctx, id, checkEmploymentForm({ ...year, year: '2023' }, 2030), SYSTEM);
  await addEmployment(ctx, id, checkEmploymentForm({ ...year, year: '2024', at_risk_half_time: '2' }, 2030), SYSTEM);
  await addMark(ctx, id, checkMarkForm({ subject: 'Catering dla firm', granted_on: '2025-10-01', expires_on: '2999-09-30' }), SYSTEM);
  await addMark(ctx, id, checkMarkForm({ subject: 'Szycie toreb', granted_on: '2020-10-01', expires_on: '2021-09-30' }), SYSTEM);
  return id;
}

export function recordFixture(server: Server): Promise<string> {
  let p = DONE.get(server);
  if (!p) {
    p = create(server);
    DONE.set(server, p);
  }
  return p;
}

const staff = [{ role: 'coordinator' }];
const section = (name: string, path: string): PageTemplate => ({
  name: `admin: registry record, ${name}`,
  setup: async ({ server }) => `/admin/podmioty/${await recordFixture(server)}${path}`,
  expectStatus: 200,
  login: staff,
});

export const RECORD_PAGES: PageTemplate[] = [
  section('main data with the statutory warning', ''),
  section('activity', '/dzialalnosc'),
  section('places of activity', '/miejsca'),
  section('PS status history', '/status-ps'),
  {
    name: 'admin: registry record, PS status entry form',
    setup: async ({ server }) => {
      const id = await recordFixture(server);
      const entry = await server.testApp.ctx.db
        .selectFrom('entity_ps_status')
        .select('id')
        .where('entity_id', '=', id)
        .executeTakeFirstOrThrow();
      return `/admin/podmioty/${id}/status-ps/${entry.id}`;
    },
    expectStatus: 200,
    login: staff,
  },
  section('employment by year', '/zatrudnienie'),
  section('employment of one year', '/zatrudnienie/2024'),
  section('marks', '/znaki'),
  {
    name: 'admin: registry record, place form with errors',
    setup: async ({ server }) => `/admin/podmioty/${await recordFixture(server)}/miejsca`,
    act: async ({ page }) => {
      await page.fill('#f-gmina_teryt', '1465011');
      await page.fill('#f-lat', '52.2');
      return navigation(page, () => page.locator('form[action$="/miejsca"] button[type="submit"]').click());
    },
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
    login: staff,
  },
  {
    name: 'registry: entity page with its record',
    setup: async ({ server }) => {
      const id = await recordFixture(server);
      return `/podmioty/${id}`;
    },
    expectStatus: 200,
  },
];
