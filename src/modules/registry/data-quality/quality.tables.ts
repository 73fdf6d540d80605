// Tables of the registry's import and data-quality work: CSV imports staff start on the web (the
// file, its column mapping, the dry-run report and the progress of the background run) and the
// pairs staff have looked at and declared "not a duplicate", so they are not proposed again.
export const IMPORT_STATUSES = ['uploaded', 'checked', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface EntityImportsTable {
  id: string;
  file_name: string;
  encoding: string;
  delimiter: string;
  /** JSON array of the headers as written in the file. */
  headers: string;
  /** JSON array, one target field (or null: ignored) per column. */
  mapping: string;
  /** The decoded file; emptied when the import has finished (it may hold contact data). */
  content: string | null;
  status: ImportStatus;
  total_rows: number;
  ok_rows: number;
  refused_rows: number;
  processed_rows: number;
  imported_rows: number;
  /** JSON array of row problems (the first few hundred; counts are in the columns above). */
  problems: string;
  error: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface EntityDuplicateDismissalsTable {
  id: string;
  /** The pair in a fixed order (`entity_a < entity_b`), so a pair is stored once. */
  entity_a: string;
  entity_b: string;
  dismissed_by: string | null;
  dismissed_at: string;
}

declare module '../../../core/db/schema.js' {
  interface Database {
    entity_imports: EntityImportsTable;
    entity_duplicate_dismissals: EntityDuplicateDismissalsTable;
  }
}
