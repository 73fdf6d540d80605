// The web import as a job stored in the database: upload (the decoded file is kept with the
// recognised column mapping), the mapping step and dry run (the report is stored with the job), and
// the import itself, which runs in the background of the process that accepted it while the
// progress page reads the job row (so any instance can show it). Rules of the rows themselves
// are in import.service.ts; no HTTP here.
import { CsvSyntaxError, decodeSpreadsheetBytes, detectDelimiter, parseCsvText, type CsvDelimiter } from '../../../core/csv/index.js';
import { newId } from '../../../core/db/ids.js';
import { nowIso } from '../../../core/db/time.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { ModuleContext } from '../../../core/module.js';
import { FormChecker } from '../../../core/validation.js';
import { IMPORT_FIELDS, initialMapping, isImportField, type ImportField, type Mapping } from './import.parse.js';
import { runImport, type Actor, type FileProblem, type RowProblem } from './import.service.js';
import * as quality from './quality.repo.js';

export const MAX_IMPORT_MB = 30;
export const MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1024 * 1024;
/** Problems kept with a job for the report page; the counts always cover every row. */
export const STORED_PROBLEMS = 500;
/** A running job not heard from for this long died with its process. */
const STALE_MS = 10 * 60 * 1000;

export interface Upload {
  fileName: string;
  data: Buffer | null;
  truncated: boolean;
}

function fileChecker(): FormChecker {
  return new FormChecker({});
}

/** Stores an uploaded file as a job waiting for its column mapping; a file that is not a CSV is refused. */
export async function createImportJob(ctx: ModuleContext, upload: Upload, actor: Actor): Promise<string> {
  const c = fileChecker();
  const label = 'registryImport.file';
  if (!upload.data || upload.data.length === 0 || upload.fileName === '') c.add('file', label, 'registryImport.fileProblem.missing');
  else if (upload.truncated || upload.data.length > MAX_IMPORT_BYTES)
    c.add('file', label, 'registryImport.fileProblem.tooLarge', { size: MAX_IMPORT_MB });
  c.assertValid();
  const { text, encoding } = decodeSpreadsheetBytes(upload.data!);
  const delimiter = detectDelimiter(text);
  let headers: string[] = [];
  let rows = 0;
  try {
    const parsed = parseCsvText(text, delimiter);
    headers = parsed.headers;
    rows = parsed.rows.length;
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    c.add('file', label, 'registryImport.fileProblem.syntax', { line: err.line ?? '?' });
  }
  if (c.problems.length === 0 && headers.length === 0) c.add('file', label, 'registryImport.fileProblem.empty');
  c.assertValid();
  const id = newId();
  const now = nowIso(ctx.clock);
  await quality.insertImport(ctx.db, {
    id,
    file_name: upload.fileName.slice(0, 200),
    encoding,
    delimiter,
    headers: JSON.stringify(headers),
    mapping: JSON.stringify(initialMapping(headers)),
    content: text,
    status: 'uploaded',
    total_rows: rows,
    ok_rows: 0,
    refused_rows: 0,
    processed_rows: 0,
    imported_rows: 0,
    problems: '[]',
    error: null,
    created_by: actor.actorId,
    created_at: now,
    updated_at: now,
    finished_at: null,
  });
  return id;
}

export interface ImportJobView {
  id: string;
  fileName: string;
  encoding: string;
  delimiter: string;
  status: quality.ImportRow['status'];
  /** Running but silent for long: its process ended (restart, crash). */
  isStale: boolean;
  headers: string[];
  mapping: Mapping;
  /** The first data row, to help choose each column's field. */
  example: string[];
  total: number;
  ok: number;
  refused: number;
  processed: number;
  imported: number;
  /** The first STORED_PROBLEMS problems, and how many there were in all. */
  problems: RowProblem[];
  problemCount: number;
  fileProblems: FileProblem[];
}

async function loadJob(ctx: ModuleContext, id: string): Promise<quality.ImportRow> {
  const job = await quality.findImport(ctx.db, id);
  if (!job) throw new AppError('http.not_found');
  return job;
}

function parseContent(job: quality.ImportRow) {
  const { headers, rows } = parseCsvText(job.content ?? '', job.delimiter as CsvDelimiter);
  return { headers, records: rows };
}

/** The first data row, read from the beginning of the file only (a page view must not parse 30 MB). */
function firstRow(content: string, delimiter: CsvDelimiter): string[] {
  const head = content.length > 65_536 ? content.slice(0, content.lastIndexOf('\n', 65_536) + 1) : content;
  try {
    return parseCsvText(head, delimiter).rows[0]?.cells ?? [];
  } catch {
    // the cut fell inside a quoted field: the mapping works without an example
    return [];
  }
}

