// Tables of the site module: the statutory public holiday rules (reference data used by office
// hours and deadlines) and the institution's logo (one row at most, bytes in the database like every
// stored file).
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

/** The institution's logo shown in every page's header; at most one row (`id` is always `LOGO_ROW`). */
export interface InstitutionLogoTable {
  id: string;
  /** Scaled down on upload and always stored as PNG. */
  content_type: string;
  data: Buffer;
  byte_size: number;
  sha256: string;
  /** Pixel size of the stored image. */
  width: number;
  height: number;
  alt: string;
  created_by: string | null;
  created_at: string;
}

declare module '../../core/db/schema.js' {
  interface Database {
    public_holiday_rules: PublicHolidayRulesTable;
    institution_logo: InstitutionLogoTable;
  }
}
