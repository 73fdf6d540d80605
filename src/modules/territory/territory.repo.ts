// Queries of the territory module: units and boundaries, OWES subregions and their members,
// gmina statistics and the statistics uploads waiting for confirmation. No rules live here.
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Db } from '../../core/db/database.js';
import { countAll } from '../../core/db/database.js';
import type { Database } from '../../core/db/schema.js';
import type {
  GminaStatisticsTable,
  StatMeasure,
  SubregionsTable,
  TerritorialUnitsTable,
  TerritoryStatUploadsTable,
} from './territory.tables.js';

export type Executor = Kysely<Database> | Transaction<Database>;

export type UnitRow = Pick<Selectable<TerritorialUnitsTable>, 'teryt' | 'kind' | 'name' | 'gmina_type' | 'parent_teryt'>;
export type SubregionRow = Selectable<SubregionsTable>;
export type StatisticRow = Selectable<GminaStatisticsTable>;

// --- units and boundaries ---------------------------------------------------------------------

/** Inserts or refreshes units (parents first) and boundaries in one transaction; returns new units. */
export async function upsertUnits(
  db: Db,
  units: Insertable<TerritorialUnitsTable>[],
  boundaries: { teryt: string; geometry: string }[],
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const existing = new Set((await trx.selectFrom('territorial_units').select('teryt').execute()).map((r) => r.teryt));
    for (const u of units) {
      await trx
        .insertInto('territorial_units')
        .values(u)
        .onConflict((oc) =>
          oc.column('teryt').doUpdateSet({
            kind: u.kind,
            name: u.name,
            name_sort: u.name_sort,
            gmina_type: u.gmina_type ?? null,
            parent_teryt: u.parent_teryt ?? null,
          }),
        )
        .execute();
    }
    for (const b of boundaries) {
      await trx
        .insertInto('unit_boundaries')
        .values(b)
        .onConflict((oc) => oc.column('teryt').doUpdateSet({ geometry: b.geometry }))
        .execute();
    }
    return units.filter((u) => !existing.has(u.teryt)).length;
  });
}

export async function countUnitsByKind(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('territorial_units')
    .select(['kind', countAll().as('n')])
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

/** Units of one kind in Polish alphabetical order. */
export async function listUnits(db: Db, kind: TerritorialUnitsTable['kind']) {
  return db
    .selectFrom('territorial_units')
    .select(['teryt', 'name', 'gmina_type', 'parent_teryt'])
    .where('kind', '=', kind)
    .orderBy('name_sort')
    .orderBy('teryt')
    .execute();
}

/** Every unit (168 rows), in Polish alphabetical order within the listing. */
export async function listAllUnits(db: Db): Promise<UnitRow[]> {
  return db
    .selectFrom('territorial_units')
    .select(['teryt', 'kind', 'name', 'gmina_type', 'parent_teryt'])
    .orderBy('name_sort')
    .orderBy('teryt')
    .execute();
}

export async function findUnit(db: Db, teryt: string): Promise<UnitRow | undefined> {
  return db
    .selectFrom('territorial_units')
    .select(['teryt', 'kind', 'name', 'gmina_type', 'parent_teryt'])
    .where('teryt', '=', teryt)
    .executeTakeFirst();
}

/** Boundaries of one kind of unit, as stored GeoJSON text. */
export async function listBoundaries(db: Db, kind: 'powiat' | 'gmina'): Promise<{ teryt: string; name: string; geometry: string }[]> {
  return db
    .selectFrom('unit_boundaries as b')
    .innerJoin('territorial_units as u', 'u.teryt', 'b.teryt')
    .select(['b.teryt', 'u.name', 'b.geometry'])
    .where('u.kind', '=', kind)
    .orderBy('b.teryt')
    .execute();
}

// --- subregions -------------------------------------------------------------------------------

export async function listSubregions(db: Executor): Promise<SubregionRow[]> {
  return db.selectFrom('subregions').selectAll().orderBy('valid_from', 'desc').orderBy('code').execute();
}

export async function listSubregionMembers(db: Executor): Promise<{ subregion_id: string; powiat_teryt: string }[]> {
  return db.selectFrom('subregion_members').select(['subregion_id', 'powiat_teryt']).orderBy('powiat_teryt').execute();
}

export async function findSubregion(db: Executor, id: string): Promise<SubregionRow | undefined> {
  return db.selectFrom('subregions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSubregionByCode(db: Executor, code: string, validFrom: string): Promise<SubregionRow | undefined> {
  return db.selectFrom('subregions').selectAll().where('code', '=', code).where('valid_from', '=', validFrom).executeTakeFirst();
}

export async function insertSubregion(db: Executor, row: Insertable<SubregionsTable>, members: readonly string[]): Promise<void> {
  await db.insertInto('subregions').values(row).execute();
  if (members.length > 0)
    await db
      .insertInto('subregion_members')
      .values(members.map((p) => ({ subregion_id: row.id, powiat_teryt: p })))
      .execute();
}

/** Seeding: adds the subregion unless one with the same code and start exists; true when added. */
export async function insertSubregionIfAbsent(
  db: Executor,
  row: Insertable<SubregionsTable>,
  members: readonly string[],
): Promise<boolean> {
  const res = await db
    .insertInto('subregions')
    .values(row)
    .onConflict((oc) => oc.columns(['code', 'valid_from']).doNothing())
    .executeTakeFirst();
  const inserted = Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  const id = inserted ? row.id : (await findSubregionByCode(db, row.code, row.valid_from))!.id;
  for (const p of members) {
    await db
      .insertInto('subregion_members')
      .values({ subregion_id: id, powiat_teryt: p })
      .onConflict((oc) => oc.columns(['subregion_id', 'powiat_teryt']).doNothing())
      .execute();
  }
  return inserted;
}

export async function updateSubregion(
  db: Executor,
  id: string,
  values: Pick<SubregionsTable, 'code' | 'name_pl' | 'name_en' | 'valid_from' | 'valid_to' | 'updated_at'>,
  members: readonly string[],
): Promise<void> {
  await db.updateTable('subregions').set(values).where('id', '=', id).execute();
  await db.deleteFrom('subregion_members').where('subregion_id', '=', id).execute();
  if (members.length > 0)
    await db
      .insertInto('subregion_members')
      .values(members.map((p) => ({ subregion_id: id, powiat_teryt: p })))
      .execute();
}

export async function deleteSubregion(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('subregion_members').where('subregion_id', '=', id).execute();
  await db.deleteFrom('subregions').where('id', '=', id).execute();
}

// --- statistics -------------------------------------------------------------------------------

export async function listStatistics(db: Executor, filter: { teryts?: readonly string[]; year?: number } = {}): Promise<StatisticRow[]> {
  let q = db.selectFrom('gmina_statistics').selectAll();
  if (filter.teryts) {
    if (filter.teryts.length === 0) return [];
    q = q.where('teryt', 'in', [...filter.teryts]);
  }
  if (filter.year !== undefined) q = q.where('year', '=', filter.year);
  return q.orderBy('year', 'desc').orderBy('teryt').orderBy('measure').execute();
}

/** When each gmina's statistics were last uploaded (gminy without any are absent). */
export async function latestStatisticsUploads(db: Executor): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('gmina_statistics')
    .select(['teryt', (eb) => eb.fn.max('uploaded_at').as('at')])
    .groupBy('teryt')
    .execute();
  return new Map(rows.map((r) => [r.teryt, r.at]));
}

/** Per year, measure and source: how many gminy have a value and when it was last uploaded. */
export async function statisticsSummary(
  db: Executor,
): Promise<{ year: number; measure: StatMeasure; source: string; gminy: number; uploaded_at: string }[]> {
  const rows = await db
    .selectFrom('gmina_statistics')
    .select(['year', 'measure', 'source', countAll().as('gminy')])
    .select((eb) => eb.fn.max('uploaded_at').as('uploaded_at'))
    .groupBy(['year', 'measure', 'source'])
    .orderBy('year', 'desc')
    .orderBy('measure')
    .orderBy('source')
    .execute();
  return rows.map((r) => ({ ...r, uploaded_at: String(r.uploaded_at) }));
}

/** Years that have at least one value of the measure, newest first. */
export async function statisticYears(db: Executor, measure: StatMeasure): Promise<number[]> {
  const rows = await db
    .selectFrom('gmina_statistics')
    .select('year')
    .where('measure', '=', measure)
    .groupBy('year')
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => r.year);
}

