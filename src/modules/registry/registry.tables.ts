// Tables of the registry module: social economy entities, their places of activity, the history
// of their przedsiębiorstwo społeczne status, marks such as "Zakup Prospołeczny", and the
// field-level history of staff edits.
export const LEGAL_FORMS = ['spoldzielnia_socjalna', 'fundacja', 'stowarzyszenie', 'spolka_non_profit', 'cis', 'kis', 'zaz', 'wtz', 'jednostka_budzetowa', 'inna'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];
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
  /** JSON array of sector names. */
  sectors: string;
  lifecycle: Lifecycle;
  data_source: string | null;
  source_url: string | null;
  /** `YYYY-MM-DD` of the last check against a source. */
  verified_at: string | null;
  /** Seat: 7-digit TERYT of the gmina, null when the source does not name it. */
  gmina_teryt: string | null;
  town: string | null;
  address: string | null;
  search_doc: string;
  is_synthetic: boolean;
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
  expires_on: string | null;
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

declare module '../../core/db/schema.js' {
  interface Database {
    entities: EntitiesTable;
    entity_places: EntityPlacesTable;
    entity_ps_status: EntityPsStatusTable;
    entity_marks: EntityMarksTable;
    entity_changes: EntityChangesTable;
  }
}
