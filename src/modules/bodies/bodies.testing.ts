// The bodies module's test surface for the browser suite: a body with a current term, seats with
// known and unknown counts, a current and an ended membership, under a fixed id (so a page template
// can log in with the member role scoped to it). Idempotent.
import { polishSortKey } from '../../core/db/collation.js';
import { nowIso } from '../../core/db/time.js';
import type { ModuleContext } from '../../core/module.js';
import * as repo from './bodies.repo.js';
import { createMeeting } from './meetings.service.js';
import { recordAttendance, recordVote } from './attendance.service.js';
import { findMeeting, listAgenda } from './meetings.repo.js';
import { approveMinutes, publishDraft, saveMinutes } from './minutes.service.js';
import { toWarsawLocal } from '../../core/time/index.js';
import { saveItemLinks } from './agenda.repo.js';

export const E2E_BODY = { id: 'e2e-body', slug: 'komitet-e2e', termId: 'e2e-body-term', memberId: 'e2e-body-member' } as const;

export async function bodyFixture(ctx: ModuleContext): Promise<typeof E2E_BODY> {
  if (await repo.findBody(ctx.db, E2E_BODY.id)) return E2E_BODY;
  const now = nowIso(ctx.clock);
  await repo.insertBody(ctx.db, {
    id: E2E_BODY.id,
    slug: E2E_BODY.slug,
    name: 'Komitet przeglądowy',
    name_sort: polishSortKey('Komitet przeglądowy'),
    type: 'committee',
    legal_basis: 'Uchwała nr 1/2027 Zarządu Województwa',
    description: 'Komitet do **przeglądu** stron.',
    has_rules: true,
    is_composition_public: true,
    is_minutes_public: true,
    quorum_kind: 'fraction',
    quorum_numerator: 1,
    quorum_denominator: 2,
    quorum_count: null,
    majority: 'simple',
    is_substitutes_allowed: true,
    is_substitutes_quorum: false,
    is_votes_named: false,
    subregion_id: null,
    sources: '',
    created_at: now,
    updated_at: now,
  });
  await repo.insertTerm(ctx.db, {
    id: E2E_BODY.termId,
    body_id: E2E_BODY.id,
    number: 1,
    starts_on: '2020-01-01',
    ends_on: '2040-12-31',
    note: '',
    created_at: now,
  });
  const seats = [
    { id: 'e2e-seat-1', category: 'voivode' as const, seat_count: 2 },
    { id: 'e2e-seat-2', category: 'universities' as const, seat_count: null },
  ];
  for (const [position, s] of seats.entries()) await repo.insertSeat(ctx.db, { ...s, term_id: E2E_BODY.termId, label: null, position });
  const member = {
    term_id: E2E_BODY.termId,
    user_id: null,
    role: 'member' as const,
    nominating_institution: 'Uniwersytet Mikołaja Kopernika',
    appointing_act: 'Zarządzenie nr 2/2020',
    email: 'czlonek@example.pl',
    phone: null,
    is_example: false,
    created_at: now,
    updated_at: now,
  };
  await repo.insertMembership(ctx.db, {
    ...member,
    id: E2E_BODY.memberId,
    seat_id: 'e2e-seat-2',
    person_name: 'Anna Kowalska',
    starts_on: '2020-01-01',
    ends_on: null,
    end_ground: null,
    dismissing_act: null,
  });
  await repo.insertMembership(ctx.db, {
    ...member,
    id: 'e2e-body-member-ended',
    seat_id: 'e2e-seat-1',
    person_name: 'Piotr Nowak',
    starts_on: '2020-01-01',
    ends_on: '2021-06-30',
    end_ground: 'resignation',
    dismissing_act: 'Zarządzenie nr 5/2021',
  });
  return E2E_BODY;
}

/** A planned meeting of the fixture body (invitations queued in the outbox), as staff would plan it. */
export async function plannedMeeting(ctx: ModuleContext, startsAt = '2027-10-31T10:00'): Promise<string> {
  await bodyFixture(ctx);
  const body = (await repo.findBody(ctx.db, E2E_BODY.id))!;
  return createMeeting(
    ctx,
    body,
    {
      starts_at: startsAt,
      duration: '120',
      place: 'ROPS Toruń, sala 1',
      agenda: 'Otwarcie posiedzenia\nOpinia o sprawozdaniu | Dyrektor ROPS',
      is_public: '1',
    },
    { actorId: null, ip: null, requestId: null },
  );
}

