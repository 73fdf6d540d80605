// Kysely queries of the annual report: the publication state per programme and year, and the
// narratives staff write per objective-tree element and year. No rules here (report.service.ts).
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../core/db/schema.js';
import type { AnnualReportFilesTable, AnnualReportsTable, ReportNarrativesTable } from '../indicators.tables.js';

export type Executor = Kysely<Database> | Transaction<Database>;
export type ReportStatus = AnnualReportsTable['status'];

export async function listReportStates(db: Executor, programmeId: string): Promise<{ year: number; status: ReportStatus }[]> {
  return db.selectFrom('annual_reports').select(['year', 'status']).where('programme_id', '=', programmeId).execute();
}

export async function findReport(
  db: Executor,
  programmeId: string,
  year: number,
): Promise<{ id: string; status: ReportStatus; published_at: string | null } | undefined> {
  return db
    .selectFrom('annual_reports')
    .select(['id', 'status', 'published_at'])
    .where('programme_id', '=', programmeId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function insertReport(db: Executor, row: Insertable<AnnualReportsTable>): Promise<void> {
  await db.insertInto('annual_reports').values(row).execute();
}

export async function markPublished(db: Executor, id: string, at: string, by: string | null): Promise<void> {
  await db.updateTable('annual_reports').set({ status: 'published', published_at: at, published_by: by }).where('id', '=', id).execute();
}

/** Takes the published report of the year back to draft; true when there was one. */
export async function unpublish(db: Executor, programmeId: string, year: number): Promise<boolean> {
  const res = await db
    .updateTable('annual_reports')
    .set({ status: 'draft', published_at: null, published_by: null })
    .where('programme_id', '=', programmeId)
    .where('year', '=', year)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function listNarratives(
  db: Executor,
  elementIds: readonly string[],
  year: number,
): Promise<{ element_id: string; body: string }[]> {
  if (elementIds.length === 0) return [];
  return db
    .selectFrom('report_narratives')
    .select(['element_id', 'body'])
    .where('element_id', 'in', elementIds)
    .where('year', '=', year)
    .execute();
}

export async function deleteNarrative(db: Executor, elementId: string, year: number): Promise<void> {
  await db.deleteFrom('report_narratives').where('element_id', '=', elementId).where('year', '=', year).execute();
}

/** Writes the element's narrative of the year, replacing the one it had. */
export async function saveNarrative(db: Executor, row: Insertable<ReportNarrativesTable>): Promise<void> {
  await db
    .insertInto('report_narratives')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['element_id', 'year']).doUpdateSet({ body: row.body, updated_by: row.updated_by ?? null, updated_at: row.updated_at }),
    )
    .execute();
}

/** Published annual reports with their programme's address (sitemap). */
export async function listPublishedReports(db: Executor): Promise<{ slug: string; year: number; published_at: string | null }[]> {
  return db
    .selectFrom('annual_reports as r')
    .innerJoin('programmes as p', 'p.id', 'r.programme_id')
    .select(['p.slug', 'r.year', 'r.published_at'])
    .where('r.status', '=', 'published')
    .orderBy('p.slug')
    .orderBy('r.year')
    .execute();
}

/** A generated report file of one content version, if stored. */
export async function findReportFile(db: Executor, version: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('annual_report_files').select('data').where('version', '=', version).executeTakeFirst();
  return row ? Buffer.from(row.data) : undefined;
}

/**
 * Stores a generated file (another instance may have stored the same version first: nothing changes
 * then) and deletes the files of earlier content versions of the same report and format, which no
 * request can ask for any more (their ETag is gone with the content they were made from).
 */
export async function storeReportFile(db: Executor, row: Insertable<AnnualReportFilesTable>): Promise<void> {
  await db
    .insertInto('annual_report_files')
    .values(row)
    .onConflict((oc) => oc.column('version').doNothing())
    .execute();
  await db
    .deleteFrom('annual_report_files')
    .where('programme_id', '=', row.programme_id)
    .where('year', '=', row.year)
    .where('format', '=', row.format)
    .where('version', '!=', row.version)
    .execute();
}
