// Rules of pages and news: what a valid form is (slugs, heading order, English versions, images
// with alternative text), what the public may see (published and past the publish-at moment,
// ancestors included), the version kept on every edit, the word-level comparison of two versions,
// and restoring one. Every staff change is audited. No HTTP, no SQL strings.
import { diffWordsWithSpace } from 'diff';
import { AppError } from '../../core/errors/app-error.js';
import { polishSortKey } from '../../core/db/collation.js';
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { cachedUntilWrite } from '../../core/db/write-cache.js';
import { sha256Hex, type Upload } from '../../core/http/uploads.js';
import type { ModuleContext } from '../../core/module.js';
import { searchDocument } from '../../core/search/index.js';
import { headingProblems, markdownToText } from '../../core/text/markdown.js';
import { toWarsawLocal, warsawLocalToUtc } from '../../core/time/index.js';
import { FormChecker } from '../../core/validation.js';
import type { Lang, TKey } from '../../i18n/index.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import * as repo from './content.repo.js';
import { detectImageType, MAX_IMAGE_BYTES } from './files.js';
import { NEWS_CATEGORIES, type NewsCategory, type NewsTable, type PagesTable, type VersionedType } from './portal.tables.js';
import { MAX_SLUG, RESERVED_TOP_SLUGS, SLUG, slugify } from './slug.js';

export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
export type FormValues = Record<string, string | undefined>;

export const MAX_BODY = 100_000;
export const NEWS_PAGE_SIZE = 10;

// --- shared form checks --------------------------------------------------------------------------

function checkBody(f: FormChecker, field: string, label: TKey, required: boolean): string {
  const value = required ? f.required(field, label, { max: MAX_BODY, raw: true }) : f.raw(field);
  if (!required && [...value].length > MAX_BODY) f.add(field, label, 'validation.tooLong', { count: MAX_BODY });
  for (const p of headingProblems(value)) {
    if (p.kind === 'h1') f.add(field, label, 'portal.headingH1', { text: p.text.slice(0, 60) });
    else f.add(field, label, 'portal.headingSkip', { text: p.text.slice(0, 60), level: p.level, previous: p.previous });
  }
  return value.replace(/\r\n/g, '\n');
}

/** English title and body come together or not at all. */
function checkEnglish(
  f: FormChecker,
  titleLabel: TKey,
  bodyLabel: TKey,
  extra: { field: string; label: TKey }[] = [],
): { title: string | null; body: string | null } {
  const title = f.text('title_en');
  if ([...title].length > 200) f.add('title_en', titleLabel, 'validation.tooLong', { count: 200 });
  const body = checkBody(f, 'body_en', bodyLabel, false);
  const any = title !== '' || body.trim() !== '' || extra.some((e) => f.text(e.field) !== '');
  if (any && title === '') f.add('title_en', titleLabel, 'portal.englishIncomplete');
  if (any && body.trim() === '') f.add('body_en', bodyLabel, 'portal.englishIncomplete');
  for (const e of extra) if (any && f.text(e.field) === '') f.add(e.field, e.label, 'portal.englishIncomplete');
  return any ? { title, body } : { title: null, body: null };
}

function checkPublishAt(f: FormChecker, label: TKey): string | null {
  const text = f.text('publish_at');
  if (text === '') return null;
  const iso = warsawLocalToUtc(text);
  if (!iso) f.add('publish_at', label, 'portal.dateTimeInvalid');
  return iso;
}

function checkSlug(f: FormChecker, fallbackFrom: string): string {
  const typed = f.text('slug');
  const slug = typed === '' ? slugify(fallbackFrom) : typed;
  if (slug === '' && fallbackFrom !== '') f.add('slug', 'portal.slug', 'portal.slugInvalid');
  else if (slug !== '' && (!SLUG.test(slug) || slug.length > MAX_SLUG)) f.add('slug', 'portal.slug', 'portal.slugInvalid');
  return slug;
}

// --- pages ---------------------------------------------------------------------------------------

