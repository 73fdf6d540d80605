// The export core on a Polish report-like document: the PDF's text (read back with poppler's
// pdftotext) keeps the Polish headings intact and carries the tagging a screen reader needs; a long
// table breaks across pages with its header repeated; narrow columns wrap between words and hyphenate
// only a word longer than the column; the Word file parses back with its headings,
// lists and table cells; Markdown becomes blocks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import mammoth from 'mammoth';
import { pdfObjects, pdfStrings, pdfToText } from './export.testing.js';
import { blocksFromMarkdown, pdfFontLoads, renderDocx, renderPdf, type ExportDocument } from './index.js';
import { wrapCellText } from './pdf.js';

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">' +
  '<rect x="20" y="80" width="60" height="100" fill="#1f5fa8"/><rect x="120" y="40" width="60" height="140" fill="#1f5fa8"/>' +
  '<text x="20" y="195" font-size="12">Liczba podmiotów — Łódź</text></svg>';

function sample(rows = 3): ExportDocument {
  return {
    lang: 'pl',
    title: 'Sprawozdanie z realizacji programu za rok 2025',
    subtitle: 'Zażółć gęślą jaźń',
    author: 'Regionalny Ośrodek Polityki Społecznej w Toruniu',
    watermark: 'PROJEKT',
    blocks: [
      { kind: 'heading', level: 2, text: 'Cel główny: Zażółć gęślą jaźń' },
      { kind: 'paragraph', text: 'W roku sprawozdawczym przeprowadzono szkolenia dla podmiotów ekonomii społecznej.' },
      { kind: 'list', items: ['Pierwsze działanie — ŁÓDŹ', 'Drugie działanie — źdźbło'] },
      { kind: 'heading', level: 3, text: 'Działanie 1.1. Wsparcie spółdzielni socjalnych' },
      { kind: 'figure', svg: SVG, alt: 'Wykres słupkowy: liczba podmiotów rośnie z 10 do 14', caption: 'Rysunek 1. Liczba podmiotów' },
      {
        kind: 'table',
        caption: 'Tabela 1. Wartości wskaźnika',
        head: ['Rok', 'Obszar', 'Wartość'],
        rows: Array.from({ length: rows }, (_, i) => [String(2014 + i), `Powiat żniński ${i}`, (10 + i).toLocaleString('pl-PL')]),
        numeric: [false, false, true],
      },
      { kind: 'heading', level: 4, text: 'Postęp: osiągnięto' },
    ],
  };
}

test('PDF: Polish headings survive text extraction; tagged with structure tree, language and title', async () => {
  const pdf = await renderPdf(sample());
  assert.equal(pdf.subarray(0, 8).toString('latin1'), '%PDF-1.7');
  const text = pdfToText(pdf);
  assert.match(text, /Sprawozdanie z realizacji programu\s+za rok 2025/);
  assert.match(text, /Zażółć gęślą jaźń/);
  // The watermark at the top is text (an artifact); the diagonal one is outlines and never splits words.
  assert.equal((text.match(/PROJEKT/g) ?? []).length, 1);
  assert.match(text, /Cel główny: Zażółć gęślą jaźń/);
  assert.match(text, /Działanie 1\.1\. Wsparcie spółdzielni socjalnych/);
  assert.match(text, /Powiat żniński 2/);
  assert.match(text, /Strona 1 z 1/);
  const objects = pdfObjects(pdf);
  assert.match(objects, /\/StructTreeRoot/);
  assert.match(objects, /\/MarkInfo/);
  assert.match(objects, /\/Marked true/);
  assert.match(objects, /\/Lang \(pl-PL\)/);
  assert.match(objects, /\/DisplayDocTitle true/);
  for (const type of ['H1', 'H2', 'H3', 'H4', 'P', 'L', 'LI', 'Table', 'TR', 'TH', 'TD', 'Figure', 'Caption']) {
    assert.match(objects, new RegExp(`/S /${type}\\b`), `structure element ${type}`);
  }
  assert.match(objects, /\/Scope \/Column/);
  // The alt text is a PDF string (UTF-16BE with BOM when not ASCII); decode every string and look.
  assert.ok(pdfStrings(objects).includes('Wykres słupkowy: liczba podmiotów rośnie z 10 do 14'));
  assert.ok(pdfStrings(objects).includes('Sprawozdanie z realizacji programu za rok 2025'), 'document title in Info');
  assert.match(objects, /\/Artifact <<[^>]*\/Type \/Pagination/);
});

