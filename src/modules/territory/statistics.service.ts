// Rules of the gmina statistics: the two-step CSV import (read and check, keep the result, show
// it; save only when the coordinator confirms), removal of a year, and reading the figures back
// for the maps and profiles. The platform ships no statistics of its own: every figure here was
// uploaded by a coordinator with its source, and is shown with its year and source.
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { warsawYear } from '../../core/time/index.js';
import { FormChecker } from '../../core/validation.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import { parseStatisticsCsv, type ParseResult } from './statistics.csv.js';
import * as repo from './territory.repo.js';
import type { StatisticRow } from './territory.repo.js';
import { STAT_MEASURES, type StatMeasure } from './territory.tables.js';

type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;

/** A preview older than this is gone; the coordinator uploads the file again. */
export const UPLOAD_TTL_MS = 24 * 3600_000;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface UploadForm {
  fileName: string;
  data: Buffer | null;
  /** The file was longer than the limit and was cut off. */
  truncated: boolean;
  source: string;
}

async function gminaNames(ctx: ModuleContext): Promise<Map<string, { name: string }>> {
  const rows = await repo.listUnits(ctx.db, 'gmina');
  return new Map(rows.map((r) => [r.teryt, { name: r.name }]));
}

/**
 * Step 1: reads the file and keeps the result for the preview. Refused (400, nothing kept) when
 * the form is incomplete or the file as a whole cannot be used; problems of single rows do not
 * refuse it — the preview lists them so the coordinator decides.
 */
export async function previewStatisticsUpload(ctx: ModuleContext, form: UploadForm, actor: Actor): Promise<string> {
  const f = new FormChecker({ source: form.source });
  const source = f.required('source', 'territory.stats.source', { max: 200 });
  if (form.truncated) f.add('file', 'territory.stats.file', 'territory.csv.file.tooLarge', { mb: MAX_FILE_BYTES / 1024 / 1024 });
  else if (!form.data || form.data.length === 0) f.add('file', 'territory.stats.file', 'territory.csv.file.missing');
  f.assertValid();
  const result = parseStatisticsCsv(form.data!, await gminaNames(ctx), { maxYear: warsawYear(ctx.clock) });
  for (const p of result.fileProblems) f.add('file', 'territory.stats.file', p.key, p.params);
  f.assertValid();
  const id = newId();
  const now = ctx.clock.now();
  await repo.purgeUploads(ctx.db, new Date(now.getTime() - UPLOAD_TTL_MS).toISOString());
  await repo.insertUpload(ctx.db, {
    id,
    created_at: now.toISOString(),
    created_by: actor.actorId,
    file_name: form.fileName.slice(0, 200),
    source,
    payload: JSON.stringify(result),
  });
  return id;
}

export interface UploadPreview {
  id: string;
  fileName: string;
  source: string;
  createdAt: string;
  result: ParseResult;
  /** `teryt|year|measure` → the value stored now (what the upload would replace). */
  existing: Map<string, number>;
  /** Values the upload would write. */
  valueCount: number;
}

export function statKey(teryt: string, year: number, measure: StatMeasure): string {
  return `${teryt}|${year}|${measure}`;
}

async function loadUpload(ctx: ModuleContext, id: string) {
  const row = await repo.findUpload(ctx.db, id);
  if (!row || Date.parse(row.created_at) < ctx.clock.now().getTime() - UPLOAD_TTL_MS) throw new AppError('http.not_found');
  return { row, result: JSON.parse(row.payload) as ParseResult };
}

export async function getUploadPreview(ctx: ModuleContext, id: string): Promise<UploadPreview> {
  const { row, result } = await loadUpload(ctx, id);
  const years = [...new Set(result.rows.map((r) => r.year))];
  const existing = new Map((await repo.findStatistics(ctx.db, years)).map((s) => [statKey(s.teryt, s.year, s.measure), s.value]));
  const valueCount = result.rows.reduce((n, r) => n + Object.keys(r.values).length, 0);
  return { id: row.id, fileName: row.file_name, source: row.source, createdAt: row.created_at, result, existing, valueCount };
}

