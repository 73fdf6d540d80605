// Rules of the document library: the form of a document and of each file version (type by
// content, 50 MB at most), what the public sees (published documents, newest version first),
// anonymous download counts, and what other modules get when they attach library documents.
// Every staff change is audited. No HTTP, no SQL strings.
import { AppError } from '../../core/errors/app-error.js';
import { polishSortKey } from '../../core/db/collation.js';
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { cleanFileName, sha256Hex, type Upload } from '../../core/http/uploads.js';
import type { ModuleContext } from '../../core/module.js';
import { queryTerms, searchDocument, textMatches } from '../../core/search/index.js';
import { isCalendarDay, warsawToday } from '../../core/time/index.js';
import { FormChecker } from '../../core/validation.js';
import type { Lang } from '../../i18n/index.js';
import { recordAudit } from '../audit/index.js';
import type { Actor, FormValues } from './content.service.js';
import type { Executor } from './content.repo.js';
import * as repo from './documents.repo.js';
import { detectDocumentType, MAX_DOCUMENT_BYTES } from './files.js';
import { DOCUMENT_CATEGORIES, type DocumentCategory, type DocumentsTable } from './portal.tables.js';

export const DOCUMENT_LANGS = ['pl', 'en', 'de', 'uk'] as const;
export const DOCUMENTS_PAGE_SIZE = 20;

export function isDocumentCategory(v: string): v is DocumentCategory {
  return (DOCUMENT_CATEGORIES as readonly string[]).includes(v);
}

/** The fields an editor sets on a document (the rest are derived or bookkeeping). */
export type DocumentMeta = Omit<DocumentsTable, 'id' | 'title_sort' | 'search_doc' | 'created_at' | 'updated_at'>;

export function documentFormValues(d: DocumentMeta): Record<string, string> {
  return {
    title_pl: d.title_pl,
    title_en: d.title_en ?? '',
    description_pl: d.description_pl,
    description_en: d.description_en ?? '',
    category: d.category,
    doc_date: d.doc_date,
    lang: d.lang,
    is_accessible: d.is_accessible ? '1' : '',
    is_published: d.is_published ? '1' : '',
  };
}

function checkMeta(f: FormChecker): DocumentMeta {
  const title_pl = f.required('title_pl', 'documents.titlePl', { max: 300 });
  const title_en = f.text('title_en');
  if ([...title_en].length > 300) f.add('title_en', 'documents.titleEn', 'validation.tooLong', { count: 300 });
  const description_pl = f.text('description_pl');
  if ([...description_pl].length > 3000) f.add('description_pl', 'documents.descriptionPl', 'validation.tooLong', { count: 3000 });
  const description_en = f.text('description_en');
  if ([...description_en].length > 3000) f.add('description_en', 'documents.descriptionEn', 'validation.tooLong', { count: 3000 });
  const category = f.text('category');
  if (!isDocumentCategory(category)) f.add('category', 'documents.category', 'validation.invalid');
  const doc_date = f.required('doc_date', 'documents.date');
  if (doc_date && !isCalendarDay(doc_date)) f.add('doc_date', 'documents.date', 'portal.dateInvalid');
  const lang = f.text('lang') || 'pl';
  if (!(DOCUMENT_LANGS as readonly string[]).includes(lang)) f.add('lang', 'documents.lang', 'validation.invalid');
  return {
    title_pl,
    title_en: title_en || null,
    description_pl,
    description_en: description_en || null,
    category: category as DocumentCategory,
    doc_date,
    lang,
    is_accessible: f.text('is_accessible') === '1',
    is_published: f.text('is_published') === '1',
  };
}

interface CheckedFile {
  label_pl: string;
  label_en: string | null;
  version_date: string;
  file_name: string;
  content_type: string;
  kind: string;
  data: Buffer;
}

