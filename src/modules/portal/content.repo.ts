// Queries of pages, news, their versions and uploaded images. Kysely only; the rules (what is
// public, how paths are built, what a version holds) live in content.service.ts.
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import { countAll } from '../../core/db/database.js';
import type { Database } from '../../core/db/schema.js';
import type { DialectSeam } from '../../core/db/dialect/index.js';
import type { ContentVersionsTable, MediaTable, NewsCategory, NewsTable, PagesTable, VersionedType } from './portal.tables.js';

export type Executor = Kysely<Database> | Transaction<Database>;

// --- pages ---------------------------------------------------------------------------------------

export async function insertPage(db: Executor, row: Insertable<PagesTable>): Promise<void> {
  await db.insertInto('pages').values(row).execute();
}

export async function updatePage(db: Executor, id: string, values: Updateable<PagesTable>): Promise<void> {
  await db.updateTable('pages').set(values).where('id', '=', id).execute();
}

export async function deletePage(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('pages').where('id', '=', id).execute();
}

export async function getPage(db: Executor, id: string) {
  return db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getPageByPath(db: Executor, path: string) {
  return db.selectFrom('pages').selectAll().where('path', '=', path).executeTakeFirst();
}

export async function pathOwner(db: Executor, path: string): Promise<string | null> {
  const row = await db.selectFrom('pages').select('id').where('path', '=', path).executeTakeFirst();
  return row?.id ?? null;
}

/** Every page without bodies (the tree is small: tens of pages). */
export async function listPageHeads(db: Executor) {
  return db
    .selectFrom('pages')
    .select(['id', 'parent_id', 'slug', 'path', 'position', 'title_pl', 'title_en', 'is_published', 'publish_at', 'updated_at'])
    .orderBy('position')
    .orderBy('title_sort')
    .execute();
}

export async function countChildren(db: Executor, id: string): Promise<number> {
  const row = await db.selectFrom('pages').select(countAll().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow();
  return row.n;
}

// --- news ----------------------------------------------------------------------------------------

export async function insertNews(db: Executor, row: Insertable<NewsTable>): Promise<void> {
  await db.insertInto('news').values(row).execute();
}

export async function updateNews(db: Executor, id: string, values: Updateable<NewsTable>): Promise<void> {
  await db.updateTable('news').set(values).where('id', '=', id).execute();
}

export async function deleteNews(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('news').where('id', '=', id).execute();
}

export async function getNews(db: Executor, id: string) {
  return db.selectFrom('news').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getNewsBySlug(db: Executor, slug: string) {
  return db.selectFrom('news').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function slugOwner(db: Executor, slug: string): Promise<string | null> {
  const row = await db.selectFrom('news').select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id ?? null;
}

export async function listNewsAdmin(db: Executor, limit: number, offset: number) {
  return db
    .selectFrom('news')
    .select(['id', 'slug', 'title_pl', 'title_en', 'category', 'is_published', 'publish_at', 'updated_at'])
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countNewsAdmin(db: Executor): Promise<number> {
  return (await db.selectFrom('news').select(countAll().as('n')).executeTakeFirstOrThrow()).n;
}

function publishedNews(db: Executor, now: string, category: NewsCategory | null) {
  let q = db.selectFrom('news').where('is_published', '=', true).where('publish_at', 'is not', null).where('publish_at', '<=', now);
  if (category) q = q.where('category', '=', category);
  return q;
}

export async function listPublishedNews(db: Executor, now: string, category: NewsCategory | null, limit: number, offset: number) {
  return publishedNews(db, now, category)
    .select([
      'id',
      'slug',
      'title_pl',
      'title_en',
      'lead_pl',
      'lead_en',
      'category',
      'image_id',
      'image_alt_pl',
      'image_alt_en',
      'publish_at',
      'updated_at',
    ])
    .orderBy('publish_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** When the next news item scheduled after `now` is published, or null. */
export async function nextPublication(db: Executor, now: string): Promise<string | null> {
  const row = await db
    .selectFrom('news')
    .select((eb) => eb.fn.min('publish_at').as('at'))
    .where('is_published', '=', true)
    .where('publish_at', '>', now)
    .executeTakeFirst();
  return row?.at ?? null;
}

export async function countPublishedNews(db: Executor, now: string, category: NewsCategory | null): Promise<number> {
  return (await publishedNews(db, now, category).select(countAll().as('n')).executeTakeFirstOrThrow()).n;
}

/** Published news with bodies, newest first (feeds). */
export async function listPublishedNewsFull(db: Executor, now: string, limit: number) {
  return publishedNews(db, now, null).selectAll().orderBy('publish_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

// --- versions ------------------------------------------------------------------------------------

export async function lastVersionNumber(db: Executor, type: VersionedType, itemId: string): Promise<number> {
  const row = await db
    .selectFrom('content_versions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('item_type', '=', type)
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertVersion(db: Executor, row: Insertable<ContentVersionsTable>): Promise<void> {
  await db.insertInto('content_versions').values(row).execute();
}

export async function listVersions(db: Executor, type: VersionedType, itemId: string) {
  return db
    .selectFrom('content_versions')
    .leftJoin('users', 'users.id', 'content_versions.created_by')
    .select(['content_versions.number', 'content_versions.note', 'content_versions.created_at', 'users.display_name as author'])
    .where('item_type', '=', type)
    .where('item_id', '=', itemId)
    .orderBy('number', 'desc')
    .execute();
}

export async function getVersion(db: Executor, type: VersionedType, itemId: string, number: number) {
  return db
    .selectFrom('content_versions')
    .selectAll()
    .where('item_type', '=', type)
    .where('item_id', '=', itemId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export async function deleteVersions(db: Executor, type: VersionedType, itemId: string): Promise<void> {
  await db.deleteFrom('content_versions').where('item_type', '=', type).where('item_id', '=', itemId).execute();
}

// --- media ---------------------------------------------------------------------------------------

export async function insertMedia(db: Executor, row: Insertable<MediaTable>): Promise<void> {
  await db.insertInto('media').values(row).execute();
}

export async function getMediaHead(db: Executor, id: string) {
  return db.selectFrom('media').select(['id', 'content_type', 'byte_size', 'sha256', 'created_at']).where('id', '=', id).executeTakeFirst();
}

export async function getMediaData(db: Executor, id: string): Promise<Buffer | null> {
  const row = await db.selectFrom('media').select('data').where('id', '=', id).executeTakeFirst();
  return row ? Buffer.from(row.data) : null;
}

// --- search --------------------------------------------------------------------------------------

export async function searchPages(db: Executor, seam: DialectSeam, terms: string[], now: string, limit: number) {
  const base = db
    .selectFrom('pages')
    .where(seam.ftsMatch({ table: 'pages', column: 'search_doc' }, terms))
    .where('is_published', '=', true)
    .where((eb) => eb.or([eb('publish_at', 'is', null), eb('publish_at', '<=', now)]));
  const [rows, total] = await Promise.all([
    base.select(['id', 'path', 'title_pl', 'title_en', 'body_pl', 'body_en']).orderBy('title_sort').limit(limit).execute(),
    base.select(countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export async function searchNews(db: Executor, seam: DialectSeam, terms: string[], now: string, limit: number) {
  const base = publishedNews(db, now, null).where(seam.ftsMatch({ table: 'news', column: 'search_doc' }, terms));
  const [rows, total] = await Promise.all([
    base
      .select(['id', 'slug', 'title_pl', 'title_en', 'lead_pl', 'lead_en', 'publish_at'])
      .orderBy('publish_at', 'desc')
      .limit(limit)
      .execute(),
    base.select(countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

/** Published pages (sitemap). */
export async function listPublishedPages(db: Executor, now: string) {
  return db
    .selectFrom('pages')
    .select(['id', 'parent_id', 'path', 'title_pl', 'title_en', 'position', 'updated_at'])
    .where('is_published', '=', true)
    .where((eb) => eb.or([eb('publish_at', 'is', null), eb('publish_at', '<=', now)]))
    .orderBy('position')
    .orderBy('title_sort')
    .execute();
}

export async function listPublishedNewsHeads(db: Executor, now: string) {
  return publishedNews(db, now, null).select(['slug', 'updated_at', 'title_en']).orderBy('publish_at', 'desc').execute();
}
