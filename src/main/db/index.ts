import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { migrations } from '../../../migrations';
import { DatabaseOpenError } from './errors';
import { assertMigratable, backUpBeforeMigration, runMigrations, schemaVersionOf } from './migrate';
import { ImmediateSqliteDialect } from './immediateDialect';
import type { DB } from './schema';
import { withStatementCache } from './statementCache';

export { DatabaseOpenError } from './errors';
export type { DB } from './schema';

export const LATEST_SCHEMA_VERSION = migrations.length;

export interface OpenDatabaseOptions {
  /** Used to name the pre-migration backup; defaults to now. */
  now?: Date;
  /** Called with the backup path when an existing database is backed up before migrating. */
  onBackup?: (path: string) => void;
  /** How long a write waits for another connection's write lock before answering "busy" (ms, default 5000). */
  busyTimeoutMs?: number;
}

function setPragmas(raw: Database.Database, busyTimeoutMs: number): void {
  // Clinical data: a committed write must survive a power cut, so FULL, not NORMAL.
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
}

/** Opens the file and checks it is ours and not newer, before anything writes to it. */
function openChecked(file: string, latest: number): Database.Database {
  let raw: Database.Database | undefined;
  try {
    raw = new Database(file);
    assertMigratable(raw, file, latest);
    return raw;
  } catch (error) {
    raw?.close();
    if (error instanceof DatabaseOpenError) throw error;
    throw new DatabaseOpenError('unreadable', `${file} could not be opened as a TMS Course Tracker database.`, { cause: error });
  }
}

/** Opens (or creates) the database file, brings its schema up to date and returns it. */
export async function openDatabase(file: string, options: OpenDatabaseOptions = {}): Promise<Kysely<DB>> {
  const latest = migrations.length;
  const raw = openChecked(file, latest);
  try {
    setPragmas(raw, options.busyTimeoutMs ?? 5000);
    const current = schemaVersionOf(raw);
    if (current > 0 && current < latest) {
      options.onBackup?.(backUpBeforeMigration(raw, file, current, latest, options.now ?? new Date()));
    }
    const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(raw) }) });
    await runMigrations(db, raw, migrations);
    return db;
  } catch (error) {
    raw.close();
    throw error;
  }
}
