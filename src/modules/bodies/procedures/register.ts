// The body's register of resolutions: what its votes decided, from the meetings whose minutes are
// approved (per agenda item with a vote) and from closed written procedures, newest first, each with
// its counts, its result and the rule that applied (the same sentence the minutes use). The public
// sees it where the body publishes its approved minutes, and then only public meetings and items.
import type { ModuleContext } from '../../../core/module.js';
import type { VoteOutcome } from '../attendance.rules.js';
import { decisions } from '../attendance.service.js';
import type { BodyRow } from '../bodies.repo.js';
import * as mrepo from '../meetings.repo.js';
import * as prepo from './procedures.repo.js';

export interface RegisterEntry {
  kind: 'meeting' | 'procedure';
  /** When it was decided: the meeting's start or the procedure's deadline (ISO UTC). */
  at: string;
  title: string;
  vote: { votes_for: number; votes_against: number; votes_abstained: number };
  outcome: VoteOutcome | null;
  /** The approved minutes of the meeting (public ones), or null. */
  minutesPath: string | null;
}

/** The outcome a closed procedure stored at its deadline. */
export function procedureOutcome(p: prepo.ProcedureRow): VoteOutcome | null {
  if (p.result === null || p.rule === null || p.needed === null) return null;
  return {
    result: p.result,
    rule: p.rule,
    needed: p.needed,
    present: (p.votes_for ?? 0) + (p.votes_against ?? 0) + (p.votes_abstained ?? 0),
  };
}

export async function registerOf(ctx: ModuleContext, body: BodyRow, opts: { publicOnly: boolean }): Promise<RegisterEntry[]> {
  const entries: RegisterEntry[] = [];
  for (const m of await mrepo.listMeetings(ctx.db, body.id)) {
    if (m.status !== 'minutes_approved' || (opts.publicOnly && !m.is_public)) continue;
    for (const d of (await decisions(ctx, body, m)).items) {
      if (!d.vote || (opts.publicOnly && !d.item.is_public)) continue;
      entries.push({
        kind: 'meeting',
        at: m.starts_at,
        title: d.item.title,
        vote: d.vote,
        outcome: d.outcome,
        minutesPath: body.is_minutes_public && m.is_public ? `/zespoly/${body.slug}/posiedzenia/${m.id}/protokol` : null,
      });
    }
  }
  for (const p of await prepo.listProcedures(ctx.db, body.id)) {
    if (p.status !== 'closed') continue;
    entries.push({
      kind: 'procedure',
      at: p.deadline,
      title: p.title,
      vote: { votes_for: p.votes_for ?? 0, votes_against: p.votes_against ?? 0, votes_abstained: p.votes_abstained ?? 0 },
      outcome: procedureOutcome(p),
      minutesPath: null,
    });
  }
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