async function checkFile(f: FormChecker, upload: Upload | null, fallbackDate: string): Promise<CheckedFile | null> {
  const label_pl = f.required('label_pl', 'documents.versionLabelPl', { max: 200 });
  const label_en = f.text('label_en');
  if ([...label_en].length > 200) f.add('label_en', 'documents.versionLabelEn', 'validation.tooLong', { count: 200 });
  const version_date = f.text('version_date') || fallbackDate;
  if (!isCalendarDay(version_date)) f.add('version_date', 'documents.versionDate', 'portal.dateInvalid');
  if (!upload || (upload.data.length === 0 && !upload.truncated)) {
    f.add('file', 'documents.file', 'validation.required');
    return null;
  }
  if (upload.truncated || upload.data.length > MAX_DOCUMENT_BYTES) {
    f.add('file', 'documents.file', 'portal.fileTooLarge', { max: 50 });
    return null;
  }
  const type = await detectDocumentType(upload.data, upload.filename);
  if (!type) {
    f.add('file', 'documents.file', 'portal.fileType');
    return null;
  }
  return {
    label_pl,
    label_en: label_en || null,
    version_date,
    file_name: cleanFileName(upload.filename, type.ext),
    content_type: type.contentType,
    kind: type.ext.toUpperCase(),
    data: upload.data,
  };
}

function throwFileAware(f: FormChecker): void {
  const p = f.problems.find((x) => x.field === 'file');
  if (p?.key === 'portal.fileTooLarge') throw new AppError('portal.file_too_large', {}, f.problems);
  if (p?.key === 'portal.fileType') throw new AppError('portal.file_type', {}, f.problems);
  f.assertValid();
}

function docSearchDoc(m: DocumentMeta, fileNames: string[]): string {
  return searchDocument(m.title_pl, m.title_en, m.description_pl, m.description_en, ...fileNames);
}

async function storeFile(ctx: ModuleContext, trx: Executor, documentId: string, file: CheckedFile, actor: Actor): Promise<string> {
  const id = newId();
  await repo.insertFile(trx, {
    id,
    document_id: documentId,
    label_pl: file.label_pl,
    label_en: file.label_en,
    version_date: file.version_date,
    file_name: file.file_name,
    content_type: file.content_type,
    kind: file.kind,
    byte_size: file.data.length,
    sha256: sha256Hex(file.data),
    data: file.data,
    download_count: 0,
    created_at: nowIso(ctx.clock),
    created_by: actor.actorId,
  });
  return id;
}

export async function createDocument(ctx: ModuleContext, body: FormValues, upload: Upload | null, actor: Actor): Promise<string> {
  const f = new FormChecker(body);
  const meta = checkMeta(f);
  const file = await checkFile(f, upload, meta.doc_date || warsawToday(ctx.clock));
  throwFileAware(f);
  const id = newId();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertDocument(trx, {
      id,
      ...meta,
      title_sort: polishSortKey(meta.title_pl),
      search_doc: docSearchDoc(meta, [file!.file_name]),
      created_at: now,
      updated_at: now,
    });
    const fileId = await storeFile(ctx, trx, id, file!, actor);
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'portal.document.create',
        subjectType: 'document',
        subjectId: id,
        meta: { title: meta.title_pl, file: file!.file_name, fileId, bytes: file!.data.length },
      },
      ctx.clock,
    );
  });
  return id;
}

async function fileNamesOf(ctx: ModuleContext, id: string): Promise<string[]> {
  return (await repo.listFileHeads(ctx.db, [id])).map((f) => f.file_name);
}

export async function updateDocumentMeta(ctx: ModuleContext, id: string, body: FormValues, actor: Actor): Promise<void> {
  const current = await repo.getDocument(ctx.db, id);
  if (!current) throw new AppError('http.not_found');
  const f = new FormChecker(body);
  const meta = checkMeta(f);
  f.assertValid();
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [k, v] of Object.entries(meta)) {
    const before = current[k as keyof DocumentsTable];
    if (JSON.stringify(before) !== JSON.stringify(v)) changes[k] = { before, after: v };
  }
  if (Object.keys(changes).length === 0) return;
  const names = await fileNamesOf(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateDocument(trx, id, {
      ...meta,
      title_sort: polishSortKey(meta.title_pl),
      search_doc: docSearchDoc(meta, names),
      updated_at: nowIso(ctx.clock),
    });
    await recordAudit(trx, { ...actor, action: 'portal.document.update', subjectType: 'document', subjectId: id, changes }, ctx.clock);
  });
}

