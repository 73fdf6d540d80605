// Rules of the public catalogue: how the URL becomes a filter (the same parser serves the page,
// the map, the CSV/JSON exports and the API), the facet counts with their cache, the territory
// names and subregions the facets need (cached: they change on a reference reload or a
// coordinator's edit, so a minute of staleness is acceptable), and the map's clusters. The number
// of SQL statements per request is bounded: one for the page of rows, one per search word not read
// since the last write (up to four; more are read in one), none for the counts (in memory), names
// and boundaries.
import { setImmediate as nextTurn } from 'node:timers/promises';
import Supercluster from 'supercluster';
import { polishRanks } from '../../../core/db/collation.js';
import type { Db } from '../../../core/db/database.js';
import type { ModuleContext } from '../../../core/module.js';
import { queryTerms, wordTokens } from '../../../core/search/index.js';
import { warsawToday } from '../../../core/time/index.js';
import {
  focusView,
  listSubregionsWithMembers,
  listTowns,
  listUnits,
  mapGeometry,
  subregionOfPowiat,
  type MapView,
  type Projected,
  type Town,
  type TownLabel,
} from '../../territory/index.js';
import * as repo from '../entity/registry.repo.js';
import { groupByEntity, type ItemParts } from './registry.export.js';
import { sectorKey } from './registry.sectors.js';
import { ACTIVITY_TYPES, LEGAL_FORMS } from '../entity/registry.tables.js';
import { ACTIVITY_STATES } from '../entity/activity-state.js';
import { cachedUntilWrite as cachedUntilTableWrite, type WriteCacheOptions } from '../../../core/db/write-cache.js';
import { FacetIndex, type KeysPerTerm } from './registry.facet-index.js';
import { buildVocabularyInSlices, correctedQuery, narrowPlace, recognisePlace, type RecognisedPlace } from './registry.forgiving.js';

export const PAGE_SIZE = 20;
/** The activity states the catalogue lists (it leaves closed entities out). */
export const LISTED_STATES = ACTIVITY_STATES.filter((s) => s !== 'closed');
export const EXPORT_LIMIT = 5000;
export { COUNT_CAP, RANK_CANDIDATES } from '../entity/registry.repo.js';

export interface CatalogueQuery {
  q: string;
  forma: string[];
  powiat: string[];
  gmina: string[];
  /** Subregion codes (`podregion=`), resolved to powiaty with the grouping valid today. */
  podregion: string[];
  /** Sector keys (`sektor=`), see registry.sectors.ts. */
  sektor: string[];
  /** Activity types (`dzialalnosc=`). */
  dzialalnosc: string[];
  /** Activity states (`stan=`, see entity/activity-state.ts); closed entities are never listed. */
  stan: string[];
  statusPs: boolean;
  znak: boolean;
  /** `relevance` is the default while there is search text, `name` otherwise. */
  sort: 'relevance' | 'name' | 'newest';
  page: number;
  /** Recognise a place among the words (`miejsce=0` is the "remove" of the place note). */
  places: boolean;
}

const asList = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
const unique = (xs: string[]) => [...new Set(xs)];

/** Reads the catalogue's URL parameters; anything unknown is ignored rather than refused. */
export function parseCatalogueQuery(raw: Record<string, unknown>): CatalogueQuery {
  const page = Number.parseInt(String(raw.strona ?? '1'), 10);
  const q = String(raw.q ?? '').slice(0, 200);
  return {
    q,
    forma: unique(asList(raw.forma).filter((f) => (LEGAL_FORMS as readonly string[]).includes(f))),
    powiat: unique(asList(raw.powiat).filter((p) => /^04\d{2}$/.test(p))),
    gmina: unique(asList(raw.gmina).filter((g) => /^04\d{4}[1-3]$/.test(g))),
    podregion: unique(asList(raw.podregion).filter((s) => /^[a-z0-9-]{1,40}$/.test(s))).slice(0, 20),
    sektor: unique(asList(raw.sektor).filter((s) => s.length <= 80 && s !== '' && sectorKey(s) === s)).slice(0, 50),
    dzialalnosc: unique(asList(raw.dzialalnosc).filter((a) => (ACTIVITY_TYPES as readonly string[]).includes(a))),
    stan: unique(asList(raw.stan).filter((s) => (LISTED_STATES as readonly string[]).includes(s))),
    statusPs: raw.status_ps === '1',
    znak: raw.znak === '1',
    sort: raw.sort === 'najnowsze' ? 'newest' : raw.sort === 'nazwa' ? 'name' : q.trim() ? 'relevance' : 'name',
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
    places: raw.miejsce !== '0',
  };
}

