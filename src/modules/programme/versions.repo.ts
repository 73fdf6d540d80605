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

export async function insertVersion(db: Executor, version: Insertable<ProgrammeVersionsTable>, sections: Insertable<ProgrammeSectionsTable>[]): Promise<void> {
  await db.insertInto('programme_versions').values(version).execute();
  if (sections.length) await db.insertInto('programme_sections').values(sections).execute();
}
