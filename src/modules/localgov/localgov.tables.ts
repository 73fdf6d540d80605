// Tables of the localgov module: per local government (gmina or powiat, by TERYT) and year, what it
// did with the social economy — a local programme or strategy section, a team or coordinator, social
// clauses in public procurement, public tasks commissioned to PES, other forms — entered by staff
// with the source of the values. Every field may be unknown (null): unknown is never shown as "no".
export type YesNo = 'yes' | 'no';

export interface LocalgovCooperationTable {
  id: string;
  /** 7-digit gmina or 4-digit powiat TERYT. */
  unit_teryt: string;
  year: number;
  programme: YesNo | null;
  programme_title: string | null;
  /** `YYYY-MM-DD` of the document's adoption. */
  programme_date: string | null;
  programme_url: string | null;
  coordinator: YesNo | null;
  clauses_count: number | null;
  /** Whole złoty. */
  clauses_value_pln: number | null;
  /** Kinds of clauses used, comma-separated from `reserved`, `employment`, `other`; null when unknown. */
  clause_kinds: string | null;
  tasks_count: number | null;
  tasks_value_pln: number | null;
  other_forms: string | null;
  /** JSON array of the registry ids of entities the unit founded or co-founded; null when unknown. */
  founded_entity_ids: string | null;
  /** Where the values come from (e.g. "ankieta ROPS 2025", "BIP gminy, uchwała nr …"). */
  source: string;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export const AWARDS = ['friendly', 'developing'] as const;
export const AWARD_LEVELS = ['silver', 'gold'] as const;
export const AWARD_RANKS = ['laureate', 'distinction'] as const;

/** A local government's award in an edition of the Forum's competition (entered by staff, audited). */
export interface LocalgovAwardsTable {
  id: string;
  edition_year: number;
  /** `friendly`: "Samorząd Przyjazny ES"; `developing`: "Samorząd Rozwijający ES". */
  award: (typeof AWARDS)[number];
  /** Silver or gold ("Samorząd Rozwijający ES"); null when the award has no levels. */
  level: (typeof AWARD_LEVELS)[number] | null;
  rank: (typeof AWARD_RANKS)[number];
  unit_teryt: string;
  note: string | null;
  source: string;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export const PRACTICE_MEASURES = ['programme', 'coordinator', 'clauses', 'tasks', 'founding', 'other'] as const;

/** A good practice: a short article on what a local government did, with the entities involved. */
export interface LocalgovPracticesTable {
  id: string;
  title: string;
  body: string;
  unit_teryt: string;
  measure: (typeof PRACTICE_MEASURES)[number];
  /** JSON array of registry entity ids. */
  entity_ids: string;
  source: string;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export const SURVEY_ANSWER_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type SurveyAnswerStatus = (typeof SURVEY_ANSWER_STATUSES)[number];

/**
 * A local government's text answers to the annual survey for one year (one per unit and year): the
 * programme document, the kinds of social clauses, other forms of cooperation and the entities it
 * founded. The partner drafts and submits; staff approve (the answers then fill the year's record)
 * or return them with a message.
 */
export interface LocalgovSurveyAnswersTable {
  id: string;
  unit_teryt: string;
  year: number;
  status: SurveyAnswerStatus;
  programme_title: string | null;
  programme_date: string | null;
  programme_url: string | null;
  /** Comma-separated from `reserved`, `employment`, `other`; null when not answered. */
  clause_kinds: string | null;
  other_forms: string | null;
  /** JSON array of registry entity ids (chosen by name); null when not answered. */
  founded_entity_ids: string | null;
  /** Staff's message when they returned the answers. */
  return_message: string | null;
  submitted_by: string | null;
  submitted_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

declare module '../../core/db/schema.js' {
  interface Database {
    localgov_cooperation: LocalgovCooperationTable;
    localgov_awards: LocalgovAwardsTable;
    localgov_practices: LocalgovPracticesTable;
    localgov_survey_answers: LocalgovSurveyAnswersTable;
  }
}