export interface PageSnapshot {
  parent_id: string | null;
  slug: string;
  position: number;
  title_pl: string;
  title_en: string | null;
  body_pl: string;
  body_en: string | null;
  is_published: boolean;
  publish_at: string | null;
}

type PageHead = Awaited<ReturnType<typeof repo.listPageHeads>>[number];

function pageSnapshot(p: PageSnapshot): PageSnapshot {
  return {
    parent_id: p.parent_id,
    slug: p.slug,
    position: p.position,
    title_pl: p.title_pl,
    title_en: p.title_en,
    body_pl: p.body_pl,
    body_en: p.body_en,
    is_published: p.is_published,
    publish_at: p.publish_at,
  };
}

export function pageFormValues(p: PageSnapshot): Record<string, string> {
  return {
    parent_id: p.parent_id ?? '',
    slug: p.slug,
    position: String(p.position),
    title_pl: p.title_pl,
    title_en: p.title_en ?? '',
    body_pl: p.body_pl,
    body_en: p.body_en ?? '',
    is_published: p.is_published ? '1' : '',
    publish_at: p.publish_at ? toWarsawLocal(p.publish_at, ' ') : '',
  };
}

function descendantsOf(id: string, heads: readonly PageHead[]): Set<string> {
  const out = new Set<string>();
  const walk = (parent: string) => {
    for (const h of heads) {
      if (h.parent_id === parent && !out.has(h.id)) {
        out.add(h.id);
        walk(h.id);
      }
    }
  };
  walk(id);
  return out;
}

function pathOf(parentId: string | null, slug: string, heads: readonly PageHead[]): string {
  const parent = parentId ? heads.find((h) => h.id === parentId) : undefined;
  return parent ? `${parent.path}/${slug}` : slug;
}

/** Validates the page form against the current tree; `selfId` is null for a new page. */
export function checkPageForm(body: FormValues, heads: readonly PageHead[], selfId: string | null): PageSnapshot {
  const f = new FormChecker(body);
  const title_pl = f.required('title_pl', 'pages.titlePl', { max: 200 });
  const slug = checkSlug(f, title_pl);
  const parentText = f.text('parent_id');
  let parent_id: string | null = null;
  if (parentText !== '') {
    const banned = selfId ? descendantsOf(selfId, heads).add(selfId) : new Set<string>();
    if (!heads.some((h) => h.id === parentText) || banned.has(parentText)) f.add('parent_id', 'pages.parent', 'pages.parentInvalid');
    else parent_id = parentText;
  }
  if (parent_id === null && RESERVED_TOP_SLUGS.has(slug)) f.add('slug', 'portal.slug', 'pages.slugReserved', { slug });
  const positionText = f.text('position') || '0';
  const position = Number(positionText);
  if (!/^\d{1,4}$/.test(positionText)) f.add('position', 'pages.position', 'portal.numberInvalid', { min: 0, max: 9999 });
  const body_pl = checkBody(f, 'body_pl', 'pages.bodyPl', true);
  const en = checkEnglish(f, 'pages.titleEn', 'pages.bodyEn');
  const publish_at = checkPublishAt(f, 'portal.publishAt');
  const is_published = f.text('is_published') === '1';
  if (!f.hasProblem('slug') && !f.hasProblem('parent_id')) {
    const path = pathOf(parent_id, slug, heads);
    const owner = heads.find((h) => h.path === path);
    if (owner && owner.id !== selfId) f.add('slug', 'portal.slug', 'portal.slugTaken', { slug: path });
  }
  f.assertValid();
  return {
    parent_id,
    slug,
    position: Number.isFinite(position) ? position : 0,
    title_pl,
    title_en: en.title,
    body_pl,
    body_en: en.body,
    is_published,
    publish_at,
  };
}

function pageSearchDoc(p: PageSnapshot): string {
  return searchDocument(p.title_pl, p.title_en, markdownToText(p.body_pl), p.body_en ? markdownToText(p.body_en) : null);
}

