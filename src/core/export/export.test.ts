// The export core on a Polish report-like document: the PDF's text (read back with poppler's
// pdftotext) keeps the Polish headings intact and carries the tagging a screen reader needs; a long
// table breaks across pages with its header repeated; the Word file parses back with its headings,
// lists and table cells; Markdown becomes blocks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import mammoth from 'mammoth';
import { pdfObjects, pdfStrings, pdfToText } from './export.testing.js';
import { blocksFromMarkdown, renderDocx, renderPdf, type ExportDocument } from './index.js';

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