test('PDF: a long table breaks across pages and repeats its header; every page is numbered', async () => {
  const pdf = await renderPdf(sample(120));
  const text = pdfToText(pdf);
  const pages = text.split('\f').filter((p) => p.trim());
  assert.ok(pages.length >= 3, `expected several pages, got ${pages.length}`);
  const withHeader = pages.filter((p) => /Rok\s+Obszar\s+Wartość/.test(p) || (/\bRok\b/.test(p) && /Obszar/.test(p)));
  assert.ok(withHeader.length >= 2, 'table header on more than one page');
  assert.match(text, new RegExp(`Strona ${pages.length} z ${pages.length}`));
  assert.match(text, /Powiat żniński 119/);
  // The tagged header exists once: continuation headers are artifacts.
  assert.equal((pdfObjects(pdf).match(/\/S \/TH\b/g) ?? []).length, 3);
});

test('table cells wrap between words; only a word longer than the column is split, with a hyphen', () => {
  const mono = (s: string) => [...s].length * 5;
  // 12 characters to a line
  assert.deepEqual(wrapCellText('Stowarzyszenie spółdzielnia socjalna', 60, mono), ['Stowarzysze-', 'nie', 'spółdzielnia', 'socjalna']);
  assert.deepEqual(
    wrapCellText('ul. Bydgoska 5/7 kujawsko-pomorskie', 60, mono),
    ['ul. Bydgoska', '5/7', 'kujawsko-', 'pomorskie'],
    'a compound breaks after its own hyphen',
  );
  assert.deepEqual(wrapCellText('a\n\nb c', 60, mono), ['a', '', 'b c'], 'line breaks of the text are kept');
  const wideW = (s: string) => mono(s) + 15 * (s.split('W').length - 1);
  assert.deepEqual(wrapCellText('abcdefghijW', 60, wideW), ['abcdefghi-', 'jW'], 'no letter alone on a line when another can join it');
  assert.deepEqual(wrapCellText('', 60, mono), ['']);
  assert.deepEqual(wrapCellText('ż', 2, mono), ['ż'], 'one letter wider than the column stays whole');
  for (const line of wrapCellText(`${'Konstantynopolitańczykowianeczkowskiego'.repeat(2)} i tak dalej`, 60, mono))
    assert.ok(mono(line) <= 60, line);
});

test('a code (a document number, a date) in a cell stays on one line where the column can hold it', () => {
  const mono = (s: string) => [...s].length * 5;
  // 17 characters to a line: "Licencja ZP-2027-" would fit, the number is moved down whole
  assert.deepEqual(wrapCellText('Licencja ZP-2027-AWRAK1 z dnia 2027-03-18.', 85, mono), [
    'Licencja',
    'ZP-2027-AWRAK1 z',
    'dnia 2027-03-18.',
  ]);
  assert.deepEqual(wrapCellText('(nr 45000000-7)', 65, mono), ['(nr', '45000000-7)']);
  assert.deepEqual(wrapCellText('ZP-2027-AWRAK1', 50, mono), ['ZP-2027-', 'AWRAK1'], 'longer than the column: at its own hyphens');
  assert.deepEqual(
    wrapCellText('Toruń kujawsko-pomorskie', 85, mono),
    ['Toruń kujawsko-', 'pomorskie'],
    'a compound of words still breaks',
  );
});

test('PDF: a licence number in a squeezed column is drawn whole, read back with its hyphens', async () => {
  const prose = (word: string) => Array.from({ length: 30 }, () => word).join(' ');
  const numbers = ['ZP-2027-AWRAK1', 'ZP-2027-WWWMMW', 'ZP-2027-6TXJEG'];
  const pdf = await renderPdf({
    lang: 'pl',
    title: 'Licencje',
    author: 'ROPS',
    blocks: [
      {
        kind: 'table',
        caption: 'Tabela 1',
        head: ['Numer', 'Produkt', 'Uwagi', 'Uzasadnienie', 'Odpowiedź', 'Źródło'],
        rows: numbers.map((n) => [n, prose('obiady'), prose('uwaga'), prose('uzasadnienie'), prose('odpowiedź'), prose('źródło')]),
      },
    ],
  });
  const raw = pdfToText(pdf, 'raw');
  for (const n of numbers) assert.ok(raw.includes(n), `${n} on one line:\n${raw.slice(0, 400)}`);
});