/** Step 2: saves the rows without problems (new values added, existing ones replaced). */
export async function confirmStatisticsUpload(ctx: ModuleContext, id: string, actor: Actor): Promise<number> {
  const { row, result } = await loadUpload(ctx, id);
  if (result.rows.length === 0) throw new AppError('http.validation', {}, [{ key: 'territory.stats.nothingToSave' }]);
  const now = nowIso(ctx.clock);
  const values = result.rows.flatMap((r) =>
    STAT_MEASURES.filter((m) => r.values[m] !== undefined).map((measure) => ({
      teryt: r.teryt,
      year: r.year,
      measure,
      value: r.values[measure]!,
      source: row.source,
      uploaded_at: now,
      uploaded_by: actor.actorId,
    })),
  );
  await ctx.db.transaction().execute(async (trx) => {
    // taken first: two confirmations of one upload (double click, two tabs) save it once
    if ((await repo.deleteUpload(trx, id)) === 0) throw new AppError('http.not_found');
    await repo.upsertStatistics(trx, values);
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'territory.statistics.import',
        subjectType: 'gmina_statistics',
        subjectId: null,
        meta: {
          file: row.file_name,
          source: row.source,
          rows: result.rows.length,
          values: values.length,
          skippedRows: new Set(result.problems.map((p) => p.line)).size,
          years: [...new Set(result.rows.map((r) => r.year))],
        },
      },
      ctx.clock,
    );
  });
  return values.length;
}

export async function cancelStatisticsUpload(ctx: ModuleContext, id: string): Promise<void> {
  await repo.deleteUpload(ctx.db, id);
}

/** Removes every figure of one year (after an import into the wrong year, say). */
export async function deleteStatisticsYear(
  ctx: ModuleContext,
  values: Record<string, unknown>,
  actor: Actor,
): Promise<{ year: number; removed: number }> {
  const f = new FormChecker(values);
  const raw = f.text('year');
  const year = /^\d{4}$/u.test(raw) ? Number(raw) : NaN;
  if (Number.isNaN(year)) f.add('year', 'territory.stats.year', 'territory.stats.problem.year');
  if (f.text('confirm') !== 'tak') f.add('confirm', 'territory.stats.confirmDelete', 'territory.stats.problem.confirm');
  f.assertValid();
  let removed = 0;
  await ctx.db.transaction().execute(async (trx) => {
    removed = await repo.deleteStatisticsYear(trx, year);
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'territory.statistics.delete_year',
        subjectType: 'gmina_statistics',
        subjectId: String(year),
        meta: { year, removed },
      },
      ctx.clock,
    );
  });
  return { year, removed };
}

export async function statisticsOverview(ctx: ModuleContext) {
  return repo.statisticsSummary(ctx.db);
}

/** Every stored figure of the given gminy (all years), newest year first. */
export async function statisticsOf(ctx: ModuleContext, teryts: readonly string[]): Promise<StatisticRow[]> {
  return repo.listStatistics(ctx.db, { teryts });
}

export interface YearFigures {
  year: number;
  /** teryt → value */
  values: Map<string, number>;
  sources: string[];
}

/**
 * The figures of one measure for one year: the year asked for, else the newest year that has
 * the measure at all. Null when no figure of the measure was ever uploaded.
 */
export async function measureForYear(ctx: ModuleContext, measure: StatMeasure, year?: number): Promise<YearFigures | null> {
  const years = await repo.statisticYears(ctx.db, measure);
  const chosen = year !== undefined && years.includes(year) ? year : years[0];
  if (chosen === undefined) return null;
  const rows = (await repo.listStatistics(ctx.db, { year: chosen })).filter((r) => r.measure === measure);
  return { year: chosen, values: new Map(rows.map((r) => [r.teryt, r.value])), sources: [...new Set(rows.map((r) => r.source))].sort() };
}

export async function yearsWith(ctx: ModuleContext, measure: StatMeasure): Promise<number[]> {
  return repo.statisticYears(ctx.db, measure);
}
