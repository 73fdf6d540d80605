// The public territory pages and API as a visitor and a program see them: the map with 144 gmina
// links and a table of the same numbers, honest "no data" before registries and statistics exist,
// profiles of powiaty and gminy (and the four cities that are both), white spots computed with a
// test module's entity registry, and the JSON/GeoJSON API documented in OpenAPI.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp, MODULES } from '../../app.js';
import type { AppModule } from '../../core/module.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { ENTITIES_MEASURE } from './index.js';
import { listUnits } from './territory.repo.js';
import { ManualClock } from '../../testing/clock.js';

let t: TestApp;
/** The app the tests talk to: `t.app`, or an app with a test registry of entities. */
let app: FastifyInstance;
let gminy: { teryt: string; name: string; parent_teryt: string | null }[];
const clock = new ManualClock('2025-06-01T10:00:00Z');

/** The platform's modules minus their contributions to territory: the pages as they are before any module contributes (the registry's own tests cover it live). */
const NOTHING_CONTRIBUTED: AppModule[] = MODULES.map((m) => ({
  ...m,
  contributes: { ...m.contributes, territoryMeasures: [], profileSections: [] },
}));

before(async () => {
  t = await createTestApp({ clock, modules: NOTHING_CONTRIBUTED });
  app = t.app;
  gminy = await listUnits(t.ctx.db, 'gmina');
});
after(async () => {
  await t.close();
});

const get = (url: string) => app.inject({ url });
const svgOf = (html: string) => /<svg class="territory-map[^"]*"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
const mapLinks = (html: string) =>
  [...svgOf(html).matchAll(/<a href="([^"]+)" class="territory-map__unit"><title>([^<]*)<\/title>/g)].map((m) => ({
    href: m[1]!,
    title: m[2]!,
  }));
const decode = (s: string) => s.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'");

/** Deterministic figures for the page tests (the import itself is tested in admin.routes.test.ts). */
async function loadStatistics(year: number, assistanceOf: (i: number) => number): Promise<void> {
  const rows = gminy.flatMap((g, i) => [
    {
      teryt: g.teryt,
      year,
      measure: 'population' as const,
      value: 10_000 + i * 10,
      source: 'test',
      uploaded_at: '2025-01-01T00:00:00.000Z',
      uploaded_by: null,
    },
    {
      teryt: g.teryt,
      year,
      measure: 'social_assistance' as const,
      value: assistanceOf(i),
      source: 'test',
      uploaded_at: '2025-01-01T00:00:00.000Z',
      uploaded_by: null,
    },
  ]);
  await t.ctx.db.insertInto('gmina_statistics').values(rows).execute();
}

