// A buyer's share for one year as files: CSV (core/csv: BOM, `;`, formula guard), XLSX (exceljs,
// amounts as numbers) and a tagged PDF (core/export, like the other reports). One table: the whole
// year, then each of the buyer's categories — rows, all spending, social economy spending and its
// share, of which entities with the PS status and holders of a valid mark. Raw rows stay on the page.
import { newWorkbook, spreadsheetCsv } from '../../../core/csv/index.js';
import { renderPdf, type ExportDocument } from '../../../core/export/index.js';
import { formatters, translator, type Lang } from '../../../i18n/index.js';
import { sharePercent, type BuyerRow, type BuyerShare, type ShareLine } from './purchases.service.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

function head(lang: Lang): string[] {
  const t = translator(lang);
  return [
    t('purchases.share.category'),
    t('purchases.share.rows'),
    t('purchases.share.total'),
    t('purchases.share.se'),
    t('purchases.share.sePercent'),
    t('purchases.share.ps'),
    t('purchases.share.mark'),
  ];
}

const label = (lang: Lang, l: ShareLine) => {
  const t = translator(lang);
  return l.category === '' ? t('purchases.share.overall') : l.category;
};
const lines = (share: BuyerShare) => [share.overall, ...share.categories];

export function shareFileName(buyer: BuyerRow, year: number, format: ExportFormat): string {
  return `udzial-zakupow-${year}-${buyer.id}.${format}`;
}

export async function shareFile(buyer: BuyerRow, share: BuyerShare, format: ExportFormat, lang: Lang): Promise<Buffer> {
  const t = translator(lang);
  const fmt = formatters(lang);
  const zl = (gr: number) => (gr / 100).toFixed(2);
  if (format === 'csv') {
    return Buffer.from(
      spreadsheetCsv([
        head(lang),
        ...lines(share).map((l) => [
          label(lang, l),
          String(l.rows),
          zl(l.totalGr).replace('.', ','),
          zl(l.seGr).replace('.', ','),
          (sharePercent(l.seGr, l.totalGr) ?? 0).toFixed(1).replace('.', ','),
          zl(l.psGr).replace('.', ','),
          zl(l.markGr).replace('.', ','),
        ]),
      ]),
      'utf8',
    );
  }
  if (format === 'xlsx') {
    const wb = await newWorkbook();
    const ws = wb.addWorksheet(String(share.year));
    ws.addRow(head(lang)).font = { bold: true };
    for (const l of lines(share))
      ws.addRow([
        label(lang, l),
        l.rows,
        l.totalGr / 100,
        l.seGr / 100,
        sharePercent(l.seGr, l.totalGr) ?? 0,
        l.psGr / 100,
        l.markGr / 100,
      ]);
    for (const c of [3, 4, 6, 7]) ws.getColumn(c).numFmt = '#,##0.00';
    ws.getColumn(5).numFmt = '0.0';
    ws.getColumn(1).width = 40;
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const percent = (l: ShareLine) => {
    const p = sharePercent(l.seGr, l.totalGr);
    return p === null ? '—' : `${fmt.number(p)} %`;
  };
  const doc: ExportDocument = {
    lang,
    title: t('purchases.export.title', { buyer: buyer.name, year: share.year }),
    author: buyer.name,
    blocks: [
      {
        kind: 'paragraph',
        text: t('purchases.share.summary', {
          share: percent(share.overall),
          se: fmt.money(share.overall.seGr / 100),
          total: fmt.money(share.overall.totalGr / 100),
        }),
      },
      { kind: 'paragraph', text: t('purchases.share.rule') },
      {
        kind: 'table',
        caption: t('purchases.share.tableCaption', { year: share.year }),
        head: head(lang),
        numeric: [false, true, true, true, true, true, true],
        rows: lines(share).map((l) => [
          label(lang, l),
          fmt.number(l.rows),
          fmt.money(l.totalGr / 100),
          fmt.money(l.seGr / 100),
          percent(l),
          fmt.money(l.psGr / 100),
          fmt.money(l.markGr / 100),
        ]),
      },
    ],
  };
  return renderPdf(doc);
}
