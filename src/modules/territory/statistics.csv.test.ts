// The statistics reader on its own: files in every encoding and separator (read by core/csv),
// GUS BDL header aliases, codes as spreadsheets mangle them, and every row problem the preview
// must show (unknown TERYT, non-numeric values, duplicates, missing year…).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { normaliseHeader, parseCount, parseStatisticsCsv, resolveCode } from './statistics.csv.js';

const GMINY = new Map([
  ['0463011', { name: 'Toruń' }],
  ['0461011', { name: 'Bydgoszcz' }],
  ['0402011', { name: 'Brodnica' }],
  ['0402032', { name: 'Brodnica' }],
  ['0419063', { name: 'Żnin' }],
  ['0415052', { name: 'Łubianka' }],
]);
const opts = { maxYear: 2026 };
const parse = (text: string | Buffer) => parseStatisticsCsv(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, GMINY, opts);
const keys = (r: ReturnType<typeof parse>) => r.problems.map((p) => `${p.line}:${p.key.replace('territory.csv.problem.', '')}`);

test('a clean file: semicolons, Polish headers, spaces as thousands separators', () => {
  const r = parse('teryt;rok;ludność;bezrobotni;pomoc_spoleczna\n0463011;2023;196 545;2 101;5 400\n0461011;2023;330038;4200;\n');
  assert.deepEqual(r.fileProblems, []);
  assert.deepEqual(r.problems, []);
  assert.equal(r.delimiter, ';');
  assert.equal(r.encoding, 'utf-8');
  assert.deepEqual(
    r.columns.map((c) => c.measure),
    ['population', 'registered_unemployed', 'social_assistance'],
  );
  assert.deepEqual(r.rows, [
    { line: 2, teryt: '0463011', year: 2023, values: { population: 196545, registered_unemployed: 2101, social_assistance: 5400 } },
    { line: 3, teryt: '0461011', year: 2023, values: { population: 330038, registered_unemployed: 4200 } },
  ]);
});

test('bad rows are reported by line and kept out; good rows stay', () => {
  const text = [
    'kod,rok,population,social_assistance',
    '0463011,2023,196545,5400', // 2 good
    '0499999,2023,1000,10', // 3 unknown gmina
    '0461011,2023,dużo,10', // 4 not a number
    '0461011,2023,1200.5,10', // 5 not whole
    '0402011,2023,25000,100', // 6 duplicate of 7
    '0402011,2023,25001,100', // 7
    '0402032,,9000,50', // 8 no year
    '0419063,2031,13000,60', // 9 year in the future
    '0415052,2023,,', // 10 no values
    'abc,2023,100,1', // 11 not a code
    '0415052,2023,100,500', // 12 assistance > population
    '0463,2023,100,1', // 13 a powiat code
  ].join('\n');
  const r = parse(text);
  assert.equal(r.delimiter, ',');
  assert.equal(r.totalRows, 12);
  assert.deepEqual(
    r.rows.map((x) => x.line),
    [2],
  );
  assert.deepEqual(keys(r), [
    '3:unknownTeryt',
    '4:notWholeNumber',
    '5:notWholeNumber',
    '6:duplicate',
    '7:duplicate',
    '8:missingYear',
    '9:badYear',
    '10:noValues',
    '11:notACode',
    '12:exceedsPopulation.social_assistance',
    '13:notAGmina',
  ]);
  const dup = r.problems.find((p) => p.line === 6)!;
  assert.deepEqual(dup.params, { lines: '6, 7', year: 2023 });
  assert.equal(r.problems.find((p) => p.line === 3)!.code, '0499999', 'the code as typed is kept for the preview');
});

test('UTF-8 with BOM and windows-1250 with the GUS Local Data Bank headers are read alike', () => {
  const text =
    'Kod;Nazwa;Rok;Ludność ogółem [osoba];Bezrobotni zarejestrowani;Osoby w gospodarstwach domowych korzystających ze środowiskowej pomocy społecznej\r\n0419063;Żnin;2022;21 500;410;1 300\r\n0415052;Łubianka;2022;7 100;95;250\r\n';
  const bom = parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
  const cp1250 = parse(iconv.encode(text, 'win1250'));
  assert.equal(bom.encoding, 'utf-8');
  assert.equal(cp1250.encoding, 'windows-1250');
  for (const r of [bom, cp1250]) {
    assert.deepEqual(r.fileProblems, []);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.rows, [
      { line: 2, teryt: '0419063', year: 2022, values: { population: 21500, registered_unemployed: 410, social_assistance: 1300 } },
      { line: 3, teryt: '0415052', year: 2022, values: { population: 7100, registered_unemployed: 95, social_assistance: 250 } },
    ]);
  }
});