describe('before any registry or statistics exist', () => {
  test('the map page draws all 144 gminy as links to their profiles, in both languages', async () => {
    for (const [prefix, lang] of [
      ['', 'pl'],
      ['/en', 'en'],
    ] as const) {
      const res = await get(`${prefix}/terytorium`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, new RegExp(`<html lang="${lang}"`));
      const links = mapLinks(res.body);
      assert.equal(links.length, 144);
      assert.deepEqual(links.map((l) => l.href).sort(), gminy.map((g) => `${prefix}/terytorium/${g.teryt}`).sort());
      const svg = svgOf(res.body);
      assert.ok(Buffer.byteLength(svg) < 300 * 1024, `SVG is ${Buffer.byteLength(svg)} bytes`);
      assert.match(svg, /role="group"/);
      assert.match(svg, /<title id="mapa-gmin-title">/);
      assert.match(svg, /<desc id="mapa-gmin-desc">/);
      assert.match(svg, /<pattern id="territory-hatch"/);
      // the data table has one row per gmina
      assert.equal((res.body.match(/<tr><th scope="row"><a href="[^"]*\/terytorium\/04\d{5}">/g) ?? []).length, 144);
    }
    const pl = await get('/terytorium');
    assert.match(pl.body, /Gminy i powiaty województwa kujawsko-pomorskiego/);
    const en = await get('/en/terytorium');
    assert.match(en.body, /Gminy and powiaty of the Kujawsko-Pomorskie voivodeship/);
  });

  test('the default measure is the OWES subregions (the only one with figures yet)', async () => {
    const res = await get('/terytorium');
    assert.match(res.body, /<option value="subregiony" selected>Subregiony OWES<\/option>/);
    assert.match(
      res.body,
      /<option value="podmioty">Działające podmioty ekonomii społecznej \(działalność sprawdzona\) \(brak danych\)<\/option>/,
    );
    const titles = mapLinks(res.body).map((l) => decode(l.title));
    assert.ok(titles.includes('Toruń (gmina miejska): Subregion toruński'), titles.slice(0, 3).join(' | '));
    assert.match(res.body, /Subregion grudziądzki <span class="map-legend__count">\(45 gmin\)<\/span>/);
  });

  test('a measure without a registry says so and shows no invented zeros', async () => {
    for (const miara of ['podmioty', 'podmioty-na-10-tys', 'pomoc-spoleczna', 'oferty']) {
      const res = await get(`/terytorium?miara=${miara}`);
      assert.equal(res.statusCode, 200, miara);
      assert.match(res.body, /Brak danych dla tej miary/, miara);
      const titles = mapLinks(res.body).map((l) => l.title);
      assert.ok(
        titles.every((x) => x.endsWith(': brak danych')),
        `${miara}: every gmina says "no data"`,
      );
      assert.doesNotMatch(res.body, /<td class="num">0<\/td>/, `${miara}: no zero in the table`);
      assert.match(res.body, /brak danych \(kreskowanie\) <span class="map-legend__count">\(144 gminy\)<\/span>/);
    }
    const en = await get('/en/terytorium?miara=podmioty');
    assert.match(en.body, /The register of social economy entities is not running on the platform yet/);
  });

  test('an unknown measure or a malformed year is refused with a translated message', async () => {
    const bad = await get('/terytorium?miara=nie-ma-takiej');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Parametr „miara” ma nieprawidłową wartość/);
    assert.equal((await get('/terytorium?miara=pomoc-spoleczna&rok=20x3')).statusCode, 400);
  });

  test('profiles say that no statistics are loaded and that the other registries are not running yet', async () => {
    const res = await get('/terytorium/0402032');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>Brodnica — gmina wiejska<\/h1>/);
    assert.match(res.body, /Nie wczytano jeszcze statystyk tej gminy/);
    assert.match(res.body, /Rejestr podmiotów ekonomii społecznej nie działa jeszcze w serwisie/);
    assert.match(res.body, /Katalog ofert nie działa jeszcze/);
    assert.match(res.body, /Kalendarz wydarzeń nie działa jeszcze/);
    assert.match(res.body, /Wskaźniki programu nie są jeszcze prowadzone/);
  });

  test('white spots cannot be named without statistics, and the page says why', async () => {
    const res = await get('/terytorium/biale-plamy');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>Białe plamy<\/h1>/);
    assert.match(res.body, /nie można wskazać białych plam/);
    assert.equal(mapLinks(res.body).length, 144);
    assert.match((await get('/en/terytorium/biale-plamy')).body, /white spots cannot be identified/);
  });
});

