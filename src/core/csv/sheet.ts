// Reads an uploaded table that staff made in a spreadsheet, whichever way they saved it: XLSX (the
// zip signature decides; exceljs, the first worksheet, each cell as the text it shows) or CSV
// (readSpreadsheetCsv: encoding, separator, line numbers). Both give the same header and numbered
// rows, so the modules that import such files (purchases, evaluation recommendations, the CPV
// vocabulary) only say what the columns mean and what an unreadable file (null here) is to them.
import type { Cell, Workbook } from 'exceljs';
import { CsvSyntaxError, readSpreadsheetCsv } from './read.js';

export interface SpreadsheetTable {
  /** The first row (XLSX: the first row with anything in it). */
  headers: string[];
  /** Data rows that are not empty, with the line (the worksheet's row number) they stand on. */
  rows: { line: number; cells: string[] }[];
}

export interface SpreadsheetReadOptions {
  /** A date cell of a workbook as `YYYY-MM-DD` (its UTC day) rather than the text exceljs gives it. */
  datesAsDays?: boolean;
}

/**
 * A new exceljs workbook. The library is loaded on first use, not with the module: it is the
 * heaviest import of the application (0.2–0.4 s), and most processes (every test file, a server
 * that never exports a spreadsheet) never need it.
 */
export async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  return new ExcelJS.Workbook();
}

/** A zip file (`PK\x03\x04`), as every XLSX workbook is. */
export const isXlsx = (data: Buffer): boolean =>
  data.length > 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;

const pad = (n: number) => String(n).padStart(2, '0');

async function readXlsx(data: Buffer, opts: SpreadsheetReadOptions): Promise<SpreadsheetTable | null> {
  const wb = await newWorkbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const ws = wb.worksheets[0];
  if (!ws) return { headers: [], rows: [] };
  // a number cell gives its value as it is (exceljs applies no number format to `text`)
  const text = (cell: Cell): string => {
    const v = cell.value;
    if (opts.datesAsDays && v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    return (cell.text ?? '').trim();
  };
  let headers: string[] = [];
  const rows: SpreadsheetTable['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(text(row.getCell(c)));
    if (headers.length === 0) headers = cells;
    else if (cells.some((c) => c !== '')) rows.push({ line: rowNumber, cells });
  });
  return { headers, rows };
}

function readCsv(data: Buffer): SpreadsheetTable | null {
  try {
    const t = readSpreadsheetCsv(data);
    return { headers: t.headers, rows: t.rows.map((r) => ({ line: r.line, cells: r.cells })) };
  } catch (err) {
    if (err instanceof CsvSyntaxError) return null;
    throw err;
  }
}

/** Bytes of an uploaded XLSX or CSV file → header and rows; null when they are neither a workbook exceljs opens nor CSV. */
export async function readSpreadsheetFile(data: Buffer, opts: SpreadsheetReadOptions = {}): Promise<SpreadsheetTable | null> {
  return isXlsx(data) ? readXlsx(data, opts) : readCsv(data);
}
