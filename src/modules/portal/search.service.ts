// Site search: the query becomes folded prefix terms (core/search) and every contributed provider
// answers with its own results and total. The portal contributes pages, news and documents; other
// modules (entities, territorial units, the programme, indicators, consultations; later offers and
// events) list theirs under `searchProviders` in their AppModule. Results are ranked by how well
// their titles answer the query (`titleRelevance`, the same for every module), within each group and
// between groups: the group holding the best answer comes first.
import type { ModuleContext } from '../../core/module.js';
import { nowIso } from '../../core/db/time.js';
import { queryTerms, titleRelevance } from '../../core/search/index.js';
import type { Lang, TKey } from '../../i18n/index.js';
import * as contentRepo from './content.repo.js';
import * as docsRepo from './documents.repo.js';
import { excerpt, markdownToText } from '../../core/text/markdown.js';
import { visiblePages } from './content.service.js';

export interface SearchHit {
  title: string;
  /** Path without the language prefix. */
  path: string;
  /** Plain text under the title; the search shortens it at a word boundary. */
  snippet: string;
  /** Set when the hit is shown in Polish on an English page. */
  lang?: 'pl';
}

export interface SearchGroup {
  id: string;
  label: TKey;
  total: number;
  hits: SearchHit[];
}

export interface SearchProvider {
  id: string;
  /** i18n key of the group heading. */
  label: TKey;
  order: number;
  search(ctx: ModuleContext, terms: string[], lang: Lang, limit: number): Promise<{ total: number; hits: SearchHit[] }>;
}

declare module '../../core/module.js' {
  interface ModuleContributions {
    /** Groups of results of the site search (portal). */
    searchProviders: SearchProvider;
  }
}

export const MAX_QUERY = 200;
const PER_GROUP = 20;

function pick(lang: Lang, pl: string, en: string | null): { text: string; fallback: boolean } {
  return lang === 'en' && en ? { text: en, fallback: false } : { text: pl, fallback: lang === 'en' };
}

const pagesSearch: SearchProvider = {
  id: 'pages',
  label: 'search.groups.pages',
  order: 10,
  async search(ctx, terms, lang, limit) {
    const now = nowIso(ctx.clock);
    const { rows } = await contentRepo.searchPages(ctx.db, ctx.database.seam, terms, now, 500);
    // a page under an unpublished parent is not public: filter with the tree
    const visible = new Set(visiblePages(await contentRepo.listPageHeads(ctx.db), now).map((h) => h.id));
    const ok = rows.filter((r) => visible.has(r.id));
    return {
      total: ok.length,
      hits: ok.slice(0, limit).map((r) => {
        const title = pick(lang, r.title_pl, r.title_en);
        const body = lang === 'en' && r.title_en && r.body_en ? r.body_en : r.body_pl;
        return {
          title: title.text,
          path: `/${r.path}`,
          snippet: excerpt(markdownToText(body)),
          ...(title.fallback ? { lang: 'pl' as const } : {}),
        };
      }),
    };
  },
};

const newsSearch: SearchProvider = {
  id: 'news',
  label: 'search.groups.news',
  order: 20,
  async search(ctx, terms, lang, limit) {
    const { rows, total } = await contentRepo.searchNews(ctx.db, ctx.database.seam, terms, nowIso(ctx.clock), limit);
    return {
      total,
      hits: rows.map((r) => {
        const title = pick(lang, r.title_pl, r.title_en);
        return {
          title: title.text,
          path: `/aktualnosci/${r.slug}`,
          snippet: excerpt(title.fallback ? r.lead_pl : ((lang === 'en' ? r.lead_en : null) ?? r.lead_pl)),
          ...(title.fallback ? { lang: 'pl' as const } : {}),
        };
      }),
    };
  },
};

const documentsSearch: SearchProvider = {
  id: 'documents',
  label: 'search.groups.documents',
  order: 30,
  async search(ctx, terms, lang, limit) {
    const { rows, total } = await docsRepo.searchDocuments(ctx.db, ctx.database.seam, terms, limit);
    return {
      total,
      hits: rows.map((r) => {
        const title = pick(lang, r.title_pl, r.title_en);
        const desc = title.fallback ? r.description_pl : ((lang === 'en' ? r.description_en : null) ?? r.description_pl);
        return {
          title: title.text,
          path: `/dokumenty/${r.id}`,
          snippet: excerpt(desc),
          ...(title.fallback ? { lang: 'pl' as const } : {}),
        };
      }),
    };
  },
};

/** The portal's own groups: pages, news and documents. */
export const portalSearchProviders: readonly SearchProvider[] = [pagesSearch, newsSearch, documentsSearch];

export interface SearchResults {
  query: string;
  terms: string[];
  groups: SearchGroup[];
  total: number;
}

export async function siteSearch(ctx: ModuleContext, query: string, lang: Lang): Promise<SearchResults> {
  const q = query.trim().slice(0, MAX_QUERY);
  const terms = queryTerms(q);
  if (terms.length === 0) return { query: q, terms, groups: [], total: 0 };
  const providers = [...ctx.contributions.of('searchProviders')].sort((a, b) => a.order - b.order);
  const ranked = await Promise.all(
    providers.map(async (p) => {
      const r = await p.search(ctx, terms, lang, PER_GROUP);
      // a stable sort: hits the title does not tell apart keep the provider's own order
      const hits = r.hits.map((hit) => ({ hit, score: titleRelevance(terms, hit.title) })).sort((a, b) => b.score - a.score);
      return {
        group: { id: p.id, label: p.label, total: r.total, hits: hits.map(({ hit }) => ({ ...hit, snippet: excerpt(hit.snippet) })) },
        best: hits[0]?.score ?? -1,
      };
    }),
  );
  const groups = ranked.sort((a, b) => b.best - a.best).map((r) => r.group);
  return { query: q, terms, groups, total: groups.reduce((n, g) => n + g.total, 0) };
}