describe('maps that read as maps', () => {
  const viewBoxOf = (svg: string) => /viewBox="([-\d. ]+)"/.exec(svg)![1]!.split(' ').map(Number) as [number, number, number, number];
  /** [x, y, text] of every town label (aria-hidden, not clickable). */
  const towns = (svg: string) => {
    const group = /<g class="map-towns" aria-hidden="true" pointer-events="none"[\s\S]*?<\/g><\/g>/.exec(svg)?.[0] ?? '';
    return [...group.matchAll(/<text x="([-\d.]+)" y="([-\d.]+)"[^>]*paint-order="stroke"[^>]*>([^<]+)<\/text>/g)].map(
      (m) => [Number(m[1]), Number(m[2]), m[3]!] as const,
    );
  };

  test('the region map names the main towns at finite points inside the picture; the long table folds', async () => {
    for (const url of ['/terytorium', '/en/terytorium', '/terytorium/biale-plamy']) {
      const res = await get(url);
      const svg = svgOf(res.body);
      const [x0, y0, w, h] = viewBoxOf(svg);
      const labels = towns(svg);
      for (const name of ['Bydgoszcz', 'Toruń', 'Włocławek', 'Grudziądz']) {
        const label = labels.find((l) => l[2] === name);
        assert.ok(label, `${url}: ${name} labelled`);
        assert.ok(Number.isFinite(label[0]) && Number.isFinite(label[1]));
        assert.ok(label[0] > x0 && label[0] < x0 + w && label[1] > y0 && label[1] < y0 + h, `${name} at ${label[0]},${label[1]}`);
      }
      assert.ok(labels.length >= 9 && labels.length <= 13, `${labels.length} labels`);
    }
    const pl = await get('/terytorium');
    // 144 rows: behind a closed disclosure with the count in Polish plural form; the map says where the data is
    assert.match(
      pl.body,
      /<details class="data-table-disclosure"><summary>Pokaż tabelę danych \(144 wiersze\)<\/summary><div class="table-wrap">/,
    );
    assert.doesNotMatch(pl.body, /<details class="data-table-disclosure" open/);
    assert.match(svgOf(pl.body), /<desc id="mapa-gmin-desc">[^<]*tabeli pod mapą/);
    const en = await get('/en/terytorium');
    assert.match(en.body, /<summary>Show the data table \(144 rows\)<\/summary>/);
  });

  test('a powiat chosen: the map zooms to it, keeps its strokes thin and links back to the whole voivodeship', async () => {
    const whole = viewBoxOf(svgOf((await get('/terytorium?miara=subregiony')).body));
    const res = await get('/terytorium?miara=subregiony&powiat=0415');
    assert.equal(res.statusCode, 200);
    const svg = svgOf(res.body);
    const [x, y, w, h] = viewBoxOf(svg);
    assert.ok(w < whole[2] / 2 && h < whole[3] / 2, `zoomed ${w}×${h} of ${whole[2]}×${whole[3]}`);
    // the powiat's own outline (drawn bold) lies inside the view
    const outline = /<path class="territory-map__focus" d="M([-\d.]+),([-\d.]+)/.exec(svg)!;
    assert.ok(Number(outline[1]) > x && Number(outline[1]) < x + w && Number(outline[2]) > y && Number(outline[2]) < y + h);
    assert.match(svg, /class="territory-map territory-map--zoomed"/);
    assert.match(svg, /<path class="territory-map__focus"[^>]*stroke-width="3.5"[^>]*vector-effect="non-scaling-stroke"/);
    assert.match(svg, /<path class="territory-map__powiaty"[^>]*vector-effect="non-scaling-stroke"/);
    // labels and dots are scaled down with the view, so they keep their size on screen
    const toruń = towns(svg).find((l) => l[2] === 'Toruń');
    assert.ok(toruń);
    const size = Number(/font-size="([\d.]+)" font-weight="bold"/.exec(svg)![1]);
    assert.ok(Math.abs(size - (14 * w) / whole[2]) < 0.05, `a city's name at ${size} of the zoomed view`);
    assert.match(res.body, /<option value="0415" selected>powiat toruński<\/option>/);
    assert.match(
      res.body,
      /Mapa przybliżona do obszaru: powiat toruński\. <a href="\/terytorium\?miara=subregiony">Pokaż całe województwo<\/a>/,
    );
    const en = await get('/en/terytorium?powiat=0463');
    assert.match(en.body, /The map is zoomed to: Toruń\. <a href="\/en\/terytorium\?miara=[a-z-]+">Show the whole voivodeship<\/a>/);
    // the whole region: no note, the full picture
    assert.doesNotMatch((await get('/terytorium')).body, /Pokaż całe województwo/);
    assert.equal((await get('/terytorium?powiat=0499')).statusCode, 400);
    assert.equal((await get('/terytorium?powiat=0415011')).statusCode, 400);
  });
});

