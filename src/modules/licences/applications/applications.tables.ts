// Tables of the licences module's applications: rules editions (thresholds and the day each took
// effect; the current one seeded from its sources), applications for one or more of an entity's
// offers with their PDF attachments, the Kapituła members' per-criterion assessments and their
// conflict-of-interest declarations.
import type { Generated } from 'kysely';

export interface LicenceRuleEditionsTable {
  id: string;
  /** The first day the edition applies; null: not known (the seeded edition: no source gives it). */
  effective_from: string | null;
  min_own_revenue_pct: number;
  min_offer_months: number;
  min_market_months: number;
  /** Where the thresholds come from: one "KEY address" per line. */
  sources: string;
  created_by: string | null;
  created_at: string;
}

export const APPLICATION_STATUSES = ['draft', 'submitted', 'needs_completion', 'in_assessment', 'granted', 'refused'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** What the Kapituła assesses, per the sources [K85][K86][K87]. */
export const CRITERIA = ['legal_form', 'social_aims', 'market_time', 'own_revenue', 'offer_time'] as const;
export type Criterion = (typeof CRITERIA)[number];

export interface LicenceApplicationsTable {
  id: string;
  entity_id: string;
  /** The rules edition in force on the day of (the last) submission: the one it is judged under. */
  edition_id: string | null;
  status: ApplicationStatus;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  /** The last accounting period, as the applicant names it (e.g. "2026"). */
  revenue_period: string;
  /** Own revenue share in tenths of a percent (305 = 30.5 %); null: not given yet. */
  own_revenue_tenths: number | null;
  offer_months: number | null;
  market_months: number | null;
  is_declared: Generated<boolean>;
  /** Staff's message when the formal check asks for completion. */
  formal_message: string | null;
  decision: 'granted' | 'refused' | null;
  meeting_on: string | null;
  justification: string | null;
  decided_by: string | null;
  submitted_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface LicenceApplicationOffersTable {
  application_id: string;
  offer_id: string;
}

export interface LicenceApplicationFilesTable {
  id: string;
  application_id: string;
  file_name: string;
  byte_size: number;
  sha256: string;
  data: Buffer;
  created_at: string;
}

export interface LicenceAssessmentsTable {
  application_id: string;
  user_id: string;
  criterion: Criterion;
  meets: boolean;
  opinion: string;
  updated_at: string;
}

export interface LicenceConflictsTable {
  application_id: string;
  user_id: string;
  declared_at: string;
}

declare module '../../../core/db/schema.js' {
  interface Database {
    licence_rule_editions: LicenceRuleEditionsTable;
    licence_applications: LicenceApplicationsTable;
    licence_application_offers: LicenceApplicationOffersTable;
    licence_application_files: LicenceApplicationFilesTable;
    licence_assessments: LicenceAssessmentsTable;
    licence_conflicts: LicenceConflictsTable;
  }
}
