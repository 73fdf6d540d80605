// The annual implementation report, generated from the programme's data: for each goal and action
// of the objective tree, what the coordinator wrote was done that year, then the indicators
// measuring the element — chart, the table of the same numbers and progress as of that year. One
// model feeds the HTML page (report.views.tsx) and the export document (report.document.tsx). A
// report is a draft — marked as such everywhere — until the coordinator publishes it; the public
// sees only published reports, staff see drafts with the mark.
import { createHash } from 'node:crypto';
import { ByteBoundedCache } from '../../../core/cache/byte-bounded.js';
import { newId } from '../../../core/db/ids.js';
import { cachedUntilWrite } from '../../../core/db/write-cache.js';
import { nowIso } from '../../../core/db/time.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { ModuleContext } from '../../../core/module.js';
import { warsawToday, warsawYear } from '../../../core/time/index.js';
import { FormChecker } from '../../../core/validation.js';
import { recordAudit } from '../../audit/index.js';
import { chartRows, computeProgress, type ChartRow, type Progress } from '../indicators.progress.js';
import { indicatorViews, type IndicatorView } from '../indicators.service.js';
import type { Actor } from '../indicators.values.js';
import { WHOLE_REGION } from '../indicators.tables.js';
import { flatten, loadTrees, type ElementKind, type ElementRow } from '../../programme/index.js';
import * as repo from './report.repo.js';

const REPORTED_KINDS: readonly ElementKind[] = ['main_goal', 'specific_goal', 'action'];
const MAX_NARRATIVE = 20_000;

export interface ReportProgramme {
  id: string;
  slug: string;
  title: string;
  period_from: number;
  period_to: number;
  status: string;
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
    isExample: view.indicator.is_example,
    targets: view.targets,
    values: regionSeries
      .filter((f) => f.territoryCode === WHOLE_REGION)
      .map((f) => ({ period: f.period, value: f.value, isExample: f.isExample, isSuppressed: f.isSuppressed === true })),
    periodFrom: programme.period_from,
    periodTo: programme.period_to,
  });
  const progress = computeProgress({
    direction: view.indicator.direction,
    baselineValue: view.indicator.baseline_value,
    baselineYear: view.indicator.baseline_year,
    isExample: view.indicator.is_example,
    targets: view.targets,
    // a small count shown as "<3" does not enter the report's verdict either
    values: regionSeries.flatMap((f) => (f.value === null ? [] : [{ period: f.period, value: f.value, isExample: f.isExample }])),
  });
  return { view: cut, rows, progress };
}

/** The years a report may exist for, newest first, with their publication state. */
export async function reportYears(
  ctx: ModuleContext,
  programme: Pick<ReportProgramme, 'id' | 'period_from' | 'period_to'>,
): Promise<{ year: number; status: 'draft' | 'published' }[]> {
  // on every programme page: kept until a report is published or withdrawn (or 30 s)
  const rows = await cachedUntilWrite(ctx, ['annual_reports'], `report-states:${programme.id}`, () =>
    repo.listReportStates(ctx.db, programme.id),
  );
  const published = new Set(rows.filter((r) => r.status === 'published').map((r) => r.year));
  const out: { year: number; status: 'draft' | 'published' }[] = [];
  for (let y = Math.min(programme.period_to, warsawYear(ctx.clock)); y >= programme.period_from; y--)
    out.push({ year: y, status: published.has(y) ? 'published' : 'draft' });
  return out;
}

export async function reportStatus(
  ctx: ModuleContext,
  programmeId: string,
  year: number,
): Promise<{ status: 'draft' | 'published'; publishedAt: string | null }> {
  const row = await repo.findReport(ctx.db, programmeId, year);
  return { status: row?.status ?? 'draft', publishedAt: row?.published_at ?? null };
}

export async function narrativesOf(ctx: ModuleContext, elementIds: readonly string[], year: number): Promise<Map<string, string>> {
  const rows = await repo.listNarratives(ctx.db, elementIds, year);
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
export async function saveNarratives(
  ctx: ModuleContext,
  programme: ReportProgramme,
  year: number,
  body: Record<string, unknown>,
  actor: Actor,
): Promise<number> {
  if (!isReportYear(programme, year, warsawYear(ctx.clock))) throw new AppError('http.not_found');
  const elements = await reportElements(ctx, programme.id);
  const f = new FormChecker(body);
  const typed = elements.map(({ element }) => ({ element, body: f.raw(`narrative_${element.id}`).replace(/\r\n?/g, '\n').trim() }));
  for (const x of typed)
    if ([...x.body].length > MAX_NARRATIVE)
      f.add(`narrative_${x.element.id}`, 'monitoring.report.narrative', 'validation.tooLong', { count: MAX_NARRATIVE });
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
        await repo.deleteNarrative(trx, x.element.id, year);
      } else {
        await repo.saveNarrative(trx, {
          id: newId(),
          element_id: x.element.id,
          year,
          body: x.body,
          updated_by: actor.actorId,
          updated_at: now,
        });
      }
      await recordAudit(
        trx,
        {
          ...actor,
          action: 'annual_report.narrative',
          subjectType: 'programme_element',
          subjectId: x.element.id,
          changes: { body: { before, after: x.body } },
          meta: { programme: programme.slug, code: x.element.code, year },
        },
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
    const existing = await repo.findReport(trx, programme.id, year);
    if (existing?.status === 'published') return false;
    if (existing) await repo.markPublished(trx, existing.id, now, actor.actorId);
    else
      await repo.insertReport(trx, {
        id: newId(),
        programme_id: programme.id,
        year,
        status: 'published',
        published_at: now,
        published_by: actor.actorId,
      });
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'annual_report.publish',
        subjectType: 'annual_report',
        subjectId: `${programme.id}:${year}`,
        meta: { programme: programme.slug, year },
      },
      ctx.clock,
    );
    return true;
  });
}

