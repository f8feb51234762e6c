import { accessSync, closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { checkWithin, type CheckResult } from './checkWorker';
import { DatabaseOpenError, type DatabaseOpenErrorKind, openMessages } from './errors';

/** `fs.accessSync`'s shape; injectable because root passes every permission check. */
export type AccessCheck = (path: string, mode: number) => void;

export interface InspectOptions {
  checkAccess?: AccessCheck;
  /** How long the read-only probe waits for another program's lock (ms). */
  busyTimeoutMs?: number;
  /** Longest wait for `quick_check` at open (ms); a larger file is checked on in the background. */
  quickCheckMs?: number;
}

export type Inspection =
  | { kind: 'new' }
  | {
      kind: 'existing';
      version: number;
      /** A WAL with content was left behind: the last session did not close the file. */
      uncleanShutdown: boolean;
      /** A quick_check still running after the time bound. */
      pendingCheck?: Promise<CheckResult>;
    };

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** Files above this are quick-checked in a worker with a time bound; smaller ones inline (≈ 0.1 s). */
const INLINE_CHECK_BYTES = 32 * 1024 * 1024;
/** Tables every TMS Course Tracker file has had since schema 1. */
const OUR_TABLES = ['staff', 'patients', 'audit_log'];

function fail(kind: DatabaseOpenErrorKind, file: string, message: string, cause?: unknown): never {
  throw new DatabaseOpenError(kind, message, { file, ...(cause === undefined ? {} : { cause }) });
}

function errnoOf(error: unknown): string | undefined {
  const code: unknown = error instanceof Error ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' ? code : undefined;
}

function allowed(check: AccessCheck, path: string, mode: number): boolean {
  try {
    check(path, mode);
    return true;
  } catch {
    return false;
  }
}

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    readSync(fd, header, 0, header.length, 0);
    return header;
  } finally {
    closeSync(fd);
  }
}

function walHasContent(file: string): boolean {
  try {
    return statSync(`${file}-wal`).size > 0;
  } catch {
    return false;
  }
}

/** Maps an SQLite error met while probing to what it means for the user. */
function sqliteFailure(file: string, error: unknown): never {
  const code = errnoOf(error) ?? '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) fail('locked', file, openMessages.locked(file), error);
  if (code === 'SQLITE_NOTADB') fail('not_a_database', file, openMessages.not_a_database(file), error);
  if (code.startsWith('SQLITE_CORRUPT')) fail('corrupt', file, openMessages.corrupt(file, [String((error as Error).message)]), error);
  if (code.startsWith('SQLITE_READONLY')) fail('file_read_only', file, openMessages.file_read_only(file), error);
  fail('unreadable', file, openMessages.unreadable(file, code || String(error)), error);
}

/**
 * Finds out, without writing a byte, whether `file` can be opened as our clinic database:
 * the folder exists and is writable, the file is absent (a new clinic) or is a non-empty,
 * writable, unlocked SQLite file of ours, not from a newer version and not damaged.
 * Throws a DatabaseOpenError saying exactly what is wrong otherwise.
 */
export async function inspectDatabaseFile(file: string, latest: number, options: InspectOptions = {}): Promise<Inspection> {
  const check = options.checkAccess ?? accessSync;
  const dir = dirname(resolve(file));
  try {
    if (!statSync(dir).isDirectory()) fail('folder_missing', file, openMessages.folder_missing(file, dir));
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error;
    fail('folder_missing', file, openMessages.folder_missing(file, dir), error);
  }

  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) fail('not_a_database', file, openMessages.not_a_database(file));
    size = stat.size;
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error;
    if (errnoOf(error) !== 'ENOENT') fail('unreadable', file, openMessages.unreadable(file, errnoOf(error) ?? String(error)), error);
    if (!allowed(check, dir, constants.W_OK)) fail('folder_read_only', file, openMessages.folder_read_only(file, dir));
    return { kind: 'new' };
  }

  if (size === 0) fail('empty_file', file, openMessages.empty_file(file));
  if (!allowed(check, file, constants.R_OK)) fail('unreadable', file, openMessages.unreadable(file, 'permission denied'));
  let header: Buffer;
  try {
    header = readHeader(file);
  } catch (error) {
    fail('unreadable', file, openMessages.unreadable(file, errnoOf(error) ?? String(error)), error);
  }
  if (size < 512 || !header.equals(SQLITE_HEADER)) fail('not_a_database', file, openMessages.not_a_database(file));
  if (!allowed(check, file, constants.W_OK)) fail('file_read_only', file, openMessages.file_read_only(file));
  if (!allowed(check, dir, constants.W_OK)) fail('folder_read_only', file, openMessages.folder_read_only(file, dir));

  const uncleanShutdown = walHasContent(file);
  // A read-only connection: it cannot checkpoint, so a WAL left beside the file is not merged
  // into it, whatever is found.
  let probe: Database.Database | undefined;
  let version: number;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    probe.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    version = probe.pragma('user_version', { simple: true }) as number;
    if (version > latest) fail('too_new', file, openMessages.too_new(file, version, latest));
    const tables = new Set(
      (probe.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]),
    );
    const ours = OUR_TABLES.every((t) => tables.has(t));
    if (version === 0 || !ours) fail('not_ours', file, openMessages.not_ours(file));
    if (size <= INLINE_CHECK_BYTES) {
      const rows = probe.prepare('PRAGMA quick_check(20)').pluck().all() as string[];
      if (!(rows.length === 1 && rows[0] === 'ok')) fail('corrupt', file, openMessages.corrupt(file, rows.map(String)));
    }
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error;
    sqliteFailure(file, error);
  } finally {
    probe?.close();
  }

  if (size <= INLINE_CHECK_BYTES) return { kind: 'existing', version, uncleanShutdown };
  let result: Awaited<ReturnType<typeof checkWithin>>;
  try {
    result = await checkWithin(file, 'quick_check', options.quickCheckMs ?? 3000);
  } catch (error) {
    sqliteFailure(file, error);
  }
  if ('pending' in result) return { kind: 'existing', version, uncleanShutdown, pendingCheck: result.pending };
  if (!result.ok) fail('corrupt', file, openMessages.corrupt(file, result.problems));
  return { kind: 'existing', version, uncleanShutdown };
}