/** The query as URL parameters (the catalogue keeps everything in the address). */
export function catalogueParams(q: CatalogueQuery, overrides: Partial<CatalogueQuery> = {}): URLSearchParams {
  const v = { ...q, ...overrides };
  const p = new URLSearchParams();
  if (v.q) p.set('q', v.q);
  for (const f of v.forma) p.append('forma', f);
  for (const f of v.podregion) p.append('podregion', f);
  for (const f of v.powiat) p.append('powiat', f);
  for (const f of v.gmina) p.append('gmina', f);
  for (const f of v.sektor) p.append('sektor', f);
  for (const f of v.dzialalnosc) p.append('dzialalnosc', f);
  for (const f of v.stan) p.append('stan', f);
  if (v.statusPs) p.set('status_ps', '1');
  if (v.znak) p.set('znak', '1');
  if (v.sort === 'newest') p.set('sort', 'najnowsze');
  else if (v.sort === 'name' && v.q.trim()) p.set('sort', 'nazwa');
  if (!v.places && v.q) p.set('miejsce', '0');
  if (v.page > 1) p.set('strona', String(v.page));
  return p;
}

// --- territory names and subregions (cached) ---------------------------------------------------

export interface CatalogueSubregion {
  code: string;
  name: { pl: string; en: string };
  powiaty: string[];
}

export interface TerritoryIndex {
  /** TERYT (powiat and gmina) → name. */
  names: Map<string, string>;
  /** The towns with the code of their gmina (the reference TERC file, read once). */
  towns: readonly Town[];
  /** The subregions valid on `day`, in code order. */
  subregions: CatalogueSubregion[];
  day: string;
}

const TERRITORY_TTL_MS = 60_000;
const territoryCache = new WeakMap<Db, { at: number; day: string; value: Promise<TerritoryIndex> }>();

/** Names and subregions, read once a minute (three small statements) instead of on every request. */
export function territoryIndex(ctx: Pick<ModuleContext, 'db' | 'database' | 'clock'>): Promise<TerritoryIndex> {
  const day = warsawToday(ctx.clock);
  const hit = territoryCache.get(ctx.db);
  if (hit && hit.day === day && Date.now() - hit.at < TERRITORY_TTL_MS) return hit.value;
  const value = (async () => {
    const [powiaty, gminy, subregions] = await Promise.all([
      listUnits(ctx.db, 'powiat'),
      listUnits(ctx.db, 'gmina'),
      listSubregionsWithMembers(ctx),
    ]);
    const byPowiat = subregionOfPowiat(subregions, day);
    const valid = [...new Map([...byPowiat.values()].map((s) => [s.code, s])).values()].sort((a, b) =>
      a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
    );
    return {
      names: new Map([...powiaty, ...gminy].map((u) => [u.teryt, u.name])),
      towns: listTowns(),
      subregions: valid.map((s) => ({
        code: s.code,
        name: { pl: s.name_pl, en: s.name_en },
        powiaty: [...byPowiat].filter(([, x]) => x.id === s.id).map(([p]) => p),
      })),
      day,
    };
  })();
  value.catch(() => territoryCache.delete(ctx.db));
  territoryCache.set(ctx.db, { at: Date.now(), day, value });
  return value;
}

/** Drops the cached names and subregions (after a reference reload or a subregion edit). */
export function forgetTerritoryIndex(db: Db): void {
  territoryCache.delete(db);
}

/** Units of the voivodeship by TERYT (names for facets and pages). */
export async function unitNames(ctx: Pick<ModuleContext, 'db' | 'database' | 'clock'>): Promise<Map<string, string>> {
  return (await territoryIndex(ctx)).names;
}

// --- facet counts (cached per filter) ----------------------------------------------------------

/** Tables whose rows the facet counts depend on; a write to any of them empties the cache. */
const COUNTED_TABLES = ['entities', 'entity_sectors', 'entity_ps_status', 'entity_marks'];

/**
 * A value computed from the registry's tables, kept until any statement of this instance writes a
 * counted table (whoever the writer: admin, import, representatives, another module) or a raw bulk
 * write happens, or for 30 seconds, which bounds how long another instance's writes stay unseen
 * (core/db/write-cache.ts).
 */
