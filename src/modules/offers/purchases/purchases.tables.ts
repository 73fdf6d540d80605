// Tables of the purchase share for public buyers (issue 17, `/oferta/zakupy`): the buyer
// institutions staff register (each in one powiat, for the public aggregates), one uploaded file
// of yearly spending per buyer and year (a new upload replaces it), and its rows. A supplier is
// recognised as a social economy entity by its NIP when the share is computed, so a record added to
// the registry later counts without a new upload.
export interface PurchaseBuyersTable {
  id: string;
  name: string;
  /** 4-digit powiat TERYT: the cell of the public aggregates. */
  powiat: string;
  /** The buyer's own NIP (10 digits) or null. */
  nip: string | null;
  created_at: string;
  updated_at: string;
}

export interface PurchaseFilesTable {
  id: string;
  buyer_id: string;
  year: number;
  file_name: string;
  row_count: number;
  uploaded_by: string;
  uploaded_at: string;
}

export interface PurchaseRowsTable {
  id: string;
  file_id: string;
  /** The line of the uploaded file (1 = header). */
  line: number;
  /** The supplier's NIP (10 digits), or null when the file gave none (a foreign supplier). */
  nip: string | null;
  supplier: string;
  /** Gross amount in grosze (whole numbers: no rounding of sums). */
  amount_gr: number;
  /** The buyer's own category name; '' when none was given. */
  category: string;
}

declare module '../../../core/db/schema.js' {
  interface Database {
    purchase_buyers: PurchaseBuyersTable;
    purchase_files: PurchaseFilesTable;
    purchase_rows: PurchaseRowsTable;
  }
}
