// The public maps and ranking on both databases: gminy using social clauses in 2025 (yes, no and
// unknown — the unknown hatched on the map and "brak danych" in the table), the value of commissioned
// tasks per inhabitant with the loaded population (a gmina without population stays unknown), and
// the ranking with its criteria and shared places.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { saveCooperation } from '../localgov.service.js';
import { ranking } from './map.service.js';

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
