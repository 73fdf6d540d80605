// Tables of the programme module: the regional social economy programme as data — its life cycle,
// versions of its text (numbered sections), the objective tree with budget frames, indicators with
// targets and values, monitoring rounds, and the narratives and publication state of annual reports.
// Years are integers; calendar days are `YYYY-MM-DD` text; moments are ISO UTC text.

export const PROGRAMME_STATUSES = ['draft', 'consultation', 'ex_ante', 'adopted', 'implementation', 'closed'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export interface ProgrammesTable {
  id: string;
  /** Public address segment: `/program/{slug}`. */
  slug: string;
  title: string;
  short_name: string | null;
  period_from: number;
  period_to: number;
  legal_basis: string | null;
  /** JSON array of strings: strategies the programme is aligned with (e.g. KPRES and its areas). */
  alignment: string;
  responsible_institution: string | null;
  /** Markdown summary shown on the public page. */
  summary: string | null;
  status: ProgrammeStatus;
  /** Set when adopted. */
  adopted_by: string | null;
  resolution_number: string | null;
  adopted_on: string | null;
  /** The programme `/program` shows; at most one is current. */
  is_current: boolean;
  created_at: string;
  updated_at: string;
}

export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** One dated transition of the life cycle; the public timeline is this list. */
export interface ProgrammeStatusEventsTable {
  id: string;
  programme_id: string;
  status: ProgrammeStatus;
  /**
   * The day it happened (may be in the past for historical programmes). When only the year or month
   * is known, a day inside it that keeps the timeline's order; `date_precision` says what to show.
   */
  occurred_on: string;
  /** How much of `occurred_on` is known: historical events are sometimes dated only by year or month. */
  date_precision: DatePrecision;
  note: string | null;
  user_id: string | null;
  created_at: string;
}

export const VERSION_SOURCES = ['manual', 'markdown', 'docx'] as const;
export type VersionSource = (typeof VERSION_SOURCES)[number];

export interface ProgrammeVersionsTable {
  id: string;
  programme_id: string;
  /** 1, 2, 3… per programme. */
  number: number;
  label: string;
  source: VersionSource;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface ProgrammeSectionsTable {
  id: string;
  version_id: string;
  position: number;
  /** Numbering as printed, e.g. `1.2`. */
  number: string;
  heading: string;
  /** Markdown. */
  body: string;
}

export const ELEMENT_KINDS = ['main_goal', 'specific_goal', 'action', 'task'] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

/** A node of the objective tree: main goal → specific goals/priorities → actions → tasks. */
export interface ProgrammeElementsTable {
  id: string;
  programme_id: string;
  parent_id: string | null;
  kind: ElementKind;
  /** E.g. `1.2.3`; unique per programme. */
  code: string;
  title: string;
  description: string | null;
  responsible: string | null;
  partners: string | null;
  year_from: number | null;
  year_to: number | null;
  /** Order among siblings. */
  position: number;
  /** True when the element is an illustrative example, not the adopted text (shown as such). */
  is_example: boolean;
}

/** Budget frame of an element: whole PLN per year and source of funds. */
export interface ProgrammeBudgetLinesTable {
  id: string;
  element_id: string;
  year: number;
  source: string;
  amount_pln: number;
}

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
}

export const VALUE_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

/** The region as a whole in `territory_code`. */
export const WHOLE_REGION = 'region';

/** A value per period (year) and territory. Unique (indicator_id, period, territory_code). */
export interface IndicatorValuesTable {
  id: string;
  indicator_id: string;
  period: number;
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

declare module '../../core/db/schema.js' {
  interface Database {
    programmes: ProgrammesTable;
    programme_status_events: ProgrammeStatusEventsTable;
    programme_versions: ProgrammeVersionsTable;
    programme_sections: ProgrammeSectionsTable;
    programme_elements: ProgrammeElementsTable;
    programme_budget_lines: ProgrammeBudgetLinesTable;
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
  }
}
