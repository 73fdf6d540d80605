// Kysely queries of monitoring rounds: the rounds, the indicators chosen for each, the reminders
// already sent and the people holding the reporting_partner role (with their scopes), which the
// round needs to know whom to write to. No rules here.
import type { Insertable, Selectable } from 'kysely';
import type { Executor, IndicatorRow } from '../indicators.repo.js';
import type { MonitoringRoundsTable } from '../indicators.tables.js';

export type RoundRow = Selectable<MonitoringRoundsTable>;

export async function insertRound(db: Executor, row: Insertable<MonitoringRoundsTable>, indicatorIds: readonly string[]): Promise<void> {
  await db.insertInto('monitoring_rounds').values(row).execute();
  if (indicatorIds.length)
    await db
      .insertInto('monitoring_round_indicators')
      .values(indicatorIds.map((indicator_id) => ({ round_id: row.id, indicator_id })))
      .execute();
}

export async function findRound(db: Executor, id: string): Promise<RoundRow | undefined> {
  return db.selectFrom('monitoring_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listRounds(db: Executor, programmeId: string): Promise<RoundRow[]> {
  return db
    .selectFrom('monitoring_rounds')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function listOpenRounds(db: Executor): Promise<RoundRow[]> {
  return db.selectFrom('monitoring_rounds').selectAll().where('status', '=', 'open').orderBy('deadline').orderBy('id').execute();
}

/** Open rounds whose deadline is on or before `lastDay` (passed or near), the earliest first. */
export async function listOpenRoundsDueBy(db: Executor, lastDay: string): Promise<RoundRow[]> {
  return db
    .selectFrom('monitoring_rounds')
    .selectAll()
    .where('status', '=', 'open')
    .where('deadline', '<=', lastDay)
    .orderBy('deadline')
    .orderBy('id')
    .execute();
}

export async function setRoundClosed(db: Executor, id: string, at: string): Promise<number> {
  const res = await db
    .updateTable('monitoring_rounds')
    .set({ status: 'closed', closed_at: at })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function roundIndicators(db: Executor, roundIds: readonly string[]): Promise<(IndicatorRow & { round_id: string })[]> {
  if (roundIds.length === 0) return [];
  return db
    .selectFrom('monitoring_round_indicators as ri')
    .innerJoin('indicators as i', 'i.id', 'ri.indicator_id')
    .selectAll('i')
    .select('ri.round_id')
    .where('ri.round_id', 'in', roundIds)
    .orderBy('i.position')
    .orderBy('i.code')
    .execute();
}

export interface PartnerRoleRow {
  user_id: string;
  email: string;
  display_name: string;
  lang: string;
  scope_type: string | null;
  scope_id: string | null;
}

/** Active users holding reporting_partner, one row per role row (a partner may hold several scopes). */
export async function listPartnerRoles(db: Executor): Promise<PartnerRoleRow[]> {
  return db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'u.email', 'u.display_name', 'u.lang', 'r.scope_type', 'r.scope_id'])
    .where('r.role', '=', 'reporting_partner')
    .where('u.is_active', '=', true)
    .where('u.anonymised_at', 'is', null)
    .orderBy('u.display_name')
    .orderBy('r.user_id')
    .execute();
}

export async function findUser(
  db: Executor,
  id: string,
): Promise<{ id: string; email: string; display_name: string; lang: string; is_active: boolean } | undefined> {
  return db.selectFrom('users').select(['id', 'email', 'display_name', 'lang', 'is_active']).where('id', '=', id).executeTakeFirst();
}

/** Records a reminder; false when this one was already sent (the unique key refuses a second). */
export async function insertReminder(
  db: Executor,
  row: { id: string; round_id: string; kind: string; user_id: string; sent_at: string },
): Promise<boolean> {
  const res = await db
    .insertInto('monitoring_reminders')
    .values(row)
    .onConflict((oc) => oc.columns(['round_id', 'kind', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function listReminders(db: Executor, roundId: string): Promise<{ kind: string; user_id: string; sent_at: string }[]> {
  return db
    .selectFrom('monitoring_reminders')
    .select(['kind', 'user_id', 'sent_at'])
    .where('round_id', '=', roundId)
    .orderBy('sent_at')
    .execute();
}
