// Kysely queries of the registry module: entities with their filters and facet counts, places,
// PS status history, marks and the field-level change history. No rules here.
import { sql, type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, type Transaction, type Updateable } from 'kysely';
import { countAll } from '../../../core/db/database.js';
import type { DialectSeam } from '../../../core/db/dialect/index.js';
import type { Database } from '../../../core/db/schema.js';
import { entityNameKey } from './name-key.js';
import { nameDocument, parseSectors } from '../catalogue/registry.sectors.js';
import type { ActivityState } from './activity-state.js';
import type { EntitiesTable, EntityChangesTable, EntityMarksTable, EntityPsStatusTable } from './registry.tables.js';

type Executor = Kysely<Database> | Transaction<Database>;
export type EntityRow = Selectable<EntitiesTable>;
/** An entity row as written (insert) and as changed (update). */
export type NewEntity = Insertable<EntitiesTable>;
export type EntityUpdate = Updateable<EntitiesTable>;
export const FTS = { table: 'entities', column: 'search_doc' } as const;

export interface EntityFilter {
  terms: string[];
  legalForm: string[];
  powiat: string[];
  gmina: string[];
  /** Powiaty of the chosen subregions (resolved by the service); undefined when none is chosen. */
  subregionPowiaty?: string[];
  /** `entity_sectors.sector_folded` keys; an entity matches when it has any of them. */
  sector?: string[];
  activityType?: string[];
  /** Activity states (`activityState`); an entity matches when it is in any of them. */
  state?: string[];
  /** Only entities holding the PS status now. */
  statusPs: boolean;
  /** Only entities with a "Zakup Prospołeczny" mark valid on `today` (known dates only). */
  mark: boolean;
  includeClosed: boolean;
  today: string;
  /** Digits of a NIP, REGON or KRS (the staff list's search): entities carrying it as any of the three. */
  identifier?: string;
}

export type FacetName = 'legalForm' | 'powiat' | 'gmina' | 'subregion' | 'sector' | 'activityType' | 'state' | 'statusPs' | 'mark';

/** Exact counts stop here ("more than 10 000"): a count never walks an unbounded set. */
export const COUNT_CAP = 10_000;
/** Relevance ranks at most this many matches (the first ones in index order), never every hit. */
export const RANK_CANDIDATES = 500;

const powiatExpr = sql<string>`substr(entities.gmina_teryt, 1, 4)`;

/**
 * Entities holding the PS status now: a granted decision with no loss on or after it. Written
 * as an uncorrelated `id in (…)` so the database builds the (small) set once per statement
 * instead of probing the history for every entity row.
 */
function psHolders(db: Executor) {
  return db
    .selectFrom('entity_ps_status as g')
    .select('g.entity_id')
    .where('g.kind', '=', 'granted')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('entity_ps_status as l')
            .select(sql`1`.as('one'))
            .whereRef('l.entity_id', '=', 'g.entity_id')
            .where('l.kind', '=', 'lost')
            .whereRef('l.decision_date', '>=', 'g.decision_date'),
        ),
      ),
    );
}

/**
 * Entities with a "Zakup Prospołeczny" mark valid on `today`: granted on a known day by then and
 * not past its known or derived expiry (stored by every writer, see entity/mark-validity.ts). A
 * mark with an unknown date is never valid here.
 */
function markHolders(db: Executor, today: string) {
  return db
    .selectFrom('entity_marks as m')
    .select('m.entity_id')
    .where('m.mark', '=', 'zakup_prospoleczny')
    .where('m.granted_on', 'is not', null)
    .where('m.granted_on', '<=', today)
    .where('m.expires_on', 'is not', null)
    .where('m.expires_on', '>=', today);
}

/** `activityState()` (entity/activity-state.ts) in SQL: an entity stated active that nobody checked is 'unverified'. */
export const activityStateSql = sql<ActivityState>`case when entities.lifecycle = 'active' and entities.activity_verified_on is null then 'unverified' else entities.lifecycle end`;

