// Rules of meetings: a meeting of a body's current term on the Warsaw clock, with a place or an
// online link and its agenda; invitations by e-mail to today's members who have an address, each
// with an iCalendar part (REQUEST, stable UID, SEQUENCE raised on every change; CANCEL when the
// meeting is called off) and a signed link (a random token, stored hashed) to answer; members answer
// attending / not attending / sending a substitute by that link or in their space.
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { toWarsawLocal, warsawLocalToUtc, warsawToday } from '../../core/time/index.js';
import { FormChecker } from '../../core/validation.js';
import { translator } from '../../i18n/index.js';
import { enqueueMail } from '../mail/index.js';
import { getInstitution } from '../site/index.js';
import { syncAgendaLines } from './agenda.service.js';
import * as repo from './bodies.repo.js';
import { currentTerm, isCurrentMembership, type Actor } from './bodies.service.js';
import { ANSWERS, type InvitationAnswer } from './bodies.tables.js';
import { invitationIcs, type IcalMeeting } from './meetings.ical.js';
import * as mrepo from './meetings.repo.js';
import { auditBody } from './shared/audit.js';
import { hashToken, memberLanguages, newLinkToken, publicBase } from './shared/member-mail.js';

const MAX_AGENDA = 40;
const isAnswer = (x: string): x is InvitationAnswer => (ANSWERS as readonly string[]).includes(x);

export interface MeetingValues {
  starts_at: string;
  ends_at: string;
  place: string;
  online_url: string | null;
  is_public: boolean;
  agenda: { title: string; presenter: string | null }[];
}

/** Agenda lines as typed: one item per line, `title | presenter` (the presenter is optional). */
export function parseAgenda(text: string): { title: string; presenter: string | null }[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [title, presenter] = l.split('|').map((x) => x.trim());
      return { title: title ?? '', presenter: presenter ? presenter : null };
    });
}

export function checkMeeting(form: Record<string, string>): MeetingValues {
  const c = new FormChecker(form);
  const local = c.required('starts_at', 'bodies.meeting.startsAt');
  const startsAt = local === '' ? null : warsawLocalToUtc(local);
  if (local !== '' && !startsAt) c.add('starts_at', 'bodies.meeting.startsAt', 'bodies.errors.dateTime');
  const durationText = c.text('duration') || '120';
  const duration = /^[0-9]{1,4}$/.test(durationText) ? Number(durationText) : NaN;
  if (!(duration >= 15 && duration <= 1440)) c.add('duration', 'bodies.meeting.duration', 'bodies.errors.duration');
  const place = c.text('place');
  const url = c.text('online_url');
  if (place === '' && url === '') c.add('place', 'bodies.meeting.place', 'bodies.errors.placeOrLink');
  if ([...place].length > 300) c.add('place', 'bodies.meeting.place', 'validation.tooLong', { count: 300 });
  if (url !== '' && (!/^https:\/\/[^\s]+$/.test(url) || url.length > 500))
    c.add('online_url', 'bodies.meeting.onlineUrl', 'bodies.errors.url');
  const agenda = parseAgenda(c.text('agenda'));
  if (agenda.length === 0) c.add('agenda', 'bodies.meeting.agenda', 'validation.required');
  if (agenda.length > MAX_AGENDA || agenda.some((a) => [...a.title].length > 300 || a.title === ''))
    c.add('agenda', 'bodies.meeting.agenda', 'bodies.errors.agenda', { max: MAX_AGENDA });
  c.assertValid();
  return {
    starts_at: startsAt!,
    ends_at: new Date(new Date(startsAt!).getTime() + duration * 60_000).toISOString(),
    place,
    online_url: url === '' ? null : url,
    is_public: c.text('is_public') === '1',
    agenda,
  };
}

/** The values of the meeting form for a saved meeting. */
export function meetingFormValues(m: mrepo.MeetingRow, agenda: mrepo.AgendaRow[]): Record<string, string> {
  return {
    starts_at: toWarsawLocal(m.starts_at),
    duration: String(Math.round((new Date(m.ends_at).getTime() - new Date(m.starts_at).getTime()) / 60_000)),
    place: m.place,
    online_url: m.online_url ?? '',
    is_public: m.is_public ? '1' : '',
    agenda: agenda.map((a) => (a.presenter ? `${a.title} | ${a.presenter}` : a.title)).join('\n'),
  };
}

export function meetingUid(ctx: ModuleContext, meetingId: string): string {
  return `meeting-${meetingId}@${new URL(ctx.config.publicUrl).hostname}`;
}

function icalOf(ctx: ModuleContext, body: repo.BodyRow, m: mrepo.MeetingRow, agenda: mrepo.AgendaRow[]): IcalMeeting {
  const t = translator('pl');
  return {
    uid: meetingUid(ctx, m.id),
    sequence: m.sequence,
    startsAt: m.starts_at,
    endsAt: m.ends_at,
    summary: t('bodies.meeting.summary', { body: body.name }),
    description: agenda.map((a, i) => `${i + 1}. ${a.title}${a.presenter ? ` (${a.presenter})` : ''}`).join('\n'),
    location: [m.place, m.online_url].filter(Boolean).join(', '),
    url: `${publicBase(ctx)}/zespoly/${body.slug}`,
    isCancelled: m.status === 'cancelled',
  };
}

