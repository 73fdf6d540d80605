// Reading a buyer's yearly spending file: CSV or XLSX, read by core/csv (UTF-8 with or without a BOM
// or windows-1250, `;` or `,`; each workbook cell as the text it shows). Headers are
// recognised in Polish or English written any way (NIP, supplier, amount, category); every row is
// checked — NIP check digit (empty allowed: a foreign supplier), supplier named, amount a positive
// sum in PLN with at most two decimals ("1 234,56", "1234.56") — and the problems are listed by line,
// as the registry import does. Nothing here touches the database.
import { readSpreadsheetFile } from '../../../core/csv/index.js';
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

const unreadable = () =>
  new AppError('http.validation', {}, [{ field: 'file', label: 'purchases.import.file', key: 'purchases.errors.fileUnreadable' }]);

/** Reads and checks the uploaded file; throws a validation AppError when there is no readable file. */
export async function readPurchaseFile(upload: Upload | null): Promise<PurchaseSheet> {
  if (!upload || upload.data.length === 0)
    throw new AppError('http.validation', {}, [{ field: 'file', label: 'purchases.import.file', key: 'validation.required' }]);
  if (upload.truncated)
    throw new AppError('http.validation', {}, [{ field: 'file', label: 'purchases.import.file', key: 'purchases.errors.fileTooLarge' }]);
  const sheet = await readSpreadsheetFile(upload.data);
  if (!sheet) throw unreadable();
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
