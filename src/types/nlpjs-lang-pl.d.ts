// @nlpjs/lang-pl ships no type declarations; only the part core/search uses is declared here.
declare module '@nlpjs/lang-pl' {
  export class StemmerPl {
    constructor();
    /** Memo of every stemmed word; core/search resets it to bound memory. */
    cache: Record<string, string>;
    /** Expects a lower-case word with Polish diacritics. */
    stemWord(word: string): string;
  }
}
