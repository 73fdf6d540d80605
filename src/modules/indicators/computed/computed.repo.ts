// Kysely access to the stored figures of computed indicators: what the refresh needs (the computed
// indicators of every programme, the years already closed) and writes (one indicator's figures
// replaced in one transaction, upserts so two instances refreshing at once do not collide), and the
// one statement pages read them with.
import type { Kysely } from 'kysely';
import type { Database } from '../../../core/db/schema.js';
import type { IndicatorComputedRefreshesTable, IndicatorComputedValuesTable } from '../indicators.tables.js';

type Executor = Kysely<Database>;

/** Computed indicators with the facts of their programme that decide whether they are counted. */
export async function listComputedIndicators(db: Executor) {
  return db
    .selectFrom('indicators as i')
    .innerJoin('programmes as p', 'p.id', 'i.programme_id')
    .select(['i.id', 'i.formula', 'i.formula_params', 'i.breakdown', 'i.is_example', 'p.status', 'p.period_from', 'p.period_to'])
    .where('i.method', '=', 'computed')
    .orderBy('i.id')
    .execute();
}

/** (indicator, year) pairs closed by a snapshot: approved computed values. */
export async function listClosedPeriods(
  db: Executor,
  indicatorIds: readonly string[],
): Promise<{ indicator_id: string; period: number }[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('indicator_values')
    .select(['indicator_id', 'period'])
    .distinct()
    .where('indicator_id', 'in', indicatorIds)
    .where('status', '=', 'approved')
    .where('is_computed', '=', true)
    .execute();
}

/** Replaces the stored figures of one indicator and records the refresh (in the caller's transaction). */
export async function replaceComputed(
  db: Executor,
  refresh: IndicatorComputedRefreshesTable,
  rows: readonly IndicatorComputedValuesTable[],
): Promise<void> {
  await db.deleteFrom('indicator_computed_values').where('indicator_id', '=', refresh.indicator_id).execute();
  // another instance may have inserted the same cells since the delete: the newest count wins
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('indicator_computed_values')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) =>
        oc.columns(['indicator_id', 'period', 'territory_code']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          as_of: eb.ref('excluded.as_of'),
          is_example: eb.ref('excluded.is_example'),
          refreshed_at: eb.ref('excluded.refreshed_at'),
        })),
      )
      .execute();
  await db
    .insertInto('indicator_computed_refreshes')
    .values(refresh)
    .onConflict((oc) =>
      oc.column('indicator_id').doUpdateSet((eb) => ({
        refreshed_at: eb.ref('excluded.refreshed_at'),
        as_of: eb.ref('excluded.as_of'),
        signature: eb.ref('excluded.signature'),
      })),
    )
    .execute();
}

/**
 * The stored state and figures of the given indicators in one statement: a row per figure, or a
 * single row with null figure columns for an indicator counted with no figure; none for an
 * indicator never counted.
 */
export async function readComputed(db: Executor, indicatorIds: readonly string[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('indicator_computed_refreshes as r')
    .leftJoin('indicator_computed_values as v', 'v.indicator_id', 'r.indicator_id')
    .select([
      'r.indicator_id',
      'r.refreshed_at',
      'r.as_of as refresh_day',
      'r.signature',
      'v.period',
      'v.territory_code',
      'v.value',
      'v.as_of',
      'v.is_example',
    ])
    .where('r.indicator_id', 'in', indicatorIds)
    .orderBy('r.indicator_id')
    .orderBy('v.period')
    .orderBy('v.territory_code')
    .execute();
}
