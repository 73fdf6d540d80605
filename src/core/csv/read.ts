// Reads CSV files as staff get them from spreadsheets and other systems: Polish Excel saves
// windows-1250 with `;`, other tools UTF-8 (with or without a BOM) with `,`, some UTF-16 with a BOM
// or tabs. The bytes decide the encoding, the first line the separator; csv-parse does the
// quoting (separators and line breaks inside quoted fields). What the cells mean is the caller's.
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'windows-1250' | 'utf-16le';
export type CsvDelimiter = ';' | ',' | '\t';

/** Decodes bytes: a BOM decides; otherwise strict UTF-8, and when that fails windows-1250 (Polish Excel). */
export function decodeSpreadsheetBytes(input: Buffer): { text: string; encoding: CsvEncoding } {
  if (input.length >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf)
    return { text: input.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (input.length >= 2 && input[0] === 0xff && input[1] === 0xfe)
    return { text: iconv.decode(input.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(input), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(input, 'win1250'), encoding: 'windows-1250' };
  }
}

/** The first line with anything on it (the header), without reading past it. */
function firstLine(text: string): string {
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    if (line.trim() !== '') return line;
    start = end + 1;
  }
  return '';
}

/** The separator used most in the header line outside quotes; `;` wins a tie (Polish Excel), then tab. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine(text)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch] += 1;
  }
  return ([';', '\t', ','] as const).reduce<CsvDelimiter>((best, d) => (counts[d] > counts[best] ? d : best), ';');
}

export interface CsvRow {
  /** The line of the file the row starts on (1 = the header). */
  line: number;
  /** The line it ends on (later than `line` when a quoted cell holds line breaks). */
  endLine: number;
  /** Cells without the spaces around them (spaces inside quotes are kept). */
  cells: string[];
}

export interface CsvTable {
  /** The first row, trimmed. */
  headers: string[];
  /** The data rows; rows of only empty cells are left out (their lines still count). */
  rows: CsvRow[];
}

/** The text is not CSV (e.g. a quote never closed); `line` is where the reader gave up, when known. */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number | null) {
    super(`CSV syntax error${line === null ? '' : ` near line ${line}`}`);
  }
}

/** Splits decoded text into the header and the data rows. Rows may have more or fewer cells than the header. */
export function parseCsvText(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      trim: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof records;
  } catch (err) {
    const line = (err as { lines?: unknown }).lines;
    throw new CsvSyntaxError(typeof line === 'number' ? line : null);
  }
  const [head, ...body] = records;
  if (!head) return { headers: [], rows: [] };
  const rows: CsvRow[] = [];
  let previousEnd = head.info.lines;
  for (const r of body) {
    // csv-parse reports the line a record ends on; a record starts one line after the previous one ended
    const line = previousEnd + 1;
    previousEnd = r.info.lines;
    if (r.record.every((c) => c.trim() === '')) continue;
    rows.push({ line, endLine: r.info.lines, cells: r.record });
  }
  return { headers: head.record.map((h) => h.trim()), rows };
}

export interface SpreadsheetCsv extends CsvTable {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
}

/** Bytes of an uploaded CSV → encoding, separator, header and rows. Throws CsvSyntaxError. */
export function readSpreadsheetCsv(input: Buffer): SpreadsheetCsv {
  const { text, encoding } = decodeSpreadsheetBytes(input);
  const delimiter = detectDelimiter(text);
  return { encoding, delimiter, ...parseCsvText(text, delimiter) };
}
