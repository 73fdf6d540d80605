// The map's drawing rules without a server: colours keep 3:1 against the border and the hatch
// stays readable, classes cover every value with honest ranges, and the projected boundaries of
// the real reference data are small enough and fall inside the picture; the main towns' labels and
// the view zoomed to a powiat.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MultiPolygon, Polygon } from 'geojson';
import { readReferenceJson } from '../../core/data/reference.js';
import { buildGeometry, focusView, MAIN_WIDTH, POWIAT_SEAT_GMINY, rewind, ringsToPath } from './map.geometry.js';
import {
  BORDER,
  CATEGORICAL,
  classify,
  classOf,
  contrastRatio,
  HATCH_LINE,
  HIGH_NEED,
  OTHER,
  SEQUENTIAL,
  WHITE_SPOT,
} from './map.style.js';

test('every fill has at least 3:1 contrast with the border between gminy; the border with the page', () => {
  for (const fill of [...SEQUENTIAL, ...CATEGORICAL, WHITE_SPOT, HIGH_NEED, OTHER, '#ffffff']) {
    assert.ok(contrastRatio(fill, BORDER) >= 3, `${fill} against ${BORDER}: ${contrastRatio(fill, BORDER).toFixed(2)}`);
  }
  assert.ok(contrastRatio(BORDER, '#ffffff') >= 3);
  assert.ok(contrastRatio(HATCH_LINE, '#ffffff') >= 4.5, 'hatch lines on white');
  // the sequential palette really runs light to dark
  const l = SEQUENTIAL.map((c) => contrastRatio(c, '#ffffff'));
  assert.deepEqual(
    [...l].sort((a, b) => a - b),
    l,
  );
});

test('classes: a class of zeros for counts, quantiles otherwise, equal values never split', () => {
  const counts = [0, 0, 0, 1, 1, 2, 3, 5, 8, 13, 21, 34];
  const classes = classify(counts, { zeroClass: true });
  assert.equal(classes[0]!.min, 0);
  assert.equal(classes[0]!.max, 0);
  assert.equal(classes[0]!.count, 3);
  assert.equal(
    classes.reduce((n, c) => n + c.count, 0),
    counts.length,
  );
  assert.ok(classes.length <= 5);
  for (const v of counts) {
    const c = classOf(classes, v)!;
    assert.ok(v >= c.min && v <= c.max, `${v} in ${c.min}–${c.max}`);
  }
  for (let i = 1; i < classes.length; i += 1) assert.ok(classes[i]!.min > classes[i - 1]!.max, 'ranges do not overlap');
  assert.deepEqual(
    classify([7, 7, 7, 7], { zeroClass: true }).map((c) => [c.min, c.max, c.count]),
    [[7, 7, 4]],
  );
  assert.deepEqual(classify([], { zeroClass: false }), []);
  const rates = classify([1.5, 2.5, 2.5, 2.5, 2.5, 3, 4, 9, 10, 11], { zeroClass: false });
  assert.equal(rates.filter((c) => c.min <= 2.5 && c.max >= 2.5).length, 1, 'the four 2.5s share one class');
});

test('paths are written in tenths of a pixel with relative moves', () => {
  const d = ringsToPath(
    [
      [
        [0, 0],
        [10.04, 0],
        [10.04, 10.06],
        [0, 10.06],
        [0, 0],
      ],
    ],
    0.5,
  );
  assert.equal(d, 'M0,0l10 0 0 10.1-10 0z');
});

test('a ring written the GeoJSON way round is rewound for d3 (else it would mean the whole globe)', () => {
  const ccw = {
    type: 'Feature' as const,
    properties: { teryt: 'x' },
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [18, 53],
          [18.1, 53],
          [18.1, 53.1],
          [18, 53.1],
          [18, 53],
        ],
      ],
    },
  };
  const once = rewind(ccw);
  assert.notDeepEqual(once.geometry.coordinates, ccw.geometry.coordinates);
  assert.deepEqual(rewind(once).geometry.coordinates, once.geometry.coordinates, 'a feature already the right way round is kept');
});

