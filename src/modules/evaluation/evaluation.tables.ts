// Tables of the evaluation module: evaluation studies of a programme, their recommendations with
// links to programme elements and indicators, the management response, planned actions and the
// progress ratings (owner's proposal and coordinator's validation, both kept), and the record of
// digests sent. Calendar days are `YYYY-MM-DD` text; moments are ISO UTC text.

export const STUDY_TYPES = ['ex_ante', 'mid_term', 'ex_post', 'thematic'] as const;
export type StudyType = (typeof STUDY_TYPES)[number];

export const CRITERIA = ['relevance', 'coherence', 'effectiveness', 'efficiency', 'impact', 'sustainability'] as const;
export type Criterion = (typeof CRITERIA)[number];

export const RESPONSE_KINDS = ['accepted', 'partly_accepted', 'not_accepted'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The five-point scale of progress (World Bank IEG MAR), plus "not rated". */
export const RATINGS = ['complete', 'high', 'substantial', 'moderate', 'negligible', 'not_rated'] as const;
export type Rating = (typeof RATINGS)[number];

export const CLOSURES = ['closed', 'abandoned'] as const;
export type Closure = (typeof CLOSURES)[number];

export interface EvaluationStudiesTable {
  id: string;
  title: string;
  study_type: StudyType;
  programme_id: string | null;
  version_id: string | null;
  commissioning_unit: string | null;
  contractor: string | null;
  /** The year of the study when only the year is known (the seeded ex-ante of 2013). */
  study_year: number | null;
  commissioned_on: string | null;
  delivered_on: string | null;
  accepted_on: string | null;
  method_summary: string | null;
  /** JSON array of criteria covered. */
  criteria: string;
  report_document_id: string | null;
  summary_document_id: string | null;
  /** What is known and where it comes from (sources cited), and what is not known. */
  source_note: string | null;
  is_published: boolean;
  is_example: boolean;
  title_sort: string;
  created_at: string;
  updated_at: string;
}

export interface EvaluationRecommendationsTable {
  id: string;
  study_id: string;
  /** As printed in the report, e.g. `1`, `R3`. */
  number: string;
  position: number;
  finding: string;
  text: string;
  addressee: string;
  proposed_way: string | null;
  deadline: string | null;
  /** Overrides the default (study accepted + 30 days). */
  response_due_on: string | null;
  response_kind: ResponseKind | null;
  response_text: string | null;
  response_reason: string | null;
  responded_on: string | null;
  closure: Closure | null;
  closure_note: string | null;
  closure_evidence: string | null;
  closed_on: string | null;
  closed_by: string | null;
  is_example: boolean;
  created_at: string;
  updated_at: string;
}

/** A programme element (goal, action) or an indicator a recommendation concerns. */
export interface EvaluationRecommendationLinksTable {
  id: string;
  recommendation_id: string;
  target_kind: 'element' | 'indicator';
  target_id: string;
}

export interface EvaluationActionsTable {
  id: string;
  recommendation_id: string;
  description: string;
  owner_unit: string;
  owner_person: string;
  deadline: string;
  status: ActionStatus;
  completed_on: string | null;
  created_at: string;
  updated_at: string;
}

/** One rating round: the owner's proposal with evidence, and later the coordinator's validation. */
export interface EvaluationRatingsTable {
  id: string;
  recommendation_id: string;
  proposed_rating: Rating;
  evidence_text: string | null;
  evidence_link: string | null;
  evidence_document_id: string | null;
  proposed_by: string | null;
  proposed_at: string;
  validated_rating: Rating | null;
  validation_note: string | null;
  validated_by: string | null;
  validated_at: string | null;
}

/** One digest per coordinator and Warsaw day: a second run of the job sends nothing. */
export interface EvaluationDigestsTable {
  id: string;
  user_id: string;
  day: string;
  items: number;
  sent_at: string;
}

declare module '../../core/db/schema.js' {
  interface Database {
    evaluation_studies: EvaluationStudiesTable;
    evaluation_recommendations: EvaluationRecommendationsTable;
    evaluation_recommendation_links: EvaluationRecommendationLinksTable;
    evaluation_actions: EvaluationActionsTable;
    evaluation_ratings: EvaluationRatingsTable;
    evaluation_digests: EvaluationDigestsTable;
  }
}
