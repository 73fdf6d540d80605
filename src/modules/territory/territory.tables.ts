// Tables of the territory module: TERYT units of the voivodeship and their boundaries, the OWES
// subregions (a grouping of powiaty that changes between funding periods, hence validity dates),
// statistics per gmina uploaded by coordinators, and uploads waiting for confirmation.
export interface TerritorialUnitsTable {
  /** 2 digits (województwo), 4 (powiat) or 7 (gmina, including the type digit). */
  teryt: string;
  kind: 'wojewodztwo' | 'powiat' | 'gmina';
  name: string;
  /** Polish collation key of `name` (core/db/collation). */
  name_sort: string;
  /** 1 urban, 2 rural, 3 urban-rural; null for powiaty and the województwo. */
  gmina_type: number | null;
  parent_teryt: string | null;
}

export interface UnitBoundariesTable {
  teryt: string;
  /** GeoJSON geometry (WGS84) as text. */
  geometry: string;
}

export interface SubregionsTable {
  id: string;
  /** Short stable key, e.g. `torun`; unique together with `valid_from`. */
  code: string;
  name_pl: string;
  name_en: string;
  /** First day of validity, `YYYY-MM-DD` (Polish calendar day). */
  valid_from: string;
  /** Last day of validity (inclusive), `YYYY-MM-DD`; null while open-ended. */
  valid_to: string | null;
  created_at: string;
  updated_at: string;
}

export interface SubregionMembersTable {
  subregion_id: string;
  powiat_teryt: string;
}

/** The statistics the platform knows how to use; each row of an upload may carry any of them. */
export const STAT_MEASURES = ['population', 'registered_unemployed', 'social_assistance'] as const;
export type StatMeasure = (typeof STAT_MEASURES)[number];

export interface GminaStatisticsTable {
  teryt: string;
  year: number;
  measure: StatMeasure;
  /** A count of people (whole number, never negative). */
  value: number;
  /** Where the figure comes from, as typed by the coordinator (e.g. "GUS BDL, stan na 31 XII 2023"). */
  source: string;
  uploaded_at: string;
  /** Id of the user who confirmed the upload (kept as text: accounts may be anonymised later). */
  uploaded_by: string | null;
}

/** A parsed CSV kept between the preview and the confirmation, so nothing is saved before "Zapisz". */
export interface TerritoryStatUploadsTable {
  id: string;
  created_at: string;
  created_by: string | null;
  file_name: string;
  source: string;
  /** JSON of the parse result (rows that would be saved, problems per row). */
  payload: string;
}

declare module '../../core/db/schema.js' {
  interface Database {
    territorial_units: TerritorialUnitsTable;
    unit_boundaries: UnitBoundariesTable;
    subregions: SubregionsTable;
    subregion_members: SubregionMembersTable;
    gmina_statistics: GminaStatisticsTable;
    territory_stat_uploads: TerritoryStatUploadsTable;
  }
}
