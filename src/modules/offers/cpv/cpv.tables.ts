// The CPV vocabulary loaded from the official file an operator provides (`spojnia import cpv FILE`):
// one row per code with its Polish label (and the English one when the file has it).

export interface CpvCodesTable {
  /** `NNNNNNNN-C`, check digit verified (offers.categories.ts). */
  code: string;
  label_pl: string;
  label_en: string | null;
  updated_at: string;
}

declare module '../../../core/db/schema.js' {
  interface Database {
    cpv_codes: CpvCodesTable;
  }
}
