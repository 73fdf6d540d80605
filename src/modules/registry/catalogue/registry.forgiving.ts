// Search that forgives: people type "spółdzielnia socjalna w Toruniu" or "powiat toruński", not
// filters. This file recognises a place among the words (gminy and powiaty of the territory
// module's reference data and the towns of its TERC file, with a light model of Polish inflection:
// a few noun endings, adjectival endings for powiat names and the adjectives of many-word names —
// "w Kowalewie Pomorskim") and suggests a correction for a near-miss word by edit distance over a
// bounded vocabulary of the registry's names. A town is filtered as its gmina (the registry records
// an entity's gmina), and a name that fits several units (Chełmża the town and the rural gmina,
// Rogowo in two powiaty) keeps all of them, each named, for the person to narrow. All of it works in
// memory over data already cached; no statement is added here.
import { editDistance, fold, wordTokens } from '../../../core/search/index.js';

/**
 * What a recognised unit is to the person: `city` an urban gmina (a town that is its own gmina),
 * `town` the town of an urban-rural gmina (filtered as the whole gmina), `gmina`, `powiat`.
 */
export type PlaceRole = 'city' | 'town' | 'gmina' | 'powiat';

export interface PlaceUnit {
  /** The TERYT code the filter uses (a town's is its gmina's). */
  code: string;
  role: PlaceRole;
  /** The name of the unit of `code` (the gmina's or the powiat's). */
  unitName: string;
}

export interface RecognisedPlace {
  kind: 'gmina' | 'powiat';
  /** TERYT codes in force, sorted (a name can be both an urban and a rural gmina). */
  codes: string[];
  /** The name as in the reference data (the town's or the unit's). */
  name: string;
  /** The query's words without the place (and the "w", "gminie", "powiat" before it). */
  rest: string;
  /** The units in force, one per code: towns first, then by code. */
  units: PlaceUnit[];
  /** Other units of the same name, not in force (narrowed by a choice, or by "miasto" before the name). */
  others: PlaceUnit[];
}

/** A town is a place the name may mean; where the town's name is its gmina's both readings merge. */
export interface TownName {
  name: string;
  /** The code of the gmina the town is or lies in. */
  gmina: string;
}

interface CandidateUnit {
  code: string;
  /** The unit's own name carries this name (false: only its town does). */
  unit: boolean;
  /** A town of this name is, or lies in, this unit. */
  town: boolean;
  unitName: string;
}

