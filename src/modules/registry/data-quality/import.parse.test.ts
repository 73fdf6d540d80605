// The CSV reader of the entity import: encodings (UTF-8 with and without BOM, windows-1250 bytes),
// delimiters, quoted fields, header aliases in Polish and English, row numbers, and --map options.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { decodeBytes, detectDelimiter, initialMapping, parseCsv, parseMapOptions, recogniseHeader, unknownOverrides } from './import.parse.js';

const POLISH = 'Nazwa;Miejscowość\n"Spółdzielnia Socjalna „Żółw”";Łódź\n';

test('UTF-8 with a BOM, UTF-8 without, and windows-1250 bytes all decode to the same Polish text', () => {
  const utf8 = Buffer.from(POLISH, 'utf8');
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
  const cp1250 = iconv.encode(POLISH.replace('„', '"').replace('”', '"'), 'win1250');
  // the file really is single-byte: "ó" is one byte 0xF3 in windows-1250, invalid as UTF-8
  assert.ok(cp1250.includes(0xf3));
  assert.deepEqual(decodeBytes(utf8), { text: POLISH, encoding: 'utf-8' });
  assert.deepEqual(decodeBytes(bom), { text: POLISH, encoding: 'utf-8' });
  const win = decodeBytes(cp1250);
  assert.equal(win.encoding, 'windows-1250');
  assert.match(win.text, /Spółdzielnia Socjalna/);
  assert.match(win.text, /Łódź/);
  const parsed = parseCsv(cp1250);
  assert.deepEqual(parsed.headers, ['Nazwa', 'Miejscowość']);
  assert.equal(parsed.records[0]!.cells[1], 'Łódź');
});

test('the delimiter comes from the header line; quoted separators and line breaks stay in the field', () => {
  assert.equal(detectDelimiter('nazwa;nip;regon\n'), ';');
  assert.equal(detectDelimiter('name,nip,regon\n'), ',');
  assert.equal(detectDelimiter('"nazwa, pełna";nip\n'), ';');
  assert.equal(detectDelimiter('nazwa\n'), ';');
  const comma = parseCsv(Buffer.from('name,town\n"Fundacja ""Most"", Toruń",Toruń\n"Opis\nw dwóch liniach",Chełmno\nStowarzyszenie,Grudziądz\n'));
  assert.equal(comma.delimiter, ',');
  assert.deepEqual(
    comma.records.map((r) => [r.line, r.cells[0]]),
    [
      [2, 'Fundacja "Most", Toruń'],
      [3, 'Opis\nw dwóch liniach'],
      [5, 'Stowarzyszenie'],
    ],
  );
  // rows of empty cells are skipped, row numbers still match the file
  const gaps = parseCsv(Buffer.from('nazwa;nip\nA;1\n;\nB;2\n'));
  assert.deepEqual(gaps.records.map((r) => r.line), [2, 4]);
});

test('header aliases: Polish and English, any case, with or without diacritics and underscores', () => {
  const cases: [string, string | null][] = [
    ['Nazwa', 'name'],
    ['NAME', 'name'],
    ['skrót', 'short_name'],
    ['short_name', 'short_name'],
    ['Forma prawna', 'legal_form'],
    ['FORMA_PRAWNA', 'legal_form'],
    ['legal form', 'legal_form'],
    ['NIP', 'nip'],
    ['Regon', 'regon'],
    ['Nr KRS', 'krs'],
    ['TERYT', 'gmina_teryt'],
    ['gmina_teryt', 'gmina_teryt'],
    ['Miejscowość', 'town'],
    ['town', 'town'],
    ['Adres', 'address'],
    ['E-mail', 'email'],
    ['telefon', 'phone'],
    ['WWW', 'website'],
    ['website', 'website'],
    ['Opis', 'description'],
    ['sektory', 'sectors'],
    ['data_rejestracji', 'registration_date'],
    ['Ulubiony kolor', null],
  ];
  for (const [header, field] of cases) assert.equal(recogniseHeader(header), field, header);
});

test('--map options override recognition, "-" skips a column, mistakes are reported', () => {
  const headers = ['Pełna nazwa podmiotu', 'NIP', 'Uwagi'];
  const { overrides, errors } = parseMapOptions(['Pełna nazwa podmiotu=name', 'nip=-', 'kolumna=nie_ma_pola', 'bez-znaku']);
  assert.equal(errors.length, 2);
  assert.match(errors[0]!, /unknown field "nie_ma_pola"/);
  assert.match(errors[1]!, /expected HEADER=FIELD/);
  assert.deepEqual(initialMapping(headers, overrides), ['name', null, null]);
  assert.deepEqual(initialMapping(headers), [null, 'nip', null]);
  assert.deepEqual(unknownOverrides(headers, parseMapOptions(['Nazwaa=name']).overrides), ['nazwaa']);
});
