// The annual implementation report, generated from the programme's data: for each goal and action
// of the objective tree, what the coordinator wrote was done that year, then the indicators
// measuring the element — chart, the table of the same numbers and progress as of that year. One
// model feeds the HTML page and the export document (PDF and DOCX through core/export). A report
// is a draft — marked as such everywhere — until the coordinator publishes it; the public sees
// only published reports, staff see drafts with the mark.
import { renderToString } from 'preact-render-to-string';
import { newId } from '../../../core/db/ids.js';
import { nowIso } from '../../../core/db/time.js';
import { AppError } from '../../../core/errors/app-error.js';
import { blocksFromMarkdown, type ExportBlock, type ExportDocument } from '../../../core/export/index.js';
import type { ModuleContext } from '../../../core/module.js';
import { warsawYear } from '../../../core/time/index.js';
import { FormChecker } from '../../../core/validation.js';
import type { Formatters, Lang, T, TKey } from '../../../i18n/index.js';
import { recordAudit } from '../../audit/index.js';
import { chartRows, IndicatorChart, type ChartRow, type ChartText } from '../indicators.chart.js';
import { computeProgress, type Progress } from '../indicators.progress.js';
import { indicatorViews, type IndicatorView } from '../indicators.service.js';
import type { Actor } from '../indicators.values.js';
import { progressSentence } from '../indicators.views.js';
import { WHOLE_REGION } from '../indicators.tables.js';
import { flatten, loadTrees, type ElementKind, type ElementRow } from '../../programme/index.js';

const REPORTED_KINDS: readonly ElementKind[] = ['main_goal', 'specific_goal', 'action'];
const MAX_NARRATIVE = 20_000;

export interface ReportProgramme {
  id: string;
  slug: string;
  title: string;
  period_from: number;
  period_to: number;
  responsible_institution?: string | null;
}

export interface ReportIndicator {
  view: IndicatorView;
  rows: ChartRow[];
  progress: Progress;
}

export interface ReportSection {
  element: ElementRow;
  /** 0 for the main goal, 1 for specific goals, 2 for actions. */
  depth: number;
  narrative: string | null;
  indicators: ReportIndicator[];
}

export interface ReportModel {
  programme: ReportProgramme;
  year: number;
  status: 'draft' | 'published';
  publishedAt: string | null;
  sections: ReportSection[];
}

export function reportPath(slug: string, year: number): string {
  return `/program/${slug}/sprawozdanie/${year}`;
}

export function adminReportPath(programmeId: string, year: number): string {
  return `/admin/program/${programmeId}/sprawozdanie/${year}`;
}

/** Years a report may be written for: the programme's years up to the current one (in Poland). */
export function isReportYear(programme: Pick<ReportProgramme, 'period_from' | 'period_to'>, year: number, thisYear: number): boolean {
  return Number.isInteger(year) && year >= programme.period_from && year <= programme.period_to && year <= thisYear;
}

/** The view of an indicator as it stood at the end of `year`: later figures left out, progress recomputed. */
function asOfYear(view: IndicatorView, programme: ReportProgramme, year: number): ReportIndicator {
  const regionSeries = view.regionSeries.filter((f) => f.period <= year);
  const cut: IndicatorView = { ...view, figures: view.figures.filter((f) => f.period <= year), regionSeries };
  const rows = chartRows({
    baselineValue: view.indicator.baseline_value,
    baselineYear: view.indicator.baseline_year,
    targets: view.targets,
    values: regionSeries.filter((f) => f.territoryCode === WHOLE_REGION).map((f) => ({ period: f.period, value: f.value, isExample: f.isExample })),
    periodFrom: programme.period_from,
    periodTo: programme.period_to,
  });
  const progress = computeProgress({
    direction: view.indicator.direction,
    baselineValue: view.indicator.baseline_value,
    baselineYear: view.indicator.baseline_year,
    targets: view.targets,
    values: regionSeries.map((f) => ({ period: f.period, value: f.value })),
  });
  return { view: cut, rows, progress };
}

