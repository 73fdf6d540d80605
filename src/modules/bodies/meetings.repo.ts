// Queries of meetings: the meeting, its agenda, the invitations with the members they went to.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from './bodies.repo.js';
import type {
  BodyAgendaItemsTable,
  BodyAttendanceTable,
  BodyGuestsTable,
  BodyInvitationsTable,
  BodyMeetingsTable,
  BodyMinutesCommentsTable,
  BodyVotesTable,
} from './bodies.tables.js';

export type MeetingRow = Selectable<BodyMeetingsTable>;
export type AgendaRow = Selectable<BodyAgendaItemsTable>;
export type InvitationRow = Selectable<BodyInvitationsTable>;

export async function insertMeeting(db: Executor, row: Insertable<BodyMeetingsTable>): Promise<void> {
  await db.insertInto('body_meetings').values(row).execute();
}

export async function updateMeeting(db: Executor, id: string, set: Updateable<BodyMeetingsTable>): Promise<void> {
  await db.updateTable('body_meetings').set(set).where('id', '=', id).execute();
}

export async function findMeeting(db: Executor, id: string): Promise<MeetingRow | undefined> {
  return db.selectFrom('body_meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listMeetings(db: Executor, bodyId: string): Promise<MeetingRow[]> {
  return db.selectFrom('body_meetings').selectAll().where('body_id', '=', bodyId).orderBy('starts_at').orderBy('id').execute();
}

export async function replaceAgenda(db: Executor, meetingId: string, rows: Insertable<BodyAgendaItemsTable>[]): Promise<void> {
  await db.deleteFrom('body_agenda_items').where('meeting_id', '=', meetingId).execute();
  if (rows.length) await db.insertInto('body_agenda_items').values(rows).execute();
}

export async function listAgenda(db: Executor, meetingId: string): Promise<AgendaRow[]> {
  return db.selectFrom('body_agenda_items').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();
}

export async function insertInvitation(db: Executor, row: Insertable<BodyInvitationsTable>): Promise<void> {
  await db.insertInto('body_invitations').values(row).execute();
}

export async function updateInvitation(db: Executor, id: string, set: Updateable<BodyInvitationsTable>): Promise<void> {
  await db.updateTable('body_invitations').set(set).where('id', '=', id).execute();
}

export async function findInvitationByHash(db: Executor, hash: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('body_invitations').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export async function findInvitation(db: Executor, id: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('body_invitations').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface InvitationWithMember extends InvitationRow {
  person_name: string;
  email: string | null;
  user_id: string | null;
}

export async function listInvitations(db: Executor, meetingId: string): Promise<InvitationWithMember[]> {
  return db
    .selectFrom('body_invitations as i')
    .innerJoin('body_memberships as m', 'm.id', 'i.membership_id')
    .selectAll('i')
    .select(['m.person_name', 'm.email', 'm.user_id'])
    .where('i.meeting_id', '=', meetingId)
    .orderBy('m.person_name')
    .orderBy('i.id')
    .execute();
}

/** A member's invitations (by account) to the meetings of one body, soonest first. */
export async function listInvitationsOfUser(
  db: Executor,
  bodyId: string,
  userId: string,
): Promise<(InvitationRow & { starts_at: string; status: string })[]> {
  return db
    .selectFrom('body_invitations as i')
    .innerJoin('body_memberships as m', 'm.id', 'i.membership_id')
    .innerJoin('body_meetings as g', 'g.id', 'i.meeting_id')
    .selectAll('i')
    .select(['g.starts_at', 'g.status'])
    .where('g.body_id', '=', bodyId)
    .where('m.user_id', '=', userId)
    .orderBy('g.starts_at')
    .execute();
}

export type AttendanceRow = Selectable<BodyAttendanceTable>;
export type VoteRow = Selectable<BodyVotesTable>;

/** Replaces a meeting's attendance list and guests. */
export async function replaceAttendance(
  db: Executor,
  meetingId: string,
  rows: Insertable<BodyAttendanceTable>[],
  guests: Insertable<BodyGuestsTable>[],
): Promise<void> {
  await db.deleteFrom('body_attendance').where('meeting_id', '=', meetingId).execute();
  await db.deleteFrom('body_guests').where('meeting_id', '=', meetingId).execute();
  if (rows.length) await db.insertInto('body_attendance').values(rows).execute();
  if (guests.length) await db.insertInto('body_guests').values(guests).execute();
}

export async function listAttendance(db: Executor, meetingId: string): Promise<AttendanceRow[]> {
  return db.selectFrom('body_attendance').selectAll().where('meeting_id', '=', meetingId).execute();
}

export async function listGuests(db: Executor, meetingId: string): Promise<string[]> {
  return (await db.selectFrom('body_guests').select('name').where('meeting_id', '=', meetingId).orderBy('position').execute()).map(
    (g) => g.name,
  );
}

/** Every attendance record of a term's held meetings, oldest meeting first. */
export async function listTermAttendance(db: Executor, termId: string): Promise<(AttendanceRow & { starts_at: string })[]> {
  return db
    .selectFrom('body_attendance as a')
    .innerJoin('body_meetings as g', 'g.id', 'a.meeting_id')
    .selectAll('a')
    .select('g.starts_at')
    .where('g.term_id', '=', termId)
    .where('g.status', 'in', ['held', 'minutes_approved'])
    .orderBy('g.starts_at')
    .execute();
}

export async function upsertVote(db: Executor, row: Insertable<BodyVotesTable>): Promise<void> {
  await db
    .insertInto('body_votes')
    .values(row)
    .onConflict((oc) =>
      oc.column('agenda_item_id').doUpdateSet({
        votes_for: row.votes_for,
        votes_against: row.votes_against,
        votes_abstained: row.votes_abstained,
        recorded_at: row.recorded_at,
      }),
    )
    .execute();
}

export async function listVotes(db: Executor, meetingId: string): Promise<VoteRow[]> {
  return db.selectFrom('body_votes').selectAll().where('meeting_id', '=', meetingId).execute();
}

export async function listMinutes(db: Executor, meetingId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('body_minutes_items').select(['agenda_item_id', 'text']).where('meeting_id', '=', meetingId).execute();
  return new Map(rows.map((r) => [r.agenda_item_id, r.text]));
}

export async function saveMinutesItem(db: Executor, meetingId: string, itemId: string, text: string, at: string): Promise<void> {
  await db
    .insertInto('body_minutes_items')
    .values({ agenda_item_id: itemId, meeting_id: meetingId, text, updated_at: at })
    .onConflict((oc) => oc.column('agenda_item_id').doUpdateSet({ text, updated_at: at }))
    .execute();
}

export type MinutesCommentRow = Selectable<BodyMinutesCommentsTable>;

export async function listMinutesComments(db: Executor, meetingId: string): Promise<(MinutesCommentRow & { person_name: string })[]> {
  return db
    .selectFrom('body_minutes_comments as c')
    .innerJoin('body_memberships as m', 'm.id', 'c.membership_id')
    .selectAll('c')
    .select('m.person_name')
    .where('c.meeting_id', '=', meetingId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

/** Adds a comment unless the member already commented on the item (false then). */
export async function insertMinutesComment(db: Executor, row: Insertable<BodyMinutesCommentsTable>): Promise<boolean> {
  const res = await db
    .insertInto('body_minutes_comments')
    .values(row)
    .onConflict((oc) => oc.columns(['agenda_item_id', 'membership_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The meetings of a body whose draft minutes members may read (a comment period was set). */
export async function listDraftMinutesMeetings(db: Executor, bodyId: string): Promise<MeetingRow[]> {
  return db
    .selectFrom('body_meetings')
    .selectAll()
    .where('body_id', '=', bodyId)
    .where('status', '=', 'held')
    .where('minutes_comments_until', 'is not', null)
    .orderBy('starts_at')
    .execute();
}