/** The values present for the given teryt/year/measure keys (to say what an upload would replace). */
export async function findStatistics(db: Executor, years: readonly number[]): Promise<StatisticRow[]> {
  if (years.length === 0) return [];
  return db
    .selectFrom('gmina_statistics')
    .selectAll()
    .where('year', 'in', [...years])
    .execute();
}

export async function upsertStatistics(db: Executor, rows: Insertable<GminaStatisticsTable>[]): Promise<void> {
  for (const r of rows) {
    await db
      .insertInto('gmina_statistics')
      .values(r)
      .onConflict((oc) =>
        oc
          .columns(['teryt', 'year', 'measure'])
          .doUpdateSet({ value: r.value, source: r.source, uploaded_at: r.uploaded_at, uploaded_by: r.uploaded_by ?? null }),
      )
      .execute();
  }
}

export async function deleteStatisticsYear(db: Executor, year: number): Promise<number> {
  const res = await db.deleteFrom('gmina_statistics').where('year', '=', year).executeTakeFirst();
  return Number(res.numDeletedRows ?? 0);
}

// --- uploads waiting for confirmation ---------------------------------------------------------

export async function insertUpload(db: Executor, row: Insertable<TerritoryStatUploadsTable>): Promise<void> {
  await db.insertInto('territory_stat_uploads').values(row).execute();
}

export async function findUpload(db: Executor, id: string): Promise<Selectable<TerritoryStatUploadsTable> | undefined> {
  return db.selectFrom('territory_stat_uploads').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteUpload(db: Executor, id: string): Promise<number> {
  const res = await db.deleteFrom('territory_stat_uploads').where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows ?? 0);
}

export async function purgeUploads(db: Executor, olderThan: string): Promise<void> {
  await db.deleteFrom('territory_stat_uploads').where('created_at', '<', olderThan).execute();
}

export async function countUploads(db: Executor): Promise<number> {
  const row = await db.selectFrom('territory_stat_uploads').select(countAll().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

/** When statistics were last loaded and a subregion last changed (the open dataset's "last changed" is the later). */
export async function lastTerritoryChange(db: Db): Promise<[string | null, string | null]> {
  const [s, r] = await Promise.all([
    db
      .selectFrom('gmina_statistics')
      .select((eb) => eb.fn.max('uploaded_at').as('at'))
      .executeTakeFirst(),
    db
      .selectFrom('subregions')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .executeTakeFirst(),
  ]);
  return [s?.at ?? null, r?.at ?? null];
}