function sectorHolders(db: Executor, keys: string[]) {
  return db.selectFrom('entity_sectors as s').select('s.entity_id').where('s.sector_folded', 'in', keys);
}

const NOTHING = sql<boolean>`1 = 0`;

/**
 * Entities matching the filter, leaving out the facet being counted. `firstMatches` is for a
 * query that LIMITs to the first matches in text-index order (the relevance candidates): the
 * text index then drives it and stops early instead of collecting every match first.
 */
export function filtered(
  db: Executor,
  seam: DialectSeam,
  f: EntityFilter,
  skip?: FacetName,
  firstMatches = false,
): SelectQueryBuilder<Database, 'entities', object> {
  let q = db.selectFrom('entities');
  if (f.terms.length) q = firstMatches ? seam.ftsDrive(q, FTS, f.terms) : q.where(seam.ftsMatch(FTS, f.terms));
  if (!f.includeClosed) q = q.where('entities.lifecycle', '!=', 'closed');
  if (f.identifier) {
    const digits = f.identifier;
    q = q.where((eb) => eb.or([eb('entities.nip', '=', digits), eb('entities.regon', '=', digits), eb('entities.krs', '=', digits)]));
  }
  if (skip !== 'legalForm' && f.legalForm.length) q = q.where('entities.legal_form', 'in', f.legalForm as EntitiesTable['legal_form'][]);
  if (skip !== 'gmina' && f.gmina.length) q = q.where('entities.gmina_teryt', 'in', f.gmina);
  if (skip !== 'powiat' && f.powiat.length) q = q.where(powiatExpr, 'in', f.powiat);
  if (skip !== 'subregion' && f.subregionPowiaty)
    q = f.subregionPowiaty.length ? q.where(powiatExpr, 'in', f.subregionPowiaty) : q.where(NOTHING);
  if (skip !== 'sector' && f.sector?.length) q = q.where('entities.id', 'in', sectorHolders(db, f.sector));
  if (skip !== 'activityType' && f.activityType?.length) q = q.where('entities.activity_type', 'in', f.activityType);
  if (skip !== 'state' && f.state?.length) q = q.where(activityStateSql, 'in', f.state as ActivityState[]);
  if (skip !== 'statusPs' && f.statusPs) q = q.where('entities.id', 'in', psHolders(db));
  if (skip !== 'mark' && f.mark) q = q.where('entities.id', 'in', markHolders(db, f.today));
  return q;
}

export type EntitySort = 'relevance' | 'name' | 'newest';

/**
 * One page of matching entities, in one statement. Relevance (with search terms) never scores
 * every hit: the first RANK_CANDIDATES matches in index order are scored by how many search terms
 * start a word of the name (a portable `like` on `name_doc`), then ordered by score and name. So a
 * word found in 30,000 rows costs the same as one found in 500.
 */
export async function listEntities(
  db: Executor,
  seam: DialectSeam,
  f: EntityFilter,
  sort: EntitySort,
  limit: number,
  offset: number,
): Promise<EntityRow[]> {
  if (sort === 'relevance' && f.terms.length) {
    const score = f.terms.map((t) => sql<number>`case when entities.name_doc like ${`% ${t}%`} then 1 else 0 end`);
    const candidates = filtered(db, seam, f, undefined, true)
      .select(['entities.id', sql<number>`${sql.join(score, sql` + `)}`.as('score')])
      .limit(RANK_CANDIDATES)
      .as('c');
    return db
      .selectFrom('entities')
      .innerJoin(candidates, 'c.id', 'entities.id')
      .selectAll('entities')
      .orderBy('c.score', 'desc')
      .orderBy('entities.name_sort')
      .orderBy('entities.id')
      .limit(Math.max(0, Math.min(limit, RANK_CANDIDATES - offset)))
      .offset(offset)
      .execute();
  }
  // the page is chosen inside an index (id and sort key only), then its rows are read: sorting
  // whole rows would read every match from the wide table
  // (the outer order uses the page's own columns, so the planner starts from those 20 ids)
  const key = sort === 'newest' ? 'entities.created_at' : 'entities.name_sort';
  const direction = sort === 'newest' ? 'desc' : 'asc';
  const page = filtered(db, seam, f)
    .select(['entities.id as pid', `${key} as pkey`])
    .orderBy(key, direction)
    .orderBy('entities.id', direction)
    .limit(limit)
    .offset(offset)
    .as('p');
  return db
    .selectFrom(page)
    .innerJoin('entities', 'entities.id', 'p.pid')
    .selectAll('entities')
    .orderBy('p.pkey', direction)
    .orderBy('p.pid', direction)
    .execute();
}