export async function getMeeting(ctx: ModuleContext, body: repo.BodyRow, meetingId: string): Promise<mrepo.MeetingRow> {
  const m = await mrepo.findMeeting(ctx.db, meetingId);
  if (!m || m.body_id !== body.id) throw new AppError('http.not_found');
  return m;
}

/** The organiser named in invitations: the institution. Read before a transaction (settings use their own connection). */
async function organizerOf(ctx: ModuleContext): Promise<{ name: string; email: string }> {
  const institution = await getInstitution(ctx);
  return { name: institution.name, email: institution.email ?? `noreply@${new URL(ctx.config.publicUrl).hostname}` };
}

/**
 * Sends every member of the meeting's term who sits today and has an address the meeting as it now
 * stands (a new invitation, or a changed or cancelled meeting to those invited before); each message
 * carries a fresh answer link (the previous one stops working) and the calendar part.
 */
async function notifyMembers(
  ctx: ModuleContext,
  trx: repo.Executor,
  body: repo.BodyRow,
  m: mrepo.MeetingRow,
  kind: 'invite' | 'update' | 'cancel',
  organizer: { name: string; email: string },
): Promise<number> {
  const agenda = await mrepo.listAgenda(trx, m.id);
  const invited = new Map((await mrepo.listInvitations(trx, m.id)).map((i) => [i.membership_id, i]));
  const today = warsawToday(ctx.clock);
  const members =
    kind === 'cancel'
      ? (await repo.listMemberships(trx, m.term_id)).filter((x) => invited.has(x.id))
      : (await repo.listMemberships(trx, m.term_id)).filter((x) => isCurrentMembership(x, today) && x.end_ground === null && !x.is_example);
  const base = publicBase(ctx);
  const ical = icalOf(ctx, body, m, agenda);
  const now = nowIso(ctx.clock);
  // each member reads the e-mail in the language of their account (Polish without one); the calendar part is the same for all
  const langOf = await memberLanguages(trx, members);
  let sent = 0;
  for (const member of members) {
    if (!member.email) continue;
    const { token, hash } = newLinkToken();
    const existing = invited.get(member.id);
    // a cancellation carries no answer link: the last one stays and says the meeting was called off
    if (existing && kind !== 'cancel') await mrepo.updateInvitation(trx, existing.id, { token_hash: hash });
    else if (!existing)
      await mrepo.insertInvitation(trx, {
        id: newId(),
        meeting_id: m.id,
        membership_id: member.id,
        token_hash: hash,
        answer: null,
        answered_at: null,
        created_at: now,
      });
    const lang = langOf(member);
    const when = toWarsawLocal(m.starts_at, ' ');
    const calendar = invitationIcs(ical, organizer, { name: member.person_name, email: member.email }, now);
    const method = m.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
    const alternatives = [{ contentType: `text/calendar; charset=utf-8; method=${method}`, content: calendar }];
    if (kind === 'cancel') {
      await enqueueMail(
        trx,
        {
          to: member.email,
          lang,
          template: 'body_meeting_cancelled',
          params: { body: body.name, when },
          about: `body:${body.id}`,
          alternatives,
        },
        ctx.clock,
      );
    } else {
      await enqueueMail(
        trx,
        {
          to: member.email,
          lang,
          template: kind === 'invite' || !existing ? 'body_meeting_invitation' : 'body_meeting_changed',
          params: { body: body.name, when, place: ical.location, message: ical.description, link: `${base}/zespoly/zaproszenie/${token}` },
          about: `body:${body.id}`,
          alternatives,
        },
        ctx.clock,
      );
    }
    sent++;
  }
  return sent;
}

export async function createMeeting(ctx: ModuleContext, body: repo.BodyRow, form: Record<string, string>, actor: Actor): Promise<string> {
  const v = checkMeeting(form);
  const term = currentTerm(await repo.listTerms(ctx.db, body.id), warsawToday(ctx.clock));
  if (!term) throw new AppError('bodies.no_term');
  const id = newId();
  const now = nowIso(ctx.clock);
  const organizer = await organizerOf(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const row = {
      id,
      body_id: body.id,
      term_id: term.id,
      starts_at: v.starts_at,
      ends_at: v.ends_at,
      place: v.place,
      online_url: v.online_url,
      status: 'planned' as const,
      sequence: 0,
      is_public: v.is_public,
      minutes_comments_until: null,
      created_at: now,
      updated_at: now,
    };
    await mrepo.insertMeeting(trx, row);
    await mrepo.replaceAgenda(
      trx,
      id,
      v.agenda.map((a, position) => ({
        id: newId(),
        meeting_id: id,
        position,
        title: a.title,
        presenter: a.presenter,
        is_public: true,
        object_kind: null,
        object_id: null,
      })),
    );
    const sent = await notifyMembers(ctx, trx, body, row, 'invite', organizer);
    await auditBody(trx, ctx, actor, body, 'body.meeting_create', {
      changes: { meeting: { before: null, after: { id, starts_at: v.starts_at } } },
      meta: { invitations: sent },
    });
  });
  return id;
}

