// What visitors do, as the benchmark replays it (issue 16): search texts of a long tail — each
// visitor types something else — built from the words people use (legal forms and sectors in
// several cases, the words synthetic names are made of, place names with their inflection, with
// and without Polish letters, rare words and typos that match nothing), facet combinations drawn
// from the catalogue's real values, and many different entity pages. Everything is drawn from a
// seeded generator, so two runs replay the same traffic.
import { LEGAL_FORMS } from '../src/modules/registry/index.js';
import {
  LISTED_STATES,
  SYNTHETIC_ADJECTIVES,
  SYNTHETIC_NOUNS,
  SYNTHETIC_SECTORS,
  sectorKey,
  seededRandom,
} from '../src/modules/registry/registry.testing.js';

/** The synthetic data's own generator (mulberry32), so a seed replays the same traffic. */
export const seeded = seededRandom;

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/** Legal forms as people type them: cases, abbreviations, no Polish letters. */
const FORMS = [
  'fundacja',
  'fundacji',
  'fundację',
  'fundacje',
  'stowarzyszenie',
  'stowarzyszenia',
  'stowarzyszeń',
  'stowarzyszen',
  'spółdzielnia socjalna',
  'spółdzielni socjalnej',
  'spoldzielnia socjalna',
  'spółdzielnie socjalne',
  'spółdzielnia pracy',
  'spółdzielnia',
  'koło gospodyń wiejskich',
  'koła gospodyń',
  'kolo gospodyn',
  'KGW',
  'ochotnicza straż pożarna',
  'OSP',
  'straż pożarna',
  'centrum integracji społecznej',
  'CIS',
  'klub integracji społecznej',
  'warsztat terapii zajęciowej',
  'WTZ',
  'zakład aktywności zawodowej',
  'ZAZ',
  'klub sportowy',
  'spółka non profit',
];

/** Sectors and activities, inflected, plus common ones no synthetic entity names. */
const SECTORS = [
  'gastronomia',
  'gastronomii',
  'catering',
  'cateringowe',
  'usługi opiekuńcze',
  'usług opiekuńczych',
  'opieka nad seniorami',
  'sprzątanie',
  'sprzatanie',
  'utrzymanie zieleni',
  'zieleń',
  'remonty',
  'usługi remontowe',
  'budownictwo',
  'turystyka',
  'turystyki',
  'agroturystyka',
  'kultura',
  'kultury',
  'edukacja',
  'edukacji',
  'rękodzieło',
  'rekodzielo',
  'poligrafia',
  'usługi poligraficzne',
  'rolnictwo',
  'sport',
  'rekreacja',
  'pomoc społeczna',
  'transport',
  'przewozy',
  'szycie',
  'krawiectwo',
  'pralnia',
  'piekarnia',
  'stolarstwo',
  'ogrodnictwo',
];

/** Words that match little or nothing: rare trades, typos, nonsense. */
const RARE = [
  'hydraulika',
  'informatyka',
  'weterynaria',
  'kowalstwo',
  'pszczelarstwo',
  'miód',
  'ceramika',
  'garncarstwo',
  'naprawa rowerów',
  'wikliniarstwo',
  'fotografia',
  'muzyka',
  'teatr',
  'taniec',
  'szkolenia',
  'doradztwo',
  'księgowość',
  'tłumaczenia',
  'pierogi',
  'chleb',
  'fundajca',
  'stowarzysznie',
  'spółdzielina',
  'gastronomai',
  'turysytka',
  'xyzzy',
  'qwerty',
  'asdf',
];

/** Places as people write them: towns in several cases, powiat adjectives, no Polish letters. */
const PLACE_FORMS = [
  'Toruń',
  'w Toruniu',
  'torun',
  'Bydgoszcz',
  'w Bydgoszczy',
  'bydgoszczy',
  'Włocławek',
  'we Włocławku',
  'wloclawek',
  'Grudziądz',
  'w Grudziądzu',
  'Inowrocław',
  'w Inowrocławiu',
  'Brodnica',
  'w Brodnicy',
  'Świecie',
  'Chełmno',
  'Nakło nad Notecią',
  'Rypin',
  'Golub-Dobrzyń',
  'Lubicz',
  'Chełmża',
  'Żnin',
  'Tuchola',
  'Aleksandrów Kujawski',
  'Ciechocinek',
  'powiat toruński',
  'toruński',
  'bydgoski',
  'powiat brodnicki',
  'włocławski',
  'inowrocławski',
  'powiat świecki',
];

