// The minutes of a held meeting: the secretary's text per agenda item, then approval, after which
// the minutes are a public page and a tagged PDF (when the body publishes its minutes) with the
// agenda, the attendance table with its totals, the guests, the decisions and the votes.
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { isCalendarDay, warsawToday } from '../../core/time/index.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { FormChecker } from '../../core/validation.js';
import type { Lang } from '../../i18n/index.js';
import { itemLinks, type ItemLinks } from './agenda.service.js';
import type { Attendance } from './attendance.rules.js';
import { decisions, membersOfMeeting, type ItemDecision } from './attendance.service.js';
import * as repo from './bodies.repo.js';
import type { Actor } from './bodies.service.js';
import * as mrepo from './meetings.repo.js';
import { auditBody } from './shared/audit.js';

export async function saveMinutes(
  ctx: ModuleContext,
  body: repo.BodyRow,
  m: mrepo.MeetingRow,
  form: Record<string, string>,
  actor: Actor,
): Promise<void> {
  if (m.status !== 'held') throw new AppError('bodies.meeting_not_held');
  const agenda = await mrepo.listAgenda(ctx.db, m.id);
  const c = new FormChecker(form);
  for (const item of agenda) {
    if ([...c.text(`item_${item.id}`)].length > 20000)
      c.add(`item_${item.id}`, 'bodies.minutes.item', 'validation.tooLong', { count: 20000 });
  }
  c.assertValid();
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    for (const item of agenda) await mrepo.saveMinutesItem(trx, m.id, item.id, c.text(`item_${item.id}`), at);
    await auditBody(trx, ctx, actor, body, 'body.minutes_save', { meta: { meeting: m.id } });
  });
}

/** Publishes the draft to the members: they may comment (once per item) until the given day, inclusive. */
export async function publishDraft(
  ctx: ModuleContext,
  body: repo.BodyRow,
  m: mrepo.MeetingRow,
  form: Record<string, string>,
  actor: Actor,
): Promise<void> {
  if (m.status !== 'held') throw new AppError('bodies.meeting_not_held');
  const c = new FormChecker(form);
  const until = c.required('comments_until', 'bodies.minutes.commentsUntil');
  if (until !== '' && (!isCalendarDay(until) || until < warsawToday(ctx.clock)))
    c.add('comments_until', 'bodies.minutes.commentsUntil', 'bodies.errors.futureDay');
  c.assertValid();
  await ctx.db.transaction().execute(async (trx) => {
    await mrepo.updateMeeting(trx, m.id, { minutes_comments_until: until, updated_at: nowIso(ctx.clock) });
    await auditBody(trx, ctx, actor, body, 'body.minutes_draft', { meta: { meeting: m.id, until } });
  });
}

/** True while members may comment on the draft. */
export function commentsOpen(ctx: ModuleContext, m: mrepo.MeetingRow): boolean {
  return m.status === 'held' && m.minutes_comments_until !== null && warsawToday(ctx.clock) <= m.minutes_comments_until;
}

/**
 * A member's comments on the draft: fields `c_<agenda item id>`; empty ones are skipped, an item the
 * member already commented on is refused (each member comments once per item).
 */
export async function commentDraft(
  ctx: ModuleContext,
  m: mrepo.MeetingRow,
  membership: repo.MembershipRow,
  form: Record<string, string>,
): Promise<number> {
  if (!commentsOpen(ctx, m)) throw new AppError('bodies.comments_closed');
  const agenda = await mrepo.listAgenda(ctx.db, m.id);
  const done = new Set(
    (await mrepo.listMinutesComments(ctx.db, m.id)).filter((x) => x.membership_id === membership.id).map((x) => x.agenda_item_id),
  );
  const c = new FormChecker(form);
  const texts: { itemId: string; text: string }[] = [];
  for (const item of agenda) {
    const text = c.text(`c_${item.id}`);
    if (text === '') continue;
    if (done.has(item.id)) c.add(`c_${item.id}`, 'bodies.minutes.comment', 'bodies.errors.commentedOnce');
    else if ([...text].length > 5000) c.add(`c_${item.id}`, 'bodies.minutes.comment', 'validation.tooLong', { count: 5000 });
    else texts.push({ itemId: item.id, text });
  }
  if (texts.length === 0 && c.problems.length === 0)
    c.add(agenda[0] ? `c_${agenda[0].id}` : 'c', 'bodies.minutes.comment', 'validation.required');
  c.assertValid();
  let added = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const x of texts)
      if (
        await mrepo.insertMinutesComment(trx, {
          id: newId(),
          meeting_id: m.id,
          agenda_item_id: x.itemId,
          membership_id: membership.id,
          text: x.text,
          created_at: nowIso(ctx.clock),
        })
      )
        added++;
  });
  return added;
}