async function addVersion(
  ctx: ModuleContext,
  trx: repo.Executor,
  type: VersionedType,
  itemId: string,
  data: object,
  actor: Actor,
  note: string | null,
): Promise<number> {
  const number = (await repo.lastVersionNumber(trx, type, itemId)) + 1;
  await repo.insertVersion(trx, {
    id: newId(),
    item_type: type,
    item_id: itemId,
    number,
    data: JSON.stringify(data),
    note,
    created_at: nowIso(ctx.clock),
    created_by: actor.actorId,
  });
  return number;
}

function changedFields(before: object, after: object): Record<string, { before: unknown; after: unknown }> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const k of Object.keys(a)) {
    if (JSON.stringify(b[k]) === JSON.stringify(a[k])) continue;
    // long texts are kept in the versions; the audit log only says they changed
    const long = (v: unknown) => typeof v === 'string' && v.length > 300;
    out[k] = long(b[k]) || long(a[k]) ? { before: '[…]', after: '[…]' } : { before: b[k] ?? null, after: a[k] ?? null };
  }
  return out;
}

export async function createPage(ctx: ModuleContext, body: FormValues, actor: Actor): Promise<string> {
  const heads = await repo.listPageHeads(ctx.db);
  const snap = checkPageForm(body, heads, null);
  const id = newId();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertPage(trx, {
      id,
      ...snap,
      path: pathOf(snap.parent_id, snap.slug, heads),
      title_sort: polishSortKey(snap.title_pl),
      search_doc: pageSearchDoc(snap),
      created_at: now,
      updated_at: now,
    });
    await addVersion(ctx, trx, 'page', id, snap, actor, null);
    await recordAudit(
      trx,
      { ...actor, action: 'portal.page.create', subjectType: 'page', subjectId: id, changes: changedFields({}, snap) },
      ctx.clock,
    );
  });
  return id;
}

export async function updatePage(
  ctx: ModuleContext,
  id: string,
  body: FormValues,
  actor: Actor,
  note: string | null = null,
): Promise<void> {
  const current = await repo.getPage(ctx.db, id);
  if (!current) throw new AppError('http.not_found');
  const heads = await repo.listPageHeads(ctx.db);
  const snap = checkPageForm(body, heads, id);
  const before = pageSnapshot(current);
  const changes = changedFields(before, snap);
  if (Object.keys(changes).length === 0 && note === null) return;
  const newPath = pathOf(snap.parent_id, snap.slug, heads);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updatePage(trx, id, {
      ...snap,
      path: newPath,
      title_sort: polishSortKey(snap.title_pl),
      search_doc: pageSearchDoc(snap),
      updated_at: nowIso(ctx.clock),
    });
    if (newPath !== current.path) {
      // descendants keep their slugs under the new address
      for (const d of descendantsOf(id, heads)) {
        const h = heads.find((x) => x.id === d)!;
        await repo.updatePage(trx, d, { path: `${newPath}${h.path.slice(current.path.length)}` });
      }
    }
    await addVersion(ctx, trx, 'page', id, snap, actor, note);
    await recordAudit(
      trx,
      {
        ...actor,
        action: note ? 'portal.page.restore' : 'portal.page.update',
        subjectType: 'page',
        subjectId: id,
        changes,
        ...(note ? { meta: { note } } : {}),
      },
      ctx.clock,
    );
  });
}

export async function deletePage(ctx: ModuleContext, id: string, actor: Actor): Promise<void> {
  const current = await repo.getPage(ctx.db, id);
  if (!current) throw new AppError('http.not_found');
  if ((await repo.countChildren(ctx.db, id)) > 0) throw new AppError('portal.page_has_children');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteVersions(trx, 'page', id);
    await repo.deletePage(trx, id);
    await recordAudit(
      trx,
      { ...actor, action: 'portal.page.delete', subjectType: 'page', subjectId: id, meta: { path: current.path, title: current.title_pl } },
      ctx.clock,
    );
  });
}

export function isPublicNow(item: { is_published: boolean; publish_at: string | null }, now: string): boolean {
  return item.is_published && (item.publish_at === null || item.publish_at <= now);
}

export interface PageTreeNode {
  id: string;
  path: string;
  title: string;
  /** The title is Polish because the page has no English version. */
  isFallback: boolean;
  children: PageTreeNode[];
}