/** Takes a published report back to draft (e.g. to correct it); audited. */
export async function unpublishReport(ctx: ModuleContext, programme: ReportProgramme, year: number, actor: Actor): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.unpublish(trx, programme.id, year))) return false;
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'annual_report.unpublish',
        subjectType: 'annual_report',
        subjectId: `${programme.id}:${year}`,
        meta: { programme: programme.slug, year },
      },
      ctx.clock,
    );
    return true;
  });
}

// --- generated files ---------------------------------------------------------------------------------

/**
 * Tables a report's model reads (the objective tree, narratives, indicators with their values,
 * rounds and stored computed figures, the publication state). A write to any of them, or to a table
 * a contributed section declares (`AnnualReportSection.tables`), may change the report's content;
 * computed/computed.test.ts checks that building a report reads no other table.
 */
export const REPORT_TABLES: readonly string[] = [
  'programmes',
  'programme_elements',
  'programme_budget_lines',
  'report_narratives',
  'annual_reports',
  'indicators',
  'indicator_targets',
  'indicator_elements',
  'indicator_values',
  'indicator_computed_refreshes',
  'indicator_computed_values',
  // names of territories (reference data) in the indicators' tables
  'territorial_units',
  'subregions',
  'subregion_members',
];

/** What a file download must know before building anything: a draft, or the published content's version. */
export interface ReportFileState {
  status: 'draft' | 'published';
  /** The hash of the file's content (format and document); null for a draft, which is never stored. */
  version: string | null;
}

/**
 * The state of one report file (programme, year, format, language), kept until a write to a table
 * the report is built from (or 30 s on PostgreSQL, where another instance may have written): a
 * download of a stored file then costs the programme's lookup and the file's read, not a rebuilt
 * report. `build` makes the export document when the state is not known; the day is in the key
 * because a document may say "as of" today.
 */
export function reportFileState(
  ctx: ModuleContext,
  key: { programme: ReportProgramme; year: number; format: 'pdf' | 'docx'; lang: string },
  build: () => Promise<{ status: 'draft' | 'published'; doc: unknown }>,
): Promise<ReportFileState> {
  if (!isReportYear(key.programme, key.year, warsawYear(ctx.clock))) throw new AppError('http.not_found');
  const tables = [...REPORT_TABLES, ...ctx.contributions.of('annualReportSections').flatMap((s) => s.tables)];
  return cachedUntilWrite(
    ctx,
    tables,
    `${key.programme.id}|${key.year}|${key.format}|${key.lang}|${warsawToday(ctx.clock)}`,
    async () => {
      const { status, doc } = await build();
      if (status === 'draft') return { status, version: null };
      return {
        status,
        version: createHash('sha256')
          .update(JSON.stringify([key.format, doc]))
          .digest('base64url'),
      };
    },
    { group: 'report-file', maxEntries: 64 },
  );
}

/** Generations running in this process, by content version: concurrent downloads wait for the one. */
const generating = new Map<string, Promise<Buffer>>();

/**
 * The bytes of recently served files by content version, up to 8 MiB per process (a report's PDF is
 * ~100 KB): a version names one content for good, so a kept file is never stale, and a download
 * then reads no blob from the database and allocates no new buffer for it.
 */
const served = new ByteBoundedCache<string, Buffer>(8 * 1024 * 1024);

/**
 * The file of a published report's content version: from storage, or generated once (other requests
 * for the same version wait for that one result) and stored. Two instances may both generate a
 * version nobody stored yet; the first stored copy stays.
 */
export async function storedReportFile(
  ctx: ModuleContext,
  key: { version: string; programme_id: string; year: number; format: 'pdf' | 'docx' },
  render: () => Promise<Buffer>,
): Promise<Buffer> {
  const kept = served.get(key.version);
  if (kept) return kept;
  const running = generating.get(key.version);
  if (running) return running;
  const job = (async () => {
    const stored = await repo.findReportFile(ctx.db, key.version);
    const data = stored ?? (await render());
    if (!stored) await repo.storeReportFile(ctx.db, { ...key, data, created_at: nowIso(ctx.clock) });
    served.set(key.version, data, data.byteLength);
    return data;
  })().finally(() => generating.delete(key.version));
  generating.set(key.version, job);
  return job;
}
