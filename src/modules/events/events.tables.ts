// Table types of the events module, merged into the Database interface: events with their sessions,
// registrations (one person each) and the places a registration holds or waits for in each session.
// A session's `taken` counts the places held, confirmed or offered, so capacity is kept by one
// conditional UPDATE (`taken < capacity`) on both databases.
import type { Generated } from 'kysely';
import type { Database as Db } from '../../core/db/schema.js';

export type EventType = 'forum' | 'conference' | 'training' | 'fair' | 'open_day' | 'study_visit' | 'meeting';
/** How exactly the dates are known: to the minute, to the day (all-day), or only the month (a source gives no day). */
export type DatePrecision = 'minute' | 'day' | 'month';
export type RegistrationStatus = 'pending' | 'confirmed' | 'cancelled' | 'expired';
export type ParticipantType = 'pes' | 'local_government' | 'public_institution' | 'ngo' | 'business' | 'individual' | 'other';
/** held: waiting for the e-mail confirmation; offered: a waitlist offer not yet accepted. */
export type AccessNeed = 'step_free' | 'induction_loop' | 'sign_language';
export type PlaceStatus = 'held' | 'confirmed' | 'waiting' | 'offered' | 'cancelled' | 'released';

export interface EventsTable {
  id: string;
  title: string;
  type: EventType;
  description: string;
  organiser: string;
  starts_at: string;
  ends_at: string;
  date_precision: DatePrecision;
  is_online: boolean;
  online_url: string | null;
  address: string | null;
  gmina_teryt: string | null;
  /** Null: no registration through the platform. */
  registration_opens_at: string | null;
  registration_closes_at: string | null;
  who_may_register: string;
  has_step_free_access: boolean;
  has_induction_loop: boolean;
  has_sign_language: boolean;
  accessibility_notes: string;
  /** Where the facts of a seeded (historical) event come from; null for events entered by staff. */
  source: string | null;
  is_published: boolean;
  is_example: boolean;
  personal_data_erased_at: string | null;
  title_sort: string;
  created_at: string;
  updated_at: string;
  created_by: string | null;
}

export interface EventSessionsTable {
  id: string;
  event_id: string;
  title: string;
  starts_at: string;
  ends_at: string;
  speakers: string;
  room: string;
  /** Null: no limit. */
  capacity: number | null;
  /** Places held, confirmed or offered. */
  taken: number;
  created_at: string;
}

export interface EventRegistrationsTable {
  id: string;
  event_id: string;
  name: string | null;
  email: string | null;
  email_norm: string | null;
  institution: string | null;
  participant_type: ParticipantType;
  status: RegistrationStatus;
  confirm_token_hash: string | null;
  manage_token_hash: string | null;
  /** The link of the latest waitlist offer e-mail (the confirmation e-mail's link keeps working). */
  offer_token_hash: string | null;
  hold_expires_at: string;
  confirmed_at: string | null;
  cancelled_at: string | null;
  is_listed_publicly: boolean;
  /**
   * Accessibility needs: special-category (health) data, given with their own consent, shown to the
   * event's organisers only, never in the default export, erased 30 days after the event. JSON array
   * of `AccessNeed`; null when none or erased.
   */
  access_needs: string | null;
  access_notes: string | null;
  has_access_consent: boolean;
  /** Six characters read at the door (unique within the event); not personal data. */
  short_code: string;
  /** The number of the certificate of participation (verification module), given on first download. */
  certificate_number: string | null;
  certificate_issued_at: string | null;
  lang: string;
  is_erased: boolean;
  created_at: string;
  /** Where the registrant comes from: a gmina of the region, outside it, or not asked (older registrations). */
  residence: Generated<Residence>;
  /** The registrant's gmina (erased with the personal data). */
  gmina_teryt: string | null;
  /** Its powiat: kept after the erasure, for the counts per powiat. */
  powiat_teryt: string | null;
}

export type Residence = 'region' | 'outside' | 'unknown';

/** A published library document (portal) shown on an event's page. */
export interface EventDocumentsTable {
  event_id: string;
  document_id: string;
  added_at: string;
}

/** An organiser's e-mail to a session's participants: the record, never the text (that stays in the outbox). */
export interface EventMailingsTable {
  id: string;
  event_id: string;
  session_id: string;
  include_waiting: boolean;
  recipients: number;
  sent_at: string;
  sent_by: string | null;
}

export interface EventPlacesTable {
  id: string;
  registration_id: string;
  session_id: string;
  status: PlaceStatus;
  /** Order in the session's waitlist. */
  queued_at: string;
  offered_at: string | null;
  offer_expires_at: string | null;
  updated_at: string;
}

export interface EventCheckinsTable {
  /** Generated on the device that recorded the check-in. */
  id: string;
  event_id: string;
  registration_id: string;
  /** When the organiser marked the person present (the device's clock). */
  checked_at: string;
  received_at: string;
  received_by: string | null;
}

declare module '../../core/db/schema.js' {
  interface Database {
    events: EventsTable;
    event_sessions: EventSessionsTable;
    event_registrations: EventRegistrationsTable;
    event_places: EventPlacesTable;
    event_checkins: EventCheckinsTable;
    event_documents: EventDocumentsTable;
    event_mailings: EventMailingsTable;
  }
}

export type { Db };