export function cachedUntilWrite<T>(
  ctx: Pick<ModuleContext, 'db' | 'database'>,
  key: string,
  compute: () => Promise<T>,
  opts: Pick<WriteCacheOptions, 'group' | 'maxEntries' | 'staleWhileRefresh'> = {},
): Promise<T> {
  return cachedUntilTableWrite(ctx, COUNTED_TABLES, key, compute, { extraVersion: repo.rawCatalogueWrites, ...opts });
}

/**
 * The entities' facet columns, list orders and name words in memory (catalogue/registry.facet-index.ts),
 * built once per registry write and day (a mark's validity depends on the day) from pages of rows.
 */
function facetIndex(ctx: ModuleContext, today: string): Promise<FacetIndex> {
  return cachedUntilWrite(
    ctx,
    `facet-index:${today}`,
    async () => FacetIndex.build(await repo.facetIndexSource(ctx.db, ctx.database.seam, today)),
    // another instance's writes are seen when the time runs out: the index then in use is served
    // while the new one is built, so no visitor waits a second for it (a write here still waits)
    { group: 'facet-index', maxEntries: 1, staleWhileRefresh: true },
  );
}

/** New words read one statement each (the loop let go between them) up to this many; more are read in one. */
const WORDS_READ_APART = 4;

/**
 * How the index reads a word's matches: from the text index alone, the keys of new words. The driver answers synchronously and Kysely's promises resolve
 * as microtasks, so a search would otherwise hold the event loop from its first statement to its
 * last rendered byte (20–40 ms for texts of several common words, each 5–10 ms in the text index);
 * it lets go after each word's read, and again before counting and before rendering, so other
 * requests are served between the pieces. A page still sends at most WORDS_READ_APART + 1 statements.
 */
const keysOf =
  (ctx: ModuleContext): KeysPerTerm =>
  async (terms) => {
    const groups = terms.length <= WORDS_READ_APART ? terms.map((t) => [t]) : [terms];
    const keys: (string | number)[][] = [];
    for (const group of groups) {
      keys.push(...(await repo.keysPerTerm(ctx.db, ctx.database.seam, group)));
      await nextTurn();
    }
    return keys;
  };

/** One part of a relaxed search: a word, or the place recognised among the words. */
type PartialUnit = { term: string } | { powiat: string[] } | { gmina: string[] };

/**
 * Facet counts and the exact total for a filter, kept until a write (see `cachedUntilWrite`):
 * counted in memory over the rows the search words match (each word's rows read once from the text
 * index) or over every listed entity, never with grouped SQL on a page view.
 */
export function cachedFacets(ctx: ModuleContext, filter: repo.EntityFilter): Promise<repo.FacetCounts> {
  return cachedUntilWrite(ctx, `facets:${JSON.stringify(filter)}`, async () => {
    const index = await facetIndex(ctx, filter.today);
    const rows = filter.terms.length ? await index.matchingRows(filter.terms, keysOf(ctx)) : null;
    if (rows) await nextTurn();
    return index.count(rows, filter);
  });
}

/** A page of the list by name or newest first, chosen in the facet index, its rows read by key (one statement). */
export async function listPage(ctx: ModuleContext, filter: repo.EntityFilter, sort: 'name' | 'newest', offset: number, limit: number) {
  const index = await facetIndex(ctx, filter.today);
  const rows = filter.terms.length ? await index.matchingRows(filter.terms, keysOf(ctx)) : null;
  return repo.entitiesByKeys(ctx.db, ctx.database.seam, index.page(rows, filter, sort, offset, limit));
}

/** A page by relevance (see FacetIndex.relevancePage), its rows read by key. */
async function relevancePage(ctx: ModuleContext, filter: repo.EntityFilter, offset: number, limit: number) {
  const index = await facetIndex(ctx, filter.today);
  const rows = await index.matchingRows(filter.terms, keysOf(ctx));
  const keys = index.relevancePage(rows, filter.terms, filter, offset, limit, repo.RANK_CANDIDATES);
  return repo.entitiesByKeys(ctx.db, ctx.database.seam, keys);
}

/** The registry's headline figures (home page): the catalogue's own unfiltered counts, cached alike. */
export interface RegistryFigures {
  /** Entities in the catalogue (closed ones are never listed). */
  listed: number;
  /** Activity checked by staff and found active. */
  active: number;
  /** Stated active, nobody checked: neither active nor inactive. */
  unverified: number;
  ps: number;
  marks: number;
  /** Synthetic example records are among them. */
  isExample: boolean;
}

