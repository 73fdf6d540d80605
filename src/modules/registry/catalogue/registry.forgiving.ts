// Search that forgives: people type "spółdzielnia socjalna w Toruniu" or "powiat toruński", not
// filters. This file recognises a place among the words (gminy and powiaty of the territory
// module's reference data, with a light model of Polish inflection: a few noun endings and a
// small table of adjectival endings for powiat names) and suggests a correction for a near-miss
// word by edit distance over a bounded vocabulary of the registry's names. All of it works in
// memory over data already cached; no statement is added here.
import { editDistance, fold, wordTokens } from '../../../core/search/index.js';

export interface RecognisedPlace {
  kind: 'gmina' | 'powiat';
  /** TERYT codes (a gmina name can be both an urban and a rural gmina). */
  codes: string[];
  /** The unit's name as in the reference data. */
  name: string;
  /** The query's words without the place (and the "w", "gminie", "powiat" before it). */
  rest: string;
}

interface Candidate {
  kind: 'gmina' | 'powiat';
  codes: string[];
  name: string;
  tokens: string[];
  adjectival: boolean;
}

/**
 * Endings of the (folded) adjective after its stem "…sk"/"…ck", masculine singular only, as "powiat"
 * is: toruński, toruńskiego, toruńskiemu, toruńskim. "Toruńska Kuchnia" is a name, not the powiat.
 */
const ADJECTIVE_ENDINGS = new Set(['i', 'iego', 'iemu', 'im']);
/** Endings of a (folded) place name after its stem: Toruń → Toruniu, Torunia; Chełmno → Chełmnie. */
const NOUN_ENDINGS = new Set(['', 'a', 'u', 'iu', 'ia', 'ie', 'y', 'i', 'e', 'em', 'iem', 'owi', 'ach', 'om']);
/** Gmina names that are also everyday words: taken as a place they would hijack ordinary searches. */
const AMBIGUOUS = new Set(['nowe', 'dobre', 'osie']);
/** Words that announce a place ("w gminie Lubicz", "powiat toruński"); dropped with it. */
const MARKERS = new Set(['w', 'we', 'gmina', 'gminy', 'gminie', 'powiat', 'powiatu', 'powiecie', 'miasto', 'miasta', 'miescie']);
const MIN_ROOT = 3;

function nounRoots(name: string): string[] {
  const roots = [name];
  if (/[aeoy]$/.test(name)) roots.push(name.slice(0, -1));
  if (/e[kc]$/.test(name)) roots.push(name.slice(0, -2) + name.slice(-1)); // Włocławek → Włocławku
  return roots.filter((r) => r.length >= MIN_ROOT);
}

/** Whether a folded query word is an inflected form of a folded name token. */
export function inflectionOf(word: string, token: string, adjectival: boolean): boolean {
  if (word === token) return true;
  if (adjectival && /[sc]ki$/.test(token)) {
    const root = token.slice(0, -1);
    return word.startsWith(root) && ADJECTIVE_ENDINGS.has(word.slice(root.length));
  }
  if (adjectival) return false;
  return nounRoots(token).some((root) => word.startsWith(root) && NOUN_ENDINGS.has(word.slice(root.length)));
}

const candidatesCache = new WeakMap<Map<string, string>, Candidate[]>();

/** Gminy grouped by name, and the (adjectival) rural powiaty; city powiaty are found as their gmina. */
function candidates(names: Map<string, string>): Candidate[] {
  const hit = candidatesCache.get(names);
  if (hit) return hit;
  const gminy = new Map<string, Candidate>();
  const out: Candidate[] = [];
  for (const [teryt, name] of names) {
    const tokens = wordTokens(name).map(fold);
    if (tokens.length === 0) continue;
    if (teryt.length === 4) {
      const adjectival = /[sc]ki$/.test(tokens[tokens.length - 1]!);
      if (adjectival) out.push({ kind: 'powiat', codes: [teryt], name, tokens, adjectival });
      continue;
    }
    if (tokens.length === 1 && AMBIGUOUS.has(tokens[0]!)) continue;
    const key = tokens.join(' ');
    const g = gminy.get(key);
    if (g) g.codes.push(teryt);
    else gminy.set(key, { kind: 'gmina', codes: [teryt], name, tokens, adjectival: false });
  }
  out.push(...gminy.values());
  // longer names first, so "Golub-Dobrzyń" wins over a one-word name inside it
  out.sort((a, b) => b.tokens.length - a.tokens.length);
  candidatesCache.set(names, out);
  return out;
}

