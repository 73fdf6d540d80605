// CSV for spreadsheets, the one way the platform writes it: UTF-8 with a BOM (so Polish Excel keeps
// ą, ł, ż), `;` separators (Polish Excel reads `,` as the decimal comma), CRLF line ends, quoting by
// csv-stringify, and every cell passed through the formula guard: a cell that a spreadsheet would
// run as a formula (text typed by strangers: names, e-mails, comments) gets a leading apostrophe.
import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';

/** A cell as callers hand it over; null is an empty cell. */
export type CsvCell = string | null;

// also the full-width ＝ ＋ － ＠ that Apple Numbers reads as their ASCII forms
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;
/** A plain negative number (`-3`, `-12,5`, `-0.25`, `-1e-7`) is a value, not a formula. */
const NEGATIVE_NUMBER = /^-\d+(?:[.,]\d+)?(?:e[+-]?\d+)?$/iu;

/**
 * The formula guard: values starting with = + - @ (ASCII or full-width) or a tab/CR get a leading apostrophe, so the
 * spreadsheet shows them as text instead of running them (OWASP "CSV injection"). Plain negative
 * numbers are left as they are, so they stay numbers a spreadsheet can add up. (csv-stringify's own
 * `escape_formulas` would quote `-12,5` given as text, and numbers here are text: Polish decimal comma.)
 */
export function spreadsheetCell(value: CsvCell): string {
  if (value === null) return '';
  return FORMULA_START.test(value) && !NEGATIVE_NUMBER.test(value) ? `'${value}` : value;
}

// quote_record_delimiter: a cell with a lone LF or CR is quoted too (csv-stringify stops doing that
// once record_delimiter is set, and a spreadsheet would then split the row)
const OPTIONS = { bom: true, delimiter: ';', record_delimiter: 'windows', quote_record_delimiter: true } as const;

const guarded = (row: readonly CsvCell[]): string[] => row.map(spreadsheetCell);

/** Rows (the header first) as one spreadsheet CSV text, BOM included. */
export function spreadsheetCsv(rows: Iterable<readonly CsvCell[]>): string {
  return stringifySync(Array.from(rows, guarded), OPTIONS);
}

/**
 * The same, streamed: rows are pulled as the client reads, so a large export is never held in
 * memory. `onError` hears a failure of the source after the response has started.
 */
export function spreadsheetCsvStream(
  rows: AsyncIterable<readonly CsvCell[]> | Iterable<readonly CsvCell[]>,
  onError: (err: Error) => void,
): Readable {
  async function* guardedRows(): AsyncGenerator<string[]> {
    for await (const row of rows) yield guarded(row);
  }
  return pipeline(Readable.from(guardedRows()), stringify(OPTIONS), (err) => {
    if (err) onError(err);
  });
}