/** Published pages whose ancestors are all published too. */
export function visiblePages(heads: readonly PageHead[], now: string): PageHead[] {
  const byId = new Map(heads.map((h) => [h.id, h]));
  const visible = (h: PageHead, depth = 0): boolean => {
    if (depth > 50 || !isPublicNow(h, now)) return false;
    if (!h.parent_id) return true;
    const parent = byId.get(h.parent_id);
    return parent ? visible(parent, depth + 1) : false;
  };
  return heads.filter((h) => visible(h));
}

export function pageTree(heads: readonly PageHead[], lang: Lang, rootId: string | null): PageTreeNode[] {
  const build = (parent: string | null, depth: number): PageTreeNode[] =>
    depth > 20
      ? []
      : heads
          .filter((h) => h.parent_id === parent)
          .map((h) => ({
            id: h.id,
            path: h.path,
            title: lang === 'en' && h.title_en ? h.title_en : h.title_pl,
            isFallback: lang === 'en' && !h.title_en,
            children: build(h.id, depth + 1),
          }));
  return build(rootId, 0);
}

/** A public page by its address, with its ancestors (breadcrumbs) and its section's menu. */
export async function publicPage(ctx: ModuleContext, path: string, lang: Lang) {
  const now = nowIso(ctx.clock);
  const heads = visiblePages(await repo.listPageHeads(ctx.db), now);
  const head = heads.find((h) => h.path === path);
  if (!head) throw new AppError('http.not_found');
  const page = (await repo.getPage(ctx.db, head.id))!;
  const ancestors: PageHead[] = [];
  for (
    let p = head.parent_id ? heads.find((h) => h.id === head.parent_id) : undefined;
    p;
    p = p.parent_id ? heads.find((h) => h.id === p!.parent_id) : undefined
  )
    ancestors.unshift(p);
  const root = ancestors[0] ?? head;
  const menu = pageTree(heads, lang, root.id);
  return { page, ancestors, root, menu };
}

/** All pages for the admin list, as a tree with drafts. */
export async function adminPageTree(ctx: ModuleContext) {
  const heads = await repo.listPageHeads(ctx.db);
  const depthOf = (h: PageHead): number => {
    let d = 0;
    for (let p = h.parent_id; p && d < 50; p = heads.find((x) => x.id === p)?.parent_id ?? null) d += 1;
    return d;
  };
  const ordered: (PageHead & { depth: number })[] = [];
  const walk = (parent: string | null) => {
    for (const h of heads.filter((x) => x.parent_id === parent)) {
      ordered.push({ ...h, depth: depthOf(h) });
      walk(h.id);
    }
  };
  walk(null);
  return ordered;
}

export async function pageForEdit(ctx: ModuleContext, id: string) {
  const page = await repo.getPage(ctx.db, id);
  if (!page) throw new AppError('http.not_found');
  return page;
}

export async function pageParentOptions(ctx: ModuleContext, selfId: string | null) {
  const tree = await adminPageTree(ctx);
  const heads = await repo.listPageHeads(ctx.db);
  const banned = selfId ? descendantsOf(selfId, heads).add(selfId) : new Set<string>();
  return tree.filter((h) => !banned.has(h.id)).map((h) => ({ id: h.id, label: `${'— '.repeat(h.depth)}${h.title_pl}`, path: h.path }));
}

// --- news ----------------------------------------------------------------------------------------

/** The editable fields of a news item: what a version stores and a restore brings back. */
export type NewsSnapshot = Omit<NewsTable, 'id' | 'search_doc' | 'created_at' | 'updated_at'>;

function newsSnapshot(n: NewsSnapshot): NewsSnapshot {
  return {
    slug: n.slug,
    title_pl: n.title_pl,
    title_en: n.title_en,
    lead_pl: n.lead_pl,
    lead_en: n.lead_en,
    body_pl: n.body_pl,
    body_en: n.body_en,
    category: n.category,
    image_id: n.image_id,
    image_alt_pl: n.image_alt_pl,
    image_alt_en: n.image_alt_en,
    is_published: n.is_published,
    publish_at: n.publish_at,
  };
}