export async function registryFigures(ctx: ModuleContext): Promise<RegistryFigures> {
  const [facets, isExample] = await Promise.all([
    cachedFacets(ctx, await toFilter(ctx, parseCatalogueQuery({}))),
    cachedUntilWrite(ctx, 'has-synthetic', () => repo.hasSyntheticEntities(ctx.db)),
  ]);
  // one object per counting, so the home section can name it in its rendered fragment's key
  const kept = figuresOf.get(facets);
  if (kept && kept.isExample === isExample) return kept;
  const figures: RegistryFigures = {
    listed: facets.total,
    active: facets.state.get('active') ?? 0,
    unverified: facets.state.get('unverified') ?? 0,
    ps: facets.statusPs,
    marks: facets.mark,
    isExample,
  };
  figuresOf.set(facets, figures);
  return figures;
}

const figuresOf = new WeakMap<object, RegistryFigures>();

// --- the catalogue -----------------------------------------------------------------------------

/** The filter of a query and the place recognised among its words (only when no place is chosen otherwise). */
async function resolveQuery(ctx: ModuleContext, q: CatalogueQuery): Promise<{ filter: repo.EntityFilter; place: RecognisedPlace | null }> {
  const recognising = q.places && q.q.trim() !== '' && !q.podregion.length;
  const territory = q.podregion.length || recognising ? await territoryIndex(ctx) : null;
  const chosen = territory && q.podregion.length ? territory.subregions.filter((s) => q.podregion.includes(s.code)) : [];
  const found = recognising && territory ? recognisePlace(q.q, territory.names, territory.towns) : null;
  // with a location chosen, the place counts only when that location is some of its units (the
  // form sent again with its boxes ticked, or one of several units of the name chosen), narrowed to
  // them; another place named beside a chosen one stays as words of the text
  const place =
    found && (q.powiat.length || q.gmina.length)
      ? (found.kind === 'powiat' ? q.gmina : q.powiat).length
        ? null
        : narrowPlace(found, found.kind === 'powiat' ? q.powiat : q.gmina)
      : found;
  const filter: repo.EntityFilter = {
    terms: queryTerms(place ? place.rest : q.q),
    legalForm: q.forma,
    powiat: place?.kind === 'powiat' ? place.codes : q.powiat,
    gmina: place?.kind === 'gmina' ? place.codes : q.gmina,
    // unknown subregion codes are ignored, like every other unknown value
    ...(chosen.length ? { subregionPowiaty: unique(chosen.flatMap((s) => s.powiaty)).sort() } : {}),
    sector: q.sektor,
    activityType: q.dzialalnosc,
    state: q.stan,
    statusPs: q.statusPs,
    mark: q.znak,
    includeClosed: false,
    today: warsawToday(ctx.clock),
  };
  return { filter, place };
}

async function toFilter(ctx: ModuleContext, q: CatalogueQuery): Promise<repo.EntityFilter> {
  return (await resolveQuery(ctx, q)).filter;
}

/** Text that holds no searchable word (only punctuation or one letter) and names no place matches nothing. */
function unsearchable(q: CatalogueQuery, filter: repo.EntityFilter, place: RecognisedPlace | null = null): boolean {
  return filter.terms.length === 0 && q.q.trim() !== '' && place === null;
}

/** The words of a relaxed search and which of them the best partial matches meet. */
export interface Relaxed {
  /** The words the first (best) partial match meets, as the person wrote them (the place by its name). */
  matched: string[];
}

/** The vocabulary of "did you mean": words of the listed entities' names and towns, read once per registry write. */
function vocabulary(ctx: ModuleContext) {
  return cachedUntilWrite(
    ctx,
    'vocabulary',
    async () => buildVocabularyInSlices((await repo.listedNameTexts(ctx.db)).flatMap((r) => [r.name, r.town])),
    { staleWhileRefresh: true },
  );
}

/** Whether anything but the search text narrows the list. */
function otherFilters(q: CatalogueQuery): boolean {
  return [q.forma, q.powiat, q.gmina, q.podregion, q.sektor, q.dzialalnosc, q.stan].some((xs) => xs.length > 0) || q.statusPs || q.znak;
}