interface Candidate {
  kind: 'gmina' | 'powiat';
  units: CandidateUnit[];
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
/** Words that announce a place ("w gminie Lubicz", "powiat toruński", "w mieście Chełmży"); dropped with it. */
const MARKERS = new Set(['w', 'we', 'gmina', 'gminy', 'gminie', 'gmine', 'powiat', 'powiatu', 'powiecie', 'miasto', 'miasta', 'miescie']);
const GMINA_MARKERS = new Set(['gmina', 'gminy', 'gminie', 'gmine']);
const TOWN_MARKERS = new Set(['miasto', 'miasta', 'miescie']);
const MIN_ROOT = 3;

function nounRoots(name: string): string[] {
  const roots = [name];
  if (/[aeoy]$/.test(name)) roots.push(name.slice(0, -1));
  if (/e[kc]$/.test(name)) roots.push(name.slice(0, -2) + name.slice(-1)); // Włocławek → Włocławku
  if (/ie[kc]$/.test(name)) roots.push(name.slice(0, -3) + name.slice(-1)); // Janowiec → Janowcu
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

/**
 * Whether a folded word is a case of the adjective of a many-word name, in the adjective's own
 * gender: Kujawski → Kujawskiego, Kujawskim; Pomorskie → Pomorskiego, Pomorskim; Kujawska →
 * Kujawskiej (Kujawską folds to the word itself); Biskupia → Biskupiej.
 */
export function adjectiveCaseOf(word: string, token: string): boolean {
  const after = (stem: string, endings: string[]) => word.startsWith(stem) && endings.includes(word.slice(stem.length));
  if (/[kg]i$/.test(token)) return after(token, ['ego', 'emu', 'm']);
  if (/([kg]i|pi)e$/.test(token)) return after(token.slice(0, -1), ['ego', 'emu', 'm']);
  if (/[kg]a$/.test(token)) return word === `${token.slice(0, -1)}iej`;
  if (/ia$/.test(token)) return word === `${token.slice(0, -1)}ej`;
  return false;
}

/**
 * One word of a place's name: a one-word name inflects as a noun; in a many-word name every word
 * inflects, as a noun or as an adjective ("w Kowalewie Pomorskim", "Solcu Kujawskim"), except the
 * short ones ("nad"), which stay as written.
 */
function nameWordMatches(word: string, token: string, c: Candidate): boolean {
  if (word === token) return true;
  if (c.adjectival) return inflectionOf(word, token, true);
  if (c.tokens.length === 1) return inflectionOf(word, token, false);
  if (token.length <= 3) return false;
  return inflectionOf(word, token, false) || adjectiveCaseOf(word, token);
}

const candidatesCache = new WeakMap<Map<string, string>, WeakMap<readonly TownName[], Candidate[]>>();
const NO_TOWNS: readonly TownName[] = [];

/**
 * Gminy and towns grouped by name (a town named as its gmina is one candidate with that gmina),
 * and the (adjectival) rural powiaty; city powiaty are found as their gmina.
 */
function candidates(names: Map<string, string>, towns: readonly TownName[]): Candidate[] {
  const hit = candidatesCache.get(names)?.get(towns);
  if (hit) return hit;
  const gminy = new Map<string, Candidate>();
  const out: Candidate[] = [];
  const gminaCandidate = (name: string, tokens: string[]) => {
    const key = tokens.join(' ');
    let g = gminy.get(key);
    if (!g) gminy.set(key, (g = { kind: 'gmina', units: [], name, tokens, adjectival: false }));
    return g;
  };
  for (const [teryt, name] of names) {
    const tokens = wordTokens(name).map(fold);
    if (tokens.length === 0) continue;
    if (teryt.length === 4) {
      const adjectival = /[sc]ki$/.test(tokens[tokens.length - 1]!);
      if (adjectival)
        out.push({ kind: 'powiat', units: [{ code: teryt, unit: true, town: false, unitName: name }], name, tokens, adjectival });
      continue;
    }
    gminaCandidate(name, tokens).units.push({ code: teryt, unit: true, town: false, unitName: name });
  }
  for (const town of towns) {
    const unitName = names.get(town.gmina);
    const tokens = wordTokens(town.name).map(fold);
    if (unitName === undefined || tokens.length === 0) continue; // a gmina the loaded units do not have
    const g = gminaCandidate(town.name, tokens);
    const unit = g.units.find((u) => u.code === town.gmina);
    if (unit) unit.town = true;
    else g.units.push({ code: town.gmina, unit: false, town: true, unitName });
  }
  for (const g of gminy.values()) {
    if (g.tokens.length === 1 && AMBIGUOUS.has(g.tokens[0]!)) continue;
    g.units.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    out.push(g);
  }
  // longer names first, so "Golub-Dobrzyń" wins over a one-word name inside it
  out.sort((a, b) => b.tokens.length - a.tokens.length);
  const perTowns = candidatesCache.get(names) ?? new WeakMap<readonly TownName[], Candidate[]>();
  perTowns.set(towns, out);
  candidatesCache.set(names, perTowns);
  return out;
}

/** What a unit of a recognised name is, given the words before the name ("gminie", "mieście"). */
function roleOf(u: CandidateUnit, kind: Candidate['kind'], saidGmina: boolean): PlaceRole {
  if (kind === 'powiat') return 'powiat';
  if (u.code.endsWith('1')) return 'city';
  return u.town && (!saidGmina || !u.unit) ? 'town' : 'gmina';
}

const ROLE_ORDER: Record<PlaceRole, number> = { city: 0, town: 1, gmina: 2, powiat: 3 };
const byRole = (a: PlaceUnit, b: PlaceUnit) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Units the town first ("Włocławek (miasto) lub gmina wiejska Włocławek"); codes sorted. */
function place(kind: RecognisedPlace['kind'], name: string, rest: string, units: PlaceUnit[], others: PlaceUnit[]): RecognisedPlace {
  return { kind, codes: units.map((u) => u.code).sort(), name, rest, units: [...units].sort(byRole), others: [...others].sort(byRole) };
}

/**
 * The first place named among the words of `text`, or null. `names`: TERYT → name of powiaty and
 * gminy; `towns`: the towns with their gminy (territory's `listTowns`). Every unit the name fits is
 * in force, unless "miasto"/"mieście" before it asks for the town (the others are then kept aside).
 */
export function recognisePlace(text: string, names: Map<string, string>, towns: readonly TownName[] = NO_TOWNS): RecognisedPlace | null {
  const words = wordTokens(text);
  const folded = words.map(fold);
  const all = candidates(names, towns);
  for (let i = 0; i < folded.length; i++) {
    for (const c of all) {
      if (i + c.tokens.length > folded.length) continue;
      const ok = c.tokens.every((tok, k) => nameWordMatches(folded[i + k]!, tok, c));
      if (!ok) continue;
      let start = i;
      while (start > 0 && i - start < 2 && MARKERS.has(folded[start - 1]!)) start--;
      let end = i + c.tokens.length;
      if (c.kind === 'powiat' && end < folded.length && MARKERS.has(folded[end]!)) end++; // "toruński powiat"
      const said = folded.slice(start, i);
      const saidGmina = said.some((w) => GMINA_MARKERS.has(w));
      const saidTown = said.some((w) => TOWN_MARKERS.has(w));
      const rest = [...words.slice(0, start), ...words.slice(end)].join(' ');
      const units = c.units.map((u) => ({ code: u.code, role: roleOf(u, c.kind, saidGmina), unitName: u.unitName }));
      const isTown = (u: PlaceUnit) => u.role === 'city' || u.role === 'town';
      const narrowed = saidTown && units.some(isTown) && units.some((u) => !isTown(u));
      return narrowed
        ? place(
            c.kind,
            c.name,
            rest,
            units.filter(isTown),
            units.filter((u) => !isTown(u)),
          )
        : place(c.kind, c.name, rest, units, []);
    }
  }
  return null;
}

/**
 * The place narrowed to the units chosen (the location boxes ticked, or a choice's link), or null
 * when a chosen code is not one of the name's units: then the name stays words of the text.
 */
export function narrowPlace(found: RecognisedPlace, chosen: readonly string[]): RecognisedPlace | null {
  const all = [...found.units, ...found.others];
  if (chosen.length === 0 || !chosen.every((c) => all.some((u) => u.code === c))) return null;
  return place(
    found.kind,
    found.name,
    found.rest,
    all.filter((u) => chosen.includes(u.code)),
    all.filter((u) => !chosen.includes(u.code)),
  );
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
  countWords(counts, texts);
  return keptWords(counts);
}

/**
 * `buildVocabulary` over a long list, a slice at a time with the event loop let go between slices
 * (the names of 100,000 entities took 0.1–0.2 s in one go).
 */
export async function buildVocabularyInSlices(texts: readonly (string | null)[], slice = 5000): Promise<Vocabulary> {
  const counts = new Map<string, { form: string; count: number }>();
  for (let i = 0; i < texts.length; i += slice) {
    countWords(counts, texts.slice(i, i + slice));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return keptWords(counts);
}

function countWords(counts: Map<string, { form: string; count: number }>, texts: Iterable<string | null>): void {
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
}

function keptWords(counts: Map<string, { form: string; count: number }>): Vocabulary {
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
