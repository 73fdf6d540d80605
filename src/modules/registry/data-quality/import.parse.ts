// The columns of a CSV of entities: headers in Polish or English written any way ("Forma prawna",
// "FORMA_PRAWNA", "legal form") recognised as import fields, and the `--map` overrides. The file
// itself (encoding, separator, quoting) is read by core/csv; what the cells mean and whether they
// are acceptable is decided by import.service.ts.
import { fold } from '../../../core/search/index.js';

/** The entity fields a column can be imported into. */
export const IMPORT_FIELDS = [
  'name',
  'short_name',
  'legal_form',
  'nip',
  'regon',
  'krs',
  'gmina_teryt',
  'town',
  'address',
  'email',
  'phone',
  'website',
  'description',
  'sectors',
  'registration_date',
  'creating_body',
  'source_url',
  'verified_at',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** One target per column; null: the column is left out. */
export type Mapping = (ImportField | null)[];

/** Header names as recognised, written normalised (see normaliseHeader). */
const ALIASES: Record<ImportField, readonly string[]> = {
  name: [
    'nazwa',
    'name',
    'nazwa podmiotu',
    'pelna nazwa',
    'nazwa pelna',
    'entity name',
    'organisation',
    'organization',
    'organization name',
    'nazwa organizacji',
  ],
  short_name: ['skrot', 'skrot nazwy', 'nazwa skrocona', 'short name', 'abbreviation', 'nazwa krotka'],
  legal_form: ['forma prawna', 'forma', 'legal form', 'form', 'forma organizacyjna', 'rodzaj podmiotu', 'typ podmiotu'],
  nip: ['nip', 'numer nip', 'nr nip', 'tax id', 'vat id', 'nip number'],
  regon: ['regon', 'numer regon', 'nr regon', 'regon number'],
  krs: ['krs', 'numer krs', 'nr krs', 'krs number'],
  gmina_teryt: [
    'teryt',
    'gmina teryt',
    'teryt gminy',
    'kod teryt',
    'kod gminy',
    'kod teryt gminy',
    'teryt code',
    'municipality teryt',
    'municipality code',
  ],
  town: ['miejscowosc', 'miasto', 'town', 'city', 'locality', 'siedziba'],
  address: ['adres', 'adres siedziby', 'ulica', 'address', 'street', 'street address'],
  email: ['email', 'e mail', 'adres e mail', 'adres email', 'mail', 'email address'],
  phone: ['telefon', 'tel', 'nr telefonu', 'numer telefonu', 'phone', 'telephone', 'phone number'],
  website: ['www', 'strona www', 'strona internetowa', 'strona', 'website', 'web', 'url', 'web site'],
  description: ['opis', 'opis dzialalnosci', 'description', 'about'],
  sectors: ['sektory', 'sektor', 'branze', 'branza', 'sectors', 'sector', 'obszary dzialalnosci'],
  registration_date: ['data rejestracji', 'data wpisu', 'data wpisu do krs', 'registration date', 'registered', 'data powstania'],
  creating_body: ['jednostka tworzaca', 'organ tworzacy', 'creating body'],
  source_url: ['zrodlo', 'zrodlo danych', 'adres zrodla', 'source', 'source url'],
  // the date of the file's data (a "verified" column is the source's own check, not ours)
  verified_at: [
    'data zrodla',
    'data danych',
    'stan na',
    'stan danych na',
    'data weryfikacji',
    'zweryfikowano',
    'source date',
    'data as of',
    'verified',
    'verified at',
    'verification date',
  ],
};

const FIELD_OF = new Map<string, ImportField>(
  Object.entries(ALIASES).flatMap(([field, names]) => names.map((n) => [n, field as ImportField] as const)),
);

/** Lower case, no diacritics, `_`, `-`, dots and brackets as spaces: "Forma_prawna" → "forma prawna". */
export function normaliseHeader(header: string): string {
  return fold(header)
    .replace(/\([^)]*\)|\[[^\]]*\]/gu, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The field a header means, by alias or by the field's own name ("gmina_teryt"); null when unknown. */
export function recogniseHeader(header: string): ImportField | null {
  const h = normaliseHeader(header);
  return FIELD_OF.get(h) ?? IMPORT_FIELDS.find((f) => normaliseHeader(f) === h) ?? null;
}

export function isImportField(value: string): value is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(value);
}

/**
 * `--map header=field` options as given on the command line (or the web form's choices): the
 * header is compared normalised; `field` is an import field or `-`/`ignore` to leave it out.
 */
export function parseMapOptions(options: readonly string[]): { overrides: Map<string, ImportField | null>; errors: string[] } {
  const overrides = new Map<string, ImportField | null>();
  const errors: string[] = [];
  for (const opt of options) {
    const eq = opt.lastIndexOf('=');
    const header = eq > 0 ? normaliseHeader(opt.slice(0, eq)) : '';
    const field = eq > 0 ? opt.slice(eq + 1).trim() : '';
    if (header === '' || field === '') errors.push(`--map "${opt}": expected HEADER=FIELD`);
    else if (field === '-' || field === 'ignore') overrides.set(header, null);
    else if (isImportField(field)) overrides.set(header, field);
    else errors.push(`--map "${opt}": unknown field "${field}" (fields: ${IMPORT_FIELDS.join(', ')})`);
  }
  return { overrides, errors };
}

/** The mapping of each column: an override when given, else the recognised header. */
export function initialMapping(headers: readonly string[], overrides: ReadonlyMap<string, ImportField | null> = new Map()): Mapping {
  return headers.map((h) => {
    const key = normaliseHeader(h);
    return overrides.has(key) ? overrides.get(key)! : recogniseHeader(h);
  });
}

/** Overrides naming a header the file does not have (reported, so a typo in --map is not silent). */
export function unknownOverrides(headers: readonly string[], overrides: ReadonlyMap<string, ImportField | null>): string[] {
  const present = new Set(headers.map(normaliseHeader));
  return [...overrides.keys()].filter((k) => !present.has(k));
}
