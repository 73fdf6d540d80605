// Table types of the consultations module, merged into the Database interface. A consultation
// keeps its own copy of the consulted text (and later of the next version), so a programme version
// edited afterwards never changes what people commented on.
import type { Database as Db } from '../../core/db/schema.js';

export type CommentAuthorKind = 'person' | 'organisation';
export type CommentStatus = 'unconfirmed' | 'confirmed';
export type ResponseKind = 'accepted' | 'partly_accepted' | 'not_accepted' | 'explanation';
export type WhoMayComment = 'everyone' | 'organisations';
export type TextKind = 'consulted' | 'next';

export interface ConsultationsTable {
  id: string;
  title: string;
  description: string;
  who_may_comment: WhoMayComment;
  starts_at: string;
  ends_at: string;
  /** The programme version the consulted text was copied from, if any. */
  source_version_id: string | null;
  /** The programme version the next text was taken from, if any. */
  next_version_id: string | null;
  next_text_at: string | null;
  /** JSON array of library document ids (portal). */
  document_ids: string;
  is_published: boolean;
  is_comments_public: boolean;
  is_report_published: boolean;
  report_published_at: string | null;
  /** When the retention job erased the private persons' data. */
  personal_data_erased_at: string | null;
  title_sort: string;
  created_at: string;
  updated_at: string;
  created_by: string | null;
}

export interface ConsultationSectionsTable {
  id: string;
  consultation_id: string;
  text_kind: TextKind;
  position: number;
  number: string;
  heading: string;
  body: string;
}

/** Versions of the information clause on personal data; a comment records the one accepted. */
export interface ConsultationClausesTable {
  id: string;
  consultation_id: string;
  version: number;
  body: string;
  created_at: string;
  created_by: string | null;
}

export interface ConsultationResponsesTable {
  id: string;
  consultation_id: string;
  kind: ResponseKind;
  justification: string;
  responded_at: string;
  responded_by: string | null;
}

export interface ConsultationCommentsTable {
  id: string;
  consultation_id: string;
  /** Null for a comment on the whole document. */
  section_id: string | null;
  proposed_change: string | null;
  justification: string;
  author_kind: CommentAuthorKind;
  first_name: string | null;
  last_name: string | null;
  organisation_name: string | null;
  acting_person: string | null;
  email: string | null;
  email_norm: string | null;
  /** Same for every confirmed comment of one e-mail address in a consultation; survives erasure. */
  author_ref: string | null;
  clause_id: string;
  status: CommentStatus;
  /** sha256 of the e-mailed token; kept so the author can ask for erasure later. */
  token_hash: string | null;
  token_expires_at: string;
  confirmed_at: string | null;
  is_hidden: boolean;
  hidden_reason: string | null;
  hidden_at: string | null;
  response_id: string | null;
  erasure_requested_at: string | null;
  is_erased: boolean;
  lang: string;
  /**
   * The one-time value of the form the comment came from: a resubmission of the same form (its
   * answer lost to a dropped connection, a crash, a double click) is recognised, not stored twice.
   */
  submission_key: string | null;
  created_at: string;
}

declare module '../../core/db/schema.js' {
  interface Database {
    consultations: ConsultationsTable;
    consultation_sections: ConsultationSectionsTable;
    consultation_clauses: ConsultationClausesTable;
    consultation_responses: ConsultationResponsesTable;
    consultation_comments: ConsultationCommentsTable;
  }
}

export type { Db };