/**
 * When the words together matched nothing: the entities meeting most of them (each word and the
 * recognised place count one), and a correction of near-miss words. Cached like the facet counts.
 */
async function forgive(
  ctx: ModuleContext,
  q: CatalogueQuery,
  filter: repo.EntityFilter,
  place: RecognisedPlace | null,
  limit: number,
): Promise<{ rows: repo.EntityRow[]; relaxed: Relaxed | null; suggestion: string | null }> {
  const text = place ? place.rest : q.q;
  const words = wordTokens(text).filter((w) => queryTerms(w).length > 0);
  const units: { unit: PartialUnit; label: string }[] = [];
  const seen = new Set<string>();
  for (const w of words) {
    const term = queryTerms(w)[0]!;
    if (seen.has(term)) continue;
    seen.add(term);
    units.push({ unit: { term }, label: w });
  }
  if (place) units.push({ unit: place.kind === 'powiat' ? { powiat: place.codes } : { gmina: place.codes }, label: place.name });
  const base = { ...filter, terms: [], ...(place?.kind === 'powiat' ? { powiat: [] } : place ? { gmina: [] } : {}) };
  const [partial, vocab] = await Promise.all([
    units.length >= 2
      ? cachedUntilWrite(ctx, `partial:${limit}:${JSON.stringify([base, units.map((u) => u.unit)])}`, async () => {
          const index = await facetIndex(ctx, filter.today);
          const terms = units.flatMap(({ unit }) => ('term' in unit ? [unit.term] : []));
          const termRows = await index.rowsPerTerm(terms, keysOf(ctx));
          const unitRows = units.map(({ unit }) => ('term' in unit ? termRows[terms.indexOf(unit.term)]! : index.placeRows(unit)));
          await nextTurn();
          const best = index.ranked(index.partialCandidates(unitRows, base, limit, repo.RANK_CANDIDATES), terms).slice(0, limit);
          const rows = await repo.entitiesByKeys(
            ctx.db,
            ctx.database.seam,
            best.map((c) => c.key),
          );
          return rows.map((row, i) => ({ row, matched: best[i]!.matched }));
        })
      : Promise.resolve([]),
    // a correction is offered when the words alone explain the empty list: with other filters
    // chosen the filters may be why, and the vocabulary is not read for nothing
    text.trim() && !otherFilters(q) ? vocabulary(ctx) : Promise.resolve(null),
  ]);
  if (vocab) await nextTurn();
  const corrected = vocab ? correctedQuery(text, vocab) : null;
  const suggestion = corrected === null ? null : place ? `${corrected} ${place.name}` : corrected;
  const best = partial[0];
  return {
    rows: partial.map((p) => p.row),
    relaxed: best ? { matched: units.filter((_, i) => best.matched[i]).map((u) => u.label) } : null,
    suggestion,
  };
}

export interface FacetOption {
  value: string;
  count: number;
}

export interface CatalogueResult {
  rows: repo.EntityRow[];
  /** Exact number of matching entities. */
  total: number;
  /** Pages that can be shown (relevance ranks a bounded set, so it may be fewer than total / size). */
  pages: number;
  /** True when relevance ranked only the first RANK_CANDIDATES of more matches. */
  rankedPart: boolean;
  facets: repo.FacetCounts;
  /** Subregions with their counts (every other facet applied). */
  subregions: (FacetOption & { name: { pl: string; en: string } })[];
  names: Map<string, string>;
  /** The place recognised among the words and applied as the location filter. */
  place: RecognisedPlace | null;
  /** Set when the words together matched nothing and `rows` are the best partial matches. */
  relaxed: Relaxed | null;
  /** A corrected query when a word was a near miss and nothing matched. */
  suggestion: string | null;
}

/**
 * One page of the catalogue. With `forgiving` (the page, not the API), a search whose words together
 * match nothing shows the best partial matches and a correction instead of an empty list.
 */