describe('profiles', () => {
  test('a gmina: name, type, powiat, subregion, locator map; in English too', async () => {
    const res = await get('/terytorium/0415052');
    assert.match(res.body, /<h1>Łubianka — gmina wiejska<\/h1>/);
    assert.match(res.body, /<a href="\/terytorium\/0415">powiat toruński<\/a>/);
    assert.match(res.body, /Subregion toruński \(obowiązuje od 1 stycznia 2024 do 31 grudnia 2026\)/);
    assert.match(res.body, /<svg class="locator-map"[^>]*role="img"/);
    assert.match(res.body, /0415052/);
    const en = await get('/en/terytorium/0415052');
    assert.match(en.body, /<h1>Łubianka — rural gmina<\/h1>/);
    assert.match(en.body, /<a href="\/en\/terytorium\/0415">powiat toruński<\/a>/);
    assert.match(en.body, /Toruń area \(valid from 1 January 2024 to 31 December 2026\)/);
  });

  test('a powiat lists its gminy in Polish order, with links', async () => {
    const res = await get('/terytorium/0402');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>Powiat brodnicki<\/h1>/);
    const listed = [
      ...res.body.matchAll(/<li><a href="\/terytorium\/(0402\d{3})">([^<]+)<\/a> <span class="small">\(([^)]+)\)<\/span><\/li>/g),
    ].map((m) => `${m[2]} (${m[3]})`);
    assert.deepEqual(listed, [
      'Bartniczka (gmina wiejska)',
      'Bobrowo (gmina wiejska)',
      'Brodnica (gmina miejska)',
      'Brodnica (gmina wiejska)',
      'Brzozie (gmina wiejska)',
      'Górzno (gmina miejsko-wiejska)',
      'Jabłonowo Pomorskie (gmina miejsko-wiejska)',
      'Osiek (gmina wiejska)',
      'Świedziebnia (gmina wiejska)',
      'Zbiczno (gmina wiejska)',
    ]);
  });

  test('the four cities are a powiat and a gmina at once, and the two profiles link each other', async () => {
    for (const [powiat, gmina, name] of [
      ['0461', '0461011', 'Bydgoszcz'],
      ['0462', '0462011', 'Grudziądz'],
      ['0463', '0463011', 'Toruń'],
      ['0464', '0464011', 'Włocławek'],
    ]) {
      const p = await get(`/terytorium/${powiat}`);
      assert.equal(p.statusCode, 200);
      assert.match(p.body, new RegExp(`<h1>${name} — miasto na prawach powiatu</h1>`));
      assert.match(p.body, new RegExp(`<a href="/terytorium/${gmina}">${name} — gmina miejska</a>`));
      const g = await get(`/terytorium/${gmina}`);
      assert.match(g.body, new RegExp(`<h1>${name} — gmina miejska</h1>`));
      assert.match(g.body, new RegExp(`<a href="/terytorium/${powiat}">${name} — miasto na prawach powiatu</a>`));
    }
  });

  test('anything that is not a powiat or gmina of the region is 404, in the visitor’s language', async () => {
    for (const teryt of ['9999', '0499', '0463012', '0402034', '04', '1261011', 'abc', '0463011x']) {
      const res = await get(`/terytorium/${teryt}`);
      assert.equal(res.statusCode, 404, teryt);
      assert.match(res.body, /Nie znaleziono strony/);
    }
    assert.match((await get('/en/terytorium/0499')).body, /<html lang="en"/);
  });
});