/** The years a report may exist for, newest first, with their publication state. */
export async function reportYears(ctx: ModuleContext, programme: Pick<ReportProgramme, 'id' | 'period_from' | 'period_to'>): Promise<{ year: number; status: 'draft' | 'published' }[]> {
  const rows = await ctx.db.selectFrom('annual_reports').select(['year', 'status']).where('programme_id', '=', programme.id).execute();
  const published = new Set(rows.filter((r) => r.status === 'published').map((r) => r.year));
  const out: { year: number; status: 'draft' | 'published' }[] = [];
  for (let y = Math.min(programme.period_to, warsawYear(ctx.clock)); y >= programme.period_from; y--) out.push({ year: y, status: published.has(y) ? 'published' : 'draft' });
  return out;
}

export async function reportStatus(ctx: ModuleContext, programmeId: string, year: number): Promise<{ status: 'draft' | 'published'; publishedAt: string | null }> {
  const row = await ctx.db.selectFrom('annual_reports').select(['status', 'published_at']).where('programme_id', '=', programmeId).where('year', '=', year).executeTakeFirst();
  return { status: row?.status ?? 'draft', publishedAt: row?.published_at ?? null };
}

export async function narrativesOf(ctx: ModuleContext, elementIds: readonly string[], year: number): Promise<Map<string, string>> {
  if (elementIds.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('report_narratives').select(['element_id', 'body']).where('element_id', 'in', elementIds).where('year', '=', year).execute();
  return new Map(rows.map((r) => [r.element_id, r.body]));
}

/** The goals and actions of the programme, depth first, as the report and its editor list them. */
export async function reportElements(ctx: ModuleContext, programmeId: string): Promise<{ element: ElementRow; depth: number }[]> {
  const tree = (await loadTrees(ctx, [programmeId])).get(programmeId) ?? [];
  return flatten(tree)
    .filter((x) => REPORTED_KINDS.includes(x.node.element.kind))
    .map((x) => ({ element: x.node.element, depth: Math.min(x.depth, 2) }));
}

export async function reportModel(ctx: ModuleContext, programme: ReportProgramme, year: number): Promise<ReportModel> {
  if (!isReportYear(programme, year, warsawYear(ctx.clock))) throw new AppError('http.not_found');
  const elements = await reportElements(ctx, programme.id);
  const [narratives, views, status] = await Promise.all([
    narrativesOf(
      ctx,
      elements.map((e) => e.element.id),
      year,
    ),
    indicatorViews(ctx, programme),
    reportStatus(ctx, programme.id, year),
  ]);
  const sections = elements.map(({ element, depth }) => ({
    element,
    depth,
    narrative: narratives.get(element.id) ?? null,
    indicators: views.filter((v) => v.elements.some((e) => e.id === element.id)).map((v) => asOfYear(v, programme, year)),
  }));
  return { programme, year, status: status.status, publishedAt: status.publishedAt, sections };
}

// --- editing and publishing ------------------------------------------------------------------------

/** Saves the narratives typed in the editor (one textarea per element); returns how many changed. */
export async function saveNarratives(ctx: ModuleContext, programme: ReportProgramme, year: number, body: Record<string, unknown>, actor: Actor): Promise<number> {
  if (!isReportYear(programme, year, warsawYear(ctx.clock))) throw new AppError('http.not_found');
  const elements = await reportElements(ctx, programme.id);
  const f = new FormChecker(body);
  const typed = elements.map(({ element }) => ({ element, body: f.raw(`narrative_${element.id}`).replace(/\r\n?/g, '\n').trim() }));
  for (const x of typed) if ([...x.body].length > MAX_NARRATIVE) f.add(`narrative_${x.element.id}`, 'monitoring.report.narrative', 'validation.tooLong', { count: MAX_NARRATIVE });
  f.assertValid();
  const current = await narrativesOf(
    ctx,
    elements.map((e) => e.element.id),
    year,
  );
  const now = nowIso(ctx.clock);
  let changed = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const x of typed) {
      const before = current.get(x.element.id) ?? '';
      if (before === x.body) continue;
      changed += 1;
      if (x.body === '') {
        await trx.deleteFrom('report_narratives').where('element_id', '=', x.element.id).where('year', '=', year).execute();
      } else {
        await trx
          .insertInto('report_narratives')
          .values({ id: newId(), element_id: x.element.id, year, body: x.body, updated_by: actor.actorId, updated_at: now })
          .onConflict((oc) => oc.columns(['element_id', 'year']).doUpdateSet({ body: x.body, updated_by: actor.actorId, updated_at: now }))
          .execute();
      }
      await recordAudit(
        trx,
        { ...actor, action: 'annual_report.narrative', subjectType: 'programme_element', subjectId: x.element.id, changes: { body: { before, after: x.body } }, meta: { programme: programme.slug, code: x.element.code, year } },
        ctx.clock,
      );
    }
  });
  return changed;
}