export function newsFormValues(n: NewsSnapshot): Record<string, string> {
  return {
    slug: n.slug,
    title_pl: n.title_pl,
    title_en: n.title_en ?? '',
    lead_pl: n.lead_pl,
    lead_en: n.lead_en ?? '',
    body_pl: n.body_pl,
    body_en: n.body_en ?? '',
    category: n.category,
    image_id: n.image_id ?? '',
    image_alt_pl: n.image_alt_pl ?? '',
    image_alt_en: n.image_alt_en ?? '',
    is_published: n.is_published ? '1' : '',
    publish_at: n.publish_at ? toWarsawLocal(n.publish_at, ' ') : '',
  };
}

export function isNewsCategory(v: string): v is NewsCategory {
  return (NEWS_CATEGORIES as readonly string[]).includes(v);
}

/** A checked image upload, ready to store; problems are added to the checker. */
async function checkImage(f: FormChecker, upload: Upload | null): Promise<{ contentType: string; data: Buffer; name: string } | null> {
  if (!upload || (upload.data.length === 0 && !upload.truncated)) return null;
  if (upload.truncated || upload.data.length > MAX_IMAGE_BYTES) {
    f.add('image', 'news.image', 'portal.imageTooLarge', { max: 5 });
    return null;
  }
  const type = await detectImageType(upload.data);
  if (!type) {
    f.add('image', 'news.image', 'portal.imageType');
    return null;
  }
  return { contentType: type.contentType, data: upload.data, name: upload.filename.slice(0, 200) };
}

/** Throws the right error for the problems found: 413/415 for a refused file, else 400. */
function throwFileAware(f: FormChecker, field: string): void {
  if (f.problems.length === 0) return;
  const fileProblem = f.problems.find((p) => p.field === field);
  if (fileProblem?.key === 'portal.imageTooLarge' || fileProblem?.key === 'portal.fileTooLarge')
    throw new AppError('portal.file_too_large', {}, f.problems);
  if (fileProblem?.key === 'portal.imageType' || fileProblem?.key === 'portal.fileType')
    throw new AppError('portal.file_type', {}, f.problems);
  f.assertValid();
}

export async function checkNewsForm(ctx: ModuleContext, body: FormValues, upload: Upload | null, selfId: string | null) {
  const f = new FormChecker(body);
  const title_pl = f.required('title_pl', 'news.titlePl', { max: 200 });
  const slug = checkSlug(f, title_pl);
  const lead_pl = f.required('lead_pl', 'news.leadPl', { max: 600 });
  const body_pl = checkBody(f, 'body_pl', 'news.bodyPl', true);
  const categoryText = f.text('category');
  if (!isNewsCategory(categoryText)) f.add('category', 'news.category', 'validation.invalid');
  const en = checkEnglish(f, 'news.titleEn', 'news.bodyEn', [{ field: 'lead_en', label: 'news.leadEn' }]);
  const lead_en = en.title !== null ? f.text('lead_en') : null;
  if (lead_en && [...lead_en].length > 600) f.add('lead_en', 'news.leadEn', 'validation.tooLong', { count: 600 });
  const image = await checkImage(f, upload);
  const keptImage = f.text('remove_image') === '1' ? null : f.text('image_id') || null;
  if (keptImage && !(await repo.getMediaHead(ctx.db, keptImage))) f.add('image', 'news.image', 'validation.invalid');
  const hasImage = image !== null || keptImage !== null || f.hasProblem('image');
  const image_alt_pl = f.text('image_alt_pl');
  const image_alt_en = f.text('image_alt_en');
  if (hasImage && image_alt_pl === '') f.add('image_alt_pl', 'news.imageAltPl', 'news.altRequired');
  if (hasImage && en.title !== null && image_alt_en === '') f.add('image_alt_en', 'news.imageAltEn', 'news.altRequired');
  if ([...image_alt_pl].length > 300) f.add('image_alt_pl', 'news.imageAltPl', 'validation.tooLong', { count: 300 });
  if ([...image_alt_en].length > 300) f.add('image_alt_en', 'news.imageAltEn', 'validation.tooLong', { count: 300 });
  let publish_at = checkPublishAt(f, 'portal.publishAt');
  const is_published = f.text('is_published') === '1';
  if (is_published && publish_at === null) publish_at = nowIso(ctx.clock);
  if (!f.hasProblem('slug') && slug !== '') {
    const owner = await repo.slugOwner(ctx.db, slug);
    if (owner && owner !== selfId) f.add('slug', 'portal.slug', 'portal.slugTaken', { slug });
  }
  throwFileAware(f, 'image');
  const snap: NewsSnapshot = {
    slug,
    title_pl,
    title_en: en.title,
    lead_pl,
    lead_en: en.title !== null ? lead_en : null,
    body_pl,
    body_en: en.body,
    category: categoryText as NewsCategory,
    image_id: keptImage,
    image_alt_pl: hasImage ? image_alt_pl : null,
    image_alt_en: hasImage && en.title !== null ? image_alt_en : null,
    is_published,
    publish_at,
  };
  return { snap, image };
}