describe('with statistics and a registry of entities', () => {
  let withRegistry: FastifyInstance;
  // entities in every gmina whose list index is divisible by 3
  const entitiesOf = (i: number) => (i % 3 === 0 ? 1 + (i % 4) : 0);
  // and, in a few others, only entities whose activity nobody checked (counted as not known, not as none)
  const uncheckedIn = (i: number) => i % 3 !== 0 && i % 5 === 0;
  // entities the test registry gains in the first gmina later (the page is kept per content, never stale)
  let gained = 0;

  before(async () => {
    await loadStatistics(2023, (i) => 200 + ((i * 37) % 500));
    await loadStatistics(2022, (i) => 300 + i);
    // a second app on the same database whose modules include a test registry of entities
    const testRegistry: AppModule = {
      name: 'test-registry',
      contributes: {
        territoryMeasures: [
          {
            id: ENTITIES_MEASURE,
            labelKey: 'territory.measure.entities',
            countByGmina: async () =>
              new Map(gminy.map((g, i) => [g.teryt, entitiesOf(i) + (i === 0 ? gained : 0)] as [string, number]).filter(([, n]) => n > 0)),
            unknownIn: async () => new Set(gminy.filter((_, i) => uncheckedIn(i)).map((g) => g.teryt)),
          },
        ],
        profileSections: [
          {
            id: 'entities',
            order: 10,
            titleKey: 'territory.section.entities',
            render: async (_ctx, _req, unit) => <p class="test-section">{`${unit.kind}:${unit.gminy.length}`}</p>,
          },
        ],
      },
    };
    ({ app: withRegistry } = await buildApp({
      config: t.config,
      database: t.database.handle,
      clock,
      logger: false,
      rateLimitPerMinute: 100_000,
      modules: [...NOTHING_CONTRIBUTED, testRegistry],
    }));
    await withRegistry.ready();
    app = withRegistry;
  });
  after(async () => {
    app = t.app;
    await withRegistry.close();
  });

  test('entity counts: the registry is the whole truth, so a gmina it does not name has 0', async () => {
    const res = await get('/terytorium?miara=podmioty');
    assert.doesNotMatch(res.body, /Brak danych dla tej miary/);
    const titles = new Map(mapLinks(res.body).map((l) => [l.href.slice(-7), decode(l.title)]));
    gminy.forEach((g, i) => assert.ok(titles.get(g.teryt)!.endsWith(`: ${entitiesOf(i)}`), `${g.teryt}: ${titles.get(g.teryt)}`));
    assert.match(res.body, /<span>0 <span class="map-legend__count">/, 'zero has a class of its own');
    assert.doesNotMatch(res.body, /kreskowanie/, 'every gmina has a figure');
  });

  test('a changed count is on the map and in the table of the next view', async () => {
    const titleOfFirst = async () =>
      decode(mapLinks((await get('/terytorium?miara=podmioty')).body).find((l) => l.href.endsWith(gminy[0]!.teryt))!.title);
    assert.ok((await titleOfFirst()).endsWith(`: ${entitiesOf(0)}`));
    gained = 5;
    try {
      assert.ok((await titleOfFirst()).endsWith(`: ${entitiesOf(0) + 5}`), 'the new count is drawn');
      const table = (await get('/terytorium?miara=podmioty')).body;
      assert.match(table, new RegExp(`${gminy[0]!.name}</a></th>(<td>[^<]*</td>){3}<td class="num">${entitiesOf(0) + 5}</td>`));
    } finally {
      gained = 0;
    }
  });

  test('rates per inhabitants use one year, chosen with the form (newest by default)', async () => {
    const res = await get('/terytorium?miara=pomoc-spoleczna');
    assert.match(res.body, /Dane za rok 2023\. Źródło: test\./);
    assert.match(
      res.body,
      /<select id="f-rok" name="rok"[^>]*><option value="2023" selected>2023<\/option><option value="2022">2022<\/option>/,
    );
    const i = 5;
    const expected = Math.round(((200 + ((i * 37) % 500)) / (10_000 + i * 10)) * 1000 * 10) / 10;
    const title = decode(mapLinks(res.body).find((l) => l.href.endsWith(gminy[i]!.teryt))!.title);
    assert.ok(title.endsWith(`: ${String(expected).replace('.', ',')}`), `${title} vs ${expected}`);
    const older = await get('/terytorium?miara=pomoc-spoleczna&rok=2022');
    assert.match(older.body, /Dane za rok 2022\./);
    const per10k = await get('/terytorium?miara=podmioty-na-10-tys');
    assert.equal(per10k.statusCode, 200);
    assert.doesNotMatch(per10k.body, /Brak danych dla tej miary/);
  });

  test('white spots: above the median of recipients per 1,000 and no entity — as the rule computes', async () => {
    const rates = gminy.map((g, i) => ({
      teryt: g.teryt,
      rate: ((200 + ((i * 37) % 500)) / (10_000 + i * 10)) * 1000,
      entities: entitiesOf(i),
      unchecked: uncheckedIn(i),
    }));
    const sorted = rates.map((r) => r.rate).sort((a, b) => a - b);
    const median = (sorted[71]! + sorted[72]!) / 2;
    const expected = rates
      .filter((r) => r.rate > median && r.entities === 0 && !r.unchecked)
      .map((r) => r.teryt)
      .sort();
    const notKnown = rates
      .filter((r) => r.rate > median && r.entities === 0 && r.unchecked)
      .map((r) => r.teryt)
      .sort();
    assert.ok(expected.length > 10);
    assert.ok(notKnown.length > 2);
    const res = await get('/terytorium/biale-plamy');
    assert.equal(res.statusCode, 200);
    const list = /<section aria-labelledby="lista-bialych-plam-heading"[\s\S]*?<\/section>/.exec(res.body)![0];
    const listed = [...list.matchAll(/<th scope="row"><a href="\/terytorium\/(\d{7})">/g)].map((m) => m[1]).sort();
    assert.deepEqual(listed, expected);
    assert.match(res.body, new RegExp(`Wskazano ${expected.length} białych plam`));
    const spotTitles = mapLinks(res.body)
      .filter((l) => l.title.includes(': biała plama:'))
      .map((l) => l.href.slice(-7))
      .sort();
    assert.deepEqual(spotTitles, expected, 'the map marks the same gminy');
    // a gmina with only unchecked entities is "not known", named as such on the map and under the list
    const uncheckedTitles = mapLinks(res.body)
      .filter((l) => l.title.includes('niesprawdzonej'))
      .map((l) => l.href.slice(-7))
      .sort();
    assert.deepEqual(uncheckedTitles, notKnown);
    assert.match(list, new RegExp(`W ${notKnown.length} gminach o potrzebach powyżej mediany rejestr zna tylko podmioty`));
    const named = [...list.matchAll(/<li><a href="\/terytorium\/(\d{7})">/g)].map((m) => m[1]).sort();
    assert.deepEqual(named, notKnown);
  });

  test('a registered profile section replaces its placeholder; statistics appear with year and source', async () => {
    const gmina = await get('/terytorium/0402032');
    assert.match(gmina.body, /<p class="test-section">gmina:1<\/p>/);
    assert.doesNotMatch(gmina.body, /Rejestr podmiotów ekonomii społecznej nie działa jeszcze/);
    assert.match(gmina.body, /<caption>Statystyki: Brodnica — gmina wiejska, według lat<\/caption>/);
    assert.match(gmina.body, /<th scope="row">2023<\/th>/);
    assert.match(gmina.body, /<th scope="row">2022<\/th>/);
    const powiat = await get('/terytorium/0402');
    assert.match(powiat.body, /<p class="test-section">powiat:10<\/p>/);
    assert.match(powiat.body, /sumy wartości jego gmin/);
  });
});

