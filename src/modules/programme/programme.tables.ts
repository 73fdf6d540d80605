// Tables of the programme module: the regional social economy programme as data — its life cycle,
// versions of its text (numbered sections) and the objective tree with budget frames. Indicators,
// monitoring and annual reports are the indicators module's (src/modules/indicators/indicators.tables.ts).
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

declare module '../../core/db/schema.js' {
  interface Database {
    programmes: ProgrammesTable;
    programme_status_events: ProgrammeStatusEventsTable;
    programme_versions: ProgrammeVersionsTable;
    programme_sections: ProgrammeSectionsTable;
    programme_elements: ProgrammeElementsTable;
    programme_budget_lines: ProgrammeBudgetLinesTable;
  }
}
