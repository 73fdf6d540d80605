// Attendance and votes of a held meeting: staff record who of the term's members sat on the
// meeting's day was present, excused, unexcused or sent a substitute (guests apart), which marks the
// meeting held; then the counts of each agenda item's vote, whose result comes from the rules
// (attendance.rules.ts) with the quorum counted from that attendance. The absence flag reads the
// term's held meetings in order.
import { nowIso } from '../../core/db/time.js';
import { newId } from '../../core/db/ids.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { warsawDay } from '../../core/time/index.js';
import { FormChecker } from '../../core/validation.js';
import {
  ATTENDANCE,
  countsValid,
  presentForQuorum,
  threeUnexcusedInARow,
  voteOutcome,
  type Attendance,
  type VoteOutcome,
} from './attendance.rules.js';
import * as repo from './bodies.repo.js';
import { isCurrentMembership, type Actor } from './bodies.service.js';
import * as mrepo from './meetings.repo.js';
import { auditBody } from './shared/audit.js';

const isAttendance = (x: string): x is Attendance => (ATTENDANCE as readonly string[]).includes(x);

/** The members a meeting counts: those of its term sitting on its day (not substitutes, not demo placeholders). */
export async function membersOfMeeting(ctx: ModuleContext, m: mrepo.MeetingRow): Promise<repo.MembershipRow[]> {
  const day = warsawDay(m.starts_at);
  return (await repo.listMemberships(ctx.db, m.term_id)).filter(
    (x) => isCurrentMembership(x, day) && x.role !== 'substitute' && !x.is_example,
  );
}

/** Saves the attendance list (a field `a_<membership id>` per member) and the guests (one per line); the meeting is then held. */
export async function recordAttendance(
  ctx: ModuleContext,
  body: repo.BodyRow,
  m: mrepo.MeetingRow,
  form: Record<string, string>,
  actor: Actor,
): Promise<void> {
  if (m.status === 'cancelled' || m.starts_at > nowIso(ctx.clock)) throw new AppError('bodies.meeting_not_started');
  const members = await membersOfMeeting(ctx, m);
  const c = new FormChecker(form);
  const rows: { meeting_id: string; membership_id: string; status: Attendance; substitute_name: string | null }[] = [];
  for (const member of members) {
    const status = c.text(`a_${member.id}`);
    if (!isAttendance(status)) {
      c.add(`a_${member.id}`, 'bodies.attendance.status', 'validation.required');
      continue;
    }
    if (status === 'substitute' && !body.is_substitutes_allowed)
      c.add(`a_${member.id}`, 'bodies.attendance.status', 'bodies.errors.noSubstitutes');
    rows.push({ meeting_id: m.id, membership_id: member.id, status, substitute_name: null });
  }
  const guests = c
    .text('guests')
    .split(/\r?\n/)
    .map((g) => g.trim())
    .filter(Boolean);
  if (guests.length > 100 || guests.some((g) => [...g].length > 200)) c.add('guests', 'bodies.attendance.guests', 'bodies.errors.guests');
  c.assertValid();
  await ctx.db.transaction().execute(async (trx) => {
    await mrepo.replaceAttendance(
      trx,
      m.id,
      rows,
      guests.map((name, position) => ({ id: newId(), meeting_id: m.id, name, position })),
    );
    if (m.status === 'planned') await mrepo.updateMeeting(trx, m.id, { status: 'held', updated_at: nowIso(ctx.clock) });
    await auditBody(trx, ctx, actor, body, 'body.attendance', {
      meta: { meeting: m.id, present: rows.filter((r) => r.status === 'present').length, guests: guests.length },
    });
  });
}

export interface ItemDecision {
  item: mrepo.AgendaRow;
  vote: mrepo.VoteRow | null;
  outcome: VoteOutcome | null;
}

/** Each agenda item with its vote and the result under the body's rules (null without a vote or without rules). */
export async function decisions(
  ctx: ModuleContext,
  body: repo.BodyRow,
  m: mrepo.MeetingRow,
): Promise<{ items: ItemDecision[]; present: number; members: number }> {
  const attendance = await mrepo.listAttendance(ctx.db, m.id);
  const present = presentForQuorum(
    attendance.map((a) => a.status),
    body,
  );
  const members = (await membersOfMeeting(ctx, m)).length;
  const votes = new Map((await mrepo.listVotes(ctx.db, m.id)).map((v) => [v.agenda_item_id, v]));
  const items = (await mrepo.listAgenda(ctx.db, m.id)).map((item) => {
    const vote = votes.get(item.id) ?? null;
    const outcome =
      vote && body.has_rules
        ? voteOutcome({ for: vote.votes_for, against: vote.votes_against, abstained: vote.votes_abstained }, present, members, body)
        : null;
    return { item, vote, outcome };
  });
  return { items, present, members };
}

/** Records the counts of the vote on one agenda item of a held meeting. */
export async function recordVote(
  ctx: ModuleContext,
  body: repo.BodyRow,
  m: mrepo.MeetingRow,
  itemId: string,
  form: Record<string, string>,
  actor: Actor,
): Promise<void> {
  if (m.status !== 'held') throw new AppError('bodies.meeting_not_held');
  const item = (await mrepo.listAgenda(ctx.db, m.id)).find((i) => i.id === itemId);
  if (!item) throw new AppError('http.not_found');
  const c = new FormChecker(form);
  const labels = { for: 'bodies.vote.for', against: 'bodies.vote.against', abstained: 'bodies.vote.abstained' } as const;
  const num = (field: keyof typeof labels) => {
    const v = c.text(field);
    if (!/^[0-9]{1,4}$/.test(v)) {
      c.add(field, labels[field], 'bodies.errors.count');
      return 0;
    }
    return Number(v);
  };
  const counts = { for: num('for'), against: num('against'), abstained: num('abstained') };
  const { present } = await decisions(ctx, body, m);
  if (c.problems.length === 0 && !countsValid(counts, present)) c.add('for', 'bodies.vote.for', 'bodies.errors.tooManyVotes', { present });
  c.assertValid();
  await ctx.db.transaction().execute(async (trx) => {
    await mrepo.upsertVote(trx, {
      agenda_item_id: item.id,
      meeting_id: m.id,
      votes_for: counts.for,
      votes_against: counts.against,
      votes_abstained: counts.abstained,
      recorded_at: nowIso(ctx.clock),
    });
    await auditBody(trx, ctx, actor, body, 'body.vote', {
      changes: { counts: { before: null, after: counts } },
      meta: { meeting: m.id, item: item.id },
    });
  });
}

/** The memberships of a term with three unexcused absences in a row at its held meetings. */
export async function absenceFlags(ctx: ModuleContext, termId: string): Promise<Set<string>> {
  const byMember = new Map<string, Attendance[]>();
  for (const a of await mrepo.listTermAttendance(ctx.db, termId))
    byMember.set(a.membership_id, [...(byMember.get(a.membership_id) ?? []), a.status]);
  return new Set([...byMember].filter(([, history]) => threeUnexcusedInARow(history)).map(([id]) => id));
}