export async function addFileVersion(
  ctx: ModuleContext,
  id: string,
  body: FormValues,
  upload: Upload | null,
  actor: Actor,
): Promise<string> {
  const current = await repo.getDocument(ctx.db, id);
  if (!current) throw new AppError('http.not_found');
  const f = new FormChecker(body);
  const file = await checkFile(f, upload, warsawToday(ctx.clock));
  throwFileAware(f);
  const names = [...(await fileNamesOf(ctx, id)), file!.file_name];
  let fileId = '';
  await ctx.db.transaction().execute(async (trx) => {
    fileId = await storeFile(ctx, trx, id, file!, actor);
    await repo.updateDocument(trx, id, { search_doc: docSearchDoc(current, names), updated_at: nowIso(ctx.clock) });
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'portal.document.file_add',
        subjectType: 'document',
        subjectId: id,
        meta: { file: file!.file_name, fileId, bytes: file!.data.length, label: file!.label_pl },
      },
      ctx.clock,
    );
  });
  return fileId;
}

export async function deleteFileVersion(ctx: ModuleContext, id: string, fileId: string, actor: Actor): Promise<void> {
  const head = await repo.getFileHead(ctx.db, fileId);
  if (!head || head.document_id !== id) throw new AppError('http.not_found');
  const all = await repo.listFileHeads(ctx.db, [id]);
  if (all.length <= 1) throw new AppError('portal.last_file');
  const doc = (await repo.getDocument(ctx.db, id))!;
  const names = all.filter((x) => x.id !== fileId).map((x) => x.file_name);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteFile(trx, fileId);
    await repo.updateDocument(trx, id, { search_doc: docSearchDoc(doc, names), updated_at: nowIso(ctx.clock) });
    await recordAudit(
      trx,
      { ...actor, action: 'portal.document.file_delete', subjectType: 'document', subjectId: id, meta: { file: head.file_name, fileId } },
      ctx.clock,
    );
  });
}

export async function deleteDocument(ctx: ModuleContext, id: string, actor: Actor): Promise<void> {
  const doc = await repo.getDocument(ctx.db, id);
  if (!doc) throw new AppError('http.not_found');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteDocument(trx, id);
    await recordAudit(
      trx,
      { ...actor, action: 'portal.document.delete', subjectType: 'document', subjectId: id, meta: { title: doc.title_pl } },
      ctx.clock,
    );
  });
}

export type FileHead = Awaited<ReturnType<typeof repo.listFileHeads>>[number];
export type DocumentWithFiles = DocumentsTable & { files: FileHead[] };

async function withFiles(ctx: ModuleContext, docs: DocumentsTable[]): Promise<DocumentWithFiles[]> {
  const files = await repo.listFileHeads(
    ctx.db,
    docs.map((d) => d.id),
  );
  return docs.map((d) => ({ ...d, files: files.filter((f) => f.document_id === d.id) }));
}

export async function documentList(ctx: ModuleContext, opts: { category: DocumentCategory | null; page: number; publishedOnly: boolean }) {
  const total = await repo.countDocuments(ctx.db, opts.category, opts.publishedOnly);
  const pages = Math.max(1, Math.ceil(total / DOCUMENTS_PAGE_SIZE));
  if (opts.page > pages) throw new AppError('http.not_found');
  const docs = await repo.listDocuments(ctx.db, {
    category: opts.category,
    publishedOnly: opts.publishedOnly,
    limit: DOCUMENTS_PAGE_SIZE,
    offset: (opts.page - 1) * DOCUMENTS_PAGE_SIZE,
  });
  return { items: await withFiles(ctx, docs), total, pages };
}

export async function documentDetail(ctx: ModuleContext, id: string, publishedOnly: boolean): Promise<DocumentWithFiles> {
  const doc = await repo.getDocument(ctx.db, id);
  if (!doc || (publishedOnly && !doc.is_published)) throw new AppError('http.not_found');
  return (await withFiles(ctx, [doc]))[0]!;
}

