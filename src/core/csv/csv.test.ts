// core/csv: decoding what spreadsheets save (BOM, UTF-8, windows-1250, UTF-16), finding the
// separator, quoted cells, line numbers; an uploaded table read alike from XLSX and CSV; writing
// BOM + `;` + CRLF with the formula guard, and reading our own output back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import {
  CsvSyntaxError,
  decodeSpreadsheetBytes,
  detectDelimiter,
  isXlsx,
  parseCsvText,
  readSpreadsheetCsv,
  readSpreadsheetFile,
  spreadsheetCell,
  spreadsheetCsv,
  spreadsheetCsvStream,
} from './index.js';

const LETTERS = 'ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ';

test('UTF-8 with and without a BOM, windows-1250 and UTF-16LE with a BOM decode to the same Polish letters', () => {
  const utf8 = Buffer.from(`nazwa;opis\n${LETTERS};x\n`, 'utf8');
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
  const cp1250 = iconv.encode(`nazwa;opis\n${LETTERS};x\n`, 'win1250');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(`nazwa\t${LETTERS}\n`, 'utf-16le')]);
  // single bytes in windows-1250: ą = 0xB9, ł = 0xB3, ó = 0xF3, ż = 0xBF, Ż = 0xAF (none valid UTF-8 on its own)
  for (const b of [0xb9, 0xb3, 0xf3, 0xbf, 0xaf]) assert.ok(cp1250.includes(b), b.toString(16));
  assert.deepEqual(decodeSpreadsheetBytes(utf8), { text: `nazwa;opis\n${LETTERS};x\n`, encoding: 'utf-8' });
  assert.deepEqual(decodeSpreadsheetBytes(bom), { text: `nazwa;opis\n${LETTERS};x\n`, encoding: 'utf-8' }, 'the BOM is removed');
  assert.deepEqual(decodeSpreadsheetBytes(cp1250), { text: `nazwa;opis\n${LETTERS};x\n`, encoding: 'windows-1250' });
  assert.deepEqual(decodeSpreadsheetBytes(utf16), { text: `nazwa\t${LETTERS}\n`, encoding: 'utf-16le' });
  for (const bytes of [utf8, bom, cp1250]) assert.equal(readSpreadsheetCsv(bytes).rows[0]!.cells[0], LETTERS);
  assert.equal(readSpreadsheetCsv(bom).headers[0], 'nazwa', 'no BOM left in the first header');
});

test('the separator is the one used most in the first non-empty line, outside quotes; `;` wins a tie', () => {
  assert.equal(detectDelimiter('nazwa;nip;regon\n'), ';');
  assert.equal(detectDelimiter('name,nip,regon\n'), ',');
  assert.equal(detectDelimiter('name\tnip\tregon\n'), '\t');
  assert.equal(detectDelimiter('a;b;c\n1,5;2;3'), ';', 'decimal commas in the data do not count');
  assert.equal(detectDelimiter('a,b,c\n1;2;3'), ',');
  assert.equal(detectDelimiter('"nazwa, pełna";nip\n'), ';');
  assert.equal(detectDelimiter('"a;x",b,c'), ',', 'separators inside quotes do not count');
  assert.equal(detectDelimiter('a;b,c'), ';', 'a tie goes to `;`');
  assert.equal(detectDelimiter('a\tb,c'), '\t', 'then to tab');
  assert.equal(detectDelimiter('nazwa\n'), ';');
  assert.equal(detectDelimiter('\n\r\n  \nname,town\n'), ',', 'blank lines before the header are skipped');
  assert.equal(detectDelimiter(''), ';');
});

test('quoted cells keep separators, quotes and line breaks; CRLF and LF both end rows; line numbers follow the file', () => {
  const t = parseCsvText(
    'name,town\r\n"Fundacja ""Most"", Toruń",Toruń\r\n"Opis\nw dwóch liniach",Chełmno\r\n,\r\n  Stowarzyszenie  , Grudziądz\r\n" spacje ",x\n',
  );
  assert.deepEqual(t.headers, ['name', 'town']);
  assert.deepEqual(
    t.rows.map((r) => [r.line, r.endLine, r.cells]),
    [
      [2, 2, ['Fundacja "Most", Toruń', 'Toruń']],
      // Excel ends rows with CRLF and lines inside a cell with LF
      [3, 4, ['Opis\nw dwóch liniach', 'Chełmno']],
      // line 5 has only empty cells: left out, counted
      [6, 6, ['Stowarzyszenie', 'Grudziądz']],
      [7, 7, [' spacje ', 'x']],
    ],
  );
  const semicolon = readSpreadsheetCsv(Buffer.from('a;b;c\n1;"2;3";4;5\n6\n'));
  assert.equal(semicolon.delimiter, ';');
  assert.deepEqual(
    semicolon.rows.map((r) => r.cells),
    [['1', '2;3', '4', '5'], ['6']],
    'rows may be longer or shorter than the header',
  );
  assert.deepEqual(parseCsvText(''), { headers: [], rows: [] });
  assert.deepEqual(parseCsvText('\n\nnazwa;nip\nA;1\n').rows, [{ line: 4, endLine: 4, cells: ['A', '1'] }]);
});

