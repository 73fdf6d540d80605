// The XML sitemap (sitemaps.org 0.9) of every public page. `/sitemap.xml` is a sitemap index of parts
// `/sitemap-1.xml`, `/sitemap-2.xml`…; the parts sit at the root because a sitemap may only list
// addresses at or below its own folder. Each page is listed once per language, and each of those
// <url> names both versions as `xhtml:link` alternates, as Google asks of multilingual sites; so a
// part holds at most 25,000 pages = 50,000 addresses, the protocol's limit per file.
//
// Pages come from the modules: each lists its own under `sitemapSources` in its AppModule's
// `contributes` — a count and a paged listing. A part is written batch by batch as a stream:
// the first batch of a source skips to where the part starts, every later one continues after the
// last key it got (keyset paging), so 100,000 entities never sit in one array or one result set.
import { Readable } from 'node:stream';
import { localize } from '../../core/http/language.js';
import type { ModuleContext } from '../../core/module.js';
import { xmlEscape } from './feeds.js';

/** One public page. */
export interface SitemapPage {
  /** Path without the language prefix, e.g. `/podmioty/0199…-fundacja`. */
  path: string;
  /** When the data shown on the page last changed: an ISO day or moment; null when nothing records it. */
  lastmod: string | null;
}

/** Where a batch starts: after skipping `skip` pages (a part's first batch), or after the page with key `after`. */
export type SitemapFrom = { skip: number } | { after: string };

export interface SitemapBatch {
  pages: SitemapPage[];
  /** The key of the batch's last page, to continue after it; null when the source has no more. */
  next: string | null;
}

export interface SitemapSource {
  /** Unique, e.g. `registry.entities`. */
  id: string;
  /** Place of the source's pages in the sitemap (smaller first). */
  order: number;
  /** How many pages `list` gives now (one counting statement, never the rows themselves). */
  count(ctx: ModuleContext): Promise<number>;
  /** Up to `limit` pages in a fixed order of a unique key, starting as `from` says. */
  list(ctx: ModuleContext, from: SitemapFrom, limit: number): Promise<SitemapBatch>;
}

declare module '../../core/module.js' {
  interface ModuleContributions {
    /** Public pages listed in the XML sitemap (portal). */
    sitemapSources: SitemapSource;
  }
}

/**
 * A source over a short list read whole (a few hundred rows at most: programmes, consultations,
 * TERYT units, the portal's pages): its position in the list is its key.
 */
export function listedSource(id: string, order: number, load: (ctx: ModuleContext) => Promise<SitemapPage[]>): SitemapSource {
  return {
    id,
    order,
    count: async (ctx) => (await load(ctx)).length,
    async list(ctx, from, limit) {
      const pages = await load(ctx);
      const start = 'skip' in from ? from.skip : Number(from.after);
      const end = start + limit;
      return { pages: pages.slice(start, end), next: end < pages.length ? String(end) : null };
    },
  };
}

/** The later of two lastmod values (ISO days and moments compare as text); null when both are. */
export function laterOf(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return a > b ? a : b;
}

const LANGS = ['pl', 'en'] as const;
/** The protocol's limit of addresses in one sitemap file. */
export const ADDRESSES_PER_PART = 50_000;
export const PAGES_PER_PART = ADDRESSES_PER_PART / LANGS.length;
/** Pages asked of a source at once: bounded memory per batch, few statements per part. */
const BATCH = 2_000;
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';
const DAY = /^\d{4}-\d{2}-\d{2}/;

export function partPath(n: number): string {
  return `/sitemap-${n}.xml`;
}

function sources(ctx: ModuleContext): SitemapSource[] {
  return [...ctx.contributions.of('sitemapSources')].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
}

async function counted(ctx: ModuleContext): Promise<{ source: SitemapSource; count: number }[]> {
  const list = sources(ctx);
  const counts = await Promise.all(list.map((s) => s.count(ctx)));
  return list.map((source, i) => ({ source, count: counts[i]! }));
}

function partsOf(pages: number): number {
  return Math.max(1, Math.ceil(pages / PAGES_PER_PART));
}

/** The sitemap index: one entry per part. */
export async function sitemapIndex(ctx: ModuleContext): Promise<string> {
  const total = (await counted(ctx)).reduce((n, s) => n + s.count, 0);
  const base = ctx.config.publicUrl;
  const entries = Array.from(
    { length: partsOf(total) },
    (_, i) => `<sitemap><loc>${xmlEscape(`${base}${partPath(i + 1)}`)}</loc></sitemap>`,
  );
  return ['<?xml version="1.0" encoding="utf-8"?>', `<sitemapindex ${NS}>`, ...entries, '</sitemapindex>', ''].join('\n');
}

function urlEntries(base: string, page: SitemapPage): string {
  const lastmod = page.lastmod && DAY.test(page.lastmod) ? `<lastmod>${page.lastmod.slice(0, 10)}</lastmod>` : '';
  const href = Object.fromEntries(LANGS.map((lang) => [lang, xmlEscape(`${base}${localize(page.path, lang)}`)]));
  const alternates = LANGS.map((lang) => `<xhtml:link rel="alternate" hreflang="${lang}" href="${href[lang]}"/>`).join('');
  return LANGS.map((lang) => `<url><loc>${href[lang]}</loc>${lastmod}${alternates}</url>\n`).join('');
}

/**
 * Part `n` (from 1) as a stream of XML text, or null when there is no such part. Its pages are the
 * `n`-th run of PAGES_PER_PART in source order; a source whose count changed since the index was
 * read shifts the later runs a little, and a part never exceeds its size whatever the sources return.
 */
export async function sitemapPart(ctx: ModuleContext, n: number): Promise<Readable | null> {
  const all = await counted(ctx);
  const total = all.reduce((sum, s) => sum + s.count, 0);
  if (!Number.isInteger(n) || n < 1 || n > partsOf(total)) return null;
  const base = ctx.config.publicUrl;
  const start = (n - 1) * PAGES_PER_PART;
  const end = start + PAGES_PER_PART;
  async function* chunks(): AsyncGenerator<string> {
    yield `<?xml version="1.0" encoding="utf-8"?>\n<urlset ${NS} xmlns:xhtml="http://www.w3.org/1999/xhtml">\n`;
    let offset = 0;
    for (const { source, count } of all) {
      const from = Math.max(start, offset);
      const to = Math.min(end, offset + count);
      offset += count;
      let wanted = to - from;
      if (wanted <= 0) continue;
      let cursor: SitemapFrom = { skip: from - (offset - count) };
      while (wanted > 0) {
        const batch = await source.list(ctx, cursor, Math.min(BATCH, wanted));
        const pages = batch.pages.slice(0, wanted);
        wanted -= pages.length;
        yield pages.map((p) => urlEntries(base, p)).join('');
        if (batch.next === null || pages.length === 0) break;
        cursor = { after: batch.next };
      }
    }
    yield '</urlset>\n';
  }
  return Readable.from(chunks());
}
