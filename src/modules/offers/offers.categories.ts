// The offers' two-level category list (issue 17) and the CPV codes (Common Procurement Vocabulary,
// CPV 2008, Commission Regulation (EC) No 213/2008). A CPV code is eight digits, a dash and a check
// digit; the check digit rule (weights 3,7,1 repeated, sum modulo 10) is our derivation from codes
// printed in the vocabulary — see data/reference/PROVENANCE.md §7 — and holds for every code quoted
// there. Each category carries its usual CPV prefixes (data/reference/oferta_kategorie_cpv.csv) so
// buyers' needs can be matched to offers by CPV as well as by category.
import { readReferenceCsv } from '../../core/data/reference.js';

/** Top-level categories, each with its second-level ones, in the order the forms list them. */
export const CATEGORIES = {
  catering: ['catering-posilki', 'catering-okolicznosciowy', 'catering-wypieki'],
  sprzatanie: ['sprzatanie-obiekty', 'sprzatanie-pranie'],
  'tereny-zielone': ['tereny-zielone-pielegnacja', 'tereny-zielone-nasadzenia'],
  'budowa-remonty': ['budowa-remonty-wykonczenia', 'budowa-remonty-drobne'],
  poligrafia: ['poligrafia-druk', 'poligrafia-projekty'],
  rekodzielo: ['rekodzielo-upominki', 'rekodzielo-dekoracje'],
  opieka: ['opieka-osoby-starsze', 'opieka-wytchnieniowa'],
  edukacja: ['edukacja-szkolenia', 'edukacja-warsztaty'],
  turystyka: ['turystyka-noclegi', 'turystyka-wycieczki'],
  wydarzenia: ['wydarzenia-organizacja', 'wydarzenia-sprzet'],
  transport: ['transport-osob', 'transport-rzeczy'],
  inne: ['inne-uslugi', 'inne-produkty'],
} as const satisfies Record<string, readonly string[]>;

export type Category = keyof typeof CATEGORIES;
export const CATEGORY_KEYS = Object.keys(CATEGORIES) as Category[];
export const SUBCATEGORY_KEYS: string[] = CATEGORY_KEYS.flatMap((c) => [...CATEGORIES[c]]);

export function isCategory(value: string): value is Category {
  return (CATEGORY_KEYS as string[]).includes(value);
}

/** The top-level category of a second-level one (undefined when unknown). */
export function parentOf(subcategory: string): Category | undefined {
  return CATEGORY_KEYS.find((c) => (CATEGORIES[c] as readonly string[]).includes(subcategory));
}

const CPV = /^(\d{8})-(\d)$/;
const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7];

/** The check digit of an 8-digit CPV code. */
export function cpvCheckDigit(eightDigits: string): number {
  return [...eightDigits].reduce((sum, d, i) => sum + Number(d) * WEIGHTS[i]!, 0) % 10;
}

/** A CPV code as written `NNNNNNNN-C` (spaces and dots removed), or null when malformed. */
export function normaliseCpv(raw: string): string | null {
  const compact = raw.replace(/[\s.]/g, '');
  const withDash = /^\d{9}$/.test(compact) ? `${compact.slice(0, 8)}-${compact.slice(8)}` : compact;
  return CPV.test(withDash) ? withDash : null;
}

/** True when the code is well formed and its check digit is right. */
export function isValidCpv(code: string): boolean {
  const m = CPV.exec(code);
  return m !== null && cpvCheckDigit(m[1]!) === Number(m[2]);
}

export interface CategoryCpv {
  category: Category;
  code: string;
  prefix: string;
  labelPl: string;
}

let table: CategoryCpv[] | undefined;

/** The category → usual CPV codes table (shipped reference data), read once. */
export function categoryCpvTable(): CategoryCpv[] {
  table ??= readReferenceCsv<{ category: string; cpv_code: string; prefix: string; label_pl: string }>('oferta_kategorie_cpv.csv').map(
    (r) => {
      if (!isCategory(r.category) || !isValidCpv(r.cpv_code) || !r.cpv_code.startsWith(r.prefix)) {
        throw new Error(`oferta_kategorie_cpv.csv: bad row ${r.category} ${r.cpv_code}`);
      }
      return { category: r.category, code: r.cpv_code, prefix: r.prefix, labelPl: r.label_pl };
    },
  );
  return table;
}

/** The usual CPV prefixes of a category (none for "inne"). */
export function categoryCpvPrefixes(category: Category): string[] {
  return categoryCpvTable()
    .filter((r) => r.category === category)
    .map((r) => r.prefix);
}
