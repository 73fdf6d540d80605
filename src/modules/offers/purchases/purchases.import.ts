// Reading a buyer's yearly spending file: CSV (core/csv decides UTF-8 with or without a BOM or
// windows-1250, and `;` or `,`) or XLSX (exceljs, each cell as the text it shows). Headers are
// recognised in Polish or English written any way (NIP, supplier, amount, category); every row is
// checked — NIP check digit (empty allowed: a foreign supplier), supplier named, amount a positive
// sum in PLN with at most two decimals ("1 234,56", "1234.56") — and the problems are listed by line,
// as the registry import does. Nothing here touches the database.
import ExcelJS from 'exceljs';
import { CsvSyntaxError, readSpreadsheetCsv } from '../../../core/csv/index.js';
import { AppError, type Problem } from '../../../core/errors/app-error.js';
import type { Upload } from '../../../core/http/uploads.js';
import { fold } from '../../../core/search/index.js';
import { isValidNip, normaliseIdentifier } from '../../registry/index.js';

export const MAX_PURCHASE_BYTES = 5 * 1024 * 1024;
export const MAX_PURCHASE_ROWS = 20_000;

const COLUMNS = ['nip', 'supplier', 'amount', 'category'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['nip', 'supplier', 'amount'];

const ALIASES: Record<Column, readonly string[]> = {
  nip: ['nip', 'nip dostawcy', 'nip wykonawcy', 'supplier nip', 'vat id', 'tax id'],
  supplier: ['dostawca', 'wykonawca', 'nazwa dostawcy', 'nazwa wykonawcy', 'kontrahent', 'supplier', 'vendor', 'contractor'],
  amount: ['kwota', 'wartosc', 'kwota brutto', 'wartosc brutto', 'kwota zl', 'kwota pln', 'amount', 'value', 'gross amount'],
  category: ['kategoria', 'rodzaj', 'kategoria wydatku', 'category', 'type'],
};

export function columnOf(header: string): Column | null {
  const n = fold(header)
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim();
  return COLUMNS.find((c) => ALIASES[c].includes(n)) ?? null;
}

/** "1 234,56", "1234.56", "1.234,56 zł" → 123456 grosze; null when it is not a positive sum with at most two decimals. */
export function parseAmount(text: string): number | null {
  let s = text.replace(/[\s\u00a0]/gu, '').replace(/(zł|zl|pln)$/iu, '');
  if (s.includes(',') && s.includes('.'))
    s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./gu, '').replace(',', '.') : s.replace(/,/gu, '');
  else s = s.replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/u.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  const gr = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return gr > 0 && Number.isSafeInteger(gr) ? gr : null;
}

export interface PurchaseInput {
  line: number;
  nip: string | null;
  supplier: string;
  amountGr: number;
  category: string;
}

export interface PurchaseSheet {
  fileProblems: Problem[];
  rows: { input: PurchaseInput; problems: Problem[] }[];
}

interface Sheet {
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

const unreadable = () =>
  new AppError('http.validation', {}, [{ field: 'file', label: 'purchases.import.file', key: 'purchases.errors.fileUnreadable' }]);

async function readXlsx(data: Buffer): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const ws = wb.worksheets[0];
  if (!ws) return { headers: [], rows: [] };
  let headers: string[] = [];
  const rows: Sheet['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      // a number cell keeps its value (the text could be "1 234,56 zł" in the author's locale)
      cells.push(typeof cell.value === 'number' ? String(cell.value) : (cell.text ?? '').trim());
    }
    if (headers.length === 0) headers = cells;
    else if (cells.some((c) => c !== '')) rows.push({ line: rowNumber, cells });
  });
  return { headers, rows };
}

function readCsv(data: Buffer): Sheet {
  try {
    const t = readSpreadsheetCsv(data);
    return { headers: t.headers, rows: t.rows.map((r) => ({ line: r.line, cells: r.cells })) };
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw unreadable();
    throw err;
  }
}

const isXlsx = (data: Buffer) => data.length > 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;

/** Reads and checks the uploaded file; throws a validation AppError when there is no readable file. */
export async function readPurchaseFile(upload: Upload | null): Promise<PurchaseSheet> {
  if (!upload || upload.data.length === 0)
    throw new AppError('http.validation', {}, [{ field: 'file', label: 'purchases.import.file', key: 'validation.required' }]);
  if (upload.truncated)
    throw new AppError('http.validation', {}, [{ field: 'file', label: 'purchases.import.file', key: 'purchases.errors.fileTooLarge' }]);
  const sheet = isXlsx(upload.data) ? await readXlsx(upload.data) : readCsv(upload.data);
  const columns = sheet.headers.map(columnOf);
  const fileProblems: Problem[] = [];
  for (const c of REQUIRED)
    if (!columns.includes(c)) fileProblems.push({ key: 'purchases.errors.missingColumn', params: { column: ALIASES[c][0]! } });
  if (sheet.rows.length === 0) fileProblems.push({ key: 'purchases.errors.noRows' });
  if (sheet.rows.length > MAX_PURCHASE_ROWS)
    fileProblems.push({ key: 'purchases.errors.tooManyRows', params: { limit: MAX_PURCHASE_ROWS } });
  if (fileProblems.length) return { fileProblems, rows: [] };
  const rows = sheet.rows.map(({ line, cells }) => {
    const cell = (c: Column) => {
      const i = columns.indexOf(c);
      return i < 0 ? '' : (cells[i] ?? '').trim();
    };
    const problems: Problem[] = [];
    const nipText = cell('nip');
    let nip: string | null = null;
    if (nipText !== '') {
      // spreadsheets write "PL1234567890" or "123-456-78-90"
      const digits = normaliseIdentifier(nipText.replace(/^PL/iu, ''));
      if (digits === null || !isValidNip(digits))
        problems.push({ key: 'purchases.errors.rowNip', params: { value: nipText.slice(0, 30) } });
      else nip = digits;
    }
    const supplier = cell('supplier');
    if (supplier === '') problems.push({ key: 'purchases.errors.rowRequired', params: { column: ALIASES.supplier[0]! } });
    else if ([...supplier].length > 300)
      problems.push({ key: 'purchases.errors.rowTooLong', params: { column: ALIASES.supplier[0]!, limit: 300 } });
    const amountText = cell('amount');
    const amountGr = amountText === '' ? null : parseAmount(amountText);
    if (amountText === '') problems.push({ key: 'purchases.errors.rowRequired', params: { column: ALIASES.amount[0]! } });
    else if (amountGr === null) problems.push({ key: 'purchases.errors.rowAmount', params: { value: amountText.slice(0, 30) } });
    const category = cell('category');
    if ([...category].length > 200)
      problems.push({ key: 'purchases.errors.rowTooLong', params: { column: ALIASES.category[0]!, limit: 200 } });
    return { input: { line, nip, supplier, amountGr: amountGr ?? 0, category }, problems };
  });
  return { fileProblems, rows };
}
