// Search is accent- and case-blind because people type "lodz" for "Łódź" and paste names in capitals.
// Folding happens here, in JS, so SQLite FTS5 and PostgreSQL `simple` see identical plain terms and
// neither database's own (different) folding rules decide what matches.

/** Longer "words" are noise (hashes, pasted garbage); the cap also bounds index size per token. */
const MAX_TOKEN_CHARS = 64;

const WORD = /[\p{L}\p{N}]+/gu;

/** Printable ASCII needs only lower-casing; most words of names and queries are, and fold is hot (imports). */
const NOT_PRINTABLE_ASCII = /[^ -~]/u;

/**
 * Lower-cased, diacritics removed: `Łódź` → `lodz`. `toLowerCase()` rather than
 * `toLocaleLowerCase('pl')`: Unicode has no Polish-specific casing rules, so both give the same
 * result for every character, and the locale-aware one goes through ICU at several times the cost.
 */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!NOT_PRINTABLE_ASCII.test(lower)) return lower;
  return (
    lower
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      // ł is a letter of its own in Unicode, not l with a mark, so NFD leaves it alone
      .replaceAll('ł', 'l')
  );
}

/**
 * The words of `text`, lower-cased but not yet folded: the stemmer needs the Polish letters to
 * recognise endings. Text is composed (NFC) first so that a decomposed "ó" typed on some systems
 * does not split a word in two.
 */
export function wordTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const [word] of text.normalize('NFC').matchAll(WORD)) {
    const lower = word.toLowerCase(); // same as toLocaleLowerCase('pl'), see fold
    // cut by code points so a surrogate pair is never split
    const chars = Array.from(lower);
    tokens.push(chars.length > MAX_TOKEN_CHARS ? chars.slice(0, MAX_TOKEN_CHARS).join('') : lower);
  }
  return tokens;
}