function newsSearchDoc(n: NewsSnapshot): string {
  return searchDocument(
    n.title_pl,
    n.title_en,
    n.lead_pl,
    n.lead_en,
    markdownToText(n.body_pl),
    n.body_en ? markdownToText(n.body_en) : null,
  );
}

async function storeImage(
  ctx: ModuleContext,
  trx: repo.Executor,
  image: { contentType: string; data: Buffer; name: string },
  actor: Actor,
): Promise<string> {
  const id = newId();
  await repo.insertMedia(trx, {
    id,
    content_type: image.contentType,
    byte_size: image.data.length,
    sha256: sha256Hex(image.data),
    data: image.data,
    original_name: image.name,
    created_at: nowIso(ctx.clock),
    created_by: actor.actorId,
  });
  return id;
}

export async function createNews(ctx: ModuleContext, body: FormValues, upload: Upload | null, actor: Actor): Promise<string> {
  const { snap, image } = await checkNewsForm(ctx, body, upload, null);
  const id = newId();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    if (image) snap.image_id = await storeImage(ctx, trx, image, actor);
    await repo.insertNews(trx, { id, ...snap, search_doc: newsSearchDoc(snap), created_at: now, updated_at: now });
    await addVersion(ctx, trx, 'news', id, snap, actor, null);
    await recordAudit(
      trx,
      { ...actor, action: 'portal.news.create', subjectType: 'news', subjectId: id, changes: changedFields({}, snap) },
      ctx.clock,
    );
  });
  return id;
}

export async function updateNews(
  ctx: ModuleContext,
  id: string,
  body: FormValues,
  upload: Upload | null,
  actor: Actor,
  note: string | null = null,
): Promise<void> {
  const current = await repo.getNews(ctx.db, id);
  if (!current) throw new AppError('http.not_found');
  const { snap, image } = await checkNewsForm(ctx, body, upload, id);
  const before = newsSnapshot(current);
  if (!image && note === null && Object.keys(changedFields(before, snap)).length === 0) return;
  await ctx.db.transaction().execute(async (trx) => {
    if (image) snap.image_id = await storeImage(ctx, trx, image, actor);
    await repo.updateNews(trx, id, { ...snap, search_doc: newsSearchDoc(snap), updated_at: nowIso(ctx.clock) });
    await addVersion(ctx, trx, 'news', id, snap, actor, note);
    await recordAudit(
      trx,
      {
        ...actor,
        action: note ? 'portal.news.restore' : 'portal.news.update',
        subjectType: 'news',
        subjectId: id,
        changes: changedFields(before, snap),
        ...(note ? { meta: { note } } : {}),
      },
      ctx.clock,
    );
  });
}

export async function deleteNews(ctx: ModuleContext, id: string, actor: Actor): Promise<void> {
  const current = await repo.getNews(ctx.db, id);
  if (!current) throw new AppError('http.not_found');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteVersions(trx, 'news', id);
    await repo.deleteNews(trx, id);
    await recordAudit(
      trx,
      { ...actor, action: 'portal.news.delete', subjectType: 'news', subjectId: id, meta: { slug: current.slug, title: current.title_pl } },
      ctx.clock,
    );
  });
}

