// Queries of meetings: the meeting, its agenda, the invitations with the members they went to.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from './bodies.repo.js';
import type { BodyAgendaItemsTable, BodyInvitationsTable, BodyMeetingsTable } from './bodies.tables.js';

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