/** The first place named among the words of `text`, or null. `names`: TERYT → name of powiaty and gminy. */
export function recognisePlace(text: string, names: Map<string, string>): RecognisedPlace | null {
  const words = wordTokens(text);
  const folded = words.map(fold);
  const all = candidates(names);
  for (let i = 0; i < folded.length; i++) {
    for (const c of all) {
      if (i + c.tokens.length > folded.length) continue;
      const last = c.tokens.length - 1;
      // only the last word of a name inflects as a whole ("Golub-Dobrzyniu"); earlier ones are as written
      const ok = c.tokens.every((tok, k) => (k === last ? inflectionOf(folded[i + k]!, tok, c.adjectival) : folded[i + k] === tok));
      if (!ok) continue;
      let start = i;
      while (start > 0 && i - start < 2 && MARKERS.has(folded[start - 1]!)) start--;
      let end = i + c.tokens.length;
      if (c.kind === 'powiat' && end < folded.length && MARKERS.has(folded[end]!)) end++; // "toruński powiat"
      const rest = [...words.slice(0, start), ...words.slice(end)].join(' ');
      return { kind: c.kind, codes: [...c.codes].sort(), name: c.name, rest };
    }
  }
  return null;
}

// --- "did you mean" ------------------------------------------------------------------------------

/** The vocabulary keeps at most this many words (the most frequent), whatever the registry's size. */
export const VOCABULARY_MAX = 20_000;

export interface Vocabulary {
  /** Folded word → its written form (lower case, with Polish letters) and how many names carry it. */
  words: Map<string, { form: string; count: number }>;
}

/** The words (of at least 3 letters) of the given names, the most frequent VOCABULARY_MAX of them. */
export function buildVocabulary(texts: Iterable<string | null>): Vocabulary {
  const counts = new Map<string, { form: string; count: number }>();
  for (const text of texts) {
    if (!text) continue;
    for (const word of wordTokens(text)) {
      if (Array.from(word).length < 3 || /\d/.test(word)) continue;
      const key = fold(word);
      const hit = counts.get(key);
      if (hit) hit.count++;
      else counts.set(key, { form: word, count: 1 });
    }
  }
  if (counts.size <= VOCABULARY_MAX) return { words: counts };
  const kept = [...counts].sort((a, b) => b[1].count - a[1].count).slice(0, VOCABULARY_MAX);
  return { words: new Map(kept) };
}

/** A known word close to `word`, or null when the word is known (starts a word of the vocabulary) or nothing is close. */
export function nearestWord(word: string, vocabulary: Vocabulary): string | null {
  const w = fold(word);
  if (w.length < 3) return null;
  for (const key of vocabulary.words.keys()) if (key.startsWith(w)) return null;
  const max = w.length <= 5 ? 1 : 2;
  let best: { form: string; d: number; count: number } | null = null;
  for (const [key, v] of vocabulary.words) {
    const d = editDistance(w, key, max);
    if (d > max) continue;
    if (!best || d < best.d || (d === best.d && v.count > best.count)) best = { form: v.form, d, count: v.count };
  }
  return best?.form ?? null;
}

/** The query with each near-miss word replaced by its nearest known word, or null when none is. */
export function correctedQuery(text: string, vocabulary: Vocabulary): string | null {
  const words = wordTokens(text);
  let changed = false;
  const out = words.map((w) => {
    const near = nearestWord(w, vocabulary);
    if (near === null || fold(near) === fold(w)) return w;
    changed = true;
    return near;
  });
  return changed ? out.join(' ') : null;
}
