// The registry's import and duplicates pages for the accessibility suite: the upload form, an
// upload at the mapping step, a checked upload with its dry-run report, a finished import with
// its result, the upload form after a failed submit, the suspected duplicates list and one pair.
// Data is created through the services once per test server.
import { validNip } from '../src/modules/registry/data-quality/import.testing.js';
import {
  checkImportJob,
  createImportJob,
  importJobsSettled,
  importJobView,
  insertEntity,
  startImportJob,
} from '../src/modules/registry/registry.testing.js';
import { newId } from '../src/core/db/ids.js';
import type { PageTemplate } from './pages.js';
import { navigation, type Server } from './support.js';

const SYSTEM = { actorId: null, ip: null, requestId: null };
const staff = [{ role: 'coordinator' }];
const CSV = [
  'nazwa;forma_prawna;nip;teryt;miejscowosc',
  `Fundacja „Dostępna”;fundacja;${validNip('71000001')};0463011;Toruń`,
  'Stowarzyszenie Błędne;stowarzyszenie;123;9999999;Nigdzie',
].join('\n');

async function upload(server: Server): Promise<string> {
  return createImportJob(server.testApp.ctx, { fileName: 'podmioty.csv', data: Buffer.from(CSV, 'utf8'), truncated: false }, SYSTEM);
}

async function checked(server: Server): Promise<string> {
  const id = await upload(server);
  await checkImportJob(server.testApp.ctx, id, (await importJobView(server.testApp.ctx, id)).mapping, SYSTEM);
  return id;
}

const PAIRS = new WeakMap<Server, Promise<[string, string]>>();

async function makePair(server: Server): Promise<[string, string]> {
  const now = new Date().toISOString();
  const ids: string[] = [];
  for (const [name, email] of [
    ['Spółdzielnia Socjalna „Podwójna”', 'biuro@podwojna.example.pl'],
    ['SPOLDZIELNIA SOCJALNA PODWOJNA', null],
  ] as const) {
    const id = newId();
    ids.push(id);
    await insertEntity(server.testApp.ctx.db, {
      id,
      name,
      name_sort: name,
      legal_form: 'spoldzielnia_socjalna',
      sectors: '[]',
      lifecycle: 'active',
      search_doc: 'podwojna',
      is_synthetic: false,
      gmina_teryt: '0461011',
      email,
      created_at: now,
      updated_at: now,
    });
  }
  return ids.sort() as [string, string];
}

function pair(server: Server): Promise<[string, string]> {
  let p = PAIRS.get(server);
  if (!p) {
    p = makePair(server);
    PAIRS.set(server, p);
  }
  return p;
}

export const QUALITY_PAGES: PageTemplate[] = [
  { name: 'admin: registry import, upload', path: '/admin/podmioty/import', expectStatus: 200, login: staff },
  {
    name: 'admin: registry import, upload without a file',
    path: '/admin/podmioty/import',
    act: async ({ page }) => navigation(page, () => page.locator('form[action$="/admin/podmioty/import"] button[type="submit"]').click()),
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
    login: staff,
  },
  {
    name: 'admin: registry import, column mapping',
    setup: async ({ server }) => `/admin/podmioty/import/${await upload(server)}`,
    expectStatus: 200,
    login: staff,
  },
  {
    name: 'admin: registry import, dry-run report',
    setup: async ({ server }) => `/admin/podmioty/import/${await checked(server)}`,
    expectStatus: 200,
    login: staff,
  },
  {
    name: 'admin: registry import, result',
    setup: async ({ server }) => {
      const id = await checked(server);
      await startImportJob(server.testApp.ctx, id, SYSTEM);
      await importJobsSettled(server.testApp.ctx);
      return `/admin/podmioty/import/${id}`;
    },
    expectStatus: 200,
    login: staff,
  },
  {
    name: 'admin: suspected duplicates',
    setup: async ({ server }) => (await pair(server), '/admin/podmioty/duplikaty'),
    expectStatus: 200,
    login: staff,
  },
  {
    name: 'admin: suspected duplicate pair',
    setup: async ({ server }) => {
      const [a, b] = await pair(server);
      return `/admin/podmioty/duplikaty/${a}/${b}`;
    },
    expectStatus: 200,
    login: staff,
  },
];
