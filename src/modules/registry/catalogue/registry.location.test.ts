// The location map of the public entity page on both databases: the seat gmina highlighted, a
// marker per place (its own coordinates, else its gmina's centre), the gmina/powiat/subregion in
// words in the text line and in the image's title and description, a link to the entities' map,
// a small picture, no map (and no error) without a gmina, and no extra SQL statement for the map.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newId } from '../../../core/db/ids.js';
import { createTestApp, type TestApp } from '../../../testing/app.js';
import { mapGeometry } from '../../territory/index.js';
import { createEntity, entityPath, type EntityInput } from '../entity/registry.service.js';

let t: TestApp;
const actor = { actorId: null, ip: '127.0.0.1', requestId: 'test' };

before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

const get = (url: string) => t.app.inject({ url });

function input(name: string, gmina: string | null, town: string | null): EntityInput {
  return {
    name,
    short_name: null,
    legal_form: 'fundacja',
    creating_body: null,
    nip: null,
    regon: null,
    krs: null,
    description: null,
    website: null,
    email: null,
    phone: null,
    lifecycle: 'active',
    gmina_teryt: gmina,
    town,
    address: null,
    data_source: null,
    source_url: null,
    verified_at: null,
  };
}

async function entity(
  name: string,
  gmina: string | null,
  town: string | null,
  places: { gmina: string | null; town: string | null; lat?: number; lon?: number }[] = [],
): Promise<string> {
  const id = await createEntity(t.ctx, input(name, gmina, town), actor);
  for (const p of places) {
    await t.ctx.db
      .insertInto('entity_places')
      .values({ id: newId(), entity_id: id, gmina_teryt: p.gmina, town: p.town, address: null, lat: p.lat ?? null, lon: p.lon ?? null })
      .execute();
  }
  return entityPath({ id, name });
}

/** The entity map's SVG element, whole. */
function svgOf(body: string): string | null {
  const m = /<svg class="locator-map entity-location__map"[\s\S]*?<\/svg>/.exec(body);
  return m ? m[0] : null;
}

/** The title and description only, so a failed match prints what matters rather than path data. */
const words = (svg: string) => svg.replace(/ d="[^"]*"/g, ' d="…"');

const circles = (svg: string) =>
  [...svg.matchAll(/<circle class="entity-location__marker" cx="([\d.]+)" cy="([\d.]+)"/g)].map(
    (m) => [Number(m[1]), Number(m[2])] as [number, number],
  );

