// Queries of the document library: documents, their file versions (bytes read only when a file is
// actually sent) and the anonymous download counter. Kysely only.
import type { Insertable, Updateable } from 'kysely';
import { countAll } from '../../core/db/database.js';
import type { DialectSeam } from '../../core/db/dialect/index.js';
import type { Executor } from './content.repo.js';
import type { DocumentCategory, DocumentFilesTable, DocumentsTable } from './portal.tables.js';

const FILE_HEAD = [
  'id',
  'document_id',
  'label_pl',
  'label_en',
  'version_date',
  'file_name',
  'content_type',
  'kind',
  'byte_size',
  'sha256',
  'download_count',
  'created_at',
] as const;

export async function insertDocument(db: Executor, row: Insertable<DocumentsTable>): Promise<void> {
  await db.insertInto('documents').values(row).execute();
}

export async function updateDocument(db: Executor, id: string, values: Updateable<DocumentsTable>): Promise<void> {
  await db.updateTable('documents').set(values).where('id', '=', id).execute();
}

export async function deleteDocument(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('document_files').where('document_id', '=', id).execute();
  await db.deleteFrom('documents').where('id', '=', id).execute();
}

export async function getDocument(db: Executor, id: string) {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getDocuments(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('documents')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

function listQuery(db: Executor, category: DocumentCategory | null, publishedOnly: boolean) {
  let q = db.selectFrom('documents');
  if (publishedOnly) q = q.where('is_published', '=', true);
  if (category) q = q.where('category', '=', category);
  return q;
}

export async function listDocuments(
  db: Executor,
  opts: { category: DocumentCategory | null; publishedOnly: boolean; limit: number; offset: number },
) {
  return listQuery(db, opts.category, opts.publishedOnly)
    .selectAll()
    .orderBy('doc_date', 'desc')
    .orderBy('title_sort')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute();
}

export async function countDocuments(db: Executor, category: DocumentCategory | null, publishedOnly: boolean): Promise<number> {
  return (await listQuery(db, category, publishedOnly).select(countAll().as('n')).executeTakeFirstOrThrow()).n;
}

export async function insertFile(db: Executor, row: Insertable<DocumentFilesTable>): Promise<void> {
  await db.insertInto('document_files').values(row).execute();
}

export async function deleteFile(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('document_files').where('id', '=', id).execute();
}

/** File versions of documents without their bytes, newest first. */
export async function listFileHeads(db: Executor, documentIds: readonly string[]) {
  if (documentIds.length === 0) return [];
  return db
    .selectFrom('document_files')
    .select([...FILE_HEAD])
    .where('document_id', 'in', [...documentIds])
    .orderBy('version_date', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function getFileHead(db: Executor, id: string) {
  return db
    .selectFrom('document_files')
    .select([...FILE_HEAD])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getFileData(db: Executor, id: string): Promise<Buffer | null> {
  const row = await db.selectFrom('document_files').select('data').where('id', '=', id).executeTakeFirst();
  return row ? Buffer.from(row.data) : null;
}

export async function countDownload(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('document_files')
    .set((eb) => ({ download_count: eb('download_count', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function searchDocuments(db: Executor, seam: DialectSeam, terms: string[], limit: number) {
  const base = db
    .selectFrom('documents')
    .where('is_published', '=', true)
    .where(seam.ftsMatch({ table: 'documents', column: 'search_doc' }, terms));
  const [rows, total] = await Promise.all([
    base
      .select(['id', 'title_pl', 'title_en', 'description_pl', 'description_en', 'doc_date'])
      .orderBy('doc_date', 'desc')
      .limit(limit)
      .execute(),
    base.select(countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export async function listPublishedDocumentHeads(db: Executor) {
  return db
    .selectFrom('documents')
    .select(['id', 'updated_at', 'title_en'])
    .where('is_published', '=', true)
    .orderBy('doc_date', 'desc')
    .execute();
}

/** Published documents by title, for pickers of other modules (a study's report and summary). */
export async function listDocumentChoices(db: Executor): Promise<{ id: string; title_pl: string }[]> {
  return db
    .selectFrom('documents')
    .select(['id', 'title_pl'])
    .where('is_published', '=', true)
    .orderBy('title_sort')
    .orderBy('id')
    .execute();
}
