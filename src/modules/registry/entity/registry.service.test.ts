// Unit tests of the registry's pure rules: the catalogue's URL parameters and relevance order,
// the legal form and "Zakup Prospołeczny" mark read from the reference list, and entity slugs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterGminy } from '../catalogue/registry.catalogue.js';
import { parseSectors, sectorKey } from '../catalogue/registry.sectors.js';
import { catalogueParams, entitySlug, generalSlug, legalFormOf, markOf, parseCatalogueQuery } from './registry.service.js';

test('catalogue parameters: unknown values dropped, round trip, default sort follows the search text', () => {
  const q = parseCatalogueQuery({
    q: 'toruń',
    forma: ['fundacja', 'nieznana'],
    powiat: '0463',
    gmina: ['0463011', '12'],
    status_ps: '1',
    znak: '0',
    strona: '3',
  });
  assert.deepEqual(q, {
    q: 'toruń',
    forma: ['fundacja'],
    powiat: ['0463'],
    gmina: ['0463011'],
    podregion: [],
    sektor: [],
    dzialalnosc: [],
    stan: [],
    statusPs: true,
    znak: false,
    sort: 'relevance',
    page: 3,
    places: true,
  });
  assert.equal(catalogueParams(q).toString(), 'q=toru%C5%84&forma=fundacja&powiat=0463&gmina=0463011&status_ps=1&strona=3');
  // the "remove" of a recognised place stays in the address while there is text
  const noPlace = parseCatalogueQuery({ q: 'toruń', miejsce: '0' });
  assert.equal(noPlace.places, false);
  assert.equal(catalogueParams(noPlace).toString(), 'q=toru%C5%84&miejsce=0');
  assert.equal(catalogueParams(parseCatalogueQuery({ miejsce: '0' })).toString(), '', 'nothing to recognise without text');
  assert.equal(parseCatalogueQuery({}).sort, 'name');
  assert.equal(parseCatalogueQuery({ q: 'x', sort: 'nazwa' }).sort, 'name');
  assert.equal(parseCatalogueQuery({ sort: 'najnowsze' }).sort, 'newest');
  assert.equal(parseCatalogueQuery({ strona: '-1' }).page, 1);
  assert.equal(parseCatalogueQuery({ strona: 'abc' }).page, 1);
});

test('catalogue parameters: subregion, sector and activity type are checked and kept in the address', () => {
  const q = parseCatalogueQuery({
    podregion: ['torun', 'Złe kody!'],
    sektor: ['uslugi-opiekuncze', 'Usługi', 'gastronomia', 'gastronomia'],
    dzialalnosc: ['business', 'x'],
  });
  assert.deepEqual(q.podregion, ['torun']);
  assert.deepEqual(q.sektor, ['uslugi-opiekuncze', 'gastronomia'], 'only folded keys, no repeats');
  assert.deepEqual(q.dzialalnosc, ['business']);
  assert.equal(catalogueParams(q).toString(), 'podregion=torun&sektor=uslugi-opiekuncze&sektor=gastronomia&dzialalnosc=business');
  assert.deepEqual(parseCatalogueQuery(Object.fromEntries(new URLSearchParams(catalogueParams(q)).entries())).podregion, ['torun']);
  assert.equal(sectorKey('  Usługi OPIEKUŃCZE / zdrowie '), 'uslugi-opiekuncze-zdrowie');
  assert.deepEqual(
    parseSectors('["Gastronomia", "gastronomia ", 3, "Usługi opiekuńcze"]').map((s) => s.key),
    ['gastronomia', 'uslugi-opiekuncze'],
  );
  assert.deepEqual(parseSectors('not json'), []);
});

test('map clusters: nearby gminy join, distant ones stay apart, counts add up and centres are weighted', () => {
  const centres = new Map<string, [number, number]>([
    ['0401011', [100, 100]],
    ['0401022', [110, 100]],
    ['0402011', [600, 500]],
    ['0403011', [700, 100]],
  ]);
  const counts = [
    { teryt: '0401011', count: 3 },
    { teryt: '0401022', count: 1 },
    { teryt: '0402011', count: 5 },
    { teryt: '0403011', count: 0 },
    { teryt: '0499999', count: 7 },
  ];
  const clusters = clusterGminy(counts, centres, { width: 800, height: 700 }, 26);
  assert.deepEqual(
    clusters.map((c) => [c.gminy, c.count]),
    [
      [['0402011'], 5],
      [['0401011', '0401022'], 4],
    ],
  );
  assert.equal(clusters[1]!.x, 102.5, 'weighted by entities: (3 × 100 + 1 × 110) / 4');
  assert.equal(clusters[1]!.y, 100);
  // a smaller radius keeps the two close gminy apart
  assert.equal(clusterGminy(counts, centres, { width: 800, height: 700 }, 4).length, 3);
});

test('reference rows: legal form, mark only when granted or held, slugs', () => {
  assert.equal(legalFormOf({ legal_form: '', entity_type: 'CIS' }), 'cis');
  assert.equal(legalFormOf({ legal_form: 'jednostka budżetowa', entity_type: 'ZAZ' }), 'zaz');
  assert.equal(legalFormOf({ legal_form: 'spółka z o.o. non-profit', entity_type: 'spółka non-profit' }), 'spolka_non_profit');
  assert.equal(legalFormOf({ legal_form: 'spółdzielnia socjalna', entity_type: 'spółdzielnia socjalna' }), 'spoldzielnia_socjalna');
  assert.deepEqual(markOf('certyfikat "Zakup Prospołeczny" nadany 2022-09-06 (ROPS Toruń)'), { grantedOn: '2022-09-06' });
  assert.deepEqual(markOf('wymieniony jako posiadacz znaku "Zakup Prospołeczny" (artykuł)'), { grantedOn: null });
  assert.equal(markOf('wniosek o certyfikat "Zakup Prospołeczny" pozytywnie zaopiniowany 2018-08-24'), null);
  assert.equal(markOf('list gratulacyjny Marszałka'), null);
  assert.equal(entitySlug('Spółdzielnia Socjalna „Słomiany Dom”'), 'spoldzielnia-socjalna-slomiany-dom');
});

test("entitySlug: the one-pass way gives the general way's slug for every name (addresses never change)", () => {
  const alphabet = [
    ...'abcxyzABCXYZ0129 -_.,;:/()&"\'!?+',
    ...'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ',
    ...'„”“«»–—’‘\u00a0…',
    ...'éÉüÜöÖäßçñÑşŞıİøØåÅæłŁ',
    '\u0301', // a combining accent
    'ﬁ', // a ligature NFD keeps
    '😀',
    '中',
  ];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const names = [
    'Spółdzielnia Socjalna „Słomiany Dom”',
    'Fundacja – Świat Równych Szans',
    '  --Stowarzyszenie  ',
    'ŁÓDŹ ŻÓŁĆ',
    'Café Müller',
    'x'.repeat(79) + '-y',
    'a'.repeat(90),
    '',
  ];
  for (let n = 0; n < 5000; n += 1) {
    const length = Math.floor(rnd() * 40);
    let name = '';
    for (let i = 0; i < length; i += 1) name += alphabet[Math.floor(rnd() * alphabet.length)];
    names.push(name);
  }
  for (const name of names) assert.equal(entitySlug(name), generalSlug(name), JSON.stringify(name));
});