export async function newsForEdit(ctx: ModuleContext, id: string) {
  const n = await repo.getNews(ctx.db, id);
  if (!n) throw new AppError('http.not_found');
  return n;
}

export async function publicNewsList(ctx: ModuleContext, category: NewsCategory | null, page: number) {
  const now = nowIso(ctx.clock);
  const total = await repo.countPublishedNews(ctx.db, now, category);
  const pages = Math.max(1, Math.ceil(total / NEWS_PAGE_SIZE));
  if (page > pages) throw new AppError('http.not_found');
  const items = await repo.listPublishedNews(ctx.db, now, category, NEWS_PAGE_SIZE, (page - 1) * NEWS_PAGE_SIZE);
  return { items, total, pages };
}

/**
 * The latest `n` published news items, kept until a write to the news or until the next scheduled
 * item's publication (the list changes then without a write): a view of the home page runs no query.
 */
export function latestNews(ctx: ModuleContext, n: number) {
  return cachedUntilWrite(
    ctx,
    ['news'],
    `latest-news:${n}`,
    async () => {
      const now = nowIso(ctx.clock);
      const [items, next] = await Promise.all([repo.listPublishedNews(ctx.db, now, null, n, 0), repo.nextPublication(ctx.db, now)]);
      return { items, nextPublication: next === null ? null : new Date(next) };
    },
    { expires: { clock: ctx.clock, at: (v) => v.nextPublication } },
  );
}

export async function publicNews(ctx: ModuleContext, slug: string): Promise<NewsTable> {
  const n = await repo.getNewsBySlug(ctx.db, slug);
  if (!n || !isPublicNow(n, nowIso(ctx.clock))) throw new AppError('http.not_found');
  return n;
}

export async function adminNewsList(ctx: ModuleContext, page: number) {
  const size = 25;
  const total = await repo.countNewsAdmin(ctx.db);
  const pages = Math.max(1, Math.ceil(total / size));
  return { items: await repo.listNewsAdmin(ctx.db, size, (Math.min(page, pages) - 1) * size), total, pages };
}

// --- versions ------------------------------------------------------------------------------------

export async function versionsOf(ctx: ModuleContext, type: VersionedType, id: string) {
  return repo.listVersions(ctx.db, type, id);
}

async function versionData(ctx: ModuleContext, type: VersionedType, id: string, number: number): Promise<Record<string, unknown>> {
  const v = await repo.getVersion(ctx.db, type, id, number);
  if (!v) throw new AppError('http.not_found');
  return JSON.parse(v.data) as Record<string, unknown>;
}

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface FieldDiff {
  field: string;
  parts: DiffPart[];
}

function asText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? '✓' : '—';
  return String(v);
}

/** Word-level differences of every field that changed between versions `a` and `b`. */
export async function compareVersions(ctx: ModuleContext, type: VersionedType, id: string, a: number, b: number): Promise<FieldDiff[]> {
  const [older, newer] = await Promise.all([versionData(ctx, type, id, a), versionData(ctx, type, id, b)]);
  const fields = [...new Set([...Object.keys(older), ...Object.keys(newer)])];
  const out: FieldDiff[] = [];
  for (const field of fields) {
    const before = asText(older[field]);
    const after = asText(newer[field]);
    if (before === after) continue;
    const parts = diffWordsWithSpace(before, after).map(
      (c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }) as DiffPart,
    );
    out.push({ field, parts });
  }
  return out;
}

/** Makes version `number` the current content again (a new version noting where it came from). */
export async function restoreVersion(ctx: ModuleContext, type: VersionedType, id: string, number: number, actor: Actor): Promise<void> {
  const data = await versionData(ctx, type, id, number);
  const note = `restored:${number}`;
  if (type === 'page') {
    await updatePage(ctx, id, pageFormValues(data as unknown as PageSnapshot), actor, note);
  } else {
    await updateNews(ctx, id, newsFormValues(data as unknown as NewsSnapshot), null, actor, note);
  }
}

export type { PagesTable };
