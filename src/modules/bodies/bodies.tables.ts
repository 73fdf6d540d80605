// Table types of the bodies module (statutory and advisory bodies of the programme), merged into the
// Database interface. A body has terms; a term has seats per statutory category and memberships. A
// membership names a person (a user account or just a name); contact data never leave the staff pages.

export const BODY_TYPES = ['expert_team', 'working_group', 'committee', 'subcommittee', 'certifying_board', 'other'] as const;
export type BodyType = (typeof BODY_TYPES)[number];
export const QUORUM_KINDS = ['fraction', 'count'] as const;
export type QuorumKind = (typeof QUORUM_KINDS)[number];
export const MAJORITIES = ['simple', 'absolute'] as const;
export type Majority = (typeof MAJORITIES)[number];
export const MEMBER_ROLES = ['chair', 'vice_chair', 'secretary', 'member', 'substitute'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
/**
 * Why a membership ended: the end of the term or one of the five statutory grounds of dismissal (art. 56
 * of the Act on the social economy): own request, request of the nominating body, final conviction for an
 * intentional offence, unexcused absence at three consecutive meetings, other justified cases.
 */
export const END_GROUNDS = ['term_end', 'resignation', 'recall', 'conviction', 'absences', 'other'] as const;
export type EndGround = (typeof END_GROUNDS)[number];
/** The categories of seats the Act on the social economy names for the regional committee (RKRES), and "other". */
export const SEAT_CATEGORIES = [
  'marshal_office',
  'voivode',
  'local_government',
  'social_economy_entities',
  'public_benefit_council',
  'cooperative_unions',
  'research_institutes',
  'universities',
  'trade_unions',
  'employers',
  'other',
] as const;
export type SeatCategory = (typeof SEAT_CATEGORIES)[number];

export interface BodiesTable {
  id: string;
  slug: string;
  name: string;
  name_sort: string;
  type: BodyType;
  /** The appointing act, e.g. a resolution of the voivodeship board; null when unknown. */
  legal_basis: string | null;
  /** Markdown. */
  description: string;
  is_composition_public: boolean;
  is_minutes_public: boolean;
  /** False while the body's rules (quorum, majority…) are not known: the rule columns then hold defaults nobody shows. */
  has_rules: boolean;
  quorum_kind: QuorumKind;
  /** For a fraction: numerator / denominator of the members (1/2 = at least half); for a count: quorum_count. */
  quorum_numerator: number | null;
  quorum_denominator: number | null;
  quorum_count: number | null;
  majority: Majority;
  is_substitutes_allowed: boolean;
  is_substitutes_quorum: boolean;
  is_votes_named: boolean;
  /** The OWES subregion a subcommittee watches (territory's `subregions.id`), if any. */
  subregion_id: string | null;
  /** The sources of what the record states (keys and addresses, one per line); empty for staff-entered bodies. */
  sources: string;
  created_at: string;
  updated_at: string;
}

export interface BodyTermsTable {
  id: string;
  body_id: string;
  number: number;
  /** `YYYY-MM-DD`; null when the sources do not give the day. */
  starts_on: string | null;
  ends_on: string | null;
  /** What is known when the days are not, e.g. "od grudnia 2020 r. [K13]". */
  note: string;
  created_at: string;
}

export interface BodySeatsTable {
  id: string;
  term_id: string;
  category: SeatCategory;
  /** The category's name when it is `other`. */
  label: string | null;
  /** How many seats the category has; null while unknown (no vacancies are computed then). */
  seat_count: number | null;
  position: number;
}

export interface BodyMembershipsTable {
  id: string;
  term_id: string;
  seat_id: string;
  user_id: string | null;
  person_name: string;
  role: MemberRole;
  nominating_institution: string;
  starts_on: string | null;
  ends_on: string | null;
  end_ground: EndGround | null;
  appointing_act: string;
  dismissing_act: string | null;
  /** Contact data: staff pages only, never public. */
  email: string | null;
  phone: string | null;
  /** A placeholder of the demo data: labelled on pages, never in the API. */
  is_example: boolean;
  created_at: string;
  updated_at: string;
}

/** One row per term and reminder (90 or 30 days before its end): the job sends each once. */
export interface BodyTermRemindersTable {
  term_id: string;
  days_before: number;
  sent_at: string;
}

export const MEETING_STATUSES = ['planned', 'held', 'minutes_approved', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const ANSWERS = ['attending', 'not_attending', 'substitute'] as const;
export type InvitationAnswer = (typeof ANSWERS)[number];

export interface BodyMeetingsTable {
  id: string;
  body_id: string;
  term_id: string;
  /** ISO UTC instants; shown and entered on the Warsaw clock. */
  starts_at: string;
  ends_at: string;
  place: string;
  online_url: string | null;
  status: MeetingStatus;
  /** iCalendar SEQUENCE: raised on every change members were told about. */
  sequence: number;
  /** Listed on the body's page and in its calendar feed. */
  is_public: boolean;
  /** The last day (Warsaw) members may comment on the draft minutes; null until the draft is published. */
  minutes_comments_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface BodyAgendaItemsTable {
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  presenter: string | null;
  /** False: internal — never on public pages, the public calendar feed, the API or the public minutes. */
  is_public: boolean;
  /** The linked object: a kind contributed under `agendaObjectKinds` and its id there; both null when none. */
  object_kind: string | null;
  object_id: string | null;
}

/** A library document (portal) attached to an agenda item, in order. */
export interface BodyAgendaDocumentsTable {
  agenda_item_id: string;
  document_id: string;
  position: number;
}

/** One member's invitation to a meeting: the answer comes by the signed (random, stored hashed) link or in the member space. */
export interface BodyInvitationsTable {
  id: string;
  meeting_id: string;
  membership_id: string;
  token_hash: string;
  answer: InvitationAnswer | null;
  answered_at: string | null;
  created_at: string;
}

/** A member's attendance at a held meeting (present, excused, unexcused, substitute). */
export interface BodyAttendanceTable {
  meeting_id: string;
  membership_id: string;
  status: 'present' | 'excused' | 'unexcused' | 'substitute';
  substitute_name: string | null;
}

/** Guests of a meeting (experts, staff): listed apart from the members, never counted. */
export interface BodyGuestsTable {
  id: string;
  meeting_id: string;
  name: string;
  position: number;
}

/** The counts of the vote on one agenda item; the result is computed from them and the body's rules. */
export interface BodyVotesTable {
  agenda_item_id: string;
  meeting_id: string;
  votes_for: number;
  votes_against: number;
  votes_abstained: number;
  recorded_at: string;
}

/** The minutes of one agenda item (Markdown), written by the secretary. */
export interface BodyMinutesItemsTable {
  agenda_item_id: string;
  meeting_id: string;
  text: string;
  updated_at: string;
}

/** A member's comment on the draft minutes of one agenda item (one per member and item). */
export interface BodyMinutesCommentsTable {
  id: string;
  meeting_id: string;
  agenda_item_id: string;
  membership_id: string;
  text: string;
  created_at: string;
}

declare module '../../core/db/schema.js' {
  interface Database {
    body_minutes_comments: BodyMinutesCommentsTable;
    body_minutes_items: BodyMinutesItemsTable;
    body_attendance: BodyAttendanceTable;
    body_guests: BodyGuestsTable;
    body_votes: BodyVotesTable;
    body_meetings: BodyMeetingsTable;
    body_agenda_items: BodyAgendaItemsTable;
    body_agenda_documents: BodyAgendaDocumentsTable;
    body_invitations: BodyInvitationsTable;
    bodies: BodiesTable;
    body_terms: BodyTermsTable;
    body_seats: BodySeatsTable;
    body_memberships: BodyMembershipsTable;
    body_term_reminders: BodyTermRemindersTable;
  }
}
