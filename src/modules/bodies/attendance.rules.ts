// The rules of attendance and votes, with no database: whether a meeting had its quorum, what a
// vote's counts decide under the body's rules (and which rule applied, so pages can say it), and the
// statutory flag of three consecutive unexcused absences (an excused absence or a presence between
// them starts the count again).
import type { BodiesTable } from './bodies.tables.js';

export const ATTENDANCE = ['present', 'excused', 'unexcused', 'substitute'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export type Rules = Pick<
  BodiesTable,
  'has_rules' | 'quorum_kind' | 'quorum_numerator' | 'quorum_denominator' | 'quorum_count' | 'majority' | 'is_substitutes_quorum'
>;

/** Those who count for the quorum: members present, and substitutes when the rules say they count. */
export function presentForQuorum(statuses: readonly Attendance[], rules: Rules): number {
  return statuses.filter((s) => s === 'present' || (s === 'substitute' && rules.is_substitutes_quorum)).length;
}

/** The least number present for the quorum, out of `members` (the seats held on the meeting's day). */
export function quorumNeeded(rules: Rules, members: number): number {
  if (rules.quorum_kind === 'count') return rules.quorum_count ?? members;
  const num = rules.quorum_numerator ?? 1;
  const den = rules.quorum_denominator ?? 2;
  return Math.ceil((members * num) / den);
}

export interface VoteCounts {
  for: number;
  against: number;
  abstained: number;
}

export type VoteResult = 'adopted' | 'not_adopted' | 'no_quorum';

export interface VoteOutcome {
  result: VoteResult;
  /** What decided it: the quorum, or the majority rule with its threshold. */
  rule: 'quorum' | 'simple' | 'absolute';
  needed: number;
  present: number;
}

/**
 * The result of a vote: no quorum when fewer are present than the quorum needs; otherwise a simple
 * majority adopts with more votes for than against, an absolute majority with more than half of the
 * votes cast (for, against and abstaining).
 */
export function voteOutcome(counts: VoteCounts, present: number, members: number, rules: Rules): VoteOutcome {
  const needed = quorumNeeded(rules, members);
  if (present < needed) return { result: 'no_quorum', rule: 'quorum', needed, present };
  if (rules.majority === 'simple') {
    return { result: counts.for > counts.against ? 'adopted' : 'not_adopted', rule: 'simple', needed: counts.against + 1, present };
  }
  const cast = counts.for + counts.against + counts.abstained;
  const half = Math.floor(cast / 2) + 1;
  return { result: counts.for >= half ? 'adopted' : 'not_adopted', rule: 'absolute', needed: half, present };
}

/** Votes cast cannot exceed those present. */
export function countsValid(counts: VoteCounts, present: number): boolean {
  return (
    [counts.for, counts.against, counts.abstained].every((n) => Number.isInteger(n) && n >= 0) &&
    counts.for + counts.against + counts.abstained <= present
  );
}

/** True when a member's attendance, oldest meeting first, holds three unexcused absences in a row. */
export function threeUnexcusedInARow(history: readonly Attendance[]): boolean {
  let run = 0;
  for (const a of history) {
    run = a === 'unexcused' ? run + 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}
