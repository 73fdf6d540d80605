// Search that forgives, on the demo seed and on both databases: the search hint's own example
// returns results with an explanation, a place among the words becomes the location filter (and
// can be removed), a near-miss word gets a correction; plus the in-memory parts on their own.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemo } from '../../../bootstrap.js';
import { createTestApp, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { unitNames } from './registry.catalogue.js';
import { editDistance } from '../../../core/search/index.js';
import {
  adjectiveCaseOf,
  buildVocabulary,
  buildVocabularyInSlices,
  correctedQuery,
  inflectionOf,
  narrowPlace,
  recognisePlace,
} from './registry.forgiving.js';
import { listTowns } from '../../territory/index.js';

let t: TestApp;
let names: Map<string, string>;
const towns = listTowns();

before(async () => {
  t = await createTestApp({ clock: new ManualClock(new Date()) });
  await seedDemo(t.ctx);
  names = await unitNames(t.ctx);
});
after(async () => t.close());

const page = async (url: string) => {
  const res = await t.app.inject({ url });
  assert.equal(res.statusCode, 200, url);
  return res.body;
};
const entityLinks = (body: string) => [...body.matchAll(/<th scope="row"><a href="\/podmioty\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!);

describe('recognising places', () => {
  test('gminy and powiaty in their inflected forms, with the words that announce them', () => {
    assert.deepEqual(recognisePlace('spółdzielnia socjalna toruń', names, towns), {
      kind: 'gmina',
      codes: ['0463011'],
      name: 'Toruń',
      rest: 'spółdzielnia socjalna',
      units: [{ code: '0463011', role: 'city', unitName: 'Toruń' }],
      others: [],
    });
    assert.equal(recognisePlace('fundacja w Toruniu', names)?.rest, 'fundacja');
    assert.deepEqual(recognisePlace('fundacja w Toruniu', names)?.codes, ['0463011']);
    const powiat = recognisePlace('powiat toruński', names);
    assert.deepEqual([powiat?.kind, powiat?.codes, powiat?.rest], ['powiat', ['0415'], '']);
    assert.deepEqual(recognisePlace('spółdzielnie w powiecie toruńskim', names)?.codes, ['0415']);
    assert.equal(recognisePlace('opieka Bydgoszczy', names)?.name, 'Bydgoszcz');
    assert.equal(recognisePlace('fundacja Włocławku', names)?.name, 'Włocławek');
    assert.equal(recognisePlace('spółdzielnia socjalna', names), null, 'no place named');
    assert.equal(recognisePlace('toruńska kuchnia', names), null, 'an adjective of a town is not the town');
    assert.equal(recognisePlace('nowe horyzonty', names), null, 'a gmina named like an everyday word is left alone');
  });

  test('inflection rules', () => {
    assert.ok(inflectionOf('torunskiego', 'torunski', true));
    assert.ok(inflectionOf('torunskim', 'torunski', true));
    assert.ok(!inflectionOf('torunska', 'torunski', true), 'feminine: not the powiat');
    assert.ok(!inflectionOf('torunskiewicz', 'torunski', true));
    assert.ok(inflectionOf('chelmnie', 'chelmno', false));
    assert.ok(!inflectionOf('torunska', 'torun', false));
  });
});

describe('recognising towns (the reference TERC file)', () => {
  const unitsOf = (text: string) => recognisePlace(text, names, towns)?.units.map((u) => `${u.code} ${u.role}`);

  test('the file gives every town of the voivodeship with its gmina', () => {
    // 17 urban gminy (RODZ 1) and 39 towns of urban-rural gminy (RODZ 4): PROVENANCE.md, section 1
    assert.equal(towns.length, 56);
    assert.ok(
      towns.every((town) => names.has(town.gmina)),
      'every town names a loaded gmina',
    );
    assert.deepEqual(
      towns.filter((town) => town.gmina.endsWith('3')).filter((town) => names.get(town.gmina) !== town.name),
      [],
      "in TERC 2025 every town of an urban-rural gmina has its gmina's name",
    );
  });

  test('every town is recognised by its name, as its gmina, named as the town', () => {
    for (const town of towns) {
      if (town.name === 'Nowe') continue; // an everyday word, never taken as a place (below)
      const found = recognisePlace(`fundacja ${town.name}`, names, towns);
      const unit = found?.units.find((u) => u.code === town.gmina);
      assert.ok(unit, town.name);
      assert.equal(unit.role, town.gmina.endsWith('1') ? 'city' : 'town', town.name);
      assert.equal(found!.rest, 'fundacja');
    }
    assert.equal(recognisePlace('nowe horyzonty', names, towns), null, 'the town Nowe is an everyday word too');
  });

  test('inflected forms, many-word names included', () => {
    assert.deepEqual(unitsOf('fundacja w Koronowie'), ['0403043 town']);
    assert.deepEqual(unitsOf('spółdzielnia w Kowalewie Pomorskim'), ['0405043 town']);
    assert.deepEqual(unitsOf('Kowalewa Pomorskiego'), ['0405043 town']);
    assert.deepEqual(unitsOf('w Solcu Kujawskim'), ['0403083 town']);
    assert.deepEqual(unitsOf('Izbicy Kujawskiej'), ['0418083 town']);
    assert.deepEqual(unitsOf('w Nakle nad Notecią'), ['0410033 town']);
    assert.deepEqual(unitsOf('Janowcu Wielkopolskim'), ['0419033 town']);
    assert.deepEqual(unitsOf('Dąbrowie Biskupiej'), ['0407022 gmina'], 'a rural gmina stays a gmina');
    assert.deepEqual(unitsOf('w gminie Koronowo'), ['0403043 gmina'], '"gmina" before the name: the gmina, not its town');
    assert.equal(recognisePlace('w Kowalewie Pomorskim', names, towns)?.rest, '');
  });

  test('a name of several units keeps them all, the town first; "miasto" narrows to the town', () => {
    assert.deepEqual(unitsOf('fundacja w Chełmży'), ['0415011 city', '0415022 gmina']);
    assert.deepEqual(unitsOf('Włocławku'), ['0464011 city', '0418132 gmina']);
    assert.deepEqual(unitsOf('Rogowo'), ['0412032 gmina', '0419052 gmina'], 'two rural gminy in two powiaty');
    const town = recognisePlace('fundacja w mieście Chełmży', names, towns)!;
    assert.deepEqual([town.codes, town.others.map((u) => u.code), town.rest], [['0415011'], ['0415022'], 'fundacja']);
    const rural = narrowPlace(recognisePlace('fundacja w Chełmży', names, towns)!, ['0415022'])!;
    assert.deepEqual([rural.codes, rural.units[0]!.role, rural.others.map((u) => u.code)], [['0415022'], 'gmina', ['0415011']]);
    assert.equal(narrowPlace(rural, ['0463011']), null, 'a unit of another name: no place');
  });

  test("a town whose name is not its gmina's (none in the reference data: a made-up one) maps to its gmina", () => {
    const withMadeUp = [...towns, { name: 'Przykładowo Kujawskie', gmina: '0403043' }];
    const found = recognisePlace('fundacja w Przykładowie Kujawskim', names, withMadeUp);
    assert.deepEqual(found?.units, [{ code: '0403043', role: 'town', unitName: 'Koronowo' }]);
    assert.equal(found?.name, 'Przykładowo Kujawskie');
    assert.equal(recognisePlace('fundacja w Przykładowie Kujawskim', names), null, 'without the towns it is only words');
  });

  test('adjectives of many-word names', () => {
    assert.ok(adjectiveCaseOf('kujawskim', 'kujawski'));
    assert.ok(adjectiveCaseOf('pomorskiego', 'pomorskie'));
    assert.ok(adjectiveCaseOf('kujawskiej', 'kujawska'));
    assert.ok(adjectiveCaseOf('biskupiej', 'biskupia'));
    assert.ok(adjectiveCaseOf('biskupim', 'biskupie'));
    assert.ok(!adjectiveCaseOf('kujawskiej', 'kujawski'));
    assert.ok(!adjectiveCaseOf('pomorskich', 'pomorskie'));
  });
});

describe('did you mean', () => {
  const vocabulary = buildVocabulary(['Spółdzielnia Socjalna Help', 'Fundacja Emaus', 'Fundacja Medius', null]);
  test('edit distance with swaps, giving up past the limit', () => {
    assert.equal(editDistance('fundacja', 'fudnacja', 2), 1);
    assert.equal(editDistance('kot', 'kto', 1), 1);
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
  });
  test('built a slice at a time, the vocabulary is the same as built at once', async () => {
    const names = [
      'Spółdzielnia Socjalna Help',
      null,
      'Fundacja Emaus',
      'Fundacja Medius',
      'Koło Gospodyń Wiejskich w Żninie',
      'Fundacja Emaus',
    ];
    assert.deepEqual([...(await buildVocabularyInSlices(names, 2)).words], [...buildVocabulary(names).words]);
  });
  test('a near-miss word is replaced by a known one; known words and prefixes are left alone', () => {
    assert.equal(correctedQuery('spółdzelnia socjlana', vocabulary), 'spółdzielnia socjalna');
    assert.equal(correctedQuery('fundacja emaus', vocabulary), null);
    assert.equal(correctedQuery('fund', vocabulary), null, 'a prefix of a known word is not a miss');
    assert.equal(correctedQuery('zupełnieinnesłowo', vocabulary), null, 'nothing close');
  });
});

describe('the catalogue page on the demo seed', () => {
  test('the search hint example returns results with an explanation and the place note', async () => {
    const body = await page('/podmioty?q=' + encodeURIComponent('spółdzielnia socjalna toruń'));
    assert.match(body, /Szukamy w: <strong>Toruń \(miasto\)<\/strong>/);
    assert.match(body, /href="\/podmioty\?q=sp%C3%B3%C5%82dzielnia\+socjalna\+toru%C5%84&amp;miejsce=0"/, 'the place can be removed');
    assert.match(
      body,
      /Nie znaleziono podmiotów pasujących do wszystkich słów; pokazujemy podmioty pasujące do części z nich: spółdzielnia, socjalna\./,
    );
    const found = entityLinks(body);
    assert.ok(found.length >= 5, `partial matches: ${found.join(' | ')}`);
    assert.ok(
      found.slice(0, 5).every((n) => n.startsWith('Spółdzielnia Socjalna') || n.includes('Spółdzielnia Socjalna')),
      'the social co-operatives (both words) come first',
    );
    const en = await page('/en/podmioty?q=' + encodeURIComponent('spółdzielnia socjalna toruń'));
    assert.match(en, /No entities match all the words; showing entities that match some of them: spółdzielnia, socjalna\./);
    assert.match(en, /Searching in: <strong>Toruń \(town\)<\/strong>/);
  });

  test('"powiat toruński" finds the entities of that powiat; without the place the words are text again', async () => {
    const body = await page('/podmioty?q=' + encodeURIComponent('powiat toruński'));
    assert.match(body, /Szukamy w: <strong>powiat toruński<\/strong>/);
    assert.match(
      body,
      /<input type="checkbox" id="f-powiat-0415" name="powiat" value="0415" checked\/>/,
      'the facet shows the place in force',
    );
    assert.deepEqual(entityLinks(body), ['Spółdzielnia Socjalna „Lubiczanka”']);
    assert.doesNotMatch(body, /Nie znaleziono podmiotów pasujących do wszystkich słów/);
    const torun = entityLinks(await page('/podmioty?q=' + encodeURIComponent('fundacja w Toruniu')));
    assert.ok(torun.length >= 4 && torun.every((n) => n.startsWith('Fundacja')), torun.join(' | '));
    const again = await page('/podmioty?q=' + encodeURIComponent('powiat toruński') + '&powiat=0415');
    assert.deepEqual(entityLinks(again), ['Spółdzielnia Socjalna „Lubiczanka”'], 'the form sent again with the box ticked');
    assert.match(again, /href="\/podmioty\?q=powiat\+toru%C5%84ski&amp;miejsce=0"/, 'removing the place unticks it too');
    const elsewhere = await page('/podmioty?q=' + encodeURIComponent('powiat toruński') + '&powiat=0461');
    assert.doesNotMatch(elsewhere, /Szukamy w:/, 'another location chosen: the words stay text');
    const removed = await page('/podmioty?q=' + encodeURIComponent('powiat toruński') + '&miejsce=0');
    assert.doesNotMatch(removed, /Szukamy w:/);
  });

  test('a town in its inflected form is its gmina, said so', async () => {
    const body = await page('/podmioty?q=' + encodeURIComponent('fundacja w Koronowie'));
    assert.match(body, /Szukamy w: <strong>Koronowo \(miasto w gminie Koronowo\)<\/strong>/);
    assert.match(body, /wyniki obejmują całą gminę, w której leży to miasto/);
    assert.match(body, /<input type="checkbox" id="f-gmina-0403043" name="gmina" value="0403043" checked\/>/);
    assert.deepEqual(entityLinks(body), ['Fundacja EkoPrzyjazna']);
    const en = await page('/en/podmioty?q=' + encodeURIComponent('fundacja w Koronowie'));
    assert.match(en, /Searching in: <strong>Koronowo \(town in gmina Koronowo\)<\/strong>/);
  });

  test('a name of several units searches them all and offers each; a choice narrows and keeps the other at hand', async () => {
    const body = await page('/podmioty?q=' + encodeURIComponent('fundacja we Włocławku'));
    assert.match(body, /Szukamy w: <strong>Włocławek \(miasto\)<\/strong> lub <strong>gmina wiejska Włocławek<\/strong> — <a /);
    const both = entityLinks(body);
    assert.deepEqual([...both].sort(), ['Fundacja „Dobry Pomysł”', 'Fundacja „Novum”']);
    const choices =
      /Nazwa „Włocławek” oznacza więcej niż jedno miejsce, więc szukamy we wszystkich\. Szukaj tylko w: <a href="([^"]+)">Włocławek \(miasto\)<\/a>, <a href="([^"]+)">gmina wiejska Włocławek<\/a>\./.exec(
        body,
      );
    assert.ok(choices, 'both units offered');
    const city = await page(choices[1]!.replaceAll('&amp;', '&'));
    assert.match(city, /Szukamy w: <strong>Włocławek \(miasto\)<\/strong> — /);
    assert.match(city, /Nazwa „Włocławek” oznacza też: <a href="[^"]+">gmina wiejska Włocławek<\/a>\./);
    assert.deepEqual(entityLinks(city).sort(), both.sort());
    const rural = await page(choices[2]!.replaceAll('&amp;', '&'));
    assert.match(rural, /Szukamy w: <strong>gmina wiejska Włocławek<\/strong> — /);
    assert.match(
      rural,
      /pokazujemy podmioty pasujące do części z nich: fundacja\./,
      'no demo entity in the rural gmina: the best partial matches, said so',
    );
    assert.match(rural, /Nazwa „Włocławek” oznacza też: <a href="[^"]+">Włocławek \(miasto\)<\/a>\./);
    const town = await page('/podmioty?q=' + encodeURIComponent('fundacja w mieście Chełmży'));
    assert.match(town, /Szukamy w: <strong>Chełmża \(miasto\)<\/strong> — /);
    assert.match(town, /Nazwa „Chełmża” oznacza też: <a href="[^"]+">gmina wiejska Chełmża<\/a>\./);
    const en = await page('/en/podmioty?q=' + encodeURIComponent('fundacja we Włocławku'));
    assert.match(en, /Searching in: <strong>Włocławek \(town\)<\/strong> or <strong>rural gmina Włocławek<\/strong>/);
  });

  test('a near-miss word gets a "did you mean" link that finds results', async () => {
    const body = await page('/podmioty?q=' + encodeURIComponent('spółdzelnia'));
    const m = /Czy chodziło Ci o <a href="([^"]+)">([^<]+)<\/a>\?/.exec(body);
    assert.ok(m, 'a suggestion');
    assert.equal(m[2], 'spółdzielnia');
    assert.ok(entityLinks(await page(m[1]!.replaceAll('&amp;', '&'))).length > 0);
  });

  test('the API stays strict: no partial matches where the total says nothing matched', async () => {
    const res = await t.app.inject({ url: '/api/v1/podmioty?q=' + encodeURIComponent('spółdzielnia socjalna toruń') });
    assert.equal(res.statusCode, 200);
    const json = res.json() as { total: number; items: unknown[] };
    assert.equal(json.total, 0);
    assert.deepEqual(json.items, []);
    const torun = t.app.inject({ url: '/api/v1/podmioty?q=' + encodeURIComponent('powiat toruński') });
    assert.equal(((await torun).json() as { total: number }).total, 1, 'the place filters the API alike');
  });
});
