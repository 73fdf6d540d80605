// Tables of the support module: the support centres (OWES) with their partnership, the subregions
// they serve for a period (by the territory subregion's stable code, so a new funding period of the
// same area needs no new link), offices with opening hours in the institution's form, public contacts,
// services, the accreditation history, the reminders already sent for it, and the requests of the
// "Chcę założyć podmiot" form (personal data erased after a period, the count kept).
export interface SupportCentresTable {
  id: string;
  name: string;
  /** Polish collation key of `name` (core/db/collation). */
  name_sort: string;
  website: string | null;
  /** Where incoming "Chcę założyć podmiot" requests go; null while staff have not set it. */
  leads_email: string | null;
  /** The published sources of the centre's facts (addresses, one per line), shown on its page. */
  sources: string;
  /** Example data (demo seed): labelled in every output. */
  is_example: boolean;
  created_at: string;
  updated_at: string;
}

export interface SupportCentrePartnersTable {
  id: string;
  centre_id: string;
  /** `member`: in the partnership, its role not known from the sources. */
  role: 'lead' | 'partner' | 'member';
  name: string;
  /** The registry entity this partner is, when it is in the registry. */
  entity_id: string | null;
  position: number;
}

export interface SupportCentreAreasTable {
  id: string;
  centre_id: string;
  /** `subregions.code` of the territory module. */
  subregion_code: string;
  /** First day served, `YYYY-MM-DD`. */
  valid_from: string;
  /** Last day served (inclusive), null while open-ended. */
  valid_to: string | null;
}

export interface SupportCentreOfficesTable {
  id: string;
  centre_id: string;
  street: string;
  postal_code: string;
  city: string;
  /** 7-digit TERYT of the office's gmina. */
  gmina_teryt: string;
  /** JSON of the site module's WeeklyHours; null while the hours are not known. */
  hours: string | null;
  phone: string | null;
  email: string | null;
  position: number;
}

export interface SupportCentreContactsTable {
  id: string;
  centre_id: string;
  /** A function, not a person ("doradca biznesowy", "animator"). */
  function_name: string;
  email: string | null;
  phone: string | null;
  position: number;
}

export interface SupportCentreServicesTable {
  centre_id: string;
  service: string;
}

export interface SupportAccreditationsTable {
  id: string;
  centre_id: string;
  decision_number: string;
  /** Date of the decision; null when the source does not give it. */
  decision_date: string | null;
  valid_from: string;
  valid_to: string;
  granting_body: string;
  created_at: string;
}

/** One row per reminder sent, so the daily job sends each one once. */
export interface SupportAccreditationRemindersTable {
  accreditation_id: string;
  days_before: number;
  sent_at: string;
}

export interface SupportLeadsTable {
  id: string;
  centre_id: string;
  subregion_code: string;
  gmina_teryt: string;
  /** `YYYY-MM` (Warsaw) for the counts. */
  month: string;
  created_at: string;
  name: string | null;
  email: string | null;
  message: string | null;
  erased_at: string | null;
}

declare module '../../core/db/schema.js' {
  interface Database {
    support_centres: SupportCentresTable;
    support_centre_partners: SupportCentrePartnersTable;
    support_centre_areas: SupportCentreAreasTable;
    support_centre_offices: SupportCentreOfficesTable;
    support_centre_contacts: SupportCentreContactsTable;
    support_centre_services: SupportCentreServicesTable;
    support_accreditations: SupportAccreditationsTable;
    support_accreditation_reminders: SupportAccreditationRemindersTable;
    support_leads: SupportLeadsTable;
  }
}
