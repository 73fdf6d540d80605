// People name a gmina, they do not type its TERYT code. This is the one place that turns what a
// person typed into the gmina's code — "Lubicz", "lubicz", "Torun", "gmina Lubicz", "Lubicz
// (toruński)", a suggestion's own text, or a 7-digit code still accepted — and that says, in words,
// when the text fits several gminy (Chełmża the town and the rural gmina, Rogowo in two powiaty) or
// none. It never picks one of several: the person chooses. Every form with a gmina uses it.
import { cachedUntilWrite } from '../../core/db/write-cache.js';
import type { ModuleContext } from '../../core/module.js';
import { editDistance, fold } from '../../core/search/index.js';
import type { FormChecker } from '../../core/validation.js';
import type { T, TKey } from '../../i18n/index.js';
import { listUnits } from './territory.repo.js';
import { gminaTypeKey, isCityPowiat } from './units.js';

export interface GminaChoice {
  teryt: string;
  name: string;
  /** 1 urban, 2 rural, 3 urban-rural (the last digit of the code). */
  gminaType: number | null;
  powiatTeryt: string;
  powiatName: string;
  /** No other gmina of the voivodeship has this name, so the name alone says which one. */
  unique: boolean;
}

export type GminaResolution<G extends GminaChoice = GminaChoice> =
  | { kind: 'empty' }
  | { kind: 'found'; gmina: G }
  /** Several gminy fit the text: the person must choose (never picked for them). */
  | { kind: 'ambiguous'; candidates: G[] }
  /** No gmina fits; `suggestions` are names close to the text (possibly none). */
  | { kind: 'unknown'; suggestions: G[] };

/** Every gmina of the voivodeship with its powiat, kept until the territorial units are written. */
export function gminaChoices(ctx: Pick<ModuleContext, 'db' | 'database'>): Promise<GminaChoice[]> {
  return cachedUntilWrite(ctx, ['territorial_units'], 'gmina-choices', async () => {
    const [gminy, powiaty] = await Promise.all([listUnits(ctx.db, 'gmina'), listUnits(ctx.db, 'powiat')]);
    const powiatName = new Map(powiaty.map((p) => [p.teryt, p.name]));
    const count = new Map<string, number>();
    for (const g of gminy) count.set(fold(g.name), (count.get(fold(g.name)) ?? 0) + 1);
    return gminy.map((g) => ({
      teryt: g.teryt,
      name: g.name,
      gminaType: g.gmina_type,
      powiatTeryt: g.teryt.slice(0, 4),
      powiatName: powiatName.get(g.teryt.slice(0, 4)) ?? '',
      unique: count.get(fold(g.name)) === 1,
    }));
  });
}

/** "powiat toruński", "miasto na prawach powiatu Toruń" — in the page's language. */
function powiatText(t: T, g: GminaChoice): string {
  return isCityPowiat(g.powiatTeryt)
    ? t('territory.gminaField.cityPowiat', { name: g.powiatName })
    : t('territory.powiatName', { name: g.powiatName });
}

/** Always with kind and powiat: "Lubicz (gmina wiejska, powiat toruński)". */
export function gminaFullLabel(t: T, g: GminaChoice): string {
  return `${g.name} (${t(gminaTypeKey(g.gminaType))}, ${powiatText(t, g)})`;
}

/** What the field shows and suggests: the name alone when it is unique, else the full label. */
export function gminaLabel(t: T, g: GminaChoice): string {
  return g.unique ? g.name : gminaFullLabel(t, g);
}

/**
 * What a gmina field shows for a value: a stored or typed code becomes the gmina's label; any
 * other text (a name the person typed, even a wrong one) is shown as it was typed.
 */
export function gminaFieldText(t: T, choices: readonly GminaChoice[], value: string): string {
  const v = value.trim();
  if (!/^\d{7}$/u.test(v)) return value;
  const g = choices.find((c) => c.teryt === v);
  return g ? gminaLabel(t, g) : value;
}

// --- reading what was typed ------------------------------------------------------------------------

/** Words of a qualifier that name no kind or powiat ("gmina", "powiat", "county"). */
const NEUTRAL = new Set([
  'gmina',
  'gminy',
  'gm',
  'powiat',
  'pow',
  'powiatu',
  'county',
  'municipality',
  'commune',
  'na',
  'prawach',
  'with',
  'rights',
  'of',
]);

/** The words that may say which kind of gmina is meant, in Polish and English. */
const KIND_WORDS: Record<number, readonly string[]> = {
  1: ['miejska', 'miasto', 'm', 'urban', 'city', 'town'],
  2: ['wiejska', 'rural'],
  3: ['miejskowiejska', 'urbanrural'],
};

