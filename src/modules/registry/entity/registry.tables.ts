// Tables of the registry module: social economy entities, their places of activity, the history
// of their przedsiębiorstwo społeczne status, marks such as "Zakup Prospołeczny", and the
// field-level history of staff edits.
// The forms of the statutory list of PES (ustawa o ekonomii społecznej, art. 2) plus KGW and OSP,
// which count as NGOs. 'jednostka_budzetowa' was dropped: a budget unit runs as a CIS/ZAZ/WTZ here,
// and the record migration turns any stored value into 'inna'.
import type { Generated } from 'kysely';
export const LEGAL_FORMS = [
  'spoldzielnia_socjalna',
  'spoldzielnia_pracy',
  'spoldzielnia_inwalidow',
  'spoldzielnia_niewidomych',
  'spoldzielnia_produkcji_rolnej',
  'fundacja',
  'stowarzyszenie',
  'kolo_gospodyn_wiejskich',
  'ochotnicza_straz_pozarna',
  'koscielna_osoba_prawna',
  'spolka_non_profit',
  'klub_sportowy_non_profit',
  'cis',
  'kis',
  'zaz',
  'wtz',
  'inna',
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];
/** Units run by a creating body (jednostka tworząca), which must be named on the record. */
export const FORMS_WITH_CREATING_BODY: readonly LegalForm[] = ['cis', 'kis', 'zaz', 'wtz'];
/** Kind of paid activity a PES runs (the PS annual report's list); labels `registry.activityType.*`. */
export const ACTIVITY_TYPES = ['business', 'paid_public_benefit', 'other_paid'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const LIFECYCLES = ['active', 'suspended', 'closed'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export interface EntitiesTable {
  id: string;
  name: string;
  name_sort: string;
  short_name: string | null;
  legal_form: LegalForm;
  creating_body: string | null;
  /** Digits only (normalised), null when unknown. */
  nip: string | null;
  regon: string | null;
  krs: string | null;
  other_register: string | null;
  registration_date: string | null;
  description: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  activity_type: string | null;
  /** JSON array of PKD codes (`88.10.Z`); null when none were given. */
  pkd_codes: string | null;
  /** JSON array of sector names. */
  sectors: string;
  lifecycle: Lifecycle;
  data_source: string | null;
  source_url: string | null;
  /**
   * `YYYY-MM-DD`: the date of the data the record was taken from (the source's date, or the day the
   * record was last checked against a source). Not a check of the entity's activity: see below.
   */
  verified_at: string | null;
  /** `YYYY-MM-DD` a staff member checked that the entity is active (audited); null when nobody has. */
  activity_verified_on: string | null;
  /** The user who made that check. */
  activity_verified_by: string | null;
  /** Seat: 7-digit TERYT of the gmina, null when the source does not name it. */
  gmina_teryt: string | null;
  town: string | null;
  address: string | null;
  search_doc: string;
  /** ` ` + searchDocument(name, short_name); kept by the repository (bounded relevance ranking). */
  name_doc: Generated<string>;
  is_synthetic: boolean;
  /** entityNameKey(name): the folded name that decides suspected duplicates; kept by the repository. */
  name_key: string | null;
  /** Set when staff merged this record into another (it is then closed and its page redirects). */
  merged_into: string | null;
  created_at: string;
  updated_at: string;
}

export interface EntityPlacesTable {
  id: string;
  entity_id: string;
  gmina_teryt: string | null;
  town: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
}

export interface EntityPsStatusTable {
  id: string;
  entity_id: string;
  kind: 'granted' | 'lost';
  ps_type: 'reintegration' | 'social_services' | null;
  decision_number: string | null;
  decision_date: string;
  loss_reason: string | null;
}

export interface EntityMarksTable {
  id: string;
  entity_id: string;
  mark: 'zakup_prospoleczny';
  subject: string | null;
  granted_on: string | null;
  /** The last valid day: stated by the source or staff, or derived from the grant (mark-validity.ts). */
  expires_on: string | null;
  /** True when `expires_on` was derived from `granted_on` (one-year licence), not stated. */
  is_expiry_derived: Generated<boolean>;
  source_url: string | null;
}

export interface EntityChangesTable {
  id: string;
  entity_id: string;
  at: string;
  user_id: string | null;
  field: string;
  old_value: string | null;
  new_value: string | null;
}

/** One row per entity and sector, kept by the repository from `entities.sectors` (sector facet). */
export interface EntitySectorsTable {
  entity_id: string;
  sector_folded: string;
  sector: string;
}

declare module '../../../core/db/schema.js' {
  interface Database {
    entity_sectors: EntitySectorsTable;
    entities: EntitiesTable;
    entity_places: EntityPlacesTable;
    entity_ps_status: EntityPsStatusTable;
    entity_marks: EntityMarksTable;
    entity_changes: EntityChangesTable;
  }
}
