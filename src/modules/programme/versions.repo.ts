// Kysely queries over programme versions and their numbered sections. Kept apart from the rest of
// the programme's queries because the consultations module reads them too (through index.ts).
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import type { ProgrammeSectionsTable, ProgrammeVersionsTable } from './programme.tables.js';

type Executor = Kysely<Database> | Transaction<Database>;
export type VersionRow = Selectable<ProgrammeVersionsTable>;
export type SectionRow = Selectable<ProgrammeSectionsTable>;

/** Versions of every programme, newest first, with the programme's title (for pickers). */
export async function listAllVersions(db: Executor): Promise<(VersionRow & { programme_title: string; programme_slug: string })[]> {
  return db
    .selectFrom('programme_versions as v')
    .innerJoin('programmes as p', 'p.id', 'v.programme_id')
    .selectAll('v')
    .select(['p.title as programme_title', 'p.slug as programme_slug'])
    .orderBy('p.title')
    .orderBy('v.number', 'desc')
    .execute();
}

export async function listVersions(db: Executor, programmeId: string): Promise<VersionRow[]> {
  return db.selectFrom('programme_versions').selectAll().where('programme_id', '=', programmeId).orderBy('number').execute();
}

export async function findVersion(db: Executor, versionId: string): Promise<VersionRow | undefined> {
  return db.selectFrom('programme_versions').selectAll().where('id', '=', versionId).executeTakeFirst();
}

export async function listSections(db: Executor, versionId: string): Promise<SectionRow[]> {
  return db.selectFrom('programme_sections').selectAll().where('version_id', '=', versionId).orderBy('position').execute();
}

export async function insertVersion(
  db: Executor,
  version: Insertable<ProgrammeVersionsTable>,
  sections: Insertable<ProgrammeSectionsTable>[],
): Promise<void> {
  await db.insertInto('programme_versions').values(version).execute();
  if (sections.length) await db.insertInto('programme_sections').values(sections).execute();
}

export async function findVersionByNumber(db: Executor, programmeId: string, number: number): Promise<VersionRow | undefined> {
  return db
    .selectFrom('programme_versions')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** The next version number of a programme (1 for the first). */
export async function nextVersionNumber(db: Executor, programmeId: string): Promise<number> {
  const row = await db
    .selectFrom('programme_versions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export async function updateVersion(db: Executor, versionId: string, patch: { label: string; note: string | null }): Promise<void> {
  await db.updateTable('programme_versions').set(patch).where('id', '=', versionId).execute();
}

export async function countSectionsByVersion(db: Executor, versionIds: readonly string[]): Promise<Map<string, number>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('programme_sections')
    .select(['version_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('version_id', 'in', [...versionIds])
    .groupBy('version_id')
    .execute();
  return new Map(rows.map((r) => [r.version_id, Number(r.n)]));
}

export async function findSection(db: Executor, sectionId: string): Promise<SectionRow | undefined> {
  return db.selectFrom('programme_sections').selectAll().where('id', '=', sectionId).executeTakeFirst();
}

export async function insertSection(db: Executor, section: Insertable<ProgrammeSectionsTable>): Promise<void> {
  await db.insertInto('programme_sections').values(section).execute();
}

export async function updateSection(
  db: Executor,
  sectionId: string,
  patch: { number?: string; heading?: string; body?: string; position?: number },
): Promise<void> {
  await db.updateTable('programme_sections').set(patch).where('id', '=', sectionId).execute();
}

export async function deleteSection(db: Executor, sectionId: string): Promise<void> {
  await db.deleteFrom('programme_sections').where('id', '=', sectionId).execute();
}
