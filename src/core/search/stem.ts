// A light Polish stemmer lets "spółdzielni" find "Spółdzielnia": the stem is used as a prefix
// term, so every inflected form sharing it matches. It is deliberately light (suffix stripping,
// no dictionary): over-stemming only widens a prefix, while a heavy lemmatiser would be a large
// dependency for a search box.
import { StemmerPl } from '@nlpjs/lang-pl';
import { fold } from './fold.js';

/** Below this many letters suffix stripping mostly destroys the word ("kół" → "kó"). */
const MIN_STEM_INPUT = 4;

/**
 * The stemmer memoises every word it has seen in a plain object, forever; in a long-running server
 * fed by user queries that is a memory leak, so the memo is dropped every so often.
 */
const CACHE_RESET_EVERY = 10_000;

const stemmer = new StemmerPl();
let sinceReset = 0;

/** The folded light stem of one word: `spółdzielni` → `spoldzieln`. Never empty. */
export function stem(word: string): string {
  const lower = word.toLowerCase(); // same as toLocaleLowerCase('pl'), see fold
  const folded = fold(lower);
  if (Array.from(lower).length < MIN_STEM_INPUT) return folded;
  if (++sinceReset >= CACHE_RESET_EVERY) {
    sinceReset = 0;
    stemmer.cache = {};
  }
  const raw: unknown = stemmer.stemWord(lower);
  if (typeof raw !== 'string') return folded;
  const stemmed = fold(raw);
  // the stemmer slices UTF-16 units, so a word ending in an astral letter can lose half of it
  if (stemmed === '' || !/^[\p{L}\p{N}]+$/u.test(stemmed)) return folded;
  return stemmed;
}
