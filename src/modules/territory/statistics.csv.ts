// Reads a coordinator's CSV of gmina statistics (one row per gmina and year) into rows that could
// be saved and a list of problems per row. Pure: no database, no HTTP. The files come from
// spreadsheets and from the GUS Local Data Bank (BDL), so the reader is forgiving where the intent
// is clear (encoding, delimiter and BOM through core/csv, header aliases, thousands separators, a
// leading zero lost by Excel) and strict where guessing would store a wrong number (decimals,
// unknown codes, duplicates).
import {
  CsvSyntaxError,
  decodeSpreadsheetBytes,
  detectDelimiter,
  parseCsvText,
  type CsvDelimiter,
  type CsvEncoding,
  type CsvTable,
} from '../../core/csv/index.js';
import { fold } from '../../core/search/index.js';
import type { TKey } from '../../i18n/index.js';
import { STAT_MEASURES, type StatMeasure } from './territory.tables.js';

export const MAX_DATA_ROWS = 5000;
/** No gmina counts more people than this; larger numbers are typing or column mistakes. */
export const MAX_VALUE = 5_000_000;
export const MIN_YEAR = 1990;

export interface ParsedRow {
  /** Line of the file the row ends on (1 = the header). */
  line: number;
  teryt: string;
  year: number;
  values: Partial<Record<StatMeasure, number>>;
}

/** A translated message is built from `key` + `params` when shown. */
export interface CsvProblem {
  key: TKey;
  params?: Record<string, string | number>;
}

export interface RowProblem extends CsvProblem {
  line: number;
  /** The code as typed in the file (shown so the coordinator can find the row). */
  code: string;
}

export interface ParseResult {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** The measure columns that were recognised, with the header as written. */
  columns: { measure: StatMeasure; header: string }[];
  /** Headers that mean nothing to the platform (left out, listed so the coordinator knows). */
  ignoredColumns: string[];
  rows: ParsedRow[];
  problems: RowProblem[];
  /** Problems that make the whole file unusable (no TERYT column, not a CSV…). */
  fileProblems: CsvProblem[];
  /** Data rows read (good and bad). */
  totalRows: number;
}

type Role = 'teryt' | 'year' | 'name' | StatMeasure;

/** Header aliases, written folded (lower case, no diacritics, `_`/`-` as spaces). */
const ALIASES: Record<Role, readonly string[]> = {
  teryt: ['teryt', 'kod', 'kod teryt', 'teryt kod', 'kod jednostki', 'kod gminy', 'kod terc', 'code', 'unit code', 'teryt code'],
  year: ['rok', 'year', 'rok danych'],
  name: ['nazwa', 'name', 'gmina', 'nazwa gminy', 'nazwa jednostki', 'jednostka terytorialna', 'jednostka'],
  population: [
    'ludnosc',
    'ludnosc ogolem',
    'ludnosc ogolem stan w dniu 31 xii',
    'liczba ludnosci',
    'liczba mieszkancow',
    'mieszkancy',
    'population',
    'population total',
  ],
  registered_unemployed: [
    'bezrobotni',
    'bezrobotni zarejestrowani',
    'bezrobotni zarejestrowani ogolem',
    'bezrobotni ogolem',
    'liczba bezrobotnych',
    'registered unemployed',
    'registered unemployed persons',
    'unemployed',
  ],
  social_assistance: [
    'pomoc spoleczna',
    'osoby w gospodarstwach domowych korzystajacych ze srodowiskowej pomocy spolecznej',
    'osoby w gospodarstwach domowych korzystajacych ze srodowiskowej pomocy spolecznej ogolem',
    'beneficjenci srodowiskowej pomocy spolecznej',
    'beneficjenci pomocy spolecznej',
    'korzystajacy z pomocy spolecznej',
    'social assistance',
    'social assistance recipients',
  ],
};

const ROLE_OF = new Map<string, Role>(Object.entries(ALIASES).flatMap(([role, names]) => names.map((n) => [n, role as Role] as const)));

/** GUS notation for "no figure" (dash, dot, x): such cells are left out, never read as zero. */
const NO_VALUE = new Set(['-', '–', '—', '.', 'x', 'brak', 'b.d.', 'bd', 'n/a']);