test('text that is not CSV fails with the line where reading stopped', () => {
  assert.throws(
    () => parseCsvText('teryt;rok;ludnosc\n"0463011;2023;1\n'),
    (err: unknown) => err instanceof CsvSyntaxError && err.line !== null && err.line >= 2,
  );
  // a stray quote inside an unquoted cell is tolerated (relaxed quoting): spreadsheets write 12" monitors
  assert.deepEqual(parseCsvText('a;b\n12" monitor;x\n').rows[0]!.cells, ['12" monitor', 'x']);
});

test('the formula guard: = + - @ tab and CR at the start become text; plain negative numbers stay numbers', () => {
  const cases: [string | null, string][] = [
    ['=HYPERLINK("http://evil.example")', `'=HYPERLINK("http://evil.example")`],
    ['+48 123 456 789', `'+48 123 456 789`],
    ["-2+3+cmd|' /C calc'!A0", `'-2+3+cmd|' /C calc'!A0`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\uFF1D1+1', `'\uFF1D1+1`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['-', `'-`],
    ['-A1', `'-A1`],
    ['-1-1', `'-1-1`],
    ['-3', '-3'],
    ['-12,5', '-12,5'],
    ['-0.25', '-0.25'],
    ['-1e-7', '-1e-7'],
    ['12', '12'],
    ['Łódź = miasto', 'Łódź = miasto'],
    ["'już tekst", "'już tekst"],
    ['', ''],
    [null, ''],
  ];
  for (const [value, cell] of cases) assert.equal(spreadsheetCell(value), cell, JSON.stringify(value));
});

test('written CSV: a UTF-8 BOM, `;`, CRLF, quoting where needed, every cell guarded', () => {
  const csv = spreadsheetCsv([
    ['Nazwa', 'Wartość', 'Uwagi'],
    ['Spółdzielnia „Żółw”; Łódź', '-12,5', '=1+1'],
    ['Dwie\nlinie', null, 'cudzysłów "x"'],
  ]);
  assert.ok(csv.startsWith('\uFEFF'), 'BOM');
  assert.equal(Buffer.from(csv, 'utf8').subarray(0, 3).toString('hex'), 'efbbbf');
  assert.equal(csv, '\uFEFFNazwa;Wartość;Uwagi\r\n"Spółdzielnia „Żółw”; Łódź";-12,5;\'=1+1\r\n"Dwie\nlinie";;"cudzysłów ""x"""\r\n');
  // read back by our own reader: the same cells (the guard's apostrophe stays: it is part of the text now)
  const back = readSpreadsheetCsv(Buffer.from(csv, 'utf8'));
  assert.equal(back.delimiter, ';');
  assert.deepEqual(back.headers, ['Nazwa', 'Wartość', 'Uwagi']);
  assert.deepEqual(
    back.rows.map((r) => r.cells),
    [
      ['Spółdzielnia „Żółw”; Łódź', '-12,5', "'=1+1"],
      ['Dwie\nlinie', '', 'cudzysłów "x"'],
    ],
  );
});

test('the streamed CSV is byte for byte the same as the one-piece CSV, and reports a failing source', async () => {
  const rows = [
    ['a', 'b'],
    ['@x', '-1'],
    ['ż', null],
  ];
  async function* source() {
    for (const r of rows) yield r;
  }
  assert.equal((await buffer(spreadsheetCsvStream(source(), () => {}))).toString('utf8'), spreadsheetCsv(rows));
  let heard: Error | null = null;
  async function* failing(): AsyncGenerator<string[]> {
    yield ['a'];
    throw new Error('database gone');
  }
  const stream = spreadsheetCsvStream(failing(), (err) => (heard = err));
  await assert.rejects(buffer(stream));
  assert.equal((heard as Error | null)?.message, 'database gone');
});

test('an uploaded table reads the same from XLSX and CSV: header, numbered rows without empty ones; unreadable bytes give null', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Arkusz');
  ws.addRow(['Nazwa', ' Kwota ', 'Termin']);
  ws.addRow(['Spółdzielnia „Żółw”', 1234.5, new Date(Date.UTC(2027, 11, 31))]);
  ws.addRow([]);
  ws.addRow(['  Fundacja  ', null, null]);
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  assert.ok(isXlsx(xlsx));
  const fromXlsx = await readSpreadsheetFile(xlsx, { datesAsDays: true });
  assert.deepEqual(fromXlsx, {
    headers: ['Nazwa', 'Kwota', 'Termin'],
    rows: [
      { line: 2, cells: ['Spółdzielnia „Żółw”', '1234.5', '2027-12-31'] },
      { line: 4, cells: ['Fundacja', '', ''] },
    ],
  });
  const plainDates = await readSpreadsheetFile(xlsx);
  assert.notEqual(plainDates?.rows[0]!.cells[2], '2027-12-31', 'without datesAsDays a date cell is the text exceljs gives it');
  const csv = iconv.encode('Nazwa;Kwota;Termin\nSpółdzielnia „Żółw”;1234.5;2027-12-31\n;;\nFundacja;;\n', 'win1250');
  assert.ok(!isXlsx(csv));
  assert.deepEqual(await readSpreadsheetFile(csv), fromXlsx);
  assert.equal(await readSpreadsheetFile(Buffer.from('a;b\n"nie zamknięty;1\n')), null, 'not CSV');
  assert.equal(await readSpreadsheetFile(Buffer.from('PK\x03\x04 nie zip', 'latin1')), null, 'not a workbook');
});
