// Table types of written procedures (tryb obiegowy), merged into the Database interface: a draft
// resolution of a body with a deadline (an ISO UTC instant, entered on the Warsaw clock), the ballots
// handed to the members when it opens, and their votes (one per member, kept by the primary key).
import type { VoteResult } from '../attendance.rules.js';

export const PROCEDURE_STATUSES = ['draft', 'open', 'closed'] as const;
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number];
export const BALLOT_VOTES = ['for', 'against', 'abstained'] as const;
export type BallotVote = (typeof BALLOT_VOTES)[number];

export interface BodyProceduresTable {
  id: string;
  body_id: string;
  /** The term whose members vote (the current one when it was created). */
  term_id: string;
  title: string;
  /** The draft resolution, Markdown. */
  text: string;
  deadline: string;
  status: ProcedureStatus;
  opened_at: string | null;
  closed_at: string | null;
  /** How many members got a ballot (the base of the quorum); null until it opens. */
  members: number | null;
  /** The counts and the result as computed at the deadline; null until then. */
  votes_for: number | null;
  votes_against: number | null;
  votes_abstained: number | null;
  /** Null when closed without the body's rules known (the counts are then shown alone). */
  result: VoteResult | null;
  rule: 'quorum' | 'simple' | 'absolute' | null;
  needed: number | null;
  created_at: string;
  updated_at: string;
}

export interface BodyProcedureBallotsTable {
  procedure_id: string;
  membership_id: string;
  /** SHA-256 of the random token in the member's one-click link. */
  token_hash: string;
}

export interface BodyProcedureVotesTable {
  procedure_id: string;
  membership_id: string;
  vote: BallotVote;
  voted_at: string;
}

declare module '../../../core/db/schema.js' {
  interface Database {
    body_procedures: BodyProceduresTable;
    body_procedure_ballots: BodyProcedureBallotsTable;
    body_procedure_votes: BodyProcedureVotesTable;
  }
}
