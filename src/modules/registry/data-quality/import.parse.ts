// Reads a CSV of entities as staff get them: exported from Polish Excel (windows-1250, `;`), from
// other systems (UTF-8 with or without a BOM, `,`), with headers in Polish or English written any
// way ("Forma prawna", "FORMA_PRAWNA", "legal form"). Pure: bytes in, headers and cells out; what
// the cells mean and whether they are acceptable is decided by import.service.ts.
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { fold } from '../../../core/search/index.js';

export type Encoding = 'utf-8' | 'windows-1250' | 'utf-16le';
export type Delimiter = ';' | ',' | '\t';

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
  name: ['nazwa', 'name', 'nazwa podmiotu', 'pelna nazwa', 'nazwa pelna', 'entity name', 'organisation', 'organization', 'organization name', 'nazwa organizacji'],
  short_name: ['skrot', 'skrot nazwy', 'nazwa skrocona', 'short name', 'abbreviation', 'nazwa krotka'],
  legal_form: ['forma prawna', 'forma', 'legal form', 'form', 'forma organizacyjna', 'rodzaj podmiotu', 'typ podmiotu'],
  nip: ['nip', 'numer nip', 'nr nip', 'tax id', 'vat id', 'nip number'],
  regon: ['regon', 'numer regon', 'nr regon', 'regon number'],
  krs: ['krs', 'numer krs', 'nr krs', 'krs number'],
  gmina_teryt: ['teryt', 'gmina teryt', 'teryt gminy', 'kod teryt', 'kod gminy', 'kod teryt gminy', 'teryt code', 'municipality teryt', 'municipality code'],
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
  verified_at: ['data weryfikacji', 'zweryfikowano', 'verified', 'verified at', 'verification date'],
};

const FIELD_OF = new Map<string, ImportField>(Object.entries(ALIASES).flatMap(([field, names]) => names.map((n) => [n, field as ImportField] as const)));

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

/** Decodes bytes: a BOM decides; otherwise strict UTF-8, and when that fails windows-1250 (Polish Excel). */
export function decodeBytes(input: Buffer): { text: string; encoding: Encoding } {
  if (input.length >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) return { text: input.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (input.length >= 2 && input[0] === 0xff && input[1] === 0xfe) return { text: iconv.decode(input.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(input), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(input, 'win1250'), encoding: 'windows-1250' };
  }
}

/** The separator used most in the header line outside quotes; `;` wins a tie (Polish Excel). */
export function detectDelimiter(text: string): Delimiter {
  const end = text.search(/\r?\n/u);
  const header = end < 0 ? text : text.slice(0, end);
  const counts: Record<Delimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch] += 1;
  }
  return ([';', '\t', ','] as Delimiter[]).reduce((best, d) => (counts[d] > counts[best] ? d : best), ';');
}

export interface CsvRecord {
  /** The line of the file the row starts on (1 = the header), as a spreadsheet numbers it. */
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  encoding: Encoding;
  delimiter: Delimiter;
  headers: string[];
  records: CsvRecord[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number | null) {
    super(`CSV syntax error${line === null ? '' : ` near line ${line}`}`);
  }
}

/** Splits decoded text into the header and data rows; rows of only empty cells are skipped. */
export function parseCsvText(text: string, delimiter: Delimiter = detectDelimiter(text)): { headers: string[]; records: CsvRecord[] } {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = typeof (err as { lines?: unknown }).lines === 'number' ? ((err as { lines: number }).lines) : null;
    throw new CsvSyntaxError(line);
  }
  const [head, ...body] = rows;
  if (!head) return { headers: [], records: [] };
  const records: CsvRecord[] = [];
  let previousEnd = head.info.lines;
  for (const r of body) {
    // csv-parse reports the line a record ends on; a record starts one line after the previous one ended
    const line = previousEnd + 1;
    previousEnd = r.info.lines;
    if (r.record.every((c) => c.trim() === '')) continue;
    records.push({ line, cells: r.record });
  }
  return { headers: head.record.map((h) => h.trim()), records };
}

export function parseCsv(input: Buffer): ParsedCsv {
  const { text, encoding } = decodeBytes(input);
  const delimiter = detectDelimiter(text);
  return { encoding, delimiter, ...parseCsvText(text, delimiter) };
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
