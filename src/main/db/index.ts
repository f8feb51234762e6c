import { closeSync, linkSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { migrations } from '../../../migrations';
import { type CheckResult, startCheck } from './checkWorker';
import { DatabaseOpenError, openMessages } from './errors';
import { fsyncDir } from './fsyncDir';
import { ImmediateSqliteDialect } from './immediateDialect';
import { openPostgresDatabase, type OpenPostgresOptions, type PostgresConnection } from './postgres';
import { type AccessCheck, inspectDatabaseFile } from './inspect';
import { backUpBeforeMigration, runMigrations, schemaVersionOf } from './migrate';
import type { DB } from './schema';
import { withStatementCache } from './statementCache';

export { DatabaseOpenError } from './errors';
export type { DatabaseOpenErrorKind } from './errors';
export type { DB } from './schema';
export type { OpenPostgresOptions, PostgresConnection } from './postgres';

export const LATEST_SCHEMA_VERSION = migrations.length;

/** Database, WAL and backups are readable by the user only. SQLite gives the WAL the file's mode. */
export const PRIVATE_FILE_MODE = 0o600;

export interface OpenDatabaseOptions {
  /** Used to name the pre-migration backup; defaults to now. */
  now?: Date;
  /** Called with the backup path when an existing database is backed up before migrating. */
  onBackup?: (path: string) => void;
  /** How long a write waits for another connection's write lock before answering "busy" (ms, default 5000). */
  busyTimeoutMs?: number;
  /** Longest wait for `quick_check` at open on a large file (ms, default 3000); it then goes on in the background. */
  quickCheckMs?: number;
  /**
   * Called if a check that finished after the file was opened found damage: the background
   * `integrity_check` after an unclean shutdown, or a `quick_check` that outlasted its time bound.
   */
  onIntegrityProblem?: (problems: string[]) => void;
  /** Called when a background check ends, whatever it found (tests and logs). */
  onBackgroundCheck?: (kind: 'quick_check' | 'integrity_check', result: CheckResult) => void;
  /** Permission probe (default `fs.accessSync`); tests inject one because root passes them all. */
  checkAccess?: AccessCheck;
}

const connections = new WeakMap<Kysely<DB>, Database.Database>();

/** The better-sqlite3 connection under a database opened by `openDatabase` (for the backup API). */
export function connectionOf(db: Kysely<DB>): Database.Database {
  const raw = connections.get(db);
  if (!raw) throw new Error('This database was not opened by openDatabase.');
  return raw;
}

function setPragmas(raw: Database.Database, busyTimeoutMs: number): void {
  raw.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  // Clinical data: a committed write must survive a power cut, so FULL, not NORMAL.
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('cache_size = -65536');
}

/**
 * A brand-new clinic is built under a temporary name and only then linked into place, so the
 * real name never holds an empty or half-created file (which the next start would refuse).
 */
async function createNewDatabase(file: string, busyTimeoutMs: number): Promise<void> {
  const temp = `${file}.creating-${process.pid}`;
  rmSync(temp, { force: true });
  closeSync(openSync(temp, 'wx', PRIVATE_FILE_MODE));
  const raw = new Database(temp);
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: raw }) });
  try {
    setPragmas(raw, busyTimeoutMs);
    await runMigrations(db, raw, migrations);
    raw.pragma('wal_checkpoint(TRUNCATE)');
  } catch (error) {
    await db.destroy();
    rmSync(temp, { force: true });
    rmSync(`${temp}-wal`, { force: true });
    rmSync(`${temp}-shm`, { force: true });
    throw error;
  }
  await db.destroy();
  try {
    // link fails if another process created the file meanwhile: theirs wins, ours is dropped.
    linkSync(temp, file);
    rmSync(temp, { force: true });
  } catch (error) {
    const code: unknown = error instanceof Error ? Reflect.get(error, 'code') : undefined;
    if (code === 'EEXIST') {
      rmSync(temp, { force: true });
    } else {
      // File systems without hard links (FAT on a USB drive, some shares).
      renameSync(temp, file);
    }
  }
  fsyncDir(dirname(file));
}

function openReadWrite(file: string): Database.Database {
  try {
    return new Database(file, { fileMustExist: true });
  } catch (error) {
    throw new DatabaseOpenError('unreadable', openMessages.unreadable(file, String(error)), { cause: error, file });
  }
}

function watch(
  kind: 'quick_check' | 'integrity_check',
  pending: Promise<CheckResult>,
  options: OpenDatabaseOptions,
): void {
  pending.then(
    (result) => {
      options.onBackgroundCheck?.(kind, result);
      if (!result.ok) options.onIntegrityProblem?.(result.problems);
    },
    (error: unknown) => options.onIntegrityProblem?.([`The ${kind} could not run: ${String(error)}`]),
  );
}

/**
 * Opens the clinic's database file, or creates a new clinic when the file does not exist, and
 * brings its schema up to date. Before anything writes to an existing file it is checked
 * read-only (folder, permissions, lock, size, header, owner, version, quick_check); anything
 * wrong is a DatabaseOpenError of its own kind and the file is left untouched.
 *
 * Given a PostgreSQL connection instead of a file, opens the clinic's database on that server
 * (see openPostgresDatabase: migrations once under an advisory lock, a newer schema refused).
 */
export async function openDatabase(server: PostgresConnection, options?: OpenPostgresOptions): Promise<Kysely<DB>>;
// Last, so Parameters<typeof openDatabase> names the file's options.
export async function openDatabase(file: string, options?: OpenDatabaseOptions): Promise<Kysely<DB>>;
export async function openDatabase(target: string | PostgresConnection, options: OpenDatabaseOptions & OpenPostgresOptions = {}): Promise<Kysely<DB>> {
  if (typeof target !== 'string') return openPostgresDatabase(target, options);
  return openDatabaseFile(target, options);
}

async function openDatabaseFile(file: string, options: OpenDatabaseOptions): Promise<Kysely<DB>> {
  const latest = migrations.length;
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const inspectOptions = {
    busyTimeoutMs,
    ...(options.checkAccess ? { checkAccess: options.checkAccess } : {}),
    ...(options.quickCheckMs !== undefined ? { quickCheckMs: options.quickCheckMs } : {}),
  };
  let inspection = await inspectDatabaseFile(file, latest, inspectOptions);
  if (inspection.kind === 'new') {
    await createNewDatabase(file, busyTimeoutMs);
    inspection = await inspectDatabaseFile(file, latest, inspectOptions);
    if (inspection.kind === 'new') throw new DatabaseOpenError('unreadable', openMessages.unreadable(file, 'it vanished'), { file });
  }
  if (inspection.pendingCheck) watch('quick_check', inspection.pendingCheck, options);
  const raw = openReadWrite(file);
  try {
    setPragmas(raw, busyTimeoutMs);
    const current = schemaVersionOf(raw);
    if (current > 0 && current < latest) {
      options.onBackup?.(await backUpBeforeMigration(raw, file, options.now ?? new Date()));
    }
    const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(raw) }) });
    // Kysely initialises its driver on the first query, and only an initialised driver closes
    // the connection on destroy(): without a query (nothing to migrate) the file stayed open.
    await sql`SELECT 1`.execute(db);
    await runMigrations(db, raw, migrations);
    connections.set(db, raw);
    if (inspection.uncleanShutdown) {
      const check = startCheck(file, 'integrity_check');
      check.unref();
      watch('integrity_check', check.result, options);
    }
    return db;
  } catch (error) {
    raw.close();
    throw error;
  }
}
