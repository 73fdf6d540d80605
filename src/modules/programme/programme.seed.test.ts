// The demo seed: the real 2014–2020 programme with its documented history, no invented resolution
// number or day, the example objective tree and text labelled as examples, and a second run that
// changes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { countAll } from '../../core/db/database.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { DEMO_SLUG, seedProgrammeDemo } from './programme.seed.js';

let t: TestApp;
before(async () => {
  t = await createTestApp({ reference: false });
});
after(async () => t.close());

const counts = async () =>
  Promise.all(
    (['programmes', 'programme_status_events', 'programme_elements', 'programme_versions', 'programme_sections', 'programme_budget_lines', 'indicators', 'indicator_values'] as const).map(async (table) => (await t.ctx.db.selectFrom(table).select(countAll().as('n')).executeTakeFirstOrThrow()).n),
  );

test('seed demo creates the 2014–2020 programme once, with its real history', async () => {
  assert.match((await seedProgrammeDemo(t.ctx)).summary, /^1 new programme/);
  const first = await counts();
  assert.match((await seedProgrammeDemo(t.ctx)).summary, /^0 new programme/);
  assert.deepEqual(await counts(), first);
  assert.deepEqual(first.slice(0, 2), [1, 6]);
  assert.equal(first[5], 0, 'no invented budget figures');

  const p = await t.ctx.db.selectFrom('programmes').selectAll().where('slug', '=', DEMO_SLUG).executeTakeFirstOrThrow();
  assert.equal(p.title, 'Kujawsko-Pomorski Program na Rzecz Ekonomii Społecznej do roku 2020');
  assert.equal(p.status, 'closed');
  assert.equal(p.adopted_on, '2014-06-10');
  assert.equal(p.adopted_by, 'Zarząd Województwa Kujawsko-Pomorskiego');
  assert.equal(p.resolution_number, null, 'the resolution number is not known and not invented');
  assert.deepEqual([p.period_from, p.period_to], [2014, 2020]);

  const elements = await t.ctx.db.selectFrom('programme_elements').selectAll().where('programme_id', '=', p.id).execute();
  const main = elements.find((e) => e.kind === 'main_goal')!;
  assert.equal(main.is_example, false);
  assert.match(main.title, /aktywizacja społeczna i zawodowa osób zagrożonych wykluczeniem/);
  assert.ok(elements.filter((e) => e.kind !== 'main_goal').every((e) => e.is_example), 'everything below the real main goal is an example');

  const page = await t.app.inject({ url: '/program' });
  assert.equal(page.statusCode, 200);
  const html = page.body;
  assert.match(html, /<time datetime="2012-03-21">21 marca 2012<\/time> — <strong>Projekt w przygotowaniu<\/strong>/);
  assert.match(html, /<time datetime="2013">2013<\/time> — <strong>Konsultacje<\/strong>/);
  assert.match(html, /<time datetime="2013">2013<\/time> — <strong>Ocena ex ante<\/strong>/);
  assert.match(html, /<time datetime="2014-06-10">10 czerwca 2014<\/time> — <strong>Przyjęty<\/strong>/);
  assert.match(html, /Przyjął: Zarząd Województwa Kujawsko-Pomorskiego \(numer uchwały nie jest znany\)/);
  assert.match(html, /federacja-ngo\.pl\/program-es-na-slomianych-nogach/);
  assert.match(html, /przykład — nie jest to treść przyjętego programu/);
  const order = ['Projekt w przygotowaniu', 'Konsultacje', 'Ocena ex ante', 'Przyjęty', 'W realizacji', 'Zamknięty'].map((s) => html.indexOf(`<strong>${s}</strong>`));
  assert.deepEqual([...order].sort((a, b) => a - b), order, 'timeline in life-cycle order');

  const text = await t.app.inject({ url: `/program/${DEMO_SLUG}/wersje/1` });
  assert.equal(text.statusCode, 200);
  assert.match(text.body, /nie jest to treść przyjętego programu/);
  assert.match(text.body, /<a href="#s-4">4 Monitoring<\/a>/);
});