/** Publishes the year's report (the draft mark goes); audited. Publishing again changes nothing. */
export async function publishReport(ctx: ModuleContext, programme: ReportProgramme, year: number, actor: Actor): Promise<boolean> {
  if (!isReportYear(programme, year, warsawYear(ctx.clock))) throw new AppError('http.not_found');
  const now = nowIso(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('annual_reports').select(['id', 'status']).where('programme_id', '=', programme.id).where('year', '=', year).executeTakeFirst();
    if (existing?.status === 'published') return false;
    if (existing) await trx.updateTable('annual_reports').set({ status: 'published', published_at: now, published_by: actor.actorId }).where('id', '=', existing.id).execute();
    else await trx.insertInto('annual_reports').values({ id: newId(), programme_id: programme.id, year, status: 'published', published_at: now, published_by: actor.actorId }).execute();
    await recordAudit(trx, { ...actor, action: 'annual_report.publish', subjectType: 'annual_report', subjectId: `${programme.id}:${year}`, meta: { programme: programme.slug, year } }, ctx.clock);
    return true;
  });
}

/** Takes a published report back to draft (e.g. to correct it); audited. */
export async function unpublishReport(ctx: ModuleContext, programme: ReportProgramme, year: number, actor: Actor): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const res = await trx.updateTable('annual_reports').set({ status: 'draft', published_at: null, published_by: null }).where('programme_id', '=', programme.id).where('year', '=', year).where('status', '=', 'published').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await recordAudit(trx, { ...actor, action: 'annual_report.unpublish', subjectType: 'annual_report', subjectId: `${programme.id}:${year}`, meta: { programme: programme.slug, year } }, ctx.clock);
    return true;
  });
}

// --- the export document ---------------------------------------------------------------------------

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
  return t('monitoring.report.chartAlt', {
    name: `${i.code} ${i.name}`,
    from: r.rows[0]?.year ?? '',
    to: r.rows[r.rows.length - 1]?.year ?? '',
    latest: last ? `${fmt.number(last.value!)} ${i.unit} (${last.year})` : t('monitoring.report.noValues'),
  });
}

export function tableHead(t: T, unit: string): string[] {
  return [t('indicators.chart.year'), `${t('indicators.chart.value')} (${unit})`, t('indicators.chart.path'), t('indicators.chart.target')];
}

export function tableRows(fmt: Formatters, rows: readonly ChartRow[], exampleMark: string): string[][] {
  const n = (v: number | null) => (v === null ? '—' : fmt.number(v));
  return rows.map((r) => [String(r.year), `${n(r.value)}${r.value !== null && r.isExample ? ` (${exampleMark})` : ''}`, n(r.path), n(r.target)]);
}

const HEADING_OF_DEPTH = [2, 3, 4] as const;

export function sectionHeading(t: T, s: ReportSection): string {
  return `${t(`programme.kind.${s.element.kind}` as TKey)} ${s.element.code}. ${s.element.title}`;
}

/** The report as a document for the PDF and Word renderers, in the given language. */
export function reportDocument(model: ReportModel, lang: Lang, t: T, fmt: Formatters, author: string): ExportDocument {
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
      blocks.push({ kind: 'paragraph', text: `${t('monitoring.report.indicator')}: ${i.code} ${i.name} (${i.unit}). ${t('monitoring.report.progress')}: ${t(`indicators.progress.${r.progress.status}` as TKey)} — ${progressSentence(r.progress, t, fmt.number)}` });
      figure += 1;
      table += 1;
      blocks.push({ kind: 'figure', svg: chartSvg(t, fmt, r, `report-chart-${figure}`), alt: chartAlt(t, fmt, r), caption: t('monitoring.report.figureCaption', { n: figure, name: `${i.code} ${i.name}` }) });
      blocks.push({ kind: 'table', caption: t('monitoring.report.tableCaption', { n: table, name: `${i.code} ${i.name}` }), head: tableHead(t, i.unit), rows: tableRows(fmt, r.rows, t('indicators.example')), numeric: [false, true, true, true] });
    }
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
