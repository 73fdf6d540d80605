// The annual report as a document for the PDF and Word renderers (core/export) and the pieces the
// report page shares with it: the chart as a standalone SVG with its alt text, the table of the
// chart's numbers and the section headings. Built from the model report.service.ts computes.
import { renderToString } from 'preact-render-to-string';
import { blocksFromMarkdown, type ExportBlock, type ExportDocument } from '../../../core/export/index.js';
import type { Formatters, Lang, T, TKey } from '../../../i18n/index.js';
import { IndicatorChart, type ChartRow, type ChartText } from '../indicators.chart.js';
import { SMALL_COUNT_TEXT } from '../indicators.privacy.js';
import { progressLabel, progressSentence } from '../indicators.views.js';
import type { ReportExtra } from './report.extensions.js';
import type { ReportIndicator, ReportModel, ReportSection } from './report.service.js';

export function chartText(t: T, fmt: Formatters, r: ReportIndicator, id: string): ChartText {
  const i = r.view.indicator;
  return {
    id,
    title: t('indicators.chart.title', { name: `${i.code} ${i.name}` }),
    desc: t('indicators.chart.desc', { from: r.rows[0]?.year ?? '', to: r.rows[r.rows.length - 1]?.year ?? '' }),
    yearLabel: t('indicators.chart.year'),
    legendValues: t('indicators.chart.legendValues'),
    legendPath: t('indicators.chart.legendPath'),
    legendExample: r.view.figures.some((f) => f.isExample) ? t('indicators.chart.legendExample') : null,
    exampleNote: i.is_example ? t('indicators.exampleIndicatorNote') : null,
    formatNumber: fmt.number,
  };
}

/** The chart as a standalone SVG document (the first <svg> of the rendered figure). */
export function chartSvg(t: T, fmt: Formatters, r: ReportIndicator, id: string): string {
  const html = renderToString(IndicatorChart({ rows: r.rows, text: chartText(t, fmt, r, id) }));
  const m = /<svg[\s\S]*?<\/svg>/.exec(html);
  const svg = m ? m[0] : '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>';
  return svg.includes('xmlns=') ? svg : svg.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
}

/** Alt text of a chart: what it shows and the latest figure, for someone who cannot see it. */
export function chartAlt(t: T, fmt: Formatters, r: ReportIndicator): string {
  const i = r.view.indicator;
  const values = r.rows.filter((x) => x.value !== null);
  const last = values[values.length - 1];
  const alt = t('monitoring.report.chartAlt', {
    name: `${i.code} ${i.name}`,
    from: r.rows[0]?.year ?? '',
    to: r.rows[r.rows.length - 1]?.year ?? '',
    latest: last
      ? `${fmt.number(last.value!)} ${i.unit} (${last.year})${last.isExample ? ` (${t('indicators.example')})` : ''}`
      : t('monitoring.report.noValues'),
  });
  return i.is_example ? `${alt} ${t('indicators.exampleIndicatorNote')}` : alt;
}

/** The indicator's name as the report names it: an example indicator is labelled as one. */
export function indicatorTitle(t: T, r: ReportIndicator): string {
  const i = r.view.indicator;
  return i.is_example ? `${i.code} ${i.name} (${t('indicators.exampleIndicator')})` : `${i.code} ${i.name}`;
}

export function tableHead(t: T, unit: string): string[] {
  return [t('indicators.chart.year'), `${t('indicators.chart.value')} (${unit})`, t('indicators.chart.path'), t('indicators.chart.target')];
}

export function tableRows(fmt: Formatters, rows: readonly ChartRow[], exampleMark: string): string[][] {
  const n = (v: number | null, example: boolean) => (v === null ? '—' : example ? `${fmt.number(v)} (${exampleMark})` : fmt.number(v));
  // a small count of people reads "<3" (indicators.privacy.ts), in the HTML, PDF and Word alike
  const value = (r: ChartRow) =>
    r.isSuppressed ? (r.isExample ? `${SMALL_COUNT_TEXT} (${exampleMark})` : SMALL_COUNT_TEXT) : n(r.value, r.isExample);
  return rows.map((r) => [String(r.year), value(r), n(r.path, r.pathIsExample), n(r.target, r.targetIsExample)]);
}

const HEADING_OF_DEPTH = [2, 3, 4] as const;

export function sectionHeading(t: T, s: ReportSection): string {
  return `${t(`programme.kind.${s.element.kind}` as TKey)} ${s.element.code}. ${s.element.title}`;
}

/** The report as a document for the PDF and Word renderers, in the given language. */
export function reportDocument(
  model: ReportModel,
  lang: Lang,
  t: T,
  fmt: Formatters,
  author: string,
  extras: readonly ReportExtra[] = [],
): ExportDocument {
  const blocks: ExportBlock[] = [];
  if (model.status === 'draft') blocks.push({ kind: 'paragraph', text: t('monitoring.report.draftNotice') });
  if (model.sections.length === 0) blocks.push({ kind: 'paragraph', text: t('monitoring.report.noStructure') });
  let figure = 0;
  let table = 0;
  for (const s of model.sections) {
    blocks.push({ kind: 'heading', level: HEADING_OF_DEPTH[s.depth] ?? 4, text: sectionHeading(t, s) });
    if (s.element.is_example) blocks.push({ kind: 'paragraph', text: t('monitoring.report.exampleElement') });
    if (s.narrative) {
      // headings inside a narrative become paragraphs: the report's outline is the objective tree
      for (const b of blocksFromMarkdown(s.narrative)) blocks.push(b.kind === 'heading' ? { kind: 'paragraph', text: b.text } : b);
    } else {
      blocks.push({ kind: 'paragraph', text: t('monitoring.report.noNarrative') });
    }
    for (const r of s.indicators) {
      const i = r.view.indicator;
      const name = indicatorTitle(t, r);
      blocks.push({
        kind: 'paragraph',
        text: `${t('monitoring.report.indicator')}: ${name} (${i.unit}). ${t('monitoring.report.progress')}: ${progressLabel(r.progress, t)} — ${progressSentence(r.progress, t, fmt.number)}`,
      });
      if (i.is_example) blocks.push({ kind: 'paragraph', text: t('indicators.exampleIndicatorNote') });
      figure += 1;
      table += 1;
      blocks.push({
        kind: 'figure',
        svg: chartSvg(t, fmt, r, `report-chart-${figure}`),
        alt: chartAlt(t, fmt, r),
        caption: t('monitoring.report.figureCaption', { n: figure, name }),
      });
      blocks.push({
        kind: 'table',
        caption: t('monitoring.report.tableCaption', { n: table, name }),
        head: tableHead(t, i.unit),
        rows: tableRows(fmt, r.rows, t('indicators.example')),
        numeric: [false, true, true, true],
      });
    }
  }
  // sections other modules contribute (annualReportSections), after the objective tree
  for (const x of extras) {
    blocks.push({ kind: 'heading', level: 2, text: x.title });
    blocks.push(...x.blocks);
  }
  return {
    lang,
    title: t('monitoring.report.title', { year: model.year }),
    subtitle: model.programme.title,
    author,
    ...(model.status === 'draft' ? { watermark: t('monitoring.report.watermark') } : {}),
    blocks,
  };
}
