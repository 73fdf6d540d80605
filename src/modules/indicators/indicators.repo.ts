// Kysely queries over indicators, their targets, linked structure elements, values and the history
// of every value change. No rules here: the services decide what may be written.
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import type { IndicatorsTable, IndicatorTargetsTable, IndicatorValueHistoryTable, IndicatorValuesTable } from './indicators.tables.js';
import { WHOLE_YEAR } from './indicators.tables.js';

export type Executor = Kysely<Database> | Transaction<Database>;
export type IndicatorRow = Selectable<IndicatorsTable>;
export type TargetRow = Selectable<IndicatorTargetsTable>;
export type ValueRow = Selectable<IndicatorValuesTable>;
export type HistoryRow = Selectable<IndicatorValueHistoryTable>;

export async function findProgrammeBySlug(db: Executor, slug: string) {
  return db
    .selectFrom('programmes')
    .select(['id', 'slug', 'title', 'short_name', 'period_from', 'period_to', 'status'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export async function findCurrentProgramme(db: Executor) {
  return db
    .selectFrom('programmes')
    .select(['id', 'slug', 'title', 'short_name', 'period_from', 'period_to', 'status'])
    .where('is_current', '=', true)
    .executeTakeFirst();
}

export async function findProgramme(db: Executor, id: string) {
  return db
    .selectFrom('programmes')
    .select(['id', 'slug', 'title', 'short_name', 'period_from', 'period_to', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listIndicators(db: Executor, programmeId: string): Promise<IndicatorRow[]> {
  return db.selectFrom('indicators').selectAll().where('programme_id', '=', programmeId).orderBy('position').orderBy('code').execute();
}

export async function findIndicator(db: Executor, id: string): Promise<IndicatorRow | undefined> {
  return db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findIndicatorByCode(db: Executor, programmeId: string, code: string): Promise<IndicatorRow | undefined> {
  return db.selectFrom('indicators').selectAll().where('programme_id', '=', programmeId).where('code', '=', code).executeTakeFirst();
}

export async function insertIndicator(db: Executor, row: Insertable<IndicatorsTable>): Promise<void> {
  await db.insertInto('indicators').values(row).execute();
}

export async function updateIndicator(db: Executor, id: string, row: Updateable<IndicatorsTable>): Promise<void> {
  await db.updateTable('indicators').set(row).where('id', '=', id).execute();
}

export async function deleteIndicator(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('indicators').where('id', '=', id).execute();
}

export async function maxPosition(db: Executor, programmeId: string): Promise<number> {
  const row = await db
    .selectFrom('indicators')
    .select((eb) => eb.fn.max('position').as('m'))
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}

export async function listTargets(db: Executor, indicatorIds: readonly string[]): Promise<TargetRow[]> {
  if (indicatorIds.length === 0) return [];
  return db.selectFrom('indicator_targets').selectAll().where('indicator_id', 'in', indicatorIds).orderBy('year').execute();
}

export async function replaceTargets(db: Executor, indicatorId: string, rows: Insertable<IndicatorTargetsTable>[]): Promise<void> {
  await db.deleteFrom('indicator_targets').where('indicator_id', '=', indicatorId).execute();
  if (rows.length) await db.insertInto('indicator_targets').values(rows).execute();
}

export async function listIndicatorElements(
  db: Executor,
  indicatorIds: readonly string[],
): Promise<{ indicator_id: string; element_id: string; code: string; title: string }[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('indicator_elements as ie')
    .innerJoin('programme_elements as e', 'e.id', 'ie.element_id')
    .select(['ie.indicator_id', 'ie.element_id', 'e.code', 'e.title'])
    .where('ie.indicator_id', 'in', indicatorIds)
    .orderBy('e.code')
    .execute();
}

export async function replaceIndicatorElements(db: Executor, indicatorId: string, elementIds: readonly string[]): Promise<void> {
  await db.deleteFrom('indicator_elements').where('indicator_id', '=', indicatorId).execute();
  if (elementIds.length)
    await db
      .insertInto('indicator_elements')
      .values(elementIds.map((element_id) => ({ indicator_id: indicatorId, element_id })))
      .execute();
}

export async function listProgrammeElements(
  db: Executor,
  programmeId: string,
): Promise<{ id: string; code: string; title: string; kind: string }[]> {
  return db
    .selectFrom('programme_elements')
    .select(['id', 'code', 'title', 'kind'])
    .where('programme_id', '=', programmeId)
    .orderBy('code')
    .execute();
}

export async function findValue(db: Executor, id: string): Promise<ValueRow | undefined> {
  return db.selectFrom('indicator_values').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The value of a cell: of the whole year (quarter 0, the default) or of one quarter of it. */
export async function findValueCell(
  db: Executor,
  indicatorId: string,
  period: number,
  territoryCode: string,
  quarter: number = WHOLE_YEAR,
): Promise<ValueRow | undefined> {
  return db
    .selectFrom('indicator_values')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .where('period', '=', period)
    .where('quarter', '=', quarter)
    .where('territory_code', '=', territoryCode)
    .executeTakeFirst();
}

/**
 * Values of these indicators: the whole years' (the default), one quarter's (`quarter` 1–4), the
 * quarters' of any year (`quarter: 'quarters'`), or all of them (`quarter: 'all'`).
 */
export async function listValues(
  db: Executor,
  indicatorIds: readonly string[],
  filter: { status?: IndicatorValuesTable['status']; period?: number; quarter?: number | 'quarters' | 'all' } = {},
): Promise<ValueRow[]> {
  if (indicatorIds.length === 0) return [];
  let q = db.selectFrom('indicator_values').selectAll().where('indicator_id', 'in', indicatorIds);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.period !== undefined) q = q.where('period', '=', filter.period);
  if (filter.quarter === 'quarters') q = q.where('quarter', '>', WHOLE_YEAR);
  else if (filter.quarter !== 'all') q = q.where('quarter', '=', filter.quarter ?? WHOLE_YEAR);
  return q.orderBy('period').orderBy('quarter').orderBy('territory_code').execute();
}

/** The approved quarters of one cell's year (what its yearly value is summed from). */
export async function approvedQuarters(db: Executor, indicatorId: string, period: number, territoryCode: string): Promise<ValueRow[]> {
  return db
    .selectFrom('indicator_values')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .where('period', '=', period)
    .where('territory_code', '=', territoryCode)
    .where('quarter', '>', WHOLE_YEAR)
    .where('status', '=', 'approved')
    .orderBy('quarter')
    .execute();
}

export async function insertValue(db: Executor, row: Insertable<IndicatorValuesTable>): Promise<void> {
  await db.insertInto('indicator_values').values(row).execute();
}

export async function updateValue(db: Executor, id: string, row: Updateable<IndicatorValuesTable>): Promise<void> {
  await db.updateTable('indicator_values').set(row).where('id', '=', id).execute();
}

export async function insertHistory(db: Executor, row: Insertable<IndicatorValueHistoryTable>): Promise<void> {
  await db.insertInto('indicator_value_history').values(row).execute();
}

export async function listHistory(db: Executor, valueIds: readonly string[]): Promise<(HistoryRow & { user_name: string | null })[]> {
  if (valueIds.length === 0) return [];
  return db
    .selectFrom('indicator_value_history as h')
    .leftJoin('users as u', 'u.id', 'h.user_id')
    .selectAll('h')
    .select('u.display_name as user_name')
    .where('h.value_id', 'in', valueIds)
    .orderBy('h.at', 'desc')
    .orderBy('h.id', 'desc')
    .execute();
}

// --- site search and sitemap -------------------------------------------------------------------

/** Every indicator with the public facts of its programme, in programme and page order. */
export async function listIndicatorsWithProgramme(db: Executor) {
  return db
    .selectFrom('indicators as i')
    .innerJoin('programmes as p', 'p.id', 'i.programme_id')
    .select([
      'i.id',
      'i.code',
      'i.name',
      'i.description',
      'i.unit',
      'i.is_example',
      'p.slug',
      'p.title as programme_title',
      'p.short_name as programme_short_name',
      'p.updated_at as programme_updated_at',
    ])
    .orderBy('p.period_from', 'desc')
    .orderBy('p.id')
    .orderBy('i.position')
    .orderBy('i.code')
    .execute();
}

/** When each indicator's approved values (those its public page shows) last changed. */
export async function latestApprovedValueChanges(db: Executor): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('indicator_values')
    .select(['indicator_id', (eb) => eb.fn.max('updated_at').as('at')])
    .where('status', '=', 'approved')
    .groupBy('indicator_id')
    .execute();
  return new Map(rows.map((r) => [r.indicator_id, r.at]));
}

/** When an indicator value was last recorded or changed: the open dataset's "last changed". */
export async function lastValueChange(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('indicator_values')
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .executeTakeFirst();
  return row?.at ?? null;
}

/** The latest change of a value of the indicators with these codes (any programme); null when none. */
export async function lastValueChangeOfCodes(db: Executor, codes: readonly string[]): Promise<string | null> {
  if (codes.length === 0) return null;
  const row = await db
    .selectFrom('indicator_values')
    .innerJoin('indicators', 'indicators.id', 'indicator_values.indicator_id')
    .select((eb) => eb.fn.max('indicator_values.updated_at').as('at'))
    .where('indicators.code', 'in', [...codes])
    .executeTakeFirst();
  return row?.at ?? null;
}