/** Approval needs the text of every agenda item and a closed comment period; the minutes are then fixed. */
export async function approveMinutes(ctx: ModuleContext, body: repo.BodyRow, m: mrepo.MeetingRow, actor: Actor): Promise<void> {
  if (m.status !== 'held') throw new AppError('bodies.meeting_not_held');
  if (commentsOpen(ctx, m)) throw new AppError('bodies.comments_open');
  const agenda = await mrepo.listAgenda(ctx.db, m.id);
  const minutes = await mrepo.listMinutes(ctx.db, m.id);
  if (agenda.some((a) => !(minutes.get(a.id) ?? '').trim())) throw new AppError('bodies.minutes_incomplete');
  await ctx.db.transaction().execute(async (trx) => {
    await mrepo.updateMeeting(trx, m.id, { status: 'minutes_approved', updated_at: nowIso(ctx.clock) });
    await auditBody(trx, ctx, actor, body, 'body.minutes_approve', {
      changes: { status: { before: m.status, after: 'minutes_approved' } },
      meta: { meeting: m.id },
    });
  });
}

export interface Minutes {
  body: repo.BodyRow;
  meeting: mrepo.MeetingRow;
  attendance: { name: string; status: Attendance }[];
  guests: string[];
  invited: number;
  present: number;
  items: (ItemDecision & { text: string })[];
  /** Each item's documents and linked object (the public minutes show them). */
  links?: Map<string, ItemLinks>;
}

/** Everything the minutes show. */
export async function minutesOf(ctx: ModuleContext, body: repo.BodyRow, m: mrepo.MeetingRow): Promise<Minutes> {
  const members = await membersOfMeeting(ctx, m);
  const recorded = new Map((await mrepo.listAttendance(ctx.db, m.id)).map((a) => [a.membership_id, a.status]));
  const d = await decisions(ctx, body, m);
  const texts = await mrepo.listMinutes(ctx.db, m.id);
  return {
    body,
    meeting: m,
    attendance: members.map((x) => ({ name: x.person_name, status: recorded.get(x.id) ?? 'unexcused' })),
    guests: await mrepo.listGuests(ctx.db, m.id),
    invited: members.length,
    present: [...recorded.values()].filter((s) => s === 'present' || s === 'substitute').length,
    items: d.items.map((i) => ({ ...i, text: texts.get(i.item.id) ?? '' })),
  };
}

/** The approved minutes of a body the public may read (404 otherwise): its public items only, with their links. */
export async function publicMinutes(ctx: ModuleContext, body: repo.BodyRow, meetingId: string, lang: Lang = 'pl'): Promise<Minutes> {
  const m = await mrepo.findMeeting(ctx.db, meetingId);
  if (!m || m.body_id !== body.id || m.status !== 'minutes_approved' || !body.is_minutes_public || !m.is_public)
    throw new AppError('http.not_found');
  const all = await minutesOf(ctx, body, m);
  // internal items are for staff and members only: never in the public minutes (page or PDF)
  const items = all.items.filter((i) => i.item.is_public);
  return {
    ...all,
    items,
    links: await itemLinks(
      ctx,
      items.map((i) => i.item),
      lang,
    ),
  };
}
