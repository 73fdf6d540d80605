// Tables of the site module: the statutory public holiday rules (reference data used by office
// hours and deadlines).
export interface PublicHolidayRulesTable {
  id: string;
  name_pl: string;
  /** `fixed` (month_day) or `easter` (easter_offset_days from Easter Sunday). */
  rule_type: 'fixed' | 'easter';
  month_day: string | null;
  easter_offset_days: number | null;
  /** First day the rule applies (Trzech Króli from 2011, Wigilia from 2025). */
  valid_from: string | null;
}

declare module '../../core/db/schema.js' {
  interface Database {
    public_holiday_rules: PublicHolidayRulesTable;
  }
}