describe('entity page: location map', () => {
  test('seat gmina highlighted, a marker per place, text alternative and line in words, link to the map', async () => {
    // a place with coordinates in Chełmża (town) and one without coordinates in Bydgoszcz
    const path = await entity('Fundacja Mapowa', '0415022', 'Zelgno', [
      { gmina: '0415011', town: 'Chełmża', lat: 53.1847, lon: 18.6042 },
      { gmina: '0461011', town: 'Bydgoszcz' },
    ]);
    const res = await get(path);
    assert.equal(res.statusCode, 200);
    const svg = svgOf(res.body);
    assert.ok(svg, 'the map is on the page');
    assert.match(words(svg), /role="img"/);
    assert.match(words(svg), /aria-labelledby="entity-map-title"/);
    assert.match(words(svg), /aria-describedby="entity-map-desc"/);
    assert.match(words(svg), /<title id="entity-map-title">Mapa położenia: gmina Chełmża \(gmina wiejska\), powiat toruński<\/title>/);
    assert.match(
      words(svg),
      /<desc id="entity-map-desc">[^<]*gmina siedziby: Chełmża \(gmina wiejska\)[^<]*2 miejsca: Bydgoszcz, Chełmża\.[^<]*w środku ich gminy\.<\/desc>/,
    );
    // the highlighted shape is the seat gmina's own outline
    const geometry = await mapGeometry(t.ctx.db);
    const seat = geometry.locator.gminy.paths.get('0415022')!;
    assert.ok(seat.length > 20);
    assert.ok(svg.includes(`d="${seat}" fill="#0b4f6c"`), 'the seat gmina is filled dark');
    assert.match(words(svg), /data-gmina="0415022"/);
    // one marker at the place's coordinates, one at the centre of Bydgoszcz
    const own = geometry.locator.point(18.6042, 53.1847)!;
    assert.ok(own, 'Chełmża lies on the map');
    const bydgoszcz = geometry.locator.gminy.centres.get('0461011')!;
    assert.deepEqual(
      circles(svg).sort((a, b) => a[0] - b[0]),
      [bydgoszcz, own].sort((a, b) => a[0] - b[0]),
    );
    // the marker with coordinates falls near Chełmża's own centre, not at the seat's
    const chelmza = geometry.locator.gminy.centres.get('0415011')!;
    assert.ok(Math.hypot(own[0] - chelmza[0], own[1] - chelmza[1]) < 6, `marker ${own} near ${chelmza}`);
    // visible line and the link to the entities' map of the gmina
    assert.match(
      res.body,
      /<p class="entity-location__line">Gmina: Chełmża \(gmina wiejska\); powiat toruński; subregion OWES: Subregion toruński\.<\/p>/,
    );
    assert.match(res.body, /<a href="\/podmioty\/mapa\?gmina=0415022">Pokaż na mapie podmiotów<\/a>/);
    // small: simplified locator geometry, no tiles, no style attributes
    assert.ok(svg.length < 30_000, `svg ${svg.length} bytes`);
    assert.doesNotMatch(words(svg), /style=|<image|https?:\/\/(?!www\.w3\.org)/);
    const map = await get('/podmioty/mapa?gmina=0415022');
    assert.equal(map.statusCode, 200);
  });

  test('in English; a city with powiat rights; no places: one marker at the seat gmina centre', async () => {
    const path = await entity('Fundacja Miejska', '0463011', 'Toruń');
    const res = await get(`/en${path}`);
    assert.equal(res.statusCode, 200);
    const svg = svgOf(res.body)!;
    assert.match(
      words(svg),
      /<title id="entity-map-title">Location map: gmina Toruń \(urban gmina\), city with powiat rights Toruń<\/title>/,
    );
    assert.match(words(svg), /A round marker shows 1 place: Toruń\./);
    const geometry = await mapGeometry(t.ctx.db);
    assert.deepEqual(circles(svg), [geometry.locator.gminy.centres.get('0463011')]);
    assert.match(res.body, /OWES subregion: Toruń area\./);
    assert.match(res.body, /<a href="\/en\/podmioty\/mapa\?gmina=0463011">Show on the map of entities<\/a>/);
  });

  test('coordinates outside the voivodeship fall back to the gmina centre; several places there share one marker', async () => {
    const path = await entity('Fundacja Daleka', '0463011', 'Toruń', [
      { gmina: '0463011', town: 'Toruń', lat: 52.23, lon: 21.01 },
      { gmina: '0463011', town: 'Podgórz' },
    ]);
    const svg = svgOf((await get(path)).body)!;
    const geometry = await mapGeometry(t.ctx.db);
    assert.deepEqual(circles(svg), [geometry.locator.gminy.centres.get('0463011')]);
    assert.match(words(svg), /2 miejsca: Podgórz, Toruń\./);
  });

  test('an entity without a gmina: no map, no location section, no error', async () => {
    const path = await entity('Fundacja Bez Gminy', null, 'Gdzieś', [{ gmina: null, town: 'Gdzieś' }]);
    const res = await get(path);
    assert.equal(res.statusCode, 200);
    assert.equal(svgOf(res.body), null);
    assert.doesNotMatch(res.body, /entity-location|data-entity-map|podmioty\/mapa\?gmina=/);
    assert.match(res.body, /Fundacja Bez Gminy/);
  });

  test('the map costs no SQL statement: a page with a map runs as many as one without', async () => {
    const withMap = await entity('Fundacja Liczona', '0415022', 'Zelgno', [{ gmina: '0415011', town: 'Chełmża', lat: 53.18, lon: 18.6 }]);
    const without = await entity('Fundacja Nieliczona', null, null, [{ gmina: null, town: 'Gdzieś' }]);
    const count = async (url: string) => {
      await get(url); // warm the per-process caches (names, boundaries, subregions)
      const before = t.database.handle.statements();
      assert.equal((await get(url)).statusCode, 200);
      return t.database.handle.statements() - before;
    };
    const a = await count(withMap);
    const b = await count(without);
    assert.ok(svgOf((await get(withMap)).body));
    assert.equal(a, b, `with a map ${a}, without ${b}`);
  });
});
