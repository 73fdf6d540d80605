// Tables of the territory module: TERYT units of the voivodeship and their boundaries.
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

declare module '../../core/db/schema.js' {
  interface Database {
    territorial_units: TerritorialUnitsTable;
    unit_boundaries: UnitBoundariesTable;
  }
}
