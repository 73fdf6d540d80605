// The folded form of an entity's name that decides "same name": case, Polish diacritics, quotes
// and punctuation do not count ("Fundacja „Łąka”" = "FUNDACJA LAKA"). Kept in `entities.name_key`
// so suspected duplicates (same key in the same gmina) are found by an indexed query.
import { fold, wordTokens } from '../../../core/search/index.js';

export function entityNameKey(name: string): string {
  return wordTokens(fold(name)).join(' ');
}
