// Tagged PDF from an ExportDocument. The PDF has to be readable by a screen reader, not only
// printable: every block becomes a structure element (H1–H4, P, L/LI, Table/TR/TH/TD, Figure with
// its Alt text) in reading order, the document language and title are declared, and what is only
// decoration — page numbers, the draft watermark, table rules, a table header repeated on a new
// page — is marked as an artifact so it is not read out. DejaVu fonts carry the Polish letters.
// Table cells are wrapped here, not by PDFKit: between words, a column at least as wide as its
// longest word where the page allows, and a hyphen where a longer word has to be cut; a code (a
// document number, a date) is broken at its own hyphens only when the column cannot hold it whole.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import SVGtoPDF from 'svg-to-pdfkit';
import { translator } from '../../i18n/index.js';
import type { ExportBlock, ExportDocument } from './document.js';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = {
  regular: join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  italic: join(FONT_DIR, 'DejaVuSans-Oblique.ttf'),
};

const MARGIN = { top: 64, bottom: 64, left: 60, right: 60 };
const HEADING_SIZE: Record<1 | 2 | 3 | 4, number> = { 1: 20, 2: 16, 3: 13.5, 4: 12 };
const BODY_SIZE = 10.5;
const TABLE_SIZE = 9;
const CELL_PAD = 4;
const FIGURE_MAX_HEIGHT = 300;

type Doc = PDFKit.PDFDocument;
type StructEl = PDFKit.PDFStructureElement;
/** pdfkit understands `scope` (a TH's /A /Scope) but its type declarations do not list it yet. */
type CellOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Row' | 'Column' | 'Both' };

const LOCALE: Record<ExportDocument['lang'], string> = { pl: 'pl-PL', en: 'en-GB' };

type FontFiles = Record<keyof typeof FONTS, Buffer>;
let fontFiles: Promise<FontFiles> | null = null;
let fontLoads = 0;

/**
 * The DejaVu font files read once per process; each document parses its own copy. A parsed font
 * object shared between documents kept glyphs cached without their characters: after another
 * document, a licence agreement's text lost every "Z" ("ZP-2027-…" read "P-2027-…") though it
 * still looked right — found when test files began to share a process.
 */
function fontsOnce(): Promise<FontFiles> {
  fontFiles ??= Promise.resolve().then(() => {
    fontLoads += 1;
    return { regular: readFileSync(FONTS.regular), bold: readFileSync(FONTS.bold), italic: readFileSync(FONTS.italic) };
  });
  return fontFiles;
}

/** How many times this process read the PDF font files (tests: once, however many documents). */
export function pdfFontLoads(): number {
  return fontLoads;
}

