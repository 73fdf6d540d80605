// The programme's life cycle end to end through HTTP on both databases: creating a programme,
// every legal status change with its dated event, illegal changes and missing adoption fields
// refused without changing anything, the single current programme, the audit trail, the public
// pages (including the helpful page while nothing is current) and the API's shape.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { countAll } from '../../core/db/database.js';
import { createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../testing/app.js';
import { TRANSITIONS } from './programme.service.js';
import { PROGRAMME_STATUSES } from './programme.tables.js';

let t: TestApp;
let coordinator: string;
let editor: string;

before(async () => {
  t = await createTestApp({ reference: false });
  coordinator = (await loginAs(t, [{ role: 'coordinator' }])).cookie;
  editor = (await loginAs(t, [{ role: 'editor' }])).cookie;
});
after(async () => t.close());

const get = (url: string, cookie = '') => t.app.inject({ url, headers: cookie ? { cookie } : {} });

async function post(url: string, values: Record<string, string>, cookie = coordinator, formPage = url) {
  const page = await get(formPage, cookie);
  const headers = { cookie, 'content-type': 'application/x-www-form-urlencoded' };
  return t.app.inject({ method: 'POST', url, headers, payload: form({ ...values, _csrf: csrfFrom(page.body) }) });
}

async function createProgramme(values: Record<string, string> = {}): Promise<string> {
  const res = await post('/admin/program/nowy', {
    title: 'Program rozwoju ekonomii społecznej 2025–2030',
    period_from: '2025',
    period_to: '2030',
    started_on: '2024-01-15',
    alignment: 'Strategia rozwoju województwa\nKPRES — obszar I',
    ...values,
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
  return /\/admin\/program\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
}

const programmeRow = (id: string) => t.ctx.db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const eventCount = async (id: string) =>
  (await t.ctx.db.selectFrom('programme_status_events').select(countAll().as('n')).where('programme_id', '=', id).executeTakeFirstOrThrow())
    .n;
const changeStatus = (id: string, values: Record<string, string>) =>
  post(`/admin/program/${id}/status`, values, coordinator, `/admin/program/${id}`);

describe('programme life cycle', () => {
  test('no current programme: /program is a helpful page, not an error', async () => {
    const res = await get('/program');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Nie wskazano jeszcze bieżącego programu/);
    const en = await get('/en/program');
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /No programme has been marked as current yet/);
  });

  test('the form refuses bad input with translated messages and saves nothing', async () => {
    const before = (await t.ctx.db.selectFrom('programmes').select(countAll().as('n')).executeTakeFirstOrThrow()).n;
    const res = await post('/admin/program/nowy', {
      title: '',
      period_from: '2030',
      period_to: '2025',
      slug: 'Zły Adres',
      started_on: '2999-01-01',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Pole „Tytuł” jest wymagane/);
    assert.match(res.body, /Rok końcowy nie może być wcześniejszy/);
    assert.match(res.body, /nie może zawierać daty z przyszłości/);
    assert.equal((await t.ctx.db.selectFrom('programmes').select(countAll().as('n')).executeTakeFirstOrThrow()).n, before);
  });

  test('creating a programme starts it as a draft with a dated event, audited', async () => {
    const id = await createProgramme({ title: 'Program testowy ŁÓDŹ', slug: '' });
    const p = await programmeRow(id);
    assert.equal(p.status, 'draft');
    assert.equal(p.slug, 'program-testowy-lodz');
    assert.deepEqual(JSON.parse(p.alignment), ['Strategia rozwoju województwa', 'KPRES — obszar I']);
    const events = await t.ctx.db.selectFrom('programme_status_events').selectAll().where('programme_id', '=', id).execute();
    assert.deepEqual(
      events.map((e) => [e.status, e.occurred_on]),
      [['draft', '2024-01-15']],
    );
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action']).where('subject_id', '=', id).execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['programme.create'],
    );
    const dup = await post('/admin/program/nowy', { title: 'Inny', slug: 'program-testowy-lodz', period_from: '2025', period_to: '2026' });
    assert.equal(dup.statusCode, 400);
    assert.match(dup.body, /Inny program ma już ten adres/);
    const reserved = await post('/admin/program/nowy', { title: 'Inny', slug: 'archiwum', period_from: '2025', period_to: '2026' });
    assert.equal(reserved.statusCode, 400);
  });

  test('illegal transitions are refused with a translated message and change nothing', async () => {
    const id = await createProgramme({ slug: 'program-niedozwolone' });
    for (const to of PROGRAMME_STATUSES.filter((s) => !TRANSITIONS.draft.includes(s))) {
      const res = await changeStatus(id, { status: to, occurred_on: '2024-02-01', adopted_by: 'Zarząd', resolution_number: '1/2/24' });
      assert.equal(res.statusCode, 409, `draft → ${to}`);
      assert.match(res.body, /Nie można zmienić statusu z „Projekt w przygotowaniu”/);
      assert.equal((await programmeRow(id)).status, 'draft');
      assert.equal(await eventCount(id), 1);
    }
    const unknown = await changeStatus(id, { status: 'published', occurred_on: '2024-02-01' });
    assert.equal(unknown.statusCode, 400);
    assert.equal(await eventCount(id), 1);
  });

  test('every legal transition, with adoption fields required, ending in closed with nothing after', async () => {
    const id = await createProgramme({ slug: 'program-pelny-cykl' });
    const step = async (status: string, on: string, extra: Record<string, string> = {}) => {
      const res = await changeStatus(id, { status, occurred_on: on, ...extra });
      assert.equal(res.statusCode, 303, `${status}: ${res.body.slice(0, 500)}`);
      assert.equal((await programmeRow(id)).status, status);
    };
    await step('consultation', '2024-02-01', { note: 'Konsultacje społeczne' });
    await step('draft', '2024-03-01');
    await step('consultation', '2024-04-01');
    await step('ex_ante', '2024-05-01');
    await step('draft', '2024-05-02');
    await step('consultation', '2024-05-03');
    await step('ex_ante', '2024-06-01');

    // adoption without its body and resolution: refused, nothing changes
    const events = await eventCount(id);
    const missing = await changeStatus(id, { status: 'adopted', occurred_on: '2024-07-01' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Pole „Organ przyjmujący” jest wymagane/);
    assert.match(missing.body, /Pole „Numer uchwały” jest wymagane/);
    assert.equal((await programmeRow(id)).status, 'ex_ante');
    assert.equal(await eventCount(id), events);
    // a date before the last event is refused too
    const early = await changeStatus(id, {
      status: 'adopted',
      occurred_on: '2024-05-01',
      adopted_by: 'Zarząd Województwa',
      resolution_number: '12/345/24',
    });
    assert.equal(early.statusCode, 400);
    assert.equal(await eventCount(id), events);

    await step('adopted', '2024-07-01', { adopted_by: 'Zarząd Województwa Kujawsko-Pomorskiego', resolution_number: '12/345/24' });
    const adopted = await programmeRow(id);
    assert.equal(adopted.adopted_by, 'Zarząd Województwa Kujawsko-Pomorskiego');
    assert.equal(adopted.resolution_number, '12/345/24');
    assert.equal(adopted.adopted_on, '2024-07-01');
    // adopted programmes are not re-drafted
    assert.equal((await changeStatus(id, { status: 'draft', occurred_on: '2024-07-02' })).statusCode, 409);
    await step('implementation', '2024-07-02');
    await step('closed', '2024-12-31');
    for (const to of PROGRAMME_STATUSES)
      assert.equal(
        (await changeStatus(id, { status: to, occurred_on: '2024-12-31', adopted_by: 'x', resolution_number: 'y' })).statusCode,
        409,
        `closed → ${to}`,
      );

    const timeline = await t.ctx.db
      .selectFrom('programme_status_events')
      .select(['status'])
      .where('programme_id', '=', id)
      .orderBy('occurred_on')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      timeline.map((e) => e.status),
      [
        'draft',
        'consultation',
        'draft',
        'consultation',
        'ex_ante',
        'draft',
        'consultation',
        'ex_ante',
        'adopted',
        'implementation',
        'closed',
      ],
    );
    const statusAudits = await t.ctx.db
      .selectFrom('audit_log')
      .select(countAll().as('n'))
      .where('subject_id', '=', id)
      .where('action', '=', 'programme.status')
      .executeTakeFirstOrThrow();
    assert.equal(statusAudits.n, 10);

    // the public page shows the timeline as an ordered list with the adoption
    const slug = (await programmeRow(id)).slug;
    const page = await get(`/program/${slug}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<ol class="programme-timeline">/);
    assert.match(page.body, /<time datetime="2024-07-01">1 lipca 2024<\/time>/i);
    assert.match(page.body, /Przyjął: Zarząd Województwa Kujawsko-Pomorskiego, uchwała nr 12\/345\/24/);
    const en = await get(`/en/program/${slug}`);
    assert.match(en.body, /1 July 2024/);
    assert.match(en.body, /Adopted by: Zarząd Województwa Kujawsko-Pomorskiego, resolution no\. 12\/345\/24/);
  });

  test('one current programme; /program shows it and its slug address redirects there', async () => {
    const a = await createProgramme({ slug: 'program-a' });
    const b = await createProgramme({ slug: 'program-b' });
    const setCurrent = (id: string) => post(`/admin/program/${id}/biezacy`, {}, coordinator, `/admin/program/${id}`);
    assert.equal((await setCurrent(a)).statusCode, 303);
    assert.equal((await setCurrent(b)).statusCode, 303);
    const current = await t.ctx.db.selectFrom('programmes').select(['id']).where('is_current', '=', true).execute();
    assert.deepEqual(
      current.map((c) => c.id),
      [b],
    );
    const page = await get('/program');
    assert.equal(page.statusCode, 200);
    // a draft is current (shown at /program) but not in force: the page says so
    assert.match(page.body, /Obecnie nie obowiązuje żaden regionalny program rozwoju ekonomii społecznej/);
    assert.match(page.body, /Program nie został jeszcze przyjęty\./);
    assert.match(page.body, /href="\/program\/program-b\/wersje"/);
    const redirect = await get('/program/program-b');
    assert.equal(redirect.statusCode, 302);
    assert.equal(redirect.headers.location, '/program');
    assert.equal((await get('/program/program-a')).statusCode, 200);
    const archive = await get('/program/archiwum');
    assert.equal(archive.statusCode, 200);
    assert.match(archive.body, /href="\/program\/program-a"/);
    assert.equal((await get('/program/nie-ma-takiego')).statusCode, 404);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['meta'])
      .where('action', '=', 'programme.current')
      .where('subject_id', '=', b)
      .executeTakeFirstOrThrow();
    assert.match(String(audit.meta), new RegExp(a));
  });

  test('editing keeps a diff in the audit log; editors may not change the programme', async () => {
    const id = await createProgramme({ slug: 'program-edycja' });
    const res = await post(
      `/admin/program/${id}`,
      { title: 'Nowy tytuł', slug: 'program-edycja', period_from: '2025', period_to: '2031', summary: '**Ważne**' },
      coordinator,
      `/admin/program/${id}`,
    );
    assert.equal(res.statusCode, 303);
    const row = await t.ctx.db
      .selectFrom('audit_log')
      .select(['changes'])
      .where('action', '=', 'programme.update')
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow();
    const changes = JSON.parse(String(row.changes)) as Record<string, { before: unknown; after: unknown }>;
    assert.deepEqual(changes.period_to, { before: 2030, after: 2031 });
    assert.equal(changes.slug, undefined);
    assert.match((await get('/program/program-edycja')).body, /<strong>Ważne<\/strong>/);
    assert.equal((await get(`/admin/program/${id}`, editor)).statusCode, 403);
    assert.equal((await get('/admin/program', editor)).statusCode, 200);
    assert.doesNotMatch((await get('/admin/program', editor)).body, /href="\/admin\/program\/nowy"/);
  });

  test('API: programmes with status, period, current flag, timeline and tree; one programme by slug; 404 as problem+json', async () => {
    const list = await get('/api/v1/program');
    assert.equal(list.statusCode, 200);
    const body = list.json() as {
      items: {
        slug: string;
        status: string;
        period: { from: number; to: number };
        is_current: boolean;
        timeline: { status: string; date: string; date_precision: string }[];
        objectives: unknown[];
        alignment: string[];
        url: string;
      }[];
    };
    assert.ok(body.items.length >= 3);
    const b = body.items.find((p) => p.slug === 'program-b')!;
    assert.equal(b.is_current, true);
    assert.deepEqual(b.period, { from: 2025, to: 2030 });
    assert.equal(b.status, 'draft');
    assert.deepEqual(b.timeline, [{ status: 'draft', date: '2024-01-15', date_precision: 'day', note: null }]);
    assert.deepEqual(b.objectives, []);
    assert.match(b.url, /\/program$/);
    const one = await get('/api/v1/program/program-a');
    assert.equal(one.statusCode, 200);
    assert.equal((one.json() as { slug: string }).slug, 'program-a');
    const missing = await get('/api/v1/program/brak');
    assert.equal(missing.statusCode, 404);
    assert.match(String(missing.headers['content-type']), /application\/problem\+json/);
    const openapi = (await get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    assert.ok(openapi.paths['/api/v1/program']);
    assert.ok(openapi.paths['/api/v1/program/{slug}']);
  });
});
