// Tables of the licences module: "Zakup Prospołeczny" licences (one per product or service of an
// entity, one year each; a renewal is a new licence pointing at the one it renews) and the expiry
// reminders already sent, keyed by licence and kind so a re-run or a second instance cannot resend.
import type { Generated } from 'kysely';

export interface LicencesTable {
  id: string;
  /** `ZP-YYYY-XXXXXX`, random part (verification module): printed on the certificate and in its QR code. */
  number: string;
  entity_id: string;
  /** Optional link to the offer (offers module) the licence covers. */
  offer_id: string | null;
  /** The product or service in the ROPS decision's words; null: not yet specified (migrated marks). */
  product: string | null;
  /** Null only on licences migrated from marks whose grant date no source states. */
  granted_on: string | null;
  /** The last valid day (registry/entity/mark-validity.ts: one year, Kodeks cywilny art. 112). */
  expires_on: string | null;
  is_expiry_derived: Generated<boolean>;
  /** Where the facts come from (a ROPS page), for migrated marks. */
  source_url: string | null;
  /** `entity_marks.id` of the mark this licence was migrated from. */
  source_mark_id: string | null;
  /** The licence this one renews. */
  renews_id: string | null;
  /** The application (applications/) whose granting decision created it. */
  application_id: string | null;
  withdrawn_on: string | null;
  withdrawal_reason: string | null;
  suspended_on: string | null;
  suspension_reason: string | null;
  is_example: Generated<boolean>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export const REMINDER_KINDS = ['60', '14'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface LicenceRemindersTable {
  licence_id: string;
  kind: ReminderKind;
  sent_at: string;
}

declare module '../../core/db/schema.js' {
  interface Database {
    licences: LicencesTable;
    licence_reminders: LicenceRemindersTable;
  }
}
