// Queries of the bodies module: bodies, terms, seats, memberships, the reminders sent and the staff
// who receive them. No rules here (bodies.service.ts decides what the rows mean).
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import type { BodiesTable, BodyMembershipsTable, BodySeatsTable, BodyTermsTable } from './bodies.tables.js';

export type Executor = Kysely<Database> | Transaction<Database>;
export type BodyRow = Selectable<BodiesTable>;
export type TermRow = Selectable<BodyTermsTable>;
export type SeatRow = Selectable<BodySeatsTable>;
export type MembershipRow = Selectable<BodyMembershipsTable>;

export async function listBodies(db: Executor): Promise<BodyRow[]> {
  return db.selectFrom('bodies').selectAll().orderBy('name_sort').orderBy('id').execute();
}

export async function findBodyBySlug(db: Executor, slug: string): Promise<BodyRow | undefined> {
  return db.selectFrom('bodies').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findBody(db: Executor, id: string): Promise<BodyRow | undefined> {
  return db.selectFrom('bodies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertBody(db: Executor, row: Insertable<BodiesTable>): Promise<void> {
  await db.insertInto('bodies').values(row).execute();
}

export async function updateBody(db: Executor, id: string, set: Updateable<BodiesTable>): Promise<void> {
  await db.updateTable('bodies').set(set).where('id', '=', id).execute();
}

export async function listTerms(db: Executor, bodyId: string): Promise<TermRow[]> {
  return db.selectFrom('body_terms').selectAll().where('body_id', '=', bodyId).orderBy('number').execute();
}

export async function findTerm(db: Executor, id: string): Promise<TermRow | undefined> {
  return db.selectFrom('body_terms').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertTerm(db: Executor, row: Insertable<BodyTermsTable>): Promise<void> {
  await db.insertInto('body_terms').values(row).execute();
}

/** Terms whose last day is known, with their body's name (the reminder job's candidates). */
export async function listTermsWithEnd(db: Executor): Promise<(TermRow & { body_name: string; body_id: string })[]> {
  return db
    .selectFrom('body_terms as t')
    .innerJoin('bodies as b', 'b.id', 't.body_id')
    .selectAll('t')
    .select(['b.name as body_name'])
    .where('t.ends_on', 'is not', null)
    .orderBy('t.ends_on')
    .execute();
}

export async function listSeats(db: Executor, termId: string): Promise<SeatRow[]> {
  return db.selectFrom('body_seats').selectAll().where('term_id', '=', termId).orderBy('position').orderBy('id').execute();
}

export async function insertSeat(db: Executor, row: Insertable<BodySeatsTable>): Promise<void> {
  await db.insertInto('body_seats').values(row).execute();
}

export async function listMemberships(db: Executor, termId: string): Promise<MembershipRow[]> {
  return db
    .selectFrom('body_memberships')
    .selectAll()
    .where('term_id', '=', termId)
    .orderBy('starts_on')
    .orderBy('person_name')
    .orderBy('id')
    .execute();
}

export async function findMembership(db: Executor, id: string): Promise<MembershipRow | undefined> {
  return db.selectFrom('body_memberships').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMembership(db: Executor, row: Insertable<BodyMembershipsTable>): Promise<void> {
  await db.insertInto('body_memberships').values(row).execute();
}

export async function updateMembership(db: Executor, id: string, set: Updateable<BodyMembershipsTable>): Promise<void> {
  await db.updateTable('body_memberships').set(set).where('id', '=', id).execute();
}

/** Records a reminder; false when it was already recorded (so it is sent once whatever runs the job). */
export async function claimReminder(db: Executor, termId: string, daysBefore: number, at: string): Promise<boolean> {
  const res = await db
    .insertInto('body_term_reminders')
    .values({ term_id: termId, days_before: daysBefore, sent_at: at })
    .onConflict((oc) => oc.columns(['term_id', 'days_before']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export interface StaffRecipient {
  email: string;
  lang: string;
}

/** Active coordinators and administrators, once each: they run the bodies' nominations. */
export async function listStaffRecipients(db: Executor): Promise<StaffRecipient[]> {
  return db
    .selectFrom('users as u')
    .select(['u.email', 'u.lang'])
    .where('u.is_active', '=', true)
    .where('u.anonymised_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles as r')
          .select('r.id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.role', 'in', ['coordinator', 'administrator']),
      ),
    )
    .orderBy('u.email')
    .execute();
}

/** The bodies whose term lists this user (by account) as a member now or earlier. */
export async function bodyIdsOfUser(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('body_memberships as m')
    .innerJoin('body_terms as t', 't.id', 'm.term_id')
    .select('t.body_id')
    .where('m.user_id', '=', userId)
    .distinct()
    .execute();
  return rows.map((r) => r.body_id);
}

/** The preferred language of each account (accounts keep it as `users.lang`), for the e-mails to members. */
export async function languagesOf(db: Executor, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'lang'])
    .where('id', 'in', [...userIds])
    .execute();
  return new Map(rows.map((r) => [r.id, r.lang]));
}

/** Every membership held by an account, with its body: whether the account still sits on the body. */
export async function listAccountMemberships(db: Executor, userId?: string) {
  let q = db
    .selectFrom('body_memberships as m')
    .innerJoin('body_terms as t', 't.id', 'm.term_id')
    .select(['m.user_id', 't.body_id', 'm.starts_on', 'm.ends_on'])
    .where('m.user_id', 'is not', null);
  if (userId) q = q.where('m.user_id', '=', userId);
  return (await q.orderBy('m.id').execute()) as { user_id: string; body_id: string; starts_on: string | null; ends_on: string | null }[];
}

/** The names of those of `ids` that exist (the names of scoped roles' scopes, on account pages). */
export async function bodyNamesByIds(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('bodies')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
