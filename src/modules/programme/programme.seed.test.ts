// The demo seed: the real 2014–2020 programme with its documented history, every fact with its
// source, no invented resolution number, day or ex-ante evaluation, action 3.5.1 tied to the 2012
// page (not to the Plan Modernizacji 2020+), the example objective tree and text labelled as
// examples, shown in 2026 as the last programme, not in force; and a second run that changes nothing.
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
    (
      [
        'programmes',
        'programme_status_events',
        'programme_elements',
        'programme_versions',
        'programme_sections',
        'programme_budget_lines',
        'indicators',
        'indicator_values',
      ] as const
    ).map(async (table) => (await t.ctx.db.selectFrom(table).select(countAll().as('n')).executeTakeFirstOrThrow()).n),
  );

test('seed demo creates the 2014–2020 programme once, with its real history', async () => {
  assert.match((await seedProgrammeDemo(t.ctx)).summary, /^1 new programme/);
  const first = await counts();
  assert.match((await seedProgrammeDemo(t.ctx)).summary, /^0 new programme/);
  assert.deepEqual(await counts(), first);
  assert.deepEqual(first.slice(0, 2), [1, 5], 'five documented events: no undocumented ex-ante evaluation');
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
  assert.equal(main.title, 'Zwiększenie udziału ekonomii społecznej w regionalnych i lokalnych politykach publicznych w województwie');
  assert.match(main.description!, /projektu programu z 2012 r\., w omówieniu źródła \(ropstorun\.home\.pl\/.*\/2012\)/);

  // action 3.5.1 comes from the 2012 page; the Plan Modernizacji 2020+ from the 2014 page, without 3.5.1
  const alignment = JSON.parse(p.alignment) as string[];
  const plan = alignment.find((a) => a.includes('Plan Modernizacji 2020+'))!;
  assert.doesNotMatch(plan, /3\.5\.1/);
  assert.match(plan, /ropstorun\.home\.pl\/.*\/2014\)$/);
  assert.match(
    alignment.find((a) => a.includes('3.5.1'))!,
    /ropstorun\.home\.pl\/.*\/2012\)$/,
  );
  assert.doesNotMatch(p.summary!, /Plan Modernizacji 2020\+[^.]*3\.5\.1/);
  // every event states its source, except the closing one, which says the date is an assumption
  const events = await t.ctx.db.selectFrom('programme_status_events').select(['status', 'note']).where('programme_id', '=', p.id).execute();
  assert.ok(
    events.every((e) => /Źródł[oa]|źródło:/.test(e.note ?? '')),
    'every event cites its source',
  );
  assert.ok(
    elements.filter((e) => e.kind !== 'main_goal').every((e) => e.is_example),
    'everything below the real main goal is an example',
  );

  const page = await t.app.inject({ url: '/program' });
  assert.equal(page.statusCode, 200);
  const html = page.body;
  assert.match(html, /<time datetime="2012-03-21">21 marca 2012<\/time> — <strong>Projekt w przygotowaniu<\/strong>/);
  assert.match(html, /<time datetime="2013">2013<\/time> — <strong>Konsultacje<\/strong>/);
  assert.doesNotMatch(html, /<strong>Ocena ex ante<\/strong>/);
  // in 2026 the closed programme is the last one, not a programme in force
  assert.match(html, /Obecnie nie obowiązuje żaden regionalny program rozwoju ekonomii społecznej/);
  assert.match(html, /na lata 2014–2020 \(status: Zamknięty\)/);
  assert.match(html, /<time datetime="2014-06-10">10 czerwca 2014<\/time> — <strong>Przyjęty<\/strong>/);
  assert.match(html, /Przyjął: Zarząd Województwa Kujawsko-Pomorskiego \(numer uchwały nie jest znany\)/);
  assert.match(html, /federacja-ngo\.pl\/program-es-na-slomianych-nogach/);
  assert.match(html, /przykład — nie jest to treść przyjętego programu/);
  const order = ['Projekt w przygotowaniu', 'Konsultacje', 'Przyjęty', 'W realizacji', 'Zamknięty'].map((s) =>
    html.indexOf(`<strong>${s}</strong>`),
  );
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order,
    'timeline in life-cycle order',
  );

  const text = await t.app.inject({ url: `/program/${DEMO_SLUG}/wersje/1` });
  assert.equal(text.statusCode, 200);
  assert.match(text.body, /nie jest to treść przyjętego programu/);
  assert.match(text.body, /<a href="#s-4">4 Monitoring<\/a>/);
});
