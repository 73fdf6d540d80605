// The public maps and ranking on both databases: gminy using social clauses in 2025 (yes, no and
// unknown — the unknown hatched on the map and "brak danych" in the table), the value of commissioned
// tasks per inhabitant with the loaded population (a gmina without population stays unknown), and
// the ranking with its criteria and shared places; the powiaty level (a powiat's own record, an
// unrecorded powiat hatched, population summed only from every gmina of the powiat, a bad level
// refused by name).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { saveCooperation } from '../localgov.service.js';
import { powiatPopulation, ranking } from './map.service.js';

let t: TestApp;
const actor = { actorId: null, ip: null, requestId: null };

before(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-11-27T10:00:00Z') });
  await saveCooperation(
    t.ctx,
    null,
    {
      unit: 'Chełmno (gmina miejska, powiat chełmiński)',
      year: '2025',
      programme: 'yes',
      coordinator: 'yes',
      clauses_count: '2',
      tasks_count: '3',
      tasks_value_pln: '120000',
      source: 'Dane testowe',
    },
    actor,
  );
  await saveCooperation(
    t.ctx,
    null,
    {
      unit: 'Chełmno (gmina wiejska, powiat chełmiński)',
      year: '2025',
      clauses_count: '0',
      tasks_value_pln: '50000',
      source: 'Dane testowe',
    },
    actor,
  );
  await saveCooperation(
    t.ctx,
    null,
    { unit: 'powiat chełmiński', year: '2025', coordinator: 'yes', clauses_count: '1', source: 'Dane testowe' },
    actor,
  );
  await t.ctx.db
    .insertInto('gmina_statistics')
    .values({
      teryt: '0404011',
      year: 2024,
      measure: 'population',
      value: 20000,
      source: 'GUS BDL (test)',
      uploaded_at: '2026-01-01T00:00:00Z',
      uploaded_by: null,
    })
    .execute();
});
after(async () => t.close());

const fillOf = (body: string, teryt: string) => new RegExp(`id="localgov-map-${teryt}" d="[^"]*" fill="([^"]+)"`).exec(body)?.[1];