export async function searchCatalogue(
  ctx: ModuleContext,
  q: CatalogueQuery,
  limit = PAGE_SIZE,
  { forgiving = false }: { forgiving?: boolean } = {},
): Promise<CatalogueResult> {
  const [{ filter, place }, territory] = await Promise.all([resolveQuery(ctx, q), territoryIndex(ctx)]);
  const subregionsOf = (facets: repo.FacetCounts) =>
    territory.subregions.map((s) => ({
      value: s.code,
      name: s.name,
      count: s.powiaty.reduce((n, p) => n + (facets.subregionPowiat.get(p) ?? 0), 0),
    }));
  if (unsearchable(q, filter, place)) {
    const facets = repo.emptyFacets();
    return {
      rows: [],
      total: 0,
      pages: 1,
      rankedPart: false,
      facets,
      subregions: subregionsOf(facets),
      names: territory.names,
      place: null,
      relaxed: null,
      suggestion: null,
    };
  }
  const relevance = q.sort === 'relevance' && filter.terms.length > 0;
  const offset = (q.page - 1) * limit;
  const [rows, facets] = await Promise.all([
    relevance
      ? offset >= repo.RANK_CANDIDATES
        ? Promise.resolve([])
        : relevancePage(ctx, filter, offset, limit)
      : listPage(ctx, filter, q.sort === 'newest' ? 'newest' : 'name', offset, limit),
    cachedFacets(ctx, filter),
  ]);
  const shown = relevance ? Math.min(facets.total, repo.RANK_CANDIDATES) : facets.total;
  const forgiven =
    forgiving && facets.total === 0 && q.q.trim() !== '' && q.page === 1 ? await forgive(ctx, q, filter, place, limit) : null;
  // a text's page is rendered after a turn of the event loop (see keysOf)
  if (filter.terms.length) await nextTurn();
  return {
    rows: forgiven?.relaxed ? forgiven.rows : rows,
    place,
    relaxed: forgiven?.relaxed ?? null,
    suggestion: forgiven?.suggestion ?? null,
    total: facets.total,
    pages: Math.max(1, Math.ceil(shown / limit)),
    rankedPart: relevance && facets.total > repo.RANK_CANDIDATES,
    facets,
    subregions: subregionsOf(facets),
    names: territory.names,
  };
}

/**
 * The current search as a file (at most EXPORT_LIMIT rows). Relevance is not a useful order for
 * a spreadsheet and would be bounded, so exports come by name (or newest first when asked).
 */
export async function exportCatalogue(ctx: ModuleContext, q: CatalogueQuery): Promise<repo.EntityRow[]> {
  const { filter, place } = await resolveQuery(ctx, q);
  if (unsearchable(q, filter, place)) return [];
  return repo.listEntities(ctx.db, ctx.database.seam, filter, q.sort === 'newest' ? 'newest' : 'name', EXPORT_LIMIT, 0);
}

// --- open data -------------------------------------------------------------------------------

/** The marks and PS histories of the entities an export or API page shows: two statements for all of them. */
export async function itemParts(ctx: ModuleContext, rows: readonly repo.EntityRow[]): Promise<ItemParts> {
  const ids = rows.map((r) => r.id);
  const [marks, ps] = ids.length ? await Promise.all([repo.listMarksOf(ctx.db, ids), repo.listPsStatusOf(ctx.db, ids)]) : [[], []];
  return { marks: groupByEntity(marks), ps: groupByEntity(ps), day: warsawToday(ctx.clock) };
}

/** When the registry's data last changed (the open data's `last_changed`), kept until a write. */
export function registryLastChanged(ctx: ModuleContext): Promise<string | null> {
  return cachedUntilWrite(ctx, 'last-changed', () => repo.lastEntityChange(ctx.db));
}

// --- the map -----------------------------------------------------------------------------------

export interface MapCluster {
  /** Member gminy (TERYT), in code order. */
  gminy: string[];
  count: number;
  /** Position in the map's SVG coordinates (entity-weighted centre of the members). */
  x: number;
  y: number;
}

export interface GminaCount {
  teryt: string;
  count: number;
}

/** Maps SVG coordinates into supercluster's lng/lat so its internal [0, 1] square is the map. */
function toLngLat(x: number, y: number, size: number): [number, number] {
  const u = x / size;
  const v = y / size;
  const lng = (u - 0.5) * 360;
  const lat = (360 * Math.atan(Math.exp(((180 - v * 360) * Math.PI) / 180))) / Math.PI - 90;
  return [lng, lat];
}

/**
 * Gminy with entities grouped by supercluster at one zoom level, with `radius` in SVG pixels:
 * every gmina is a point at its centre, gminy closer than the radius form one cluster.
 */
