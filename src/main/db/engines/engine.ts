import { type Kysely, PostgresAdapter, type QueryExecutor, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../schema';
import { postgresEngine } from './postgres';
import { sqliteEngine } from './sqlite';

export type EngineName = 'sqlite' | 'postgres';

/** The tables whose rows are edited against a version the user saw, or numbered from. */
export type LockableTable =
  | 'patients'
  | 'courses'
  | 'treatment_sessions'
  | 'pending_sessions'
  | 'antidepressant_trials'
  | 'psychotherapy_trials'
  | 'current_medications';

/** A database, a transaction or a connection of either: what raw SQL runs on. */
export interface Queryable {
  getExecutor(): QueryExecutor;
}

/**
 * What differs between the two database engines, in one place. Services ask `engineOf(db)` for
 * these pieces of SQL or actions instead of writing engine-specific SQL themselves; migrations
 * have their own per-engine variants (migrations/postgres/).
 */
export interface Engine {
  readonly name: EngineName;
  /**
   * Makes the caller's transaction the only one appending to the audit hash chain until it ends.
   * SQLite's write transactions already begin IMMEDIATE (one writer at a time); PostgreSQL takes
   * a transaction-scoped advisory lock, so two workstations never read the same chain head.
   */
  lockAuditChain(trx: Transaction<DB>): Promise<void>;
  /**
   * Holds row `id` of `table` until the transaction ends, before the caller reads it to change it: a
   * second writer of the same row (another workstation) waits here, then reads what the first wrote,
   * so version checks and "next number" reads see it. SQLite: nothing to do, its write transactions
   * run one at a time; PostgreSQL: SELECT … FOR UPDATE.
   */
  lockRow(trx: Transaction<DB>, table: LockableTable, id: number): Promise<void>;
  /** `column = value`, ignoring the case of ASCII letters (SQLite's NOCASE). */
  equalsIgnoringCase(column: RawBuilder<unknown>, value: string): RawBuilder<boolean>;
  /** `column LIKE pattern ESCAPE '\'`, ignoring case (SQLite's LIKE does for ASCII; PostgreSQL's ILIKE). */
  likeIgnoringCase(column: RawBuilder<unknown>, pattern: string): RawBuilder<boolean>;
  /** An ORDER BY key that sorts ignoring case. */
  ignoringCase(column: RawBuilder<unknown>): RawBuilder<string>;
  /**
   * The id a row about to be inserted into `table` gets, for rows that must know it before the
   * insert (a protocol is its own lineage). SQLite: max(id) + 1 under the write lock; PostgreSQL:
   * the next value of the id's identity, so later inserts that let the server choose never clash.
   */
  nextId(trx: Transaction<DB>, table: keyof DB & string): Promise<number>;
  /** A JSON object built in SQL, as text (read back with JSON.parse). */
  jsonObject(entries: ReadonlyArray<readonly [string, RawBuilder<unknown>]>): RawBuilder<string>;
  /**
   * A token that changes whenever anything was written to the database, by any connection
   * (the dashboard re-reads only then). Equal tokens mean nothing changed.
   */
  changeToken(db: Kysely<DB>): Promise<string>;
  /** The schema version the database is at (SQLite `user_version`; PostgreSQL `tms_schema_version`). */
  schemaVersion(db: Kysely<DB>): Promise<number>;
  /** Where the data lives, for the About box: the SQLite file, or `postgres://user@host:port/database`. */
  location(db: Kysely<DB>): Promise<string>;
}

/** The engine a database (or a transaction of it) runs on. */
export function engineOf(db: Queryable): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresEngine : sqliteEngine;
}