test('a name that does not match the code is a problem (a shifted column is caught)', () => {
  const r = parse('kod;nazwa;rok;ludnosc\n0463011;Bydgoszcz;2023;100\n0463011;Gmina Miasto Toruń;2023;200\n');
  assert.deepEqual(keys(r), ['2:nameMismatch']);
  assert.equal(r.rows.length, 1, 'a longer name containing the gmina name is accepted');
});

test('codes as spreadsheets and the BDL write them', () => {
  assert.deepEqual(resolveCode('0463011', GMINY), { kind: 'gmina', teryt: '0463011' });
  assert.deepEqual(resolveCode('463011', GMINY), { kind: 'gmina', teryt: '0463011' }, 'Excel dropped the leading zero');
  assert.deepEqual(resolveCode("'0463011", GMINY), { kind: 'gmina', teryt: '0463011' }, 'Excel text marker');
  assert.deepEqual(resolveCode('041906', GMINY), { kind: 'gmina', teryt: '0419063' }, 'six digits without the type digit');
  // BDL unit id: MRWWSSPPPGGR — voivodeship 04, powiat 63, gmina 01, type 1
  assert.deepEqual(resolveCode('020416463011', GMINY), { kind: 'gmina', teryt: '0463011' });
  assert.deepEqual(resolveCode('20416463011', GMINY), { kind: 'gmina', teryt: '0463011' }, 'BDL id without its leading zero');
  assert.equal(resolveCode('020416999011', GMINY).kind, 'problem', 'an id that maps to no gmina is unknown, never guessed');
  const part = resolveCode('0419064', new Map([['0419063', { name: 'Żnin' }]]));
  assert.deepEqual(part, {
    kind: 'problem',
    problem: { key: 'territory.csv.problem.partOfGmina', params: { code: '0419064', whole: '0419063' } },
  });
});

test('whole files that cannot be used say why, and nothing is read from them', () => {
  assert.deepEqual(
    parse('').fileProblems.map((p) => p.key),
    ['territory.csv.file.empty'],
  );
  assert.deepEqual(
    parse('nazwa;ludnosc\nToruń;100\n').fileProblems.map((p) => p.key),
    ['territory.csv.file.noTerytColumn', 'territory.csv.file.noYearColumn'],
  );
  assert.deepEqual(
    parse('teryt;rok;kolor\n0463011;2023;zielony\n').fileProblems.map((p) => p.key),
    ['territory.csv.file.noMeasureColumn'],
  );
  assert.deepEqual(
    parse('teryt;rok;ludnosc\n').fileProblems.map((p) => p.key),
    ['territory.csv.file.noRows'],
  );
  assert.deepEqual(
    parse('teryt;rok;ludnosc;ludność\n0463011;2023;1;2\n').fileProblems.map((p) => p.key),
    ['territory.csv.file.duplicateColumn'],
  );
  assert.deepEqual(
    parse('teryt;rok;ludnosc\n"0463011;2023;1\n').fileProblems.map((p) => p.key),
    ['territory.csv.file.unreadable'],
  );
  const ignored = parse('teryt;rok;ludnosc;uwagi\n0463011;2023;1;x\n');
  assert.deepEqual(ignored.ignoredColumns, ['uwagi']);
});

test('small readers: header folding, counts', () => {
  assert.equal(normaliseHeader('  Ludność ogółem [osoba] '), 'ludnosc ogolem');
  assert.equal(normaliseHeader('pomoc_spoleczna'), 'pomoc spoleczna');
  assert.deepEqual(parseCount('1 234'), { value: 1234 });
  assert.deepEqual(parseCount('12,0'), { value: 12 });
  assert.deepEqual(parseCount('-'), null, 'GUS dash = no figure, not zero');
  assert.deepEqual(parseCount(''), null);
  assert.deepEqual(parseCount('0'), { value: 0 });
  assert.deepEqual(parseCount('-5'), { problem: 'notWhole' });
  assert.deepEqual(parseCount('99999999'), { problem: 'tooLarge' });
});
