// The public entry of core/csv: reading CSV files that come from spreadsheets (encoding and
// separator detection), uploaded tables saved as CSV or XLSX, and writing CSV that spreadsheets open
// safely (BOM, `;`, CRLF, formula guard).
export {
  CsvSyntaxError,
  decodeSpreadsheetBytes,
  detectDelimiter,
  parseCsvText,
  readSpreadsheetCsv,
  type CsvDelimiter,
  type CsvEncoding,
  type CsvRow,
  type CsvTable,
  type SpreadsheetCsv,
} from './read.js';
export { isXlsx, newWorkbook, readSpreadsheetFile, type SpreadsheetReadOptions, type SpreadsheetTable } from './sheet.js';
export { spreadsheetCell, spreadsheetCsv, spreadsheetCsvStream, type CsvCell } from './write.js';
