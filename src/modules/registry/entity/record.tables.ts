// Table of the staff record screens: employment figures per entity and year. They are staff-only
// aggregates (never shown publicly) kept so the statutory PS conditions can be checked each year.
export interface EntityEmploymentTable {
  id: string;
  entity_id: string;
  year: number;
  /** Everyone working for the entity, on any contract (including civil-law contracts). */
  headcount: number;
  /** Persons on umowa o pracę or spółdzielcza umowa o pracę. */
  employees: number;
  /** FTE of those employees, in hundredths (275 = 2.75 FTE). */
  fte_hundredths: number;
  /** Employees (as above) at ≥ ½ FTE each. */
  employees_half_time: number;
  /** Employees who are persons at risk of social exclusion. */
  at_risk: number;
  /** At-risk employees at ≥ ½ FTE each. */
  at_risk_half_time: number;
  /** JSON object: at-risk category → number of employees (one person may fall in several). */
  at_risk_categories: string;
  source: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../../../core/db/schema.js' {
  interface Database {
    entity_employment: EntityEmploymentTable;
  }
}
