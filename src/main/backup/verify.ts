import Database from 'better-sqlite3';

export interface BackupCounts {
  patients: number;
  courses: number;
  sessions: number;
  /** The newest treatment session's date (YYYY-MM-DD), or null when there is none. */
  newestSessionDate: string | null;
}

export interface Verification {
  integrity: 'ok' | string;
  schemaVersion: number;
  counts: BackupCounts;
}

/** What a database file holds, read with an open connection. */
export function countsOf(db: Database.Database): BackupCounts {
  // Older schemas (before courses existed) have fewer tables: what is not there holds nothing.
  const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
  const count = (table: string) => (tables.has(table) ? (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) : 0);
  return {
    patients: count('patients'),
    courses: count('courses'),
    sessions: count('treatment_sessions'),
    newestSessionDate: tables.has('treatment_sessions')
      ? ((db.prepare('SELECT max(session_date) FROM treatment_sessions').pluck().get() as string | null) ?? null)
      : null,
  };
}

/**
 * Checks a freshly written backup copy (ours, not yet under its final name): switches it to a
 * rollback journal, so the copy is one self-contained file, then runs integrity_check and reads
 * its schema version and row counts.
 */
export function verifyCopy(path: string): Verification {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    const rows = db.prepare('PRAGMA integrity_check(20)').pluck().all() as string[];
    const integrity = rows.length === 1 && rows[0] === 'ok' ? 'ok' : rows.join('; ');
    return { integrity, schemaVersion: db.pragma('user_version', { simple: true }) as number, counts: countsOf(db) };
  } finally {
    db.close();
  }
}

/** Reads a backup without changing it (previews). */
export function inspectCopy(path: string): Verification {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('PRAGMA quick_check(20)').pluck().all() as string[];
    const integrity = rows.length === 1 && rows[0] === 'ok' ? 'ok' : rows.join('; ');
    return { integrity, schemaVersion: db.pragma('user_version', { simple: true }) as number, counts: countsOf(db) };
  } finally {
    db.close();
  }
}
