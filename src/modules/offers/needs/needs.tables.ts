// Tables of buyers' needs (issue 17, `/oferta/potrzeby`): what a buyer wants to purchase, the
// places it is to be met in, and the notifications sent to matching entities. A notification row is
// keyed by need, entity and kind under a unique constraint: the job inserts the row and queues the
// e-mail in one transaction, so a re-run or a second app instance cannot send twice.
import type { Generated } from 'kysely';

export const NEED_KINDS = ['tender', 'quote', 'sounding'] as const;
export type NeedKind = (typeof NEED_KINDS)[number];
export const AMOUNT_KINDS = ['range', 'exact', 'undisclosed'] as const;
export type AmountKind = (typeof AMOUNT_KINDS)[number];
export const NEED_STATES = ['draft', 'submitted', 'changes_requested', 'published', 'closed', 'outcome_recorded', 'rejected'] as const;
export type NeedState = (typeof NEED_STATES)[number];
/** 'outcome': the question 30 days after the deadline (to the buyer under entity_id BUYER, and to interested entities). */
export const NOTIFICATION_KINDS = ['notice', 'reminder', 'outcome'] as const;
export const BUYER = 'buyer';
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NeedsTable {
  id: string;
  kind: NeedKind;
  title: string;
  /** Top-level offers category key (offers.categories.ts). */
  category: string;
  /** One CPV code `NNNNNNNN-C` or null. */
  cpv: string | null;
  /** 'region': the whole voivodeship; 'units': the powiaty and gminy in `need_areas`. */
  area_scope: 'region' | 'units';
  /** The tender's address elsewhere (required for kind 'tender'). */
  link: string | null;
  /** Last day (Warsaw calendar day, YYYY-MM-DD) for answers; no notification after it. */
  deadline: string;
  amount_kind: AmountKind;
  /** Whole PLN; both set for a range, `amount_min` only for an exact amount. */
  amount_min: number | null;
  amount_max: number | null;
  institution: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string | null;
  status: NeedState;
  /** The staff's message when asking for changes or rejecting. */
  staff_message: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  /** The buyer's answer to the outcome question: did a contract follow, its value in whole PLN. */
  outcome_signed: boolean | null;
  outcome_value: number | null;
  outcome_at: string | null;
  /** Optional filters of the matching rule (needs.match.ts): false means no filter. */
  only_ps: Generated<boolean>;
  only_mark: Generated<boolean>;
  only_reserved: Generated<boolean>;
  /** The demonstration need of `seed demo`: labelled in every output, never notified. */
  is_example: Generated<boolean>;
}

export interface NeedAreasTable {
  need_id: string;
  /** 4-digit powiat or 7-digit gmina TERYT. */
  teryt: string;
}

export interface NeedNotificationsTable {
  need_id: string;
  entity_id: string;
  kind: NotificationKind;
  sent_at: string;
}

export const ANSWERS = ['interested', 'consortium', 'not_interested'] as const;
export type Answer = (typeof ANSWERS)[number];

/** One per need and notified entity; the link in the e-mail carries a token whose SHA-256 is stored here. */
export interface NeedAnswersTable {
  need_id: string;
  entity_id: string;
  token_hash: string;
  /** First time the answer link was opened (the funnel's "viewed"). */
  viewed_at: string | null;
  answer: Answer | null;
  /** Optional, with 'not_interested'. */
  reason: string | null;
  answered_at: string | null;
  /** The entity's answer to the outcome question (interested entities only). */
  outcome_signed: boolean | null;
  outcome_value: number | null;
  outcome_at: string | null;
}

declare module '../../../core/db/schema.js' {
  interface Database {
    needs: NeedsTable;
    need_areas: NeedAreasTable;
    need_notifications: NeedNotificationsTable;
    need_answers: NeedAnswersTable;
  }
}
