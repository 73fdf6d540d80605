// The public entry of core/search: how text becomes the stored `search_doc` and how a user's query
// becomes safe prefix terms. Both sides go through the same folding and stemming, so whatever the
// user types meets the document in the same form on SQLite and PostgreSQL. Short lists read whole
// anyway (TERYT units, a programme's objective tree) are matched in memory by the same rule, and
// every result's title is scored alike, so the site search ranks results of any module together.
import { editDistance } from './distance.js';
import { fold, wordTokens } from './fold.js';
import { stem } from './stem.js';

export { editDistance, fold, stem, wordTokens };

/** Terms reach the FTS engine, so anything but letters and digits (quotes, operators) is removed. */
const NOT_WORD = /[^\p{L}\p{N}]/gu;

function clean(term: string): string {
  return term.replace(NOT_WORD, '');
}

/**
 * The text to store in a `search_doc` column: every word folded, plus its folded stem. Storing both
 * lets an unstemmed prefix ("zni" → "Żninie") and a stemmed query ("fundacji" → "fund") match.
 */
export function searchDocument(...fields: (string | null | undefined)[]): string {
  const seen = new Set<string>();
  for (const field of fields) {
    if (field == null) continue;
    for (const word of wordTokens(field)) {
      for (const term of wordTerms(word)) seen.add(term);
    }
  }
  return [...seen].join(' ');
}

/**
 * The stored terms of one word, remembered: documents repeat the same words (legal forms, towns,
 * "ul.") and an import of 100,000 rows would otherwise fold and stem each occurrence anew. The
 * memo is bounded and simply dropped when full.
 */
const TERMS_MEMO_MAX = 50_000;
const termsMemo = new Map<string, readonly string[]>();

function wordTerms(word: string): readonly string[] {
  let terms = termsMemo.get(word);
  if (terms === undefined) {
    terms = [clean(fold(word)), clean(stem(word))].filter((t) => t !== '');
    if (termsMemo.size >= TERMS_MEMO_MAX) termsMemo.clear();
    termsMemo.set(word, terms);
  }
  return terms;
}

/**
 * Prefix terms for `seam.ftsMatch`, at most `maxTerms`. User text never reaches the engine raw:
 * only folded stems made of letters and digits leave this function. One-letter terms are dropped
 * because as prefixes they match nearly every row.
 */
export function queryTerms(userText: string, maxTerms = 8): string[] {
  const terms: string[] = [];
  for (const word of wordTokens(userText)) {
    if (terms.length >= maxTerms) break;
    const term = clean(stem(word));
    if (Array.from(term).length < 2 || terms.includes(term)) continue;
    terms.push(term);
  }
  return terms;
}

/**
 * Whether the text of `fields` matches every prefix term of `queryTerms()` — each term starts a
 * word of the text or its stem, the condition `seam.ftsMatch` puts on a `search_doc` column — for
 * short lists that are read whole anyway, where a text index would cost more than it saves.
 */
export function textMatches(terms: readonly string[], ...fields: (string | null | undefined)[]): boolean {
  if (terms.length === 0) return false;
  const words = searchDocument(...fields).split(' ');
  return terms.every((term) => words.some((word) => word.startsWith(term)));
}

/** How well one query term meets a title: a whole word in any inflected form, or the start of a word. */
const WHOLE_WORD = 2;
const WORD_START = 1;

/**
 * How well a result's title answers the query: from 0 (the words were found elsewhere, e.g. in a
 * description) to 2 (every term is a whole word of the title in some inflected form: "grudziadz"
 * meets "Grudziądz" and "w Grudziądzu" fully, "grudziądzki" as the start of a word). The mean over
 * the terms, so a title meeting every term outranks one meeting some of them.
 */
export function titleRelevance(terms: readonly string[], title: string): number {
  if (terms.length === 0) return 0;
  const words = wordTokens(title);
  const folded = words.map((w) => fold(w));
  const stems = words.map((w) => clean(stem(w)));
  let sum = 0;
  for (const term of terms) {
    if (folded.includes(term) || stems.includes(term)) sum += WHOLE_WORD;
    else if (folded.some((w) => w.startsWith(term))) sum += WORD_START;
  }
  return sum / terms.length;
}