export function clusterGminy(
  counts: readonly GminaCount[],
  centres: ReadonlyMap<string, [number, number]>,
  size: { width: number; height: number },
  radius = CLUSTER_RADIUS,
): MapCluster[] {
  const placed = counts.filter((c) => c.count > 0 && centres.has(c.teryt));
  if (placed.length === 0) return [];
  const side = Math.max(size.width, size.height);
  const index = new Supercluster<{ teryt: string; count: number }>({ minZoom: 0, maxZoom: 0, radius, extent: side });
  index.load(
    placed.map((c) => ({
      type: 'Feature',
      properties: { teryt: c.teryt, count: c.count },
      geometry: { type: 'Point', coordinates: toLngLat(...centres.get(c.teryt)!, side) },
    })),
  );
  const out: MapCluster[] = [];
  for (const f of index.getClusters([-180, -85.06, 180, 85.06], 0)) {
    const p = f.properties as { cluster?: boolean; cluster_id?: number; teryt?: string; count?: number };
    const members = p.cluster ? index.getLeaves(p.cluster_id!, Infinity).map((l) => l.properties) : [{ teryt: p.teryt!, count: p.count! }];
    const count = members.reduce((n, m) => n + m.count, 0);
    const x = members.reduce((s, m) => s + centres.get(m.teryt)![0] * m.count, 0) / count;
    const y = members.reduce((s, m) => s + centres.get(m.teryt)![1] * m.count, 0) / count;
    out.push({ gminy: members.map((m) => m.teryt).sort(), count, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 });
  }
  return out.sort((a, b) => b.count - a.count || (a.gminy[0]! < b.gminy[0]! ? -1 : 1));
}

export interface CatalogueMap {
  total: number;
  /** Matching entities per seat gmina (gminy with none left out), by name. */
  gminy: GminaCount[];
  /** Matching entities whose seat gmina is unknown (not on the map). */
  withoutGmina: number;
  clusters: MapCluster[];
  geometry: Projected;
  powiatBorders: string;
  names: Map<string, string>;
  towns: TownLabel[];
  /**
   * The chosen powiaty (`powiat=`, a powiat named in the words, or the powiaty of the chosen
   * gminy), in code order: the map zooms to them unless the whole region is asked for (`widok=`).
   */
  focus: string[];
  /** The zoomed part of the map, or null for the whole region. */
  view: MapView | null;
  /** The outline of the chosen powiaty (path data), drawn bold on a zoomed map. */
  outline: string;
}

/** The cluster radius (in the full map's units): gminy closer than this share one circle. */
export const CLUSTER_RADIUS = 26;

/** The current search per gmina and clustered; reuses the (cached) facet counts. */
export async function catalogueMap(ctx: ModuleContext, q: CatalogueQuery, options: { whole?: boolean } = {}): Promise<CatalogueMap> {
  const [{ filter, place }, territory, geometry] = await Promise.all([resolveQuery(ctx, q), territoryIndex(ctx), mapGeometry(ctx.db)]);
  const facets = unsearchable(q, filter, place) ? repo.emptyFacets() : await cachedFacets(ctx, filter);
  // the gmina facet ignores the gmina choice itself; with gminy chosen only those are results
  const nameOf = (teryt: string) => territory.names.get(teryt) ?? teryt;
  const counted = [...facets.gmina]
    .filter(([teryt, n]) => n > 0 && (q.gmina.length === 0 || q.gmina.includes(teryt)))
    .map(([teryt, count]) => ({ teryt, count }));
  const compare = polishRanks(counted.map((g) => nameOf(g.teryt)));
  const gminy = counted.sort((a, b) => compare(nameOf(a.teryt), nameOf(b.teryt)) || (a.teryt < b.teryt ? -1 : 1));
  const onMap = gminy.reduce((n, g) => n + g.count, 0);
  const focus = unique([...filter.powiat, ...filter.gmina.map((g) => g.slice(0, 4))]).sort();
  const view = options.whole ? null : focusView(geometry.powiaty, focus);
  // zoomed in, gminy cluster at the same apparent distance, so the circles part
  const scale = view ? view.width / geometry.gminy.width : 1;
  return {
    total: facets.total,
    gminy,
    withoutGmina: Math.max(0, facets.total - onMap),
    clusters: clusterGminy(gminy, geometry.gminy.centres, geometry.gminy, CLUSTER_RADIUS * scale),
    geometry: geometry.gminy,
    powiatBorders: geometry.powiatBorders,
    names: territory.names,
    towns: geometry.towns,
    focus,
    view,
    outline: focus.map((p) => geometry.powiaty.paths.get(p) ?? '').join(''),
  };
}