test('the 144 gminy of the reference data project inside the map and stay small', () => {
  type FC = { features: { properties: { teryt: string }; geometry: Polygon | MultiPolygon }[] };
  const load = (file: string) =>
    readReferenceJson<FC>(file).features.map((f) =>
      rewind({ type: 'Feature', properties: { teryt: f.properties.teryt }, geometry: f.geometry }),
    );
  const geometry = buildGeometry(load('powiaty_04.geojson'), load('gminy_04.geojson'));
  assert.equal(geometry.gminy.paths.size, 144);
  assert.equal(geometry.locator.powiaty.paths.size, 23);
  assert.equal(geometry.powiaty.paths.size, 23, 'the powiaty at the full size, for maps shaded per powiat');
  assert.equal(geometry.powiaty.height, geometry.gminy.height);
  assert.equal(geometry.gminy.width, MAIN_WIDTH);
  assert.ok(geometry.gminy.height > 600 && geometry.gminy.height < 900, `height ${geometry.gminy.height}`);
  const bytes = [...geometry.gminy.paths.values()].reduce((n, d) => n + d.length, 0) + geometry.powiatBorders.length;
  assert.ok(bytes < 200_000, `path data ${bytes} bytes`);
  for (const [teryt, [x, y]] of geometry.gminy.centres) {
    assert.ok(x > 0 && x < MAIN_WIDTH && y > 0 && y < geometry.gminy.height, `${teryt} centre ${x},${y} inside the picture`);
  }
  // Toruń lies east of Bydgoszcz and Grudziądz north of Włocławek
  const c = (t: string) => geometry.gminy.centres.get(t)!;
  assert.ok(c('0463011')[0] > c('0461011')[0]);
  assert.ok(c('0462011')[1] < c('0464011')[1]);
});

test('places with coordinates land on the locator inside their gmina; points outside the voivodeship do not', () => {
  type FC = { features: { properties: { teryt: string }; geometry: Polygon | MultiPolygon }[] };
  const load = (file: string) =>
    readReferenceJson<FC>(file).features.map((f) =>
      rewind({ type: 'Feature', properties: { teryt: f.properties.teryt }, geometry: f.geometry }),
    );
  const { locator } = buildGeometry(load('powiaty_04.geojson'), load('gminy_04.geojson'));
  // Toruń's old town is within a few pixels of the city's centre; Warsaw and Gdańsk are off the map
  const torun = locator.point(18.6057, 53.0102)!;
  const centre = locator.gminy.centres.get('0463011')!;
  assert.ok(Math.hypot(torun[0] - centre[0], torun[1] - centre[1]) < 6, `${torun} near ${centre}`);
  assert.equal(locator.point(21.0122, 52.2297), null);
  assert.equal(locator.point(18.6466, 54.352), null);
  assert.equal(locator.point(Number.NaN, 53), null);
  assert.equal(buildGeometry([], []).locator.point(18.6, 53), null, 'no boundaries: no points');
});

test('town labels: the four cities and the seats that are urban gminy, inside the map, none overlapping; a powiat view', () => {
  type FC = { features: { properties: { teryt: string; name: string }; geometry: Polygon | MultiPolygon }[] };
  const load = (file: string) =>
    readReferenceJson<FC>(file).features.map((f) =>
      rewind({ type: 'Feature', properties: { teryt: f.properties.teryt, name: f.properties.name }, geometry: f.geometry }),
    );
  const geometry = buildGeometry(load('powiaty_04.geojson'), load('gminy_04.geojson'));
  const names = geometry.towns.map((l) => l.name);
  for (const city of ['Bydgoszcz', 'Toruń', 'Włocławek', 'Grudziądz']) assert.ok(names.includes(city), city);
  assert.equal(geometry.towns.filter((l) => l.major).length, 4);
  assert.ok(names.includes('Inowrocław') && names.includes('Brodnica'), 'seats of land powiaty');
  assert.ok(!names.includes('Ciechocinek') && !names.includes('Kowal') && !names.includes('Chełmża'), 'urban gminy that seat no powiat');
  assert.ok(geometry.towns.length <= 4 + POWIAT_SEAT_GMINY.size);
  for (const l of geometry.towns) {
    assert.ok(l.teryt.endsWith('1'), `${l.name} is an urban gmina`);
    assert.deepEqual([l.x, l.y], geometry.gminy.centres.get(l.teryt), `${l.name} at its gmina's centroid`);
    assert.ok(l.x > 0 && l.x < MAIN_WIDTH && l.y > 0 && l.y < geometry.gminy.height);
  }
  // a gmina without a name (no reference names) gets no label; no boundaries, no labels
  assert.deepEqual(buildGeometry([], []).towns, []);

  // powiat toruński: a smaller box with the map's proportions that holds the whole powiat
  const bounds = geometry.powiaty.bounds.get('0415')!;
  const view = focusView(geometry.powiaty, ['0415'])!;
  assert.ok(view.width < geometry.powiaty.width && view.height < geometry.powiaty.height);
  assert.ok(view.x <= bounds[0] && view.y <= bounds[1] && view.x + view.width >= bounds[2] && view.y + view.height >= bounds[3]);
  assert.ok(Math.abs(view.width / view.height - geometry.powiaty.width / geometry.powiaty.height) < 0.01);
  assert.ok(view.x >= 0 && view.y >= 0 && view.x + view.width <= geometry.powiaty.width + 0.1);
  assert.equal(focusView(geometry.powiaty, ['0499']), null, 'no such powiat: the whole map');
  assert.equal(focusView(geometry.powiaty, [...geometry.powiaty.paths.keys()]), null, 'every powiat: the whole map');
});