export async function renderPdf(input: ExportDocument): Promise<Buffer> {
  // pdfkit is loaded on the first export, not at start-up (ADR 8)
  const { default: PDFDocument } = await import('pdfkit');
  const fonts = await fontsOnce();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    pdfVersion: '1.7',
    tagged: true,
    lang: LOCALE[input.lang],
    displayTitle: true,
    bufferPages: true,
    font: fonts.regular as unknown as string,
    info: { Title: input.title, Author: input.author, Subject: input.subtitle ?? input.title, Creator: 'Spójnia' },
  });
  doc.registerFont('Sans', fonts.regular as unknown as string);
  doc.registerFont('Sans-Bold', fonts.bold as unknown as string);
  doc.registerFont('Sans-Italic', fonts.italic as unknown as string);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  try {
    const root = doc.struct('Document');
    doc.addStructure(root);

    doc
      .font('Sans-Bold')
      .fontSize(HEADING_SIZE[1] + 2)
      .fillColor('#000');
    doc.text(input.title, { structParent: root, structType: 'H1', paragraphGap: 4 });
    if (input.subtitle) {
      doc.font('Sans').fontSize(13).fillColor('#333');
      doc.text(input.subtitle, { structParent: root, structType: 'P', paragraphGap: 4 });
    }
    doc.font('Sans').fontSize(BODY_SIZE).fillColor('#333');
    doc.text(input.author, { structParent: root, structType: 'P', paragraphGap: 14 });
    doc.fillColor('#000');

    for (const block of input.blocks) renderBlock(doc, root, block);
    root.end();

    decoratePages(doc, input);
    doc.end();
  } catch (err) {
    doc.end();
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
  return done;
}

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottomLimit(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

function renderBlock(doc: Doc, root: StructEl, block: ExportBlock): void {
  doc.x = doc.page.margins.left;
  switch (block.kind) {
    case 'heading': {
      const size = HEADING_SIZE[block.level];
      doc.font('Sans-Bold').fontSize(size);
      // A heading never stays alone at the bottom of a page.
      ensureSpace(doc, doc.heightOfString(block.text, { width: contentWidth(doc) }) + 3 * BODY_SIZE * 1.4);
      doc.moveDown(block.level <= 2 ? 0.6 : 0.3);
      doc.text(block.text, { structParent: root, structType: `H${block.level}`, paragraphGap: 4 });
      doc.font('Sans').fontSize(BODY_SIZE);
      return;
    }
    case 'paragraph':
      doc.font('Sans').fontSize(BODY_SIZE);
      doc.text(block.text, { structParent: root, structType: 'P', paragraphGap: 6, lineGap: 1.5 });
      return;
    case 'list': {
      if (block.items.length === 0) return;
      doc.font('Sans').fontSize(BODY_SIZE);
      const list = doc.struct('L');
      root.add(list);
      doc.list(block.items, { structParent: list, bulletRadius: 2, textIndent: 12, bulletIndent: 6, paragraphGap: 3, lineGap: 1.5 });
      list.end();
      doc.moveDown(0.5);
      return;
    }
    case 'table':
      renderTable(doc, root, block);
      return;
    case 'figure':
      renderFigure(doc, root, block);
      return;
  }
}

/** Where a cell's text may break: between words, and after a hyphen or a slash inside one. */
const SPACES = /[ \t\u00a0]+/;
const INNER_BREAK = /(?<=[-/])(?=.)/;

/**
 * A code: letters and digits joined by hyphens, with at least one digit (a licence number
 * "ZP-2027-AWRAK1", a date, a CPV or postal code), maybe in brackets or quotes or followed by a
 * punctuation mark. Read or typed as one thing, it is kept on one line where the column can hold it;
 * a compound of words ("kujawsko-pomorskie") may break after its hyphen.
 */
const CODE = /^[(„"'«]?[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+[)”"'».,;:!?]*$/u;
const isCode = (word: string) => CODE.test(word) && /\p{N}/u.test(word);

/** Where a word may break: a code nowhere when it `fits` whole, anything else after its inner hyphens and slashes. */
function piecesOf(word: string, fits: (s: string) => boolean): string[] {
  return isCode(word) && fits(word) ? [word] : word.split(INNER_BREAK);
}

/** The pieces of a cell's text that are never split when the column can hold them (a code whole). */
function wordsOf(text: string): string[] {
  return text
    .split(/\s+/)
    .flatMap((w) => piecesOf(w, () => true))
    .filter(Boolean);
}

/**
 * Column widths: each column wants the width of its longest text (capped), and gets at least the
 * width of its longest word where the page allows it (a word is hyphenated only when it is longer
 * than anything the column can be given: a column's minimum is capped at one and a half times an
 * equal share).
 */
function columnWidths(doc: Doc, head: string[], rows: string[][], total: number): number[] {
  const n = head.length;
  const extra = 2 * CELL_PAD + 2;
  const capMin = Math.max((total / n) * 1.5, 30);
  const longestWord = (text: string) => Math.max(0, ...wordsOf(text).map((w) => doc.widthOfString(w)));
  const wants: number[] = [];
  const mins: number[] = [];
  head.forEach((h, i) => {
    doc.font('Sans-Bold').fontSize(TABLE_SIZE);
    let want = Math.min(doc.widthOfString(h), 160);
    let min = longestWord(h);
    doc.font('Sans');
    for (const row of rows) {
      const cell = row[i] ?? '';
      want = Math.max(want, Math.min(doc.widthOfString(cell), 220));
      min = Math.max(min, longestWord(cell));
    }
    mins.push(Math.max(Math.min(min + extra, capMin), 30));
    wants.push(Math.max(want + extra, 30, mins[i]!));
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const wanted = sum(wants);
  if (wanted <= total) {
    // Spare room goes to the widest (usually textual) column.
    const widest = wants.indexOf(Math.max(...wants));
    return wants.map((w, i) => (i === widest ? w + (total - wanted) : w));
  }
  const least = sum(mins);
  if (least >= total) return mins.map((m) => (m / least) * total || total / n);
  // Every column keeps its longest word; the room left is shared in proportion to what each wants more.
  const share = (total - least) / (wanted - least);
  return wants.map((w, i) => mins[i]! + (w - mins[i]!) * share);
}

/**
 * A cell's text as lines no wider than `width`: lines break between words (and after a hyphen or
 * a slash inside one, but not inside a code that fits the column), never inside a word that fits
 * the column; a word longer than the column is hyphenated where it must be. PDFKit's own wrapping cuts a word that, with the space after it, is
 * wider than the column, anywhere and without a hyphen. Line breaks of the text are kept.
 */
export function wrapCellText(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(SPACES).filter(Boolean)) {
      piecesOf(word, (w) => measure(w) <= width).forEach((piece, i) => {
        const candidate = line && i === 0 ? `${line} ${piece}` : line + piece;
        if (measure(candidate) <= width) {
          line = candidate;
          return;
        }
        if (line) lines.push(line);
        let rest = piece;
        let chars = [...rest];
        while (chars.length > 1 && measure(rest) > width) {
          let fit = 1;
          while (fit < chars.length - 1 && measure(`${chars.slice(0, fit + 1).join('')}-`) <= width) fit++;
          // no single letter alone on the next line when one more can move down with it
          if (chars.length - fit === 1 && fit > 2) fit--;
          lines.push(`${chars.slice(0, fit).join('')}-`);
          chars = chars.slice(fit);
          rest = chars.join('');
        }
        line = rest;
      });
    }
    lines.push(line);
  }
  return lines;
}

/** A cell's lines in the current font, for a column `width` wide (padding included). */
function cellLines(doc: Doc, text: string, width: number): string[] {
  return wrapCellText(text, width - 2 * CELL_PAD, (s) => doc.widthOfString(s));
}

function rowHeight(doc: Doc, cells: string[], widths: number[], bold: boolean): number {
  doc.font(bold ? 'Sans-Bold' : 'Sans').fontSize(TABLE_SIZE);
  const lines = Math.max(1, ...cells.map((c, i) => cellLines(doc, c, widths[i]!).length));
  return lines * doc.currentLineHeight(true) + 2 * CELL_PAD;
}

function artifact(doc: Doc, draw: () => void): void {
  doc.markContent('Artifact', { type: 'Layout' });
  draw();
  doc.endMarkedContent();
}

function drawRowRules(doc: Doc, x: number, y: number, widths: number[], height: number, header: boolean): void {
  artifact(doc, () => {
    doc
      .save()
      .lineWidth(header ? 0.9 : 0.4)
      .strokeColor(header ? '#000' : '#777');
    const total = widths.reduce((a, b) => a + b, 0);
    if (header)
      doc
        .moveTo(x, y)
        .lineTo(x + total, y)
        .stroke();
    doc
      .moveTo(x, y + height)
      .lineTo(x + total, y + height)
      .stroke();
    doc.restore();
  });
}

/**
 * Draws a cell's lines one by one, as `wrapCellText` made them: PDFKit is not given a width to wrap
 * in, since its wrapping would cut them again (it counts the line break as wider than nothing).
 */
function cellText(doc: Doc, text: string, x: number, y: number, width: number, right: boolean): void {
  const lineHeight = doc.currentLineHeight(true);
  cellLines(doc, text, width).forEach((line, k) => {
    const left = right ? x + width - CELL_PAD - doc.widthOfString(line) : x + CELL_PAD;
    doc.text(line, left, y + CELL_PAD + k * lineHeight, { lineBreak: false });
  });
}

function renderTable(doc: Doc, root: StructEl, block: Extract<ExportBlock, { kind: 'table' }>): void {
  const x = doc.page.margins.left;
  const widths = columnWidths(doc, block.head, block.rows, contentWidth(doc));
  const numeric = block.numeric ?? [];
  const headHeight = rowHeight(doc, block.head, widths, true);
  const firstRow = block.rows[0] ? rowHeight(doc, block.rows[0], widths, false) : 0;

  doc.font('Sans-Bold').fontSize(BODY_SIZE);
  const captionHeight = doc.heightOfString(block.caption, { width: contentWidth(doc) });
  ensureSpace(doc, captionHeight + headHeight + firstRow + 8);
  doc.moveDown(0.3);

  const table = doc.struct('Table');
  root.add(table);
  table.add(doc.struct('Caption', {}, [() => doc.text(block.caption, x, doc.y, { width: contentWidth(doc), paragraphGap: 4 })]));

  const drawHead = (tagged: boolean) => {
    const y = doc.y;
    doc.font('Sans-Bold').fontSize(TABLE_SIZE);
    if (tagged) {
      const tr = doc.struct('TR');
      table.add(tr);
      let cx = x;
      block.head.forEach((h, i) => {
        const cellX = cx;
        const opts: CellOptions = { scope: 'Column' };
        tr.add(doc.struct('TH', opts, [() => cellText(doc, h, cellX, y, widths[i]!, numeric[i] === true)]));
        cx += widths[i]!;
      });
      tr.end();
    } else {
      // The header repeated on a continuation page is a visual aid only: the tagged header exists once.
      artifact(doc, () => {
        let cx = x;
        block.head.forEach((h, i) => {
          cellText(doc, h, cx, y, widths[i]!, numeric[i] === true);
          cx += widths[i]!;
        });
      });
    }
    drawRowRules(doc, x, y, widths, headHeight, true);
    doc.y = y + headHeight;
  };

  drawHead(true);
  for (const row of block.rows) {
    const h = rowHeight(doc, row, widths, false);
    if (doc.y + h > bottomLimit(doc)) {
      doc.addPage();
      drawHead(false);
    }
    const y = doc.y;
    doc.font('Sans').fontSize(TABLE_SIZE);
    const tr = doc.struct('TR');
    table.add(tr);
    let cx = x;
    block.head.forEach((_, i) => {
      const cellX = cx;
      const value = row[i] ?? '';
      tr.add(doc.struct('TD', {}, [() => cellText(doc, value, cellX, y, widths[i]!, numeric[i] === true)]));
      cx += widths[i]!;
    });
    tr.end();
    drawRowRules(doc, x, y, widths, h, false);
    doc.y = y + h;
  }
  table.end();
  doc.x = x;
  doc.y += 10;
}

/** Width and height of an SVG in its own units, from width/height or the viewBox. */
export function svgSize(svg: string): { width: number; height: number } {
  const open = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? '';
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(open)?.[1];
  const viewBox = attr('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  const width = parseFloat(attr('width') ?? '');
  const height = parseFloat(attr('height') ?? '');
  if (Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0) return { width, height };
  if (viewBox && viewBox.length === 4 && viewBox[2]! > 0 && viewBox[3]! > 0) return { width: viewBox[2]!, height: viewBox[3]! };
  return { width: 600, height: 300 };
}

function renderFigure(doc: Doc, root: StructEl, block: Extract<ExportBlock, { kind: 'figure' }>): void {
  const natural = svgSize(block.svg);
  const maxWidth = contentWidth(doc);
  const scale = Math.min(maxWidth / natural.width, FIGURE_MAX_HEIGHT / natural.height, 1.2);
  const width = natural.width * scale;
  const height = natural.height * scale;
  doc.font('Sans-Italic').fontSize(TABLE_SIZE);
  const captionHeight = doc.heightOfString(block.caption, { width: maxWidth });
  ensureSpace(doc, height + captionHeight + 12);
  const x = doc.page.margins.left;
  const y = doc.y + 4;
  const figure = doc.struct('Figure', { alt: block.alt });
  root.add(figure);
  figure.add(() => {
    SVGtoPDF(doc, block.svg, x, y, {
      width,
      height,
      assumePt: true,
      preserveAspectRatio: 'xMinYMin meet',
      fontCallback: (_family, bold, italic) => (bold ? 'Sans-Bold' : italic ? 'Sans-Italic' : 'Sans'),
      warningCallback: () => undefined,
    });
  });
  figure.end();
  doc.x = x;
  doc.y = y + height + 4;
  doc.font('Sans-Italic').fontSize(TABLE_SIZE);
  doc.text(block.caption, { structParent: root, structType: 'Caption', width: maxWidth, paragraphGap: 10 });
  doc.font('Sans').fontSize(BODY_SIZE);
}

interface FontkitGlyph {
  path: { toSVG(): string };
}
interface FontkitFont {
  unitsPerEm: number;
  layout(text: string): { glyphs: FontkitGlyph[]; positions: Array<{ xAdvance: number; xOffset: number; yOffset: number }> };
}

/**
 * The diagonal watermark is drawn as glyph outlines, not text: as text, its letters would be pulled
 * into the middle of the page's words by copy-and-paste and by text extraction.
 */
function drawOutlinedText(doc: Doc, text: string, size: number): void {
  doc.font('Sans-Bold');
  const font = (doc as unknown as { _font: { font: FontkitFont } })._font.font;
  const run = font.layout(text);
  const scale = size / font.unitsPerEm;
  const width = run.positions.reduce((sum, p) => sum + p.xAdvance, 0) * scale;
  doc.save();
  doc.fillColor('#000').fillOpacity(0.08);
  doc.rotate(-45, { origin: [doc.page.width / 2, doc.page.height / 2] });
  let pen = doc.page.width / 2 - width / 2;
  const baseline = doc.page.height / 2 + size / 3;
  run.glyphs.forEach((glyph, i) => {
    const pos = run.positions[i]!;
    doc.save();
    doc.translate(pen + pos.xOffset * scale, baseline - pos.yOffset * scale);
    doc.scale(scale, -scale);
    doc.path(glyph.path.toSVG()).fill();
    doc.restore();
    pen += pos.xAdvance * scale;
  });
  doc.restore();
}

/** Page numbers and the draft watermark on every page, drawn once all pages exist, as artifacts. */
function decoratePages(doc: Doc, input: ExportDocument): void {
  const t = translator(input.lang);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const savedBottom = doc.page.margins.bottom;
    // Text below the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    if (input.watermark) {
      const text = input.watermark;
      doc.markContent('Artifact', { type: 'Layout' });
      drawOutlinedText(doc, text, 72);
      doc.endMarkedContent();
      // Also at the top, where it is never hidden behind a full-page table.
      doc.markContent('Artifact', { type: 'Pagination', attached: ['Top'] });
      doc.font('Sans-Bold').fontSize(9).fillColor('#555').fillOpacity(1);
      doc.text(text, doc.page.margins.left, 28, { width: contentWidth(doc), align: 'right', lineBreak: false });
      doc.endMarkedContent();
    }
    doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] });
    doc.font('Sans').fontSize(9).fillColor('#333').fillOpacity(1);
    doc.text(t('export.pageOf', { page: i - range.start + 1, total: range.count }), doc.page.margins.left, doc.page.height - 40, {
      width: contentWidth(doc),
      align: 'center',
      lineBreak: false,
    });
    doc.endMarkedContent();
    doc.page.margins.bottom = savedBottom;
  }
}