const stripPolish = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replaceAll('ł', 'l').replaceAll('Ł', 'L');

/**
 * `count` distinct search texts: one to three parts (a legal form, a sector, a name word, a place,
 * a rare word), in either order, sometimes lower-cased or without Polish letters. `gminaNames` are
 * the gminy of the reference data (every one is a possible place).
 */
export function searchTexts(count: number, gminaNames: readonly string[], seed = 16): string[] {
  const rnd = seeded(seed);
  const nameWord = () => {
    const word = rnd() < 0.5 ? pick(rnd, SYNTHETIC_ADJECTIVES) : pick(rnd, SYNTHETIC_NOUNS);
    // inflected forms match by prefix only sometimes ("Zielonego" → "zielon…"): both kinds occur
    return rnd() < 0.3 ? `${word.slice(0, -1)}${pick(rnd, ['ego', 'ej', 'u', 'em'])}` : word;
  };
  const parts: [number, () => string][] = [
    [3, () => pick(rnd, FORMS)],
    [3, () => pick(rnd, SECTORS)],
    [3, nameWord],
    [2, () => (rnd() < 0.6 ? pick(rnd, PLACE_FORMS) : pick(rnd, gminaNames))],
    [1, () => pick(rnd, RARE)],
  ];
  const total = parts.reduce((n, [w]) => n + w, 0);
  const part = () => {
    let r = rnd() * total;
    for (const [w, f] of parts) if ((r -= w) < 0) return f();
    return parts[0]![1]();
  };
  const out = new Set<string>();
  for (let guard = 0; out.size < count && guard < count * 50; guard += 1) {
    const n = rnd() < 0.35 ? 1 : rnd() < 0.75 ? 2 : 3;
    let text = Array.from({ length: n }, part).join(' ');
    if (rnd() < 0.15) text = stripPolish(text);
    if (rnd() < 0.3) text = text.toLowerCase();
    out.add(text);
  }
  if (out.size < count) throw new Error(`only ${out.size} distinct search texts could be made, ${count} asked`);
  return [...out];
}

export interface FacetValues {
  powiaty: readonly string[];
  gminy: readonly string[];
}

/**
 * `count` distinct catalogue addresses with one to three facets chosen at random from the real
 * values (legal forms, powiaty, gminy, sectors, activity states, PS status, the mark), sometimes a
 * later page or another sort.
 */
export function facetCombinations(count: number, values: FacetValues, seed = 17): string[] {
  const rnd = seeded(seed);
  const sectors = SYNTHETIC_SECTORS.map(sectorKey);
  const facets: (() => [string, string][])[] = [
    () => [['forma', pick(rnd, LEGAL_FORMS)], ...(rnd() < 0.3 ? ([['forma', pick(rnd, LEGAL_FORMS)]] as [string, string][]) : [])],
    () => [['powiat', pick(rnd, values.powiaty)]],
    () => [['gmina', pick(rnd, values.gminy)]],
    () => [['sektor', pick(rnd, sectors)]],
    () => [['stan', pick(rnd, LISTED_STATES)]],
    () => [['status_ps', '1']],
    () => [['znak', '1']],
  ];
  const out = new Set<string>();
  for (let guard = 0; out.size < count && guard < count * 50; guard += 1) {
    const n = 1 + Math.floor(rnd() * 3);
    const params = new URLSearchParams();
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(Math.floor(rnd() * facets.length));
    for (const i of [...chosen].sort()) for (const [k, v] of facets[i]!()) params.append(k, v);
    if (rnd() < 0.15) params.set('strona', String(2 + Math.floor(rnd() * 4)));
    if (rnd() < 0.1) params.set('sort', 'najnowsze');
    out.add(`/podmioty?${params.toString()}`);
  }
  if (out.size < count) throw new Error(`only ${out.size} distinct facet combinations could be made, ${count} asked`);
  return [...out];
}
