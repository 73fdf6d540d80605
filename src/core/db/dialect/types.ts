// The dialect seam: everything that differs between SQLite and PostgreSQL is answered here, once.
// Code outside `core/db/dialect/` asks this interface and never branches on the database kind.
import type { Dialect, Expression, Kysely, KyselyPlugin, RawBuilder, SelectQueryBuilder, SqlBool } from 'kysely';

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
  /**
   * A number that changes when another connection or process commits to the database, read in
   * microseconds, or null when the database cannot say cheaply. SQLite: `PRAGMA data_version` (the
   * application's own writes are seen by the write observer instead); PostgreSQL: null.
   */
  otherWritersVersion(): number | null;
  /** Cheap round trip used by `/readyz`. */
  ping(db: Kysely<any>): Promise<void>;
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
   * A key of each row of `spec.table` that the text index itself holds, so the rows matching a term
   * are listed from the index alone: SQLite's `rowid` (a 35,000-row match costs 10 ms instead of 100
   * ms reading each row's id), PostgreSQL's `id`. Select it beside a row's columns to map keys to rows.
   */
  ftsRowKey(spec: FtsSpec): RawBuilder<string | number>;
  /**
   * For each prefix term (see `ftsMatch`), the `ftsRowKey` of every row matching it, in no
   * particular order: one statement for all the terms.
   */
  ftsKeysPerTerm(db: Kysely<any>, spec: FtsSpec, terms: readonly string[]): Promise<(string | number)[][]>;
  /**
   * Makes a select that claims queue rows (e.g. the mail outbox) safe with several instances:
   * PostgreSQL adds `FOR UPDATE SKIP LOCKED`, so concurrent claimers take disjoint rows without
   * waiting; SQLite has one writer and the surrounding transaction already serialises claims, so
   * the query is returned unchanged. Use it inside the transaction that marks the rows claimed.
   */
  forUpdateSkipLocked<QB extends SelectQueryBuilder<any, any, any>>(qb: QB): QB;
  /**
   * Makes a sort-key column (`*_sort`, built by the application from folded names) compare byte by
   * byte whatever locale the database was created with, so lists come in the order the keys were
   * built for: PostgreSQL gets `COLLATE "C"` on the column (its indexes are rebuilt with it; under a
   * `pl_PL` or ICU collation, punctuation in the keys would sort after letters); SQLite's default
   * BINARY collation already compares bytes. Used in migrations.
   */
  byteOrderColumn(db: Kysely<any>, table: string, column: string): Promise<void>;
  close(): Promise<void>;
}

/** Row count and a content hash of one table: equal digests mean equal rows, in any order. */
export interface TableDigest {
  table: string;
  rows: number;
  hash: string;
}

/** A backup restored into a scratch copy next to (never over) the live database. */
export interface ScratchRestore {
  /** What the integrity check found; empty when the copy is sound. */
  problems: string[];
  /** Every table of the restored copy (empty when it could not be read). */
  digests: TableDigest[];
  /** Time taken to restore the copy, in milliseconds. */
  restoreMs: number;
  /**
   * Makes the scratch copy the database, keeping the one it replaces under the returned name;
   * refuses (throws) while another process has the database open.
   */
  promote(): Promise<{ previous: string | null }>;
  /** Removes the scratch copy. Safe after promote() and when called twice. */
  discard(): Promise<void>;
}

/**
 * Backups of one database, per dialect: SQLite through its backup API, PostgreSQL through
 * pg_dump/pg_restore (the binaries must be installed). Opened on a URL, not on a live handle,
 * because a restore must not hold the database it replaces open.
 */
export interface BackupTools {
  readonly dialect: DialectName;
  /** File name ending for a backup (`.db`, `.dump`). */
  readonly extension: string;
  /**
   * A consistent online copy of the whole database into `file`, with the digest of every table read
   * in the same snapshot (SQLite: one read transaction around the backup API; PostgreSQL: pg_dump on
   * a snapshot exported by the transaction that reads the digests).
   */
  backup(file: string, onProgress?: (done: number, total: number) => void): Promise<TableDigest[]>;
  /**
   * Restores `file` into a scratch copy, checks its integrity and reads its digests. SQLite puts the
   * copy in the folder `near` (for a check) or, without it, beside the database file (where
   * promote() can rename it into place); PostgreSQL always restores into a scratch database.
   */
  restoreScratch(file: string, near?: string): Promise<ScratchRestore>;
  /** Who else has the database open (a running instance), in words for the operator; null: nobody. */
  inUse(): Promise<string | null>;
}

/** How a connection pool is sized (PostgreSQL; SQLite has one connection). */
export interface PoolOptions {
  /** Most connections at once (default 10). */
  max?: number;
  /** How long an unused connection stays open, in ms (default 10,000). */
  idleMs?: number;
}