export async function importJobView(ctx: ModuleContext, id: string): Promise<ImportJobView> {
  const job = await loadJob(ctx, id);
  const stored = JSON.parse(job.problems) as { rows?: RowProblem[]; count?: number; file?: FileProblem[] };
  const problems = stored.rows ?? [];
  const fileProblems = stored.file ?? [];
  const example =
    job.content !== null && (job.status === 'uploaded' || job.status === 'checked')
      ? firstRow(job.content, job.delimiter as CsvDelimiter)
      : [];
  return {
    id: job.id,
    fileName: job.file_name,
    encoding: job.encoding,
    delimiter: job.delimiter,
    status: job.status,
    isStale: job.status === 'running' && ctx.clock.now().getTime() - Date.parse(job.updated_at) > STALE_MS,
    headers: JSON.parse(job.headers) as string[],
    mapping: JSON.parse(job.mapping) as Mapping,
    example,
    total: job.total_rows,
    ok: job.ok_rows,
    refused: job.refused_rows,
    processed: job.processed_rows,
    imported: job.imported_rows,
    problems,
    problemCount: stored.count ?? problems.length,
    fileProblems,
  };
}

export async function listImportJobs(ctx: ModuleContext) {
  return quality.listImports(ctx.db, 20);
}

/** The mapping chosen in the form: `col_<i>` = a field or empty (skip the column). */
export function mappingFromForm(headers: readonly string[], body: Record<string, string>): Mapping {
  return headers.map((_, i) => {
    const v = body[`col_${i}`] ?? '';
    return isImportField(v) ? v : null;
  });
}

/** Saves the mapping and runs the dry run; the report is stored with the job. */
export async function checkImportJob(ctx: ModuleContext, id: string, mapping: Mapping, actor: Actor): Promise<void> {
  const job = await loadJob(ctx, id);
  if (job.status !== 'uploaded' && job.status !== 'checked') throw new AppError('http.not_found');
  const { headers, records } = parseContent(job);
  const outcome = await runImport(ctx, headers, records, mapping, { fileName: job.file_name, dryRun: true, actor });
  await quality.updateImport(ctx.db, id, {
    mapping: JSON.stringify(mapping),
    status: outcome.fileProblems.length ? 'uploaded' : 'checked',
    total_rows: outcome.total,
    ok_rows: outcome.ok,
    refused_rows: outcome.refused,
    problems: JSON.stringify({
      rows: outcome.problems.slice(0, STORED_PROBLEMS),
      count: outcome.problems.length,
      file: outcome.fileProblems,
    }),
    updated_at: nowIso(ctx.clock),
  });
}

// --- the background run -----------------------------------------------------------------------

const running = new WeakMap<object, Set<Promise<void>>>();

/** Resolves when every import this process started for `ctx` has finished (shutdown, tests). */
export async function importJobsSettled(ctx: ModuleContext): Promise<void> {
  await Promise.all([...(running.get(ctx.db) ?? [])]);
}

/** Starts the import of a checked job in the background; a second start (double click) does nothing. */
export async function startImportJob(ctx: ModuleContext, id: string, actor: Actor): Promise<void> {
  const job = await loadJob(ctx, id);
  if (job.status !== 'checked' || job.ok_rows === 0) return;
  const now = nowIso(ctx.clock);
  if (!(await quality.claimImport(ctx.db, id, 'checked', { status: 'running', processed_rows: 0, imported_rows: 0, updated_at: now })))
    return;
  const set = running.get(ctx.db) ?? new Set<Promise<void>>();
  running.set(ctx.db, set);
  const task = runJob(ctx, job, actor).finally(() => set.delete(task));
  set.add(task);
}

async function runJob(ctx: ModuleContext, job: quality.ImportRow, actor: Actor): Promise<void> {
  let imported = 0;
  try {
    const { headers, records } = parseContent(job);
    const outcome = await runImport(ctx, headers, records, JSON.parse(job.mapping) as Mapping, {
      fileName: job.file_name,
      dryRun: false,
      actor,
      importId: job.id,
      onProgress: async (done, _total, soFar) => {
        imported = soFar;
        await quality.updateImport(ctx.db, job.id, { processed_rows: done, imported_rows: soFar, updated_at: nowIso(ctx.clock) });
      },
    });
    const now = nowIso(ctx.clock);
    await quality.updateImport(ctx.db, job.id, {
      status: 'done',
      total_rows: outcome.total,
      ok_rows: outcome.ok,
      refused_rows: outcome.refused,
      processed_rows: outcome.total,
      imported_rows: outcome.imported,
      problems: JSON.stringify({
        rows: outcome.problems.slice(0, STORED_PROBLEMS),
        count: outcome.problems.length,
        file: outcome.fileProblems,
      }),
      // the file may hold contact data; once imported it is not kept
      content: null,
      updated_at: now,
      finished_at: now,
    });
  } catch (err) {
    ctx.log(`registry import ${job.id} failed: ${err instanceof Error ? err.message : String(err)}`);
    const now = nowIso(ctx.clock);
    await quality
      .updateImport(ctx.db, job.id, {
        status: 'failed',
        imported_rows: imported,
        error: err instanceof Error ? err.message.slice(0, 500) : 'error',
        content: null,
        updated_at: now,
        finished_at: now,
      })
      .catch(() => undefined);
  }
}

export { IMPORT_FIELDS, type ImportField };