/** Folded text with "miejsko-wiejska" and "urban-rural" as one word, so "wiejska" never means them. */
function normalise(text: string): string {
  return fold(text)
    .replace(/miejsko\s*[-‐–]\s*wiejska/gu, 'miejskowiejska')
    .replace(/urban\s*[-‐–]\s*rural/gu, 'urbanrural')
    .replace(/[„”"“]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A gmina's name as compared: folded, hyphens and spaces alike ("Golub-Dobrzyń" = "golub dobrzyn"). */
const nameKey = (name: string) =>
  fold(name)
    .replace(/[-‐–\s]+/gu, ' ')
    .trim();

const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The words a qualifier may use for this gmina: its kind and its powiat's name. */
function qualifierWords(g: GminaChoice): string[] {
  return [...(KIND_WORDS[g.gminaType ?? 3] ?? []), ...words(fold(g.powiatName))];
}

/** Every qualifier word names this gmina's kind or powiat ("toruń" fits "toruński": a prefix of 4+ letters). */
function fitsQualifier(g: GminaChoice, qualifier: string[]): boolean {
  const own = qualifierWords(g);
  return qualifier.every((w) => own.some((o) => o === w || (w.length >= 4 && o.startsWith(w)) || (o.length >= 4 && w.startsWith(o))));
}

/** A leading "gmina", "gmina wiejska", "miasto"… : the name after it and what it says of the kind. */
const PREFIX = /^(gmina miejskowiejska|gmina miejska|gmina wiejska|gmina|gm\.?|miasto|m\.)\s+/u;

/** Splits "gmina Lubicz (toruński)" or "Lubicz, powiat toruński" into the name and the qualifier's words. */
function parse(text: string): { name: string; qualifier: string[] } {
  let rest = normalise(text);
  let qualifierText = '';
  const paren = /^(.*?)\s*\((.*)\)?\s*$/u.exec(rest);
  if (paren) {
    rest = paren[1]!;
    qualifierText = paren[2]!.replace(/\)$/u, '');
  } else {
    const comma = rest.indexOf(',');
    if (comma > 0) {
      qualifierText = rest.slice(comma + 1);
      rest = rest.slice(0, comma);
    }
  }
  const prefix = PREFIX.exec(rest);
  if (prefix) {
    qualifierText = `${prefix[1]} ${qualifierText}`;
    rest = rest.slice(prefix[0].length);
  }
  return { name: nameKey(rest), qualifier: words(qualifierText).filter((w) => !NEUTRAL.has(w)) };
}

/**
 * Up to five gminy whose name starts with or contains the text, begins it ("Lubiczu", "Lubiczewo"
 * → Lubicz), or nearly is it (a typo or two).
 */
function suggestionsFor<G extends GminaChoice>(choices: readonly G[], name: string): G[] {
  if (name.length < 2) return [];
  const keyed = choices.map((g) => ({ g, key: nameKey(g.name) }));
  const max = name.length <= 5 ? 1 : 2;
  const rules: ((key: string) => boolean)[] = [
    (key) => key.startsWith(name),
    (key) => key.includes(name),
    (key) => key.length >= 4 && name.startsWith(key),
    (key) => name.length >= 4 && editDistance(name, key, max) <= max,
  ];
  const found = new Set<G>();
  for (const rule of rules) for (const x of keyed) if (found.size < 5 && rule(x.key)) found.add(x.g);
  return [...found];
}

/** Which gmina the text names: found, several (to choose from), none (with close names), or empty. */
export function resolveGmina<G extends GminaChoice>(choices: readonly G[], text: string): GminaResolution<G> {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (/^\d{7}$/u.test(trimmed)) {
    const g = choices.find((c) => c.teryt === trimmed);
    return g ? { kind: 'found', gmina: g } : { kind: 'unknown', suggestions: [] };
  }
  const { name, qualifier } = parse(trimmed);
  const named = choices.filter((g) => nameKey(g.name) === name);
  if (named.length === 0) return { kind: 'unknown', suggestions: suggestionsFor(choices, name) };
  const fitting = named.filter((g) => fitsQualifier(g, qualifier));
  if (fitting.length === 1) return { kind: 'found', gmina: fitting[0]! };
  if (fitting.length === 0) return { kind: 'unknown', suggestions: named };
  return { kind: 'ambiguous', candidates: fitting };
}

/**
 * Reads a gmina field of a form: its code, or null when left empty and not `required`; problems
 * (empty but required, unknown with the close names, several with each one's full label) go to
 * `f`, translated with `t` because the candidates are named in the page's language.
 */
export function checkGminaField(
  f: FormChecker,
  t: T,
  choices: readonly GminaChoice[],
  field: string,
  label: TKey,
  opts: { required?: boolean } = {},
): string | null {
  const text = f.text(field);
  const found = resolveGmina(choices, text);
  const list = (gs: readonly GminaChoice[]) => gs.map((g) => gminaFullLabel(t, g)).join('; ');
  const shown = [...text].length > 60 ? `${[...text].slice(0, 60).join('')}…` : text;
  switch (found.kind) {
    case 'found':
      return found.gmina.teryt;
    case 'empty':
      if (opts.required) f.add(field, label, 'validation.required');
      return null;
    case 'ambiguous':
      f.add(field, label, 'territory.gminaField.ambiguous', { text: shown, candidates: list(found.candidates) });
      return null;
    case 'unknown':
      if (found.suggestions.length > 0)
        f.add(field, label, 'territory.gminaField.unknownSuggest', { text: shown, candidates: list(found.suggestions) });
      else f.add(field, label, 'territory.gminaField.unknown', { text: shown });
      return null;
  }
}
