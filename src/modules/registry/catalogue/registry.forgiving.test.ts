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
import { buildVocabulary, correctedQuery, inflectionOf, recognisePlace } from './registry.forgiving.js';

let t: TestApp;
let names: Map<string, string>;

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
    assert.deepEqual(recognisePlace('spółdzielnia socjalna toruń', names), {
      kind: 'gmina',
      codes: ['0463011'],
      name: 'Toruń',
      rest: 'spółdzielnia socjalna',
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

describe('did you mean', () => {
  const vocabulary = buildVocabulary(['Spółdzielnia Socjalna Help', 'Fundacja Emaus', 'Fundacja Medius', null]);
  test('edit distance with swaps, giving up past the limit', () => {
    assert.equal(editDistance('fundacja', 'fudnacja', 2), 1);
    assert.equal(editDistance('kot', 'kto', 1), 1);
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
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
    assert.match(body, /Szukamy w: <strong>gmina Toruń<\/strong>/);
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
    assert.match(en, /Searching in: <strong>gmina Toruń<\/strong>/);
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