test('PDF: words of a narrow column are not cut; a word longer than the column is hyphenated', async () => {
  const long = 'Konstantynopolitańczykowianeczkowskiegoż'; // 40 letters
  assert.equal([...long].length, 40);
  const author = `Stowarzyszenie spółdzielnia socjalna ${long} kujawsko-pomorskie`;
  const prose = (word: string) => Array.from({ length: 30 }, () => word).join(' ');
  const head = ['Lp.', 'Autor', 'Uwaga', 'Propozycja zmiany', 'Uzasadnienie', 'Odpowiedź', 'Uzasadnienie odpowiedzi'];
  const row = ['1', author, prose('uwaga'), prose('zmiana'), prose('uzasadnienie'), 'uwzględniona', prose('odpowiedź')];
  const pdf = await renderPdf({
    lang: 'pl',
    title: 'Raport',
    author: 'ROPS',
    blocks: [{ kind: 'table', caption: 'Tabela 1', head, rows: [row], numeric: [true, false, false, false, false, false, false] }],
  });
  const raw = pdfToText(pdf, 'raw');
  // a word as drawn: its letters, possibly with line breaks (with or without a hyphen) between them
  const drawn = (word: string) => {
    const pattern = [...word].map((c) => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('(?:-?\\s+)?');
    const found = new RegExp(pattern).exec(raw);
    assert.ok(found, `${word} is in the PDF`);
    return found[0];
  };
  for (const word of [...head, ...row].flatMap((cell) => cell.split(/\s+/)).filter((w) => w !== long)) {
    // a compound may break after its own hyphen; nothing else may come between its letters
    assert.equal(drawn(word).replace(/(?<=-)\s+/g, ''), word, `${word} is drawn whole`);
  }
  const split = drawn(long);
  assert.notEqual(split, long, 'the 40-letter word is longer than its column');
  assert.match(split, /^[^\s-]+(?:-\n[^\s-]+)+$/, 'every cut of the long word carries a hyphen');
  assert.ok(
    split.split('\n').every((part) => [...part.replace(/-$/, '')].length >= 2),
    split,
  );
  // read as a reader copies it, the hyphenated word is whole again
  assert.match(pdfToText(pdf), new RegExp(long));
});

test('PDF: English document declares its language; no watermark when none is given', async () => {
  const doc = { ...sample(), lang: 'en' as const, watermark: undefined };
  const pdf = await renderPdf(doc);
  const text = pdfToText(pdf);
  assert.match(text, /Page 1 of 1/);
  assert.doesNotMatch(text, /PROJEKT/);
  assert.match(pdfObjects(pdf), /\/Lang \(en-GB\)/);
});

test('DOCX: parses back with headings, list items, table cells, figure alt text and watermark', async () => {
  const docx = await renderDocx(sample());
  assert.equal(docx.subarray(0, 2).toString('latin1'), 'PK');
  const { value: html } = await mammoth.convertToHtml({ buffer: docx });
  assert.match(html, /<h1>Sprawozdanie z realizacji programu za rok 2025<\/h1>|<p>Sprawozdanie z realizacji programu za rok 2025<\/p>/);
  assert.match(html, /<h2>Cel główny: Zażółć gęślą jaźń<\/h2>/);
  assert.match(html, /<h3>Działanie 1\.1\. Wsparcie spółdzielni socjalnych<\/h3>/);
  assert.match(html, /<h4>Postęp: osiągnięto<\/h4>/);
  assert.match(html, /<li>Pierwsze działanie — ŁÓDŹ<\/li>/);
  assert.match(html, /<table>/);
  assert.match(html, /<th><p><strong>Obszar<\/strong><\/p><\/th>|<td><p><strong>Obszar<\/strong><\/p><\/td>/);
  assert.match(html, /<td><p>Powiat żniński 1<\/p><\/td>/);
  assert.match(html, /Wykres: Wykres słupkowy: liczba podmiotów rośnie z 10 do 14/);
  const { value: raw } = await mammoth.extractRawText({ buffer: docx });
  assert.match(raw, /Zażółć gęślą jaźń/);
  // The header (watermark) is not in mammoth's body output; check the part itself.
  assert.ok(docx.includes(Buffer.from('word/header')), 'a header part exists');
});

test('markdown becomes blocks: headings (capped at 4), paragraphs, lists, inline formatting as text', () => {
  const blocks = blocksFromMarkdown(
    '# Wstęp\n\nTekst **pogrubiony** i *kursywa* z [linkiem](https://example.org).\n\n- jeden\n- dwa\n  - zagnieżdżony\n\n1. pierwszy\n2. drugi\n\n###### Głęboki\n\n> cytat\n',
  );
  assert.deepEqual(blocks, [
    { kind: 'heading', level: 1, text: 'Wstęp' },
    { kind: 'paragraph', text: 'Tekst pogrubiony i kursywa z linkiem.' },
    { kind: 'list', items: ['jeden', 'dwa', 'zagnieżdżony'] },
    { kind: 'list', items: ['pierwszy', 'drugi'] },
    { kind: 'heading', level: 4, text: 'Głęboki' },
    { kind: 'paragraph', text: 'cytat' },
  ]);
  assert.deepEqual(blocksFromMarkdown(''), []);
});

test('PDF: the fonts are parsed once per process, however many documents', async () => {
  await renderPdf(sample());
  const loads = pdfFontLoads();
  await Promise.all([renderPdf(sample()), renderPdf(sample(3))]);
  assert.equal(loads, 1);
  assert.equal(pdfFontLoads(), 1);
});
