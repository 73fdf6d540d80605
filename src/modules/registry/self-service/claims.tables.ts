// Tables of the registry's self-service: requests to manage an entity ("To mój podmiot") with an
// optional supporting document kept in the database, and representatives' proposals of changes
// that staff verify before they reach the record (identifiers, legal form, PS status, employment).
// A decided claim's document is deleted after a retention period; the claim keeps the date.
// The field-level history gains the proposer, so an accepted proposal names both people.
export const CLAIM_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const PROPOSAL_KINDS = ['identifiers', 'legal_form', 'ps_status', 'employment'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export type ProposalStatus = 'pending' | 'accepted' | 'rejected';

export interface EntityClaimsTable {
  id: string;
  entity_id: string;
  status: ClaimStatus;
  name: string;
  email: string;
  /** Lower-cased e-mail: approval looks the account up by it. */
  email_norm: string;
  role_in_entity: string;
  justification: string | null;
  /** Language of the page the request came from; the answer is written in it. */
  lang: string;
  /** The logged-in account that sent the request, if any. */
  user_id: string | null;
  consent_at: string;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  /** The account that received the representative role on approval. */
  granted_user_id: string | null;
  /** When the retention job deleted the claim's document (its row in `entity_claim_files`). */
  document_erased_at: string | null;
}

export interface EntityClaimFilesTable {
  id: string;
  claim_id: string;
  file_name: string;
  content_type: string;
  byte_size: number;
  sha256: string;
  data: Buffer;
  created_at: string;
}

export interface EntityProposalsTable {
  id: string;
  entity_id: string;
  kind: ProposalKind;
  /** JSON object with the proposed values (already checked when proposed). */
  payload: string;
  comment: string | null;
  status: ProposalStatus;
  proposer_id: string;
  proposer_name: string;
  proposer_email: string;
  proposer_lang: string;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
}

declare module '../entity/registry.tables.js' {
  interface EntityChangesTable {
    /** Who proposed the change when staff accepted a representative's proposal (user_id verified it). */
    proposed_by: string | null;
  }
}

declare module '../../../core/db/schema.js' {
  interface Database {
    entity_claims: EntityClaimsTable;
    entity_claim_files: EntityClaimFilesTable;
    entity_proposals: EntityProposalsTable;
  }
}