/** A file to send: its head (for headers) and a way to read the bytes only when needed. */
export async function fileForDownload(ctx: ModuleContext, fileId: string, publishedOnly: boolean) {
  const head = await repo.getFileHead(ctx.db, fileId);
  if (!head) throw new AppError('http.not_found');
  if (publishedOnly) {
    const doc = await repo.getDocument(ctx.db, head.document_id);
    if (!doc?.is_published) throw new AppError('http.not_found');
  }
  return { head, data: async () => (await repo.getFileData(ctx.db, fileId)) ?? Buffer.alloc(0) };
}

export async function newestFileId(ctx: ModuleContext, documentId: string, publishedOnly: boolean): Promise<string> {
  const doc = await documentDetail(ctx, documentId, publishedOnly);
  const newest = doc.files[0];
  if (!newest) throw new AppError('http.not_found');
  return newest.id;
}

/** Counts a completed download (no IP, no user, no time: only the number). */
export async function countDownload(ctx: ModuleContext, fileId: string): Promise<void> {
  await repo.countDownload(ctx.db, fileId);
}

/** What another module needs to show links to library documents it attached (published only). */
export interface AttachedDocument {
  id: string;
  title: string;
  /** The document's title is Polish only. */
  isFallback: boolean;
  href: string;
  downloadHref: string;
  kind: string;
  byteSize: number;
  date: string;
  isAccessible: boolean;
}

export async function attachedDocuments(ctx: ModuleContext, ids: readonly string[], lang: Lang): Promise<AttachedDocument[]> {
  const docs = (await repo.getDocuments(ctx.db, ids)).filter((d) => d.is_published);
  const full = await withFiles(ctx, docs);
  const order = new Map(ids.map((id, i) => [id, i]));
  return full
    .filter((d) => d.files.length > 0)
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
    .map((d) => ({
      id: d.id,
      title: lang === 'en' && d.title_en ? d.title_en : d.title_pl,
      isFallback: lang === 'en' && !d.title_en,
      href: `/dokumenty/${d.id}`,
      downloadHref: `/dokumenty/${d.id}/pobierz`,
      kind: d.files[0]!.kind,
      byteSize: d.files[0]!.byte_size,
      date: d.doc_date,
      isAccessible: d.is_accessible,
    }));
}

/** Published library documents as choices by title (other modules attach them by picking a title). */
export async function documentChoices(ctx: ModuleContext): Promise<{ id: string; title: string }[]> {
  return (await repo.listDocumentChoices(ctx.db)).map((d) => ({ id: d.id, title: d.title_pl }));
}

/** The most documents a picker offers at once. */
export const DOCUMENT_PICK_LIMIT = 20;

export interface DocumentPick {
  /** At most `limit` published documents, by title. */
  choices: { id: string; title: string }[];
  /** How many match in all (more than `choices` when the list was cut). */
  total: number;
}

/**
 * What a picker of library documents offers: the published documents whose title matches every word
 * of the query (accents and endings folded, as the site search), without those already attached; the
 * first ones by title when nothing is typed (a query without a searchable word finds nothing). Every
 * picker (an event's documents, a consultation's, a body's agenda item) searches with this, so a title
 * is found the same way everywhere.
 */
export async function findDocumentChoices(
  ctx: ModuleContext,
  query: string,
  except: Iterable<string> = [],
  limit = DOCUMENT_PICK_LIMIT,
): Promise<DocumentPick> {
  const terms = queryTerms(query);
  const typed = query.trim() !== '';
  const skip = new Set(except);
  const found = (await documentChoices(ctx)).filter((d) => !skip.has(d.id) && (!typed || textMatches(terms, d.title)));
  return { choices: found.slice(0, limit), total: found.length };
}

/** A published library document chosen in a picker (its id sent back by the form), or null for anything else. */
export async function publishedDocumentChoice(ctx: ModuleContext, id: string): Promise<{ id: string; title: string } | null> {
  return (await documentChoices(ctx)).find((d) => d.id === id) ?? null;
}