/** The answer link (path) of the latest invitation e-mailed to the fixture's member, as the outbox holds it. */
export async function latestInvitationPath(ctx: ModuleContext): Promise<string> {
  const mail = await ctx.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', 'czlonek@example.pl')
    .where('template', 'in', ['body_meeting_invitation', 'body_meeting_changed'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return /\/zespoly\/zaproszenie\/[A-Za-z0-9_-]+/.exec(mail.text_body)![0];
}

/** A meeting of the fixture body that has been held: started an hour ago, the member present, a vote on its first item. */
export async function heldMeeting(ctx: ModuleContext): Promise<{ meetingId: string; itemId: string }> {
  const startsAt = toWarsawLocal(new Date(ctx.clock.now().getTime() - 3600_000));
  const meetingId = await plannedMeeting(ctx, startsAt);
  const body = (await repo.findBody(ctx.db, E2E_BODY.id))!;
  const meeting = (await findMeeting(ctx.db, meetingId))!;
  const actor = { actorId: null, ip: null, requestId: null };
  await recordAttendance(ctx, body, meeting, { [`a_${E2E_BODY.memberId}`]: 'present', guests: 'Jan Ekspert' }, actor);
  const held = (await findMeeting(ctx.db, meetingId))!;
  const [item] = await listAgenda(ctx.db, meetingId);
  await recordVote(ctx, body, held, item!.id, { for: '1', against: '0', abstained: '0' }, actor);
  return { meetingId, itemId: item!.id };
}

/** A meeting of the fixture body with approved minutes (public), for the minutes page. */
export async function approvedMinutes(ctx: ModuleContext): Promise<string> {
  const { meetingId } = await heldMeeting(ctx);
  const body = (await repo.findBody(ctx.db, E2E_BODY.id))!;
  const meeting = (await findMeeting(ctx.db, meetingId))!;
  const actor = { actorId: null, ip: null, requestId: null };
  const form = Object.fromEntries((await listAgenda(ctx.db, meetingId)).map((a) => [`item_${a.id}`, `Omówiono punkt: ${a.title}.`]));
  await saveMinutes(ctx, body, meeting, form, actor);
  await approveMinutes(ctx, body, meeting, actor);
  return `/zespoly/${E2E_BODY.slug}/posiedzenia/${meetingId}/protokol`;
}

/** A held meeting of the fixture body with its draft minutes shared with the members until `until`. */
export async function draftMinutes(ctx: ModuleContext, until: string): Promise<string> {
  const { meetingId } = await heldMeeting(ctx);
  const body = (await repo.findBody(ctx.db, E2E_BODY.id))!;
  const actor = { actorId: null, ip: null, requestId: null };
  const form = Object.fromEntries((await listAgenda(ctx.db, meetingId)).map((a) => [`item_${a.id}`, `Omówiono punkt: ${a.title}.`]));
  await saveMinutes(ctx, body, (await findMeeting(ctx.db, meetingId))!, form, actor);
  await publishDraft(ctx, body, (await findMeeting(ctx.db, meetingId))!, { comments_until: until }, actor);
  return meetingId;
}

/** A planned meeting's second item linked to an object (`kind:id`, e.g. a yearly summary); returns the item's staff page. */
export async function linkedAgendaItem(ctx: ModuleContext, objectRef: string): Promise<string> {
  const meetingId = await plannedMeeting(ctx);
  const [open, item] = await listAgenda(ctx.db, meetingId);
  const at = objectRef.indexOf(':');
  await saveItemLinks(ctx.db, item!.id, { is_public: true, object_kind: objectRef.slice(0, at), object_id: objectRef.slice(at + 1) }, []);
  await saveItemLinks(ctx.db, open!.id, { is_public: false, object_kind: null, object_id: null }, []);
  return `/admin/zespoly/${E2E_BODY.id}/posiedzenia/${meetingId}/punkty/${item!.id}`;
}
