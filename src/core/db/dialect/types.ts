// The dialect seam: everything that differs between SQLite and PostgreSQL is answered here, once.
// Code outside `core/db/dialect/` asks this interface and never branches on the database kind.
import type { Dialect, Expression, Kysely, KyselyPlugin, SelectQueryBuilder, SqlBool } from 'kysely';

/** Column type for raw bytes (uploaded files kept in the database). */
export type BinaryType = 'blob' | 'bytea';

export type DialectName = 'sqlite' | 'postgres';

/** A full-text index over one text column (`search_doc`) of a table with a text `id`. */
export interface FtsSpec {
  table: string;
  column: string;
}

export interface DialectSeam {
  readonly name: DialectName;
  readonly kysely: Dialect;
  readonly plugins: KyselyPlugin[];
  /** The column type for binary data in migrations: `blob` on SQLite, `bytea` on PostgreSQL. Both read back as Buffer. */
  readonly binaryType: BinaryType;
  /** Connection set-up that must hold for every connection (pragmas); run once after opening. */
  prepare(db: Kysely<any>): Promise<void>;
  /** Cheap round trip used by `/readyz`. */
  ping(db: Kysely<any>): Promise<void>;
  /** An online copy of the whole database into `file`; PostgreSQL answers with how to use pg_dump. */
  backup(file: string, onProgress?: (done: number, total: number) => void): Promise<void>;
  /** Creates the full-text index (and on SQLite the triggers that keep it in sync). Used in migrations. */
  createFtsIndex(db: Kysely<any>, spec: FtsSpec): Promise<void>;
  dropFtsIndex(db: Kysely<any>, spec: FtsSpec): Promise<void>;
  /**
   * A condition "row matches every prefix term", for `where`. `terms` must come from
   * `core/search` (folded word tokens); they are quoted again here, never passed raw.
   */
  ftsMatch(spec: FtsSpec, terms: readonly string[], idColumn?: string): Expression<SqlBool>;
  /**
   * `qb` (a select from `spec.table`) restricted to rows matching every prefix term, written so
   * the database walks the text index first and stops at the query's LIMIT: for "the first N
   * matches" (ranking a bounded candidate set). SQLite joins the FTS5 table, which then drives
   * the loop (`rowid in (…)` would first collect every match, 35,000 for a common word);
   * PostgreSQL applies the same condition as `ftsMatch`.
   */
  ftsDrive<QB extends SelectQueryBuilder<any, any, any>>(qb: QB, spec: FtsSpec, terms: readonly string[]): QB;
  /**
   * Makes a select that claims queue rows (e.g. the mail outbox) safe with several instances:
   * PostgreSQL adds `FOR UPDATE SKIP LOCKED`, so concurrent claimers take disjoint rows without
   * waiting; SQLite has one writer and the surrounding transaction already serialises claims, so
   * the query is returned unchanged. Use it inside the transaction that marks the rows claimed.
   */
  forUpdateSkipLocked<QB extends SelectQueryBuilder<any, any, any>>(qb: QB): QB;
  close(): Promise<void>;
}
