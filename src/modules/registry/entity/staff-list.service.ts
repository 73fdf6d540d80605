// Rules of the staff registry list (/admin/podmioty): with thousands of entities it is searched
// (words of the name and place through the catalogue's text index, or a NIP, REGON or KRS typed
// with or without spaces and dashes), filtered by legal form and activity state (closed ones
// included: staff edit them too) and paged, so the page never lists the whole registry.
import type { ModuleContext } from '../../../core/module.js';
import { queryTerms } from '../../../core/search/index.js';
import { warsawToday } from '../../../core/time/index.js';
import { ACTIVITY_STATES } from './activity-state.js';
import { normaliseIdentifier } from './identifiers.js';
import { cachedFacets, listPage } from '../catalogue/registry.catalogue.js';
import * as repo from './registry.repo.js';
import { LEGAL_FORMS } from './registry.tables.js';

export const STAFF_PAGE_SIZE = 50;

export interface StaffListQuery {
  q: string;
  forma: string[];
  stan: string[];
  page: number;
}

export interface StaffListResult {
  rows: repo.EntityRow[];
  /** Matching entities (exact; an identifier's matches counted up to repo.COUNT_CAP + 1). */
  total: number;
  pages: number;
  /** The page shown: the one asked for, or the last one when it asked past the end. */
  page: number;
}

const asList = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
const known = (values: readonly string[]) => (xs: string[]) => [...new Set(xs.filter((x) => values.includes(x)))];

/** Reads the list's URL parameters (their form is checked by the route's schema). */
export function parseStaffListQuery(raw: {
  q?: string | undefined;
  forma?: unknown;
  stan?: unknown;
  strona?: string | undefined;
}): StaffListQuery {
  const page = Number.parseInt(raw.strona ?? '1', 10);
  return {
    q: (raw.q ?? '').trim().slice(0, 200),
    forma: known(LEGAL_FORMS)(asList(raw.forma)),
    stan: known(ACTIVITY_STATES)(asList(raw.stan)),
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

/** The query as URL parameters, `page` replaced (links of the pager). */
export function staffListParams(q: StaffListQuery, page = q.page): URLSearchParams {
  const p = new URLSearchParams();
  if (q.q) p.set('q', q.q);
  for (const f of q.forma) p.append('forma', f);
  for (const s of q.stan) p.append('stan', s);
  if (page > 1) p.set('strona', String(page));
  return p;
}

/** An identifier typed into the search box: 9 or 14 digits (REGON) or 10 (NIP or KRS). */
export function identifierOf(text: string): string | null {
  const digits = normaliseIdentifier(text);
  return digits && [9, 10, 14].includes(digits.length) ? digits : null;
}

export async function staffList(ctx: ModuleContext, q: StaffListQuery): Promise<StaffListResult> {
  const identifier = identifierOf(q.q);
  const terms = identifier ? [] : queryTerms(q.q);
  // text with no searchable word (only punctuation) matches nothing rather than everything
  const nothing = !identifier && q.q !== '' && terms.length === 0;
  const filter: repo.EntityFilter = {
    terms,
    legalForm: q.forma,
    powiat: [],
    gmina: [],
    state: q.stan,
    statusPs: false,
    mark: false,
    includeClosed: true,
    today: warsawToday(ctx.clock),
    ...(identifier ? { identifier } : {}),
  };
  if (nothing) return { rows: [], total: 0, pages: 1, page: 1 };
  // words and filters are counted and paged in the catalogue's facet index (closed entities
  // included); an identifier is looked up in the database's own indexes
  const total = identifier ? await repo.countEntities(ctx.db, ctx.database.seam, filter) : (await cachedFacets(ctx, filter)).total;
  const pages = Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE));
  const page = Math.min(q.page, pages);
  const offset = (page - 1) * STAFF_PAGE_SIZE;
  const rows = identifier
    ? await repo.listEntities(ctx.db, ctx.database.seam, filter, 'name', STAFF_PAGE_SIZE, offset)
    : await listPage(ctx, filter, 'name', offset, STAFF_PAGE_SIZE);
  return { rows, total, pages, page };
}