describe('open data API', () => {
  test('gminy as JSON: 144 with type, powiat and subregion of the day', async () => {
    const res = await get('/api/v1/terytorium/gminy');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    const body = res.json() as {
      date: string;
      count: number;
      items: { teryt: string; name: string; type: number; powiat_teryt: string; subregion: { code: string } | null }[];
    };
    assert.equal(body.date, '2025-06-01');
    assert.equal(body.count, 144);
    const torun = body.items.find((g) => g.teryt === '0463011')!;
    assert.deepEqual(torun, {
      teryt: '0463011',
      name: 'Toruń',
      type: 1,
      powiat_teryt: '0463',
      powiat_name: 'Toruń',
      subregion: { code: 'torun', name_pl: 'Subregion toruński', name_en: 'Toruń area' },
    });
    const later = (await get('/api/v1/terytorium/gminy?date=2027-03-01')).json() as typeof body;
    assert.equal(later.items[0]!.subregion, null, 'no subregion is seeded after 2026');
  });

  test('?format=geojson: a FeatureCollection with WGS84 geometry and flat properties', async () => {
    const res = await get('/api/v1/terytorium/gminy?format=geojson');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/geo\+json/);
    const fc = res.json() as {
      type: string;
      features: { type: string; properties: Record<string, unknown>; geometry: { type: string; coordinates: number[][][] } }[];
    };
    assert.equal(fc.type, 'FeatureCollection');
    assert.equal(fc.features.length, 144);
    const f = fc.features.find((x) => x.properties.teryt === '0461011')!;
    assert.deepEqual(f.properties, {
      teryt: '0461011',
      name: 'Bydgoszcz',
      type: 1,
      powiat_teryt: '0461',
      powiat_name: 'Bydgoszcz',
      subregion: 'bydgoszcz',
      subregion_name: 'Subregion bydgoski',
    });
    assert.match(f.geometry.type, /Polygon/);
    const powiaty = (await get('/api/v1/terytorium/powiaty?format=geojson')).json() as typeof fc;
    assert.equal(powiaty.features.length, 23);
  });

  test('powiaty as JSON, bad parameters as problem+json, and the OpenAPI document', async () => {
    const body = (await get('/api/v1/terytorium/powiaty')).json() as {
      count: number;
      items: { teryt: string; is_city: boolean; gminy: number }[];
    };
    assert.equal(body.count, 23);
    assert.deepEqual(
      body.items
        .filter((p) => p.is_city)
        .map((p) => p.teryt)
        .sort(),
      ['0461', '0462', '0463', '0464'],
    );
    assert.equal(
      body.items.reduce((n, p) => n + p.gminy, 0),
      144,
    );
    for (const url of [
      '/api/v1/terytorium/gminy?format=xml',
      '/api/v1/terytorium/powiaty?date=2025-02-30',
      '/api/v1/terytorium/gminy?date=jutro',
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, url);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    }
    const doc = (await get('/api/openapi.json')).json() as {
      paths: Record<string, { get: { tags: string[]; responses: Record<string, { content: Record<string, unknown> }> } }>;
    };
    for (const path of ['/api/v1/terytorium/gminy', '/api/v1/terytorium/powiaty']) {
      const op = doc.paths[path]!.get;
      assert.deepEqual(op.tags, ['territory']);
      assert.deepEqual(Object.keys(op.responses['200']!.content).sort(), ['application/geo+json', 'application/json']);
    }
  });
});