/** Changes a planned meeting: SEQUENCE + 1 and everybody invited (and new members) gets the new version. */
export async function changeMeeting(
  ctx: ModuleContext,
  body: repo.BodyRow,
  meetingId: string,
  form: Record<string, string>,
  actor: Actor,
): Promise<void> {
  const m = await getMeeting(ctx, body, meetingId);
  if (m.status !== 'planned') throw new AppError('bodies.meeting_not_planned');
  const v = checkMeeting(form);
  const organizer = await organizerOf(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const set = {
      starts_at: v.starts_at,
      ends_at: v.ends_at,
      place: v.place,
      online_url: v.online_url,
      is_public: v.is_public,
      sequence: m.sequence + 1,
      updated_at: nowIso(ctx.clock),
    };
    await mrepo.updateMeeting(trx, m.id, set);
    // items whose title stays keep their row, so their documents, linked object and public switch stay too
    await syncAgendaLines(trx, m.id, v.agenda);
    await notifyMembers(ctx, trx, body, { ...m, ...set }, 'update', organizer);
    await auditBody(trx, ctx, actor, body, 'body.meeting_change', {
      changes: { starts_at: { before: m.starts_at, after: v.starts_at }, place: { before: m.place, after: v.place } },
      meta: { meeting: m.id },
    });
  });
}

export async function cancelMeeting(ctx: ModuleContext, body: repo.BodyRow, meetingId: string, actor: Actor): Promise<void> {
  const m = await getMeeting(ctx, body, meetingId);
  if (m.status !== 'planned') throw new AppError('bodies.meeting_not_planned');
  const organizer = await organizerOf(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const set = { status: 'cancelled' as const, sequence: m.sequence + 1, updated_at: nowIso(ctx.clock) };
    await mrepo.updateMeeting(trx, m.id, set);
    await notifyMembers(ctx, trx, body, { ...m, ...set }, 'cancel', organizer);
    await auditBody(trx, ctx, actor, body, 'body.meeting_cancel', {
      changes: { status: { before: m.status, after: 'cancelled' } },
      meta: { meeting: m.id },
    });
  });
}

export interface InvitationView {
  invitation: mrepo.InvitationRow;
  meeting: mrepo.MeetingRow;
  body: repo.BodyRow;
  agenda: mrepo.AgendaRow[];
}

async function invitationView(ctx: ModuleContext, inv: mrepo.InvitationRow | undefined): Promise<InvitationView> {
  if (!inv) throw new AppError('bodies.invitation_invalid');
  const meeting = (await mrepo.findMeeting(ctx.db, inv.meeting_id))!;
  const body = (await repo.findBody(ctx.db, meeting.body_id))!;
  return { invitation: inv, meeting, body, agenda: await mrepo.listAgenda(ctx.db, meeting.id) };
}

export async function invitationByToken(ctx: ModuleContext, token: string): Promise<InvitationView> {
  return invitationView(ctx, await mrepo.findInvitationByHash(ctx.db, hashToken(token)));
}

/** The invitation of a signed-in member (their own only). */
export async function invitationOfUser(ctx: ModuleContext, userId: string, invitationId: string): Promise<InvitationView> {
  const inv = await mrepo.findInvitation(ctx.db, invitationId);
  const member = inv ? await repo.findMembership(ctx.db, inv.membership_id) : undefined;
  if (!inv || !member || member.user_id !== userId) throw new AppError('http.not_found');
  return invitationView(ctx, inv);
}

/** Records the answer (it may be changed until the meeting starts; not for a cancelled meeting). */
export async function answerInvitation(ctx: ModuleContext, view: InvitationView, form: Record<string, string>): Promise<InvitationAnswer> {
  if (view.meeting.status !== 'planned' || view.meeting.starts_at <= nowIso(ctx.clock)) throw new AppError('bodies.meeting_not_planned');
  const c = new FormChecker(form);
  const answer = c.text('answer');
  if (!isAnswer(answer)) c.add('answer', 'bodies.answer.label', 'validation.required');
  if (answer === 'substitute' && !view.body.is_substitutes_allowed) c.add('answer', 'bodies.answer.label', 'bodies.errors.noSubstitutes');
  c.assertValid();
  if (!isAnswer(answer)) throw new AppError('http.validation');
  await mrepo.updateInvitation(ctx.db, view.invitation.id, { answer, answered_at: nowIso(ctx.clock) });
  return answer;
}