describe('localgov maps', () => {
  it('gminy using social clauses: yes, no, and unknown hatched, with a data table', async () => {
    const res = await t.app.inject({ url: '/samorzady/mapa?miara=clauses&rok=2025' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Gminy stosujące klauzule społeczne w 2025 r\./);
    assert.equal(fillOf(res.body, '0404011'), '#5c9fd0');
    assert.equal(fillOf(res.body, '0404022'), '#f2f2f2', 'zero procedures reported is "no"');
    assert.equal(fillOf(res.body, '0404032'), 'url(#territory-hatch)', 'no data is hatched');
    const hatched = res.body.match(/id="localgov-map-\d+" d="[^"]*" fill="url\(#territory-hatch\)"/g)?.length ?? 0;
    assert.equal(hatched, 142);
    assert.match(res.body, /brak danych \(kreskowanie\) <span class="map-legend__count">\(142 gminy\)/);
    assert.match(res.body, /Chełmno \(gmina wiejska, powiat chełmiński\)<\/a><\/th><td>nie<\/td>/);
    assert.match(res.body, /Cekcyn \(gmina wiejska, powiat tucholski\)<\/a><\/th><td>brak danych<\/td>/);
    assert.ok(res.body.includes('<caption>Gminy stosujące klauzule społeczne w 2025 r.</caption>'));
  });

  it('value of tasks per inhabitant uses the loaded population; without it the gmina stays unknown', async () => {
    const res = await t.app.inject({ url: '/en/samorzady/mapa?miara=tasks_per_inhabitant&rok=2025' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Population from the figures for 2024/);
    assert.match(res.body, /Chełmno \(urban gmina, powiat chełmiński\): 6</);
    assert.equal(fillOf(res.body, '0404022'), 'url(#territory-hatch)', 'no population: unknown, not zero');
  });

  it('refuses an unknown measure', async () => {
    assert.equal((await t.app.inject({ url: '/samorzady/mapa?miara=nonsense' })).statusCode, 400);
  });

  it('the ranking shows its criteria, every unit’s answers and shared places', async () => {
    const res = await t.app.inject({ url: '/samorzady/ranking?rok=2025' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Kryteria \(po 1 punkcie\)/);
    assert.match(res.body, /Klauzule społeczne w zamówieniach publicznych/);
    const rows = ranking(
      ['a', 'b', 'c'].map((id, i) => ({
        id,
        unit_teryt: id,
        unitLabel: id,
        fromRecord: true,
        year: 2025,
        programme: i < 2 ? 'yes' : null,
        programme_title: null,
        programme_date: null,
        programme_url: null,
        coordinator: null,
        clauses_count: null,
        clauses_value_pln: null,
        clause_kinds: null,
        tasks_count: null,
        tasks_value_pln: null,
        other_forms: null,
        founded_entity_ids: null,
        source: 's',
        created_at: '',
        updated_at: '',
        updated_by: null,
      })),
    );
    assert.deepEqual(
      rows.map((r) => [r.teryt, r.rank, r.points, r.unknown]),
      [
        ['a', 1, 1, 3],
        ['b', 1, 1, 3],
        ['c', 3, 0, 4],
      ],
    );
    const order = [...res.body.matchAll(/<a href="\/terytorium\/(\d+)">/g)].map((m) => m[1]);
    assert.deepEqual(order.slice(0, 3), ['0404011', '0404', '0404022']);
  });
});

describe('localgov map of powiaty', () => {
  it('a powiat with clauses is filled "yes", one without a record hatched and "brak danych" in the table', async () => {
    const res = await t.app.inject({ url: '/samorzady/mapa?miara=clauses&rok=2025&poziom=powiaty' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1[^>]*>Mapa współpracy powiatów z ekonomią społeczną<\/h1>/);
    assert.ok(res.body.includes('<caption>Powiaty stosujące klauzule społeczne w 2025 r.</caption>'));
    assert.equal(fillOf(res.body, '0404'), '#5c9fd0', 'powiat chełmiński reported one procedure with clauses');
    assert.equal(fillOf(res.body, '0416'), 'url(#territory-hatch)', 'powiat tucholski has no record');
    assert.equal(fillOf(res.body, '0404011'), undefined, 'no gmina is drawn on the powiaty level');
    const drawn = res.body.match(/id="localgov-map-\d+" d="/g)?.length ?? 0;
    assert.equal(drawn, 23);
    assert.match(res.body, /brak danych \(kreskowanie\) <span class="map-legend__count">\(22 powiaty\)/);
    assert.match(res.body, /tak <span class="map-legend__count">\(1 powiat\)/);
    assert.match(res.body, /powiat chełmiński<\/a><\/th><td>tak<\/td>/);
    assert.match(res.body, /powiat tucholski<\/a><\/th><td>brak danych<\/td>/);
    assert.match(res.body, /miasto na prawach powiatu Toruń<\/a><\/th><td>brak danych<\/td>/);
    assert.ok(!res.body.includes('Chełmno (gmina miejska'), 'gmina records stay on the gminy level');
    assert.match(res.body, /<a href="\/samorzady\/mapa\?miara=clauses&amp;rok=2025&amp;poziom=powiaty" aria-current="page">Powiaty<\/a>/);
    assert.match(res.body, /<a href="\/samorzady\/mapa\?miara=clauses&amp;rok=2025">Gminy<\/a>/);
    assert.match(res.body, /<input type="hidden" name="poziom" value="powiaty"\/?>/, 'changing the measure keeps the level');
  });

  it('the gminy level is the default and marks its link current', async () => {
    const res = await t.app.inject({ url: '/samorzady/mapa?miara=clauses&rok=2025' });
    assert.match(res.body, /<a href="\/samorzady\/mapa\?miara=clauses&amp;rok=2025" aria-current="page">Gminy<\/a>/);
    assert.equal(fillOf(res.body, '0404'), undefined);
    assert.ok(!res.body.includes('name="poziom"'));
  });

  it('per inhabitant: a powiat’s population is the sum of its gminy only when every gmina has one', async () => {
    const rec = (unit: string, value: string) =>
      saveCooperation(t.ctx, null, { unit, year: '2025', tasks_value_pln: value, source: 'Dane testowe' }, actor);
    await rec('powiat wąbrzeski', '50000');
    await rec('powiat radziejowski', '70000');
    const people = (teryt: string) => ({
      teryt,
      year: 2024,
      measure: 'population' as const,
      value: 10000,
      source: 'GUS BDL (test)',
      uploaded_at: '2026-01-01T00:00:00Z',
      uploaded_by: null,
    });
    // all five gminy of powiat wąbrzeski, six of the seven of powiat radziejowski (no Topólka)
    const wabrzeski = ['0417011', '0417022', '0417032', '0417042', '0417052'];
    const radziejowski = ['0411011', '0411022', '0411032', '0411042', '0411053', '0411062'];
    await t.ctx.db
      .insertInto('gmina_statistics')
      .values([...wabrzeski, ...radziejowski].map(people))
      .execute();
    const res = await t.app.inject({ url: '/en/samorzady/mapa?miara=tasks_per_inhabitant&rok=2025&poziom=powiaty' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /A powiat’s population is the sum of its gminy’s populations from the figures for 2024/);
    assert.match(res.body, /<title>powiat wąbrzeski: 1<\/title>/);
    assert.match(res.body, /<title>powiat radziejowski: no data<\/title>/, 'one gmina without population: unknown, not undercounted');
    assert.equal(fillOf(res.body, '0411'), 'url(#territory-hatch)');
    assert.match(res.body, /powiat radziejowski<\/a><\/th><td class="[^"]*">no data<\/td>/);
  });

  it('powiatPopulation sums complete powiaty only', () => {
    const got = powiatPopulation(
      ['0401', '0402', '0403'],
      ['0401011', '0401022', '0402011', '0402022'],
      new Map([
        ['0401011', 100],
        ['0401022', 50],
        ['0402011', 70],
      ]),
    );
    assert.deepEqual([...got], [['0401', 150]]);
  });

  it('refuses an unknown level, naming the parameter', async () => {
    const res = await t.app.inject({ url: '/samorzady/mapa?miara=clauses&poziom=wojewodztwa' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Parametr „poziom” ma nieprawidłową wartość/);
  });
});
