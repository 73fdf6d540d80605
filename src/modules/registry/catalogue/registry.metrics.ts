// Counts of the registry as of a given day, grouped by the seat gmina, for the programme's computed
// indicators (number of active entities, of entities with PS status, of valid "Zakup Prospołeczny"
// marks). One grouped query per measure; each row also says how many of the counted records are
// synthetic examples, so a figure built on them is never shown as real. Merged-away records
// (kept only to redirect) are never counted. Only what the data support is counted: an entity is
// active once a person checked it (entity/activity-state.ts), a mark valid between a known grant
// date and a known or derived expiry (entity/mark-validity.ts).
import { sql } from 'kysely';
import { asInteger, countAll } from '../../../core/db/database.js';
import type { Db } from '../../../core/db/database.js';
import { ACTIVITY_STATES, type ActivityState } from '../entity/activity-state.js';
import { activityStateSql } from '../entity/registry.repo.js';
import { LEGAL_FORMS, type LegalForm } from '../entity/registry.tables.js';

/**
 * The forms and activity states a count may filter on (labels: `registry.legalForm.*`,
 * `registry.lifecycle.*`). 'active' means checked by a person; 'unverified' is stated active but
 * unchecked, so a stored filter `['active']` keeps counting only what is known to be active.
 */
export const METRIC_LEGAL_FORMS: readonly LegalForm[] = LEGAL_FORMS;
export const METRIC_LIFECYCLES: readonly ActivityState[] = ACTIVITY_STATES;

export interface GminaCount {
  /** 7-digit TERYT of the seat gmina; null for entities whose seat is not known. */
  gmina: string | null;
  n: number;
  /** How many of the `n` are synthetic example records. */
  synthetic: number;
}

export interface EntityCountFilter {
  /** `YYYY-MM-DD`: only entities registered (or, without a registration date, recorded) by then. */
  asOf: string;
  /** Empty or absent = every form. */
  legalForms?: readonly LegalForm[];
  /** Activity states; empty or absent = `active` (checked) only. The registry keeps the current state, not its dated history. */
  lifecycles?: readonly ActivityState[];
}

const syntheticCount = asInteger(sql`sum(case when entities.is_synthetic then 1 else 0 end)`);

function rows(list: { gmina_teryt: string | null; n: number; synthetic: number }[]): GminaCount[] {
  return list.map((r) => ({ gmina: r.gmina_teryt, n: Number(r.n), synthetic: Number(r.synthetic ?? 0) }));
}

/**
 * The first day the registry knows anything about: the earliest registration date (or, without
 * one, the day a record was entered). Counts for days before it are unknown, not zero.
 */
export async function registryCoverageStart(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('entities')
    .select(sql<string | null>`min(coalesce(entities.registration_date, substr(entities.created_at, 1, 10)))`.as('first'))
    .where('entities.merged_into', 'is', null)
    .executeTakeFirst();
  return row?.first ?? null;
}

/** Entities of the registry that existed on `asOf`, by seat gmina. */
export async function countEntitiesByGmina(db: Db, f: EntityCountFilter): Promise<GminaCount[]> {
  const forms = (f.legalForms ?? []).filter((x) => (LEGAL_FORMS as readonly string[]).includes(x));
  const lifecycles = (f.lifecycles ?? []).filter((x) => (ACTIVITY_STATES as readonly string[]).includes(x));
  let q = db
    .selectFrom('entities')
    .select(['entities.gmina_teryt', countAll().as('n'), syntheticCount.as('synthetic')])
    .where('entities.merged_into', 'is', null)
    .where(sql<boolean>`coalesce(entities.registration_date, substr(entities.created_at, 1, 10)) <= ${f.asOf}`)
    .where(activityStateSql, 'in', lifecycles.length ? lifecycles : ['active']);
  if (forms.length) q = q.where('entities.legal_form', 'in', forms);
  return rows(await q.groupBy('entities.gmina_teryt').execute());
}

/**
 * Entities holding przedsiębiorstwo społeczne status on `asOf`: a grant decided on or before that
 * day with no loss decided between the grant and that day.
 */
export async function countPsEntitiesByGmina(db: Db, asOf: string): Promise<GminaCount[]> {
  const list = await db
    .selectFrom('entities')
    .select(['entities.gmina_teryt', countAll().as('n'), syntheticCount.as('synthetic')])
    .where('entities.merged_into', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('entity_ps_status as g')
          .select(sql`1`.as('one'))
          .whereRef('g.entity_id', '=', 'entities.id')
          .where('g.kind', '=', 'granted')
          .where('g.decision_date', '<=', asOf)
          .where((w) =>
            w.not(
              w.exists(
                w
                  .selectFrom('entity_ps_status as l')
                  .select(sql`1`.as('one'))
                  .whereRef('l.entity_id', '=', 'g.entity_id')
                  .where('l.kind', '=', 'lost')
                  .whereRef('l.decision_date', '>=', 'g.decision_date')
                  .where('l.decision_date', '<=', asOf),
              ),
            ),
          ),
      ),
    )
    .groupBy('entities.gmina_teryt')
    .execute();
  return rows(list);
}

/**
 * "Zakup Prospołeczny" marks valid on `asOf` (granted on a known day by then, not past their known
 * or derived expiry), by the seat gmina of their holder. A mark whose dates are unknown counts in
 * no year: that its holder has it now is not known.
 */
export async function countValidMarksByGmina(db: Db, asOf: string): Promise<GminaCount[]> {
  const list = await db
    .selectFrom('entity_marks as m')
    .innerJoin('entities', 'entities.id', 'm.entity_id')
    .select(['entities.gmina_teryt', countAll().as('n'), syntheticCount.as('synthetic')])
    .where('entities.merged_into', 'is', null)
    .where('m.mark', '=', 'zakup_prospoleczny')
    .where('m.granted_on', 'is not', null)
    .where('m.granted_on', '<=', asOf)
    .where('m.expires_on', 'is not', null)
    .where('m.expires_on', '>=', asOf)
    .groupBy('entities.gmina_teryt')
    .execute();
  return rows(list);
}