/** Matching entities counted up to `cap + 1` (a result above `cap` means "more than cap"). */
export async function countEntities(db: Executor, seam: DialectSeam, f: EntityFilter, cap = COUNT_CAP): Promise<number> {
  const row = await db
    .selectFrom(
      filtered(db, seam, f)
        .select(sql`1`.as('one'))
        .limit(cap + 1)
        .as('m'),
    )
    .select(countAll().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** A page and the capped total (two statements); used by the site search and staff lists. */
export async function searchEntities(
  db: Executor,
  seam: DialectSeam,
  f: EntityFilter,
  sort: EntitySort,
  limit: number,
  offset: number,
): Promise<{ rows: EntityRow[]; total: number }> {
  const [rows, total] = await Promise.all([listEntities(db, seam, f, sort, limit, offset), countEntities(db, seam, f)]);
  return { rows, total };
}

export interface FacetCounts {
  /** Entities matching every chosen filter. */
  total: number;
  legalForm: Map<string, number>;
  powiat: Map<string, number>;
  gmina: Map<string, number>;
  /** Counts per powiat with every filter but the subregion (the service sums them per subregion). */
  subregionPowiat: Map<string, number>;
  /** sector key → its count and the name as written. */
  sector: Map<string, { label: string; count: number }>;
  activityType: Map<string, number>;
  /** Activity state (`activityState`) → count. */
  state: Map<string, number>;
  statusPs: number;
  mark: number;
}

export function emptyFacets(): FacetCounts {
  return {
    total: 0,
    legalForm: new Map(),
    powiat: new Map(),
    gmina: new Map(),
    subregionPowiat: new Map(),
    sector: new Map(),
    activityType: new Map(),
    state: new Map(),
    statusPs: 0,
    mark: 0,
  };
}

/** What the in-memory facet index (catalogue/registry.facet-index.ts) is built from: five statements. */
export interface FacetIndexSource {
  /** Every entity (closed ones too, for the staff list): its text-index key and the columns facets count. */
  entities: {
    k: string | number;
    id: string;
    legal_form: string;
    gmina_teryt: string | null;
    activity_type: string | null;
    state: string;
    /** The words of the name (`nameDocument`), for relevance. */
    name_doc: string;
  }[];
  /** Ids of the entities holding the PS status now, and of those with a mark valid on `today`. */
  ps: string[];
  mark: string[];
  /** Sector rows (of closed entities too; the index skips them). */
  sectors: { entity_id: string; sector_folded: string; sector: string }[];
  /** The entities' keys in the lists' two orders: by name, and newest first. */
  byName: (string | number)[];
  byNewest: (string | number)[];
}

/** Rows read per statement while the facet index is built: the event loop is let go between them. */
const INDEX_CHUNK = 10_000;

/** Reads a whole table in pages of `size` rows after the last one, yielding to other requests between pages. */
async function inChunks<R>(size: number, read: (after: R | null) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let last: R | null = null; ;) {
    const rows = await read(last);
    for (const r of rows) out.push(r);
    if (rows.length < size) return out;
    last = rows[rows.length - 1]!;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * What the facet index is built from, read in pages by key (a whole read of 100,000 entities and
 * their 190,000 sector rows held the event loop for half a second or more on SQLite).
 */
export async function facetIndexSource(db: Executor, seam: DialectSeam, today: string, chunk = INDEX_CHUNK): Promise<FacetIndexSource> {
  const key = seam.ftsRowKey(FTS);
  const entities = await inChunks<FacetIndexSource['entities'][number]>(chunk, (after) => {
    let q = db
      .selectFrom('entities')
      .select([
        key.as('k'),
        'entities.id',
        'entities.legal_form',
        'entities.gmina_teryt',
        'entities.activity_type',
        activityStateSql.as('state'),
        'entities.name_doc',
      ]);
    if (after) q = q.where(key, '>', after.k);
    return q.orderBy(key).limit(chunk).execute();
  });
  const sectors = await inChunks<FacetIndexSource['sectors'][number]>(chunk, (after) => {
    let q = db.selectFrom('entity_sectors').select(['entity_id', 'sector_folded', 'sector']);
    if (after)
      q = q.where((eb) =>
        eb.or([
          eb('entity_id', '>', after.entity_id),
          eb.and([eb('entity_id', '=', after.entity_id), eb('sector_folded', '>', after.sector_folded)]),
        ]),
      );
    return q.orderBy('entity_id').orderBy('sector_folded').limit(chunk).execute();
  });
  // the two orders come from the indexes the list used to walk (entities_by_name, entities_by_created),
  // each paged after the last (sort key, id) read
  const keysInOrder = (column: 'name_sort' | 'created_at', direction: 'asc' | 'desc') =>
    inChunks<{ k: string | number; id: string; sort: string }>(chunk, (after) => {
      const past = direction === 'asc' ? '>' : '<';
      let q = db.selectFrom('entities').select([key.as('k'), 'entities.id', `entities.${column} as sort`]);
      if (after)
        q = q.where((eb) =>
          eb.or([
            eb(`entities.${column}`, past, after.sort),
            eb.and([eb(`entities.${column}`, '=', after.sort), eb('entities.id', past, after.id)]),
          ]),
        );
      return q.orderBy(`entities.${column}`, direction).orderBy('entities.id', direction).limit(chunk).execute();
    });
  const byName = await keysInOrder('name_sort', 'asc');
  const byNewest = await keysInOrder('created_at', 'desc');
  const [ps, mark] = await Promise.all([psHolders(db).execute(), markHolders(db, today).execute()]);
  return {
    entities,
    ps: ps.map((r) => r.entity_id),
    mark: mark.map((r) => r.entity_id),
    sectors,
    byName: byName.map((r) => r.k),
    byNewest: byNewest.map((r) => r.k),
  };
}

/** The entities of these text-index keys (a page the facet index chose), in the keys' order. */
export async function entitiesByKeys(db: Executor, seam: DialectSeam, keys: readonly (string | number)[]): Promise<EntityRow[]> {
  if (keys.length === 0) return [];
  const key = seam.ftsRowKey(FTS);
  const rows = await db
    .selectFrom('entities')
    .selectAll('entities')
    .select(key.as('k'))
    .where(key, 'in', [...keys])
    .execute();
  const byKey = new Map(rows.map(({ k, ...row }) => [k, row]));
  return keys.flatMap((k) => byKey.get(k) ?? []);
}

/** For each prefix term, the text-index keys (`seam.ftsRowKey`) of the entities matching it (listed or not); one statement. */
export function keysPerTerm(db: Executor, seam: DialectSeam, terms: readonly string[]): Promise<(string | number)[][]> {
  return seam.ftsKeysPerTerm(db, FTS, terms);
}

export async function findEntity(db: Executor, id: string): Promise<EntityRow | undefined> {
  return db.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findByIdentifier(
  db: Executor,
  field: 'nip' | 'regon' | 'krs',
  value: string,
  exceptId: string | null,
): Promise<EntityRow | undefined> {
  let q = db.selectFrom('entities').selectAll().where(field, '=', value);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

export async function findByNameAndGmina(db: Executor, name: string, gmina: string | null): Promise<EntityRow | undefined> {
  return db
    .selectFrom('entities')
    .selectAll()
    .where('name', '=', name)
    .where((eb) => (gmina === null ? eb('gmina_teryt', 'is', null) : eb('gmina_teryt', '=', gmina)))
    .executeTakeFirst();
}

export async function insertEntity(db: Executor, row: Insertable<EntitiesTable>): Promise<void> {
  await insertEntities(db, [row]);
}

/**
 * Bulk insert (the CSV import): multi-row statements sized to stay under both databases' limits
 * on bound parameters. Keeps the derived columns and side tables every insert must keep:
 * `name_key` (duplicates), `name_doc` and `entity_sectors` (catalogue).
 */
export async function insertEntities(db: Executor, rows: readonly Insertable<EntitiesTable>[]): Promise<void> {
  const CHUNK = 400;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows
      .slice(i, i + CHUNK)
      .map((r) => ({ ...r, name_key: entityNameKey(r.name), name_doc: nameDocument(r.name, r.short_name) }));
    await db.insertInto('entities').values(chunk).execute();
    const sectors = chunk.flatMap((r) => parseSectors(r.sectors).map((s) => ({ entity_id: r.id, sector_folded: s.key, sector: s.sector })));
    for (let j = 0; j < sectors.length; j += 2000)
      await db
        .insertInto('entity_sectors')
        .values(sectors.slice(j, j + 2000))
        .execute();
  }
}

export async function updateEntity(db: Executor, id: string, row: Updateable<EntitiesTable>): Promise<void> {
  const derived =
    row.name === undefined
      ? {}
      : {
          name_key: entityNameKey(row.name),
          ...(row.short_name === undefined ? {} : { name_doc: nameDocument(row.name, row.short_name) }),
        };
  // a change to only one of name/short name still needs both for `name_doc`
  if ((row.name === undefined) !== (row.short_name === undefined)) {
    const cur = await db.selectFrom('entities').select(['name', 'short_name']).where('id', '=', id).executeTakeFirst();
    if (cur)
      Object.assign(derived, {
        name_doc: nameDocument(row.name ?? cur.name, row.short_name === undefined ? cur.short_name : row.short_name),
      });
  }
  await db
    .updateTable('entities')
    .set({ ...row, ...derived })
    .where('id', '=', id)
    .execute();
  if (row.sectors !== undefined) {
    await db.deleteFrom('entity_sectors').where('entity_id', '=', id).execute();
    const sectors = parseSectors(row.sectors).map((s) => ({ entity_id: id, sector_folded: s.key, sector: s.sector }));
    if (sectors.length) await db.insertInto('entity_sectors').values(sectors).execute();
  }
}

export async function insertMark(db: Executor, row: Insertable<EntityMarksTable>): Promise<void> {
  await db.insertInto('entity_marks').values(row).execute();
}

export async function listMarks(db: Executor, entityId: string): Promise<Selectable<EntityMarksTable>[]> {
  return db.selectFrom('entity_marks').selectAll().where('entity_id', '=', entityId).orderBy('granted_on', 'desc').execute();
}

/** The marks of several entities (a page or an export), in one statement per thousand ids. */
export async function listMarksOf(db: Executor, entityIds: readonly string[]): Promise<Selectable<EntityMarksTable>[]> {
  const out: Selectable<EntityMarksTable>[] = [];
  for (let i = 0; i < entityIds.length; i += 1000) {
    out.push(
      ...(await db
        .selectFrom('entity_marks')
        .selectAll()
        .where('entity_id', 'in', entityIds.slice(i, i + 1000))
        .orderBy('entity_id')
        .orderBy('granted_on', 'desc')
        .orderBy('id')
        .execute()),
    );
  }
  return out;
}

/** The PS status history of several entities, oldest entry first per entity. */
export async function listPsStatusOf(db: Executor, entityIds: readonly string[]): Promise<Selectable<EntityPsStatusTable>[]> {
  const out: Selectable<EntityPsStatusTable>[] = [];
  for (let i = 0; i < entityIds.length; i += 1000) {
    out.push(
      ...(await db
        .selectFrom('entity_ps_status')
        .selectAll()
        .where('entity_id', 'in', entityIds.slice(i, i + 1000))
        .orderBy('entity_id')
        .orderBy('decision_date')
        .orderBy('id')
        .execute()),
    );
  }
  return out;
}

/** When any entity last changed (its record, PS status, marks…: every writer sets `updated_at`); null when there are none. */
export async function lastEntityChange(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('entities')
    .select(sql<string | null>`max(entities.updated_at)`.as('last'))
    .executeTakeFirst();
  return row?.last ?? null;
}

export async function listPsStatus(db: Executor, entityId: string): Promise<Selectable<EntityPsStatusTable>[]> {
  return db.selectFrom('entity_ps_status').selectAll().where('entity_id', '=', entityId).orderBy('decision_date').orderBy('id').execute();
}

export async function insertPsStatus(db: Executor, row: Insertable<EntityPsStatusTable>): Promise<void> {
  await db.insertInto('entity_ps_status').values(row).execute();
}

export async function insertChanges(db: Executor, rows: Insertable<EntityChangesTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('entity_changes').values(rows).execute();
}

export async function listChanges(db: Executor, entityId: string): Promise<Selectable<EntityChangesTable>[]> {
  return db
    .selectFrom('entity_changes')
    .selectAll()
    .where('entity_id', '=', entityId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

/** Entities a person checked to be active, per seat gmina (for the territory map): an unchecked one is not counted. */
export async function countActiveByGmina(db: Executor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('entities')
    .select(['gmina_teryt', countAll().as('n')])
    .where('lifecycle', '=', 'active')
    .where('activity_verified_on', 'is not', null)
    .where('gmina_teryt', 'is not', null)
    .groupBy('gmina_teryt')
    .execute();
  return new Map(rows.map((r) => [r.gmina_teryt!, r.n]));
}

export async function listInGminy(db: Executor, gminy: readonly string[], limit: number): Promise<EntityRow[]> {
  if (gminy.length === 0) return [];
  return db
    .selectFrom('entities')
    .selectAll()
    .where('gmina_teryt', 'in', gminy)
    .where('lifecycle', '!=', 'closed')
    .orderBy('name_sort')
    .limit(limit)
    .execute();
}

// --- catalogue cache invalidation --------------------------------------------------------------

let rawWrites = 0;

/**
 * Cached facet counts are dropped automatically when a query-builder statement writes a counted
 * table (see `DatabaseHandle.onWrite`). Writers using raw `sql` (merges, bulk moves) call this.
 */
export function touchCatalogue(): void {
  rawWrites += 1;
}

export function rawCatalogueWrites(): number {
  return rawWrites;
}

// --- sitemap ----------------------------------------------------------------------------------

/** Entities with a page of their own: all but those merged into another (their address redirects). */
function listedEntities(db: Executor) {
  return db.selectFrom('entities').where('merged_into', 'is', null);
}

export async function countListedEntities(db: Executor): Promise<number> {
  return (await listedEntities(db).select(countAll().as('n')).executeTakeFirstOrThrow()).n;
}

/** True when synthetic example records are among the listed entities (figures must say so). */
export async function hasSyntheticEntities(db: Executor): Promise<boolean> {
  return (await listedEntities(db).select('id').where('is_synthetic', '=', true).limit(1).executeTakeFirst()) !== undefined;
}

/**
 * A batch of entity heads in id order: after skipping `skip` of them (a sitemap part's first batch,
 * walking the primary key index) or after the id `after` (every later batch: keyset paging).
 */
export async function listedEntityHeads(
  db: Executor,
  from: { skip: number } | { after: string },
  limit: number,
): Promise<{ id: string; name: string; updated_at: string }[]> {
  const q = listedEntities(db).select(['id', 'name', 'updated_at']).orderBy('id').limit(limit);
  return ('after' in from ? q.where('id', '>', from.after) : q.offset(from.skip)).execute();
}

// --- bulk writes (synthetic seed) --------------------------------------------------------------

export async function insertPsStatuses(db: Executor, rows: Insertable<EntityPsStatusTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('entity_ps_status')
      .values(rows.slice(i, i + 1000))
      .execute();
}

export async function insertMarks(db: Executor, rows: Insertable<EntityMarksTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('entity_marks')
      .values(rows.slice(i, i + 1000))
      .execute();
}

/** After a bulk load: fresh planner statistics (`ANALYZE`, the same word on both databases). */
export async function refreshPlannerStatistics(db: Executor): Promise<void> {
  await sql`analyze`.execute(db);
}

/** Gminy where entities are stated active but nobody has checked their activity (the white-spot rule's "unknown"). */
export async function gminyWithUncheckedActivity(db: Executor): Promise<Set<string>> {
  const rows = await db
    .selectFrom('entities')
    .select('gmina_teryt')
    .distinct()
    .where('lifecycle', '=', 'active')
    .where('activity_verified_on', 'is', null)
    .where('gmina_teryt', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.gmina_teryt!));
}

/** What other modules show of an entity beside their own things (offers): one row per id. */
export interface EntityFactsRow {
  id: string;
  name: string;
  legal_form: string;
  gmina_teryt: string | null;
  town: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  lifecycle: string;
  merged_into: string | null;
  is_synthetic: boolean;
  p: number | string;
  m: number | string;
}

/** The entities of `ids` with their PS status and valid mark on `today` (the catalogue's rules). */
export async function entityFacts(db: Executor, ids: readonly string[], today: string): Promise<EntityFactsRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('entities')
    .select((eb) => [
      'entities.id',
      'entities.name',
      'entities.legal_form',
      'entities.gmina_teryt',
      'entities.town',
      'entities.email',
      'entities.phone',
      'entities.website',
      'entities.lifecycle',
      'entities.merged_into',
      'entities.is_synthetic',
      eb
        .case()
        .when('entities.id', 'in', psHolders(db))
        .then(sql<number>`1`)
        .else(sql<number>`0`)
        .end()
        .as('p'),
      eb
        .case()
        .when('entities.id', 'in', markHolders(db, today))
        .then(sql<number>`1`)
        .else(sql<number>`0`)
        .end()
        .as('m'),
    ])
    .where('entities.id', 'in', [...ids])
    .execute();
}

/** The id of the entity of exactly this name (the first by id when several share it), for seeds. */
export async function entityIdByName(db: Executor, name: string): Promise<string | undefined> {
  const row = await db.selectFrom('entities').select('id').where('name', '=', name).orderBy('id').executeTakeFirst();
  return row?.id;
}

/** Live (not merged) entities whose text index matches every term, by name: at most `limit` (name lookups). */
export async function entitiesMatchingTerms(
  db: Executor,
  seam: DialectSeam,
  terms: readonly string[],
  limit: number,
): Promise<{ id: string; name: string; town: string | null; name_key: string | null }[]> {
  if (terms.length === 0) return [];
  return db
    .selectFrom('entities')
    .select(['id', 'name', 'town', 'name_key'])
    .where(seam.ftsMatch(FTS, [...terms]))
    .where('merged_into', 'is', null)
    .orderBy('name_sort')
    .orderBy('id')
    .limit(limit)
    .execute();
}

// --- search that forgives ------------------------------------------------------------------------

/** Names and towns of the listed entities: the words "did you mean" may offer (cached by the caller). */
export async function listedNameTexts(db: Executor): Promise<{ name: string; town: string | null }[]> {
  // read in pages by id, the event loop let go between them (100,000 names in one statement held it ~90 ms)
  return inChunks<{ id: string; name: string; town: string | null }>(INDEX_CHUNK, (after) => {
    let q = db.selectFrom('entities').select(['id', 'name', 'town']).where('lifecycle', '!=', 'closed').where('merged_into', 'is', null);
    if (after) q = q.where('id', '>', after.id);
    return q.orderBy('id').limit(INDEX_CHUNK).execute();
  });
}

/** The names of those of `ids` that exist (the names of scoped roles' scopes, on account pages). */
export async function entityNamesByIds(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('entities')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
