// Word (.docx) from an ExportDocument, so staff can finish a generated report in Word. Headings use
// Word's own Title and Heading 1–4 styles (navigation pane, table of contents, accessibility
// checker all rely on them), tables repeat their header row on every page, the document language is
// set for spell checking and screen readers. Figures: an SVG needs a PNG fallback to show in Word,
// and there is no rasteriser on this server (no canvas, no headless browser in the request path), so
// a figure is written as its caption and alt text, with a note that the table after it has the same
// numbers — the report always puts the data table next to its chart.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { translator } from '../../i18n/index.js';
import type { ExportBlock, ExportDocument } from './document.js';

const HEADING = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
} as const;

const LOCALE: Record<ExportDocument['lang'], string> = { pl: 'pl-PL', en: 'en-GB' };

function cell(text: string, header: boolean, right: boolean): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: header })],
      }),
    ],
  });
}

function blockToDocx(block: ExportBlock, t: ReturnType<typeof translator>): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADING[block.level], children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ children: [new TextRun(block.text)] })];
    case 'list':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
    case 'table': {
      const numeric = block.numeric ?? [];
      const head = new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: block.head.map((h, i) => cell(h, true, numeric[i] === true)),
      });
      const rows = block.rows.map(
        (row) => new TableRow({ cantSplit: true, children: block.head.map((_, i) => cell(row[i] ?? '', false, numeric[i] === true)) }),
      );
      return [
        new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun({ text: block.caption, bold: true })] }),
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [head, ...rows] }),
        new Paragraph({ children: [] }),
      ];
    }
    case 'figure':
      return [
        new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun({ text: block.caption, bold: true })] }),
        new Paragraph({ keepNext: true, children: [new TextRun({ text: t('export.figure', { alt: block.alt }), italics: true })] }),
        new Paragraph({ children: [new TextRun({ text: t('export.figureInWord'), italics: true })] }),
      ];
  }
}

/** "Strona {{page}} z {{total}}" with Word's page fields in place of the placeholders. */
function pageNumberRuns(t: ReturnType<typeof translator>): TextRun {
  const marker = t('export.pageOf', { page: '[[PAGE]]', total: '[[TOTAL]]' });
  const children: Array<string | (typeof PageNumber)[keyof typeof PageNumber]> = [];
  for (const part of marker.split(/(\[\[PAGE\]\]|\[\[TOTAL\]\])/)) {
    if (part === '[[PAGE]]') children.push(PageNumber.CURRENT);
    else if (part === '[[TOTAL]]') children.push(PageNumber.TOTAL_PAGES);
    else if (part) children.push(part);
  }
  return new TextRun({ children });
}

export async function renderDocx(input: ExportDocument): Promise<Buffer> {
  const t = translator(input.lang);
  const front: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(input.title)] })];
  if (input.subtitle) front.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(input.subtitle)] }));
  front.push(new Paragraph({ children: [new TextRun({ text: input.author, italics: true })] }));

  const doc = new Document({
    title: input.title,
    creator: input.author,
    description: input.subtitle ?? input.title,
    styles: { default: { document: { run: { language: { value: LOCALE[input.lang] }, font: 'Calibri' } } } },
    sections: [
      {
        headers: input.watermark
          ? {
              default: new Header({
                children: [
                  new Paragraph({
                    alignment: AlignmentType.RIGHT,
                    children: [new TextRun({ text: input.watermark, bold: true, color: '595959', size: 28 })],
                  }),
                ],
              }),
            }
          : undefined,
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [pageNumberRuns(t)] })] }),
        },
        children: [...front, ...input.blocks.flatMap((b) => blockToDocx(b, t))],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