export function normaliseHeader(header: string): string {
  return fold(header)
    .replace(/\[[^\]]*\]|\([^)]*\)/gu, ' ')
    .replace(/[_\-.:;,"'/]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Digits only; a number that lost its leading zero in a spreadsheet, or a BDL unit id, is mapped. */
export type CodeResult = { kind: 'gmina'; teryt: string } | { kind: 'problem'; problem: CsvProblem };

/**
 * Maps a code as typed to a 7-digit gmina TERYT. Accepted: 7 digits; 6 digits starting with 4
 * (Excel dropped the leading zero); 6 digits starting with 04 (no type digit; unique prefix);
 * 12 digits of a BDL unit id (`MRWWSSPPPGGR`: voivodeship in digits 3–4, powiat in 8–9,
 * gmina and type in 10–12) and 11 digits (the same without its leading zero).
 */
export function resolveCode(raw: string, gminy: ReadonlyMap<string, { name: string }>): CodeResult {
  const code = raw.replace(/[\s'"\u00a0]/gu, '');
  const unknown: CodeResult = { kind: 'problem', problem: { key: 'territory.csv.problem.unknownTeryt', params: { code: raw } } };
  if (code === '') return { kind: 'problem', problem: { key: 'territory.csv.problem.missingTeryt' } };
  if (!/^\d+$/u.test(code)) return { kind: 'problem', problem: { key: 'territory.csv.problem.notACode', params: { code: raw } } };
  const gmina = (teryt: string): CodeResult => {
    if (gminy.has(teryt)) return { kind: 'gmina', teryt };
    if (/^04\d{4}[45]$/u.test(teryt)) {
      const whole = [...gminy.keys()].find((k) => k.startsWith(teryt.slice(0, 6)));
      if (whole) return { kind: 'problem', problem: { key: 'territory.csv.problem.partOfGmina', params: { code: raw, whole } } };
    }
    return unknown;
  };
  switch (code.length) {
    case 7:
      return gmina(code);
    case 6: {
      if (code.startsWith('4')) return gmina(`0${code}`);
      const matches = [...gminy.keys()].filter((k) => k.startsWith(code));
      return matches.length === 1 ? { kind: 'gmina', teryt: matches[0]! } : unknown;
    }
    case 12:
    case 11: {
      const id = code.padStart(12, '0');
      return gmina(`${id.slice(2, 4)}${id.slice(7, 9)}${id.slice(9, 12)}`);
    }
    case 2:
    case 4:
      return { kind: 'problem', problem: { key: 'territory.csv.problem.notAGmina', params: { code: raw } } };
    default:
      return unknown;
  }
}

/** A count of people: digits with optional spaces as thousands separators; `12,0` is accepted. */
export function parseCount(raw: string): { value: number } | { problem: 'notWhole' | 'tooLarge' } | null {
  const text = raw.trim();
  if (text === '' || NO_VALUE.has(text.toLowerCase())) return null;
  const compact = text.replace(/[\s\u00a0\u202f']/gu, '');
  const m = /^(\d+)(?:[.,]0+)?$/u.exec(compact);
  if (!m) return { problem: 'notWhole' };
  const value = Number(m[1]);
  if (!Number.isSafeInteger(value) || value > MAX_VALUE) return { problem: 'tooLarge' };
  return { value };
}

function nameMatches(given: string, expected: string): boolean {
  const g = fold(given).replace(/\s+/gu, ' ');
  const e = fold(expected);
  return g.includes(e);
}

interface Candidate extends ParsedRow {
  code: string;
}

export function parseStatisticsCsv(input: Buffer, gminy: ReadonlyMap<string, { name: string }>, opts: { maxYear: number }): ParseResult {
  const { text, encoding } = decodeSpreadsheetBytes(input);
  const delimiter = detectDelimiter(text);
  const result: ParseResult = {
    encoding,
    delimiter,
    columns: [],
    ignoredColumns: [],
    rows: [],
    problems: [],
    fileProblems: [],
    totalRows: 0,
  };
  if (text.trim() === '') {
    result.fileProblems.push({ key: 'territory.csv.file.empty' });
    return result;
  }
  let csv: CsvTable;
  try {
    csv = parseCsvText(text, delimiter);
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    result.fileProblems.push({ key: 'territory.csv.file.unreadable', params: { line: err.line ?? 1 } });
    return result;
  }
  if (csv.headers.length === 0) {
    result.fileProblems.push({ key: 'territory.csv.file.empty' });
    return result;
  }

  // which column plays which role
  const roleAt = new Map<Role, number>();
  csv.headers.forEach((h, i) => {
    const role = ROLE_OF.get(normaliseHeader(h));
    if (!role) {
      if (h.trim() !== '') result.ignoredColumns.push(h.trim());
      return;
    }
    if (roleAt.has(role)) result.fileProblems.push({ key: 'territory.csv.file.duplicateColumn', params: { column: h.trim() } });
    else roleAt.set(role, i);
  });
  if (!roleAt.has('teryt')) result.fileProblems.push({ key: 'territory.csv.file.noTerytColumn' });
  if (!roleAt.has('year')) result.fileProblems.push({ key: 'territory.csv.file.noYearColumn' });
  result.columns = STAT_MEASURES.filter((m) => roleAt.has(m)).map((m) => ({ measure: m, header: csv.headers[roleAt.get(m)!]! }));
  if (result.columns.length === 0) result.fileProblems.push({ key: 'territory.csv.file.noMeasureColumn' });
  const rows = csv.rows;
  result.totalRows = rows.length;
  if (rows.length === 0 && result.fileProblems.length === 0) result.fileProblems.push({ key: 'territory.csv.file.noRows' });
  if (rows.length > MAX_DATA_ROWS) result.fileProblems.push({ key: 'territory.csv.file.tooManyRows', params: { count: MAX_DATA_ROWS } });
  if (result.fileProblems.length > 0) return result;

  const cell = (r: string[], role: Role) => (roleAt.has(role) ? (r[roleAt.get(role)!] ?? '').trim() : '');
  const candidates: Candidate[] = [];
  for (const { cells: record, endLine: line } of rows) {
    const rawCode = cell(record, 'teryt');
    const problems: CsvProblem[] = [];
    const code = resolveCode(rawCode, gminy);
    if (code.kind === 'problem') problems.push(code.problem);
    else {
      const given = cell(record, 'name');
      const expected = gminy.get(code.teryt)!.name;
      if (given !== '' && !nameMatches(given, expected))
        problems.push({ key: 'territory.csv.problem.nameMismatch', params: { given, expected, code: code.teryt } });
    }
    const rawYear = cell(record, 'year');
    const year = /^\d{4}$/u.test(rawYear) ? Number(rawYear) : NaN;
    if (rawYear === '') problems.push({ key: 'territory.csv.problem.missingYear' });
    else if (!(year >= MIN_YEAR && year <= opts.maxYear))
      problems.push({ key: 'territory.csv.problem.badYear', params: { value: rawYear, min: MIN_YEAR, max: opts.maxYear } });
    const values: Partial<Record<StatMeasure, number>> = {};
    for (const { measure, header: column } of result.columns) {
      const raw = cell(record, measure);
      const parsed = parseCount(raw);
      if (parsed === null) continue;
      if ('problem' in parsed) {
        problems.push({
          key: parsed.problem === 'notWhole' ? 'territory.csv.problem.notWholeNumber' : 'territory.csv.problem.tooLarge',
          params: { column, value: raw },
        });
      } else values[measure] = parsed.value;
    }
    const hasValues = Object.keys(values).length > 0;
    if (
      !hasValues &&
      !problems.some((p) => p.key === 'territory.csv.problem.notWholeNumber' || p.key === 'territory.csv.problem.tooLarge')
    ) {
      problems.push({ key: 'territory.csv.problem.noValues' });
    }
    const population = values.population;
    if (population !== undefined) {
      for (const m of ['registered_unemployed', 'social_assistance'] as const) {
        const v = values[m];
        if (v !== undefined && v > population)
          problems.push({ key: `territory.csv.problem.exceedsPopulation.${m}`, params: { value: v, population } });
      }
    }
    if (problems.length > 0) {
      for (const p of problems) result.problems.push({ ...p, line, code: rawCode });
      continue;
    }
    candidates.push({ line, code: rawCode, teryt: (code as { teryt: string }).teryt, year, values });
  }

  // the same gmina and year twice: neither row can be trusted over the other
  const byKey = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = `${c.teryt}|${c.year}`;
    byKey.set(key, [...(byKey.get(key) ?? []), c]);
  }
  for (const group of byKey.values()) {
    if (group.length === 1) {
      const { code: _code, ...row } = group[0]!;
      result.rows.push(row);
      continue;
    }
    const lines = group.map((c) => c.line).join(', ');
    for (const c of group) {
      result.problems.push({ line: c.line, code: c.code, key: 'territory.csv.problem.duplicate', params: { lines, year: c.year } });
    }
  }
  result.rows.sort((a, b) => a.line - b.line);
  result.problems.sort((a, b) => a.line - b.line);
  return result;
}
