// Tables of the indicators module: indicators of a programme with targets and values (per year and
// territory, with their history), monitoring rounds in which partners report values, and the
// narratives and publication state of annual reports. The programme's first migration created them
// (programme/migrations/, key 202612100010_programme), so databases in the field keep that record.
// Years are integers; calendar days are `YYYY-MM-DD` text; moments are ISO UTC text.

import type { ColumnType } from 'kysely';

export const INDICATOR_TYPES = ['output', 'result', 'context'] as const;
export const INDICATOR_DIRECTIONS = ['increase', 'decrease'] as const;
export const INDICATOR_BREAKDOWNS = ['none', 'powiat', 'gmina', 'subregion'] as const;
export const INDICATOR_METHODS = ['reported', 'computed'] as const;
export type IndicatorBreakdown = (typeof INDICATOR_BREAKDOWNS)[number];

export interface IndicatorsTable {
  id: string;
  programme_id: string;
  /** E.g. `W1.1`; unique per programme; used in URLs and the API. */
  code: string;
  name: string;
  description: string | null;
  unit: string;
  type: (typeof INDICATOR_TYPES)[number];
  baseline_value: number | null;
  baseline_year: number | null;
  direction: (typeof INDICATOR_DIRECTIONS)[number];
  /** `annual` for now; kept as text for half-yearly or multi-year indicators. */
  frequency: string;
  data_source: string | null;
  responsible_partner: string | null;
  breakdown: IndicatorBreakdown;
  method: (typeof INDICATOR_METHODS)[number];
  /** Key of the computed formula in the formula catalogue (method = computed). */
  formula: string | null;
  /** JSON object of the formula's parameters (e.g. registry filters). */
  formula_params: string;
  position: number;
  /** Example indicator of the demo: its values are labelled "przykładowe dane". */
  is_example: boolean;
  /** Values may be below zero (e.g. a change or a balance); otherwise a negative value is refused. */
  is_negative_allowed: boolean;
  /** A count of people: public outputs show values below 3 only as "<3" (indicators.privacy.ts); false unless given. */
  is_small_count_suppressed: ColumnType<boolean, boolean | undefined, boolean>;
}

/** Which structure elements an indicator measures. */
export interface IndicatorElementsTable {
  indicator_id: string;
  element_id: string;
}

export interface IndicatorTargetsTable {
  id: string;
  indicator_id: string;
  year: number;
  value: number;
  /** An invented target (of an example indicator): shown as "przykładowe dane" wherever targets appear. */
  is_example: boolean;
}

export const VALUE_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

/** The region as a whole in `territory_code`. */
export const WHOLE_REGION = 'region';

/** The whole year in a `quarter` column; 1–4 are the quarters of the year. */
export const WHOLE_YEAR = 0;
export const QUARTERS = [1, 2, 3, 4] as const;

/**
 * A value per period (year, or a quarter of it) and territory. Unique (indicator_id, period, quarter,
 * territory_code). A quarter's value is reported in a quarterly round; the year's value (quarter 0)
 * of a cell reported by quarters is the sum of its approved quarters (indicators.values.ts).
 */
export interface IndicatorValuesTable {
  id: string;
  indicator_id: string;
  period: number;
  /** 0: the whole year; 1–4: a quarter of it. */
  quarter: ColumnType<number, number | undefined, number>;
  /** `region`, a powiat/gmina TERYT code or a subregion's stable code (e.g. `torun`), per the indicator's breakdown. */
  territory_code: string;
  value: number | null;
  source: string | null;
  comment: string | null;
  status: ValueStatus;
  return_reason: string | null;
  round_id: string | null;
  /** Computed from the platform's data; snapshotted when its period is closed. */
  is_computed: boolean;
  /** Demo data, shown as "przykładowe dane". */
  is_example: boolean;
  entered_by: string | null;
  approved_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Every change of a value: who, when, what status and number it had afterwards. */
export interface IndicatorValueHistoryTable {
  id: string;
  value_id: string;
  at: string;
  user_id: string | null;
  /** `saved`, `submitted`, `approved`, `returned`, `computed`, `snapshot`. */
  action: string;
  status: ValueStatus;
  value: number | null;
  comment: string | null;
}

export interface MonitoringRoundsTable {
  id: string;
  programme_id: string;
  name: string;
  /** The year the round reports on. */
  period: number;
  /** 0: the round reports on the whole year; 1–4: on that quarter of it. */
  quarter: ColumnType<number, number | undefined, number>;
  /** Last day to submit (Europe/Warsaw). */
  deadline: string;
  status: 'open' | 'closed';
  created_by: string | null;
  created_at: string;
  closed_at: string | null;
}

export interface MonitoringRoundIndicatorsTable {
  round_id: string;
  indicator_id: string;
}

/** Reminders already sent, so the daily job sends each once. */
export interface MonitoringRemindersTable {
  id: string;
  round_id: string;
  /** `7d`, `1d`. */
  kind: string;
  user_id: string;
  sent_at: string;
}

/** What was done under an element in a year: the coordinator's paragraphs for the annual report. */
export interface ReportNarrativesTable {
  id: string;
  element_id: string;
  year: number;
  body: string;
  updated_by: string | null;
  updated_at: string;
}

export interface AnnualReportsTable {
  id: string;
  programme_id: string;
  year: number;
  status: 'draft' | 'published';
  published_at: string | null;
  published_by: string | null;
}

/**
 * The stored figures of computed indicators for the years not closed yet, per year and territory:
 * refreshed after writes to what their formulas count and by a scheduled job, never on a page view
 * (indicators/computed/). A closed year's figures are snapshotted into indicator_values instead.
 */
export interface IndicatorComputedValuesTable {
  indicator_id: string;
  period: number;
  territory_code: string;
  value: number;
  /** The day the figure describes: 31 December for a past year, the refresh day for the current one. */
  as_of: string;
  /** Synthetic example records (or an example indicator) contributed to the figure. */
  is_example: boolean;
  /** When it was counted (ISO UTC). */
  refreshed_at: string;
}

/**
 * One row per computed indicator that has been counted: when, and for which definition (formula,
 * parameters, breakdown and period; a changed definition makes the stored figures stale). An
 * indicator without a row has not been counted yet (its page says the figures are being computed).
 */
export interface IndicatorComputedRefreshesTable {
  indicator_id: string;
  refreshed_at: string;
  /** The Warsaw day of the refresh: the day the current year's figures describe. */
  as_of: string;
  signature: string;
}

/** A generated annual report (PDF or DOCX) per content version: generated once, then served from here. */
export interface AnnualReportFilesTable {
  /** Hash of everything the document is made of (the content version), also the ETag. */
  version: string;
  programme_id: string;
  year: number;
  format: 'pdf' | 'docx';
  data: Buffer;
  created_at: string;
}

declare module '../../core/db/schema.js' {
  interface Database {
    indicators: IndicatorsTable;
    indicator_elements: IndicatorElementsTable;
    indicator_targets: IndicatorTargetsTable;
    indicator_values: IndicatorValuesTable;
    indicator_value_history: IndicatorValueHistoryTable;
    monitoring_rounds: MonitoringRoundsTable;
    monitoring_round_indicators: MonitoringRoundIndicatorsTable;
    monitoring_reminders: MonitoringRemindersTable;
    report_narratives: ReportNarrativesTable;
    annual_reports: AnnualReportsTable;
    indicator_computed_values: IndicatorComputedValuesTable;
    indicator_computed_refreshes: IndicatorComputedRefreshesTable;
    annual_report_files: AnnualReportFilesTable;
  }
}
