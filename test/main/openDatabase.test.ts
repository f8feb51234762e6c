import { chmodSync, constants, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError, LATEST_SCHEMA_VERSION, openDatabase } from '../../src/main/db';
import { startCheck } from '../../src/main/db/checkWorker';
import type { AccessCheck } from '../../src/main/db/inspect';
import { generateClinic } from '../../src/main/demo/generateClinic';
import { tempDir } from '../support/tempDatabase';

/** Every file in the folder with its bytes and mode, to show a refused open changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    out[name] = `${statSync(path).mode.toString(8)}:${readFileSync(path).toString('base64')}`;
  }
  return out;
}

async function refusal(file: string, options: Parameters<typeof openDatabase>[1] = {}): Promise<DatabaseOpenError> {
  const error = await openDatabase(file, { busyTimeoutMs: 50, ...options }).then(
    async (db) => {
      await db.destroy();
      return new Error('opened');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatabaseOpenError);
  return error as DatabaseOpenError;
}

/**
 * Root passes every permission check (access(2) and open(2) alike), and these tests run as root
 * in CI. There, the read-only cases are driven by an access check that reads the mode bits, as
 * access(2) does for an ordinary user; as an ordinary user the real `fs.accessSync` is used.
 */
const isRoot = process.getuid?.() === 0;
const modeBits: AccessCheck = (path, mode) => {
  const bits = statSync(path).mode;
  const denied = ((mode & constants.W_OK) !== 0 && (bits & 0o200) === 0) || ((mode & constants.R_OK) !== 0 && (bits & 0o400) === 0);
  if (denied) throw Object.assign(new Error(`EACCES: permission denied, access '${path}'`), { code: 'EACCES' });
};
const permissionCheck = isRoot ? { checkAccess: modeBits } : {};

async function clinicFile(dir: string, patients = 0): Promise<string> {
  const file = join(dir, 'clinic.sqlite');
  if (patients > 0) await generateClinic(file, { patients, seed: 7, today: '2026-03-02' });
  else await (await openDatabase(file)).destroy();
  return file;
}

describe('opening a file says exactly what is wrong and leaves the file untouched', { timeout: 30_000 }, () => {
  it('creates a new clinic only where no file exists: readable by the user only, no temporary left', async () => {
    const dir = tempDir();
    const file = join(dir, 'clinic.sqlite');
    const db = await openDatabase(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
    await db.destroy();
    expect(readdirSync(dir)).toEqual(['clinic.sqlite']);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    raw.close();
  });

  it('missing folder', async () => {
    const dir = tempDir();
    const file = join(dir, 'unplugged-drive', 'clinic.sqlite');
    const error = await refusal(file);
    expect(error.reason).toBe('folder_missing');
    expect(error.message).toMatch(/folder .*unplugged-drive does not exist.*Nothing was created/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('read-only file', async () => {
    const dir = tempDir();
    const file = await clinicFile(dir);
    chmodSync(file, 0o400);
    const before = snapshot(dir);
    const error = await refusal(file, permissionCheck);
    expect(error.reason).toBe('file_read_only');
    expect(error.message).toMatch(/is read-only for you.*It was not changed/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('read-only folder', async () => {
    const dir = tempDir();
    const folder = join(dir, 'share');
    mkdirSync(folder);
    const file = await clinicFile(folder);
    chmodSync(folder, 0o500);
    try {
      const before = snapshot(folder);
      const error = await refusal(file, permissionCheck);
      expect(error.reason).toBe('folder_read_only');
      expect(error.message).toMatch(/folder .*share is read-only for you/);
      expect(snapshot(folder)).toEqual(before);
      // A new clinic in a read-only folder is refused the same way, before anything is created.
      const fresh = await refusal(join(folder, 'new.sqlite'), permissionCheck);
      expect(fresh.reason).toBe('folder_read_only');
      expect(existsSync(join(folder, 'new.sqlite'))).toBe(false);
    } finally {
      chmodSync(folder, 0o700);
    }
  });

  it('locked by another program holding it exclusively', async () => {
    const dir = tempDir();
    const file = await clinicFile(dir);
    const other = new Database(file);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE; CREATE TEMP TABLE t (x); COMMIT');
    other.exec("UPDATE settings SET value = value WHERE 0");
    other.prepare('SELECT count(*) FROM staff').get();
    try {
      const error = await refusal(file);
      expect(error.reason).toBe('locked');
      expect(error.message).toMatch(/locked by another program/);
    } finally {
      other.close();
    }
  });

  it('an empty (0-byte) file is refused, not turned into a new clinic', async () => {
    const dir = tempDir();
    const file = join(dir, 'clinic.sqlite');
    writeFileSync(file, '');
    const error = await refusal(file);
    expect(error.reason).toBe('empty_file');
    expect(error.message).toMatch(/is empty \(0 bytes\).*no new clinic was started/);
    expect(readdirSync(dir)).toEqual(['clinic.sqlite']);
    expect(statSync(file).size).toBe(0);
  });

  it('not a database', async () => {
    const dir = tempDir();
    const file = join(dir, 'clinic.sqlite');
    writeFileSync(file, 'these are not the bytes of a database, '.repeat(200));
    const before = snapshot(dir);
    const error = await refusal(file);
    expect(error.reason).toBe('not_a_database');
    expect(snapshot(dir)).toEqual(before);
  });

  it("another program's database (and an empty SQLite file we did not write)", async () => {
    const dir = tempDir();
    const file = join(dir, 'invoices.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE invoices (id INTEGER); PRAGMA user_version = 3');
    raw.close();
    const before = snapshot(dir);
    expect((await refusal(file)).reason).toBe('not_ours');
    expect(snapshot(dir)).toEqual(before);
    const blank = join(dir, 'blank.sqlite');
    new Database(blank).exec('PRAGMA page_size = 4096; VACUUM');
    expect((await refusal(blank)).reason).toBe('not_ours');
  });

  it('a newer version is checked read-only: the WAL left beside it is not merged', async () => {
    const dir = tempDir();
    const live = join(dir, 'live.sqlite');
    const writer = new Database(live);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE staff (x); CREATE TABLE patients (x); CREATE TABLE audit_log (x); PRAGMA user_version = 999');
    writer.exec("INSERT INTO patients VALUES ('only in the WAL')");
    // Copy the file and its WAL while the writer still has them open: a crashed newer app.
    const file = join(dir, 'clinic.sqlite');
    copyFileSync(live, file);
    copyFileSync(`${live}-wal`, `${file}-wal`);
    writer.close();
    const walBefore = readFileSync(`${file}-wal`);
    const fileBefore = readFileSync(file);
    const error = await refusal(file);
    expect(error.reason).toBe('too_new');
    expect(error.message).toMatch(/newer version.*schema 999.*not changed/);
    expect(readFileSync(file).equals(fileBefore)).toBe(true);
    expect(readFileSync(`${file}-wal`).equals(walBefore)).toBe(true);
  });

  it('corruption found by quick_check at open', async () => {
    const dir = tempDir();
    const file = await clinicFile(dir, 40);
    const raw = new Database(file, { readonly: true });
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    const root = raw.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'treatment_sessions'").pluck().get() as number;
    const child = raw.prepare('SELECT max(rootpage) FROM sqlite_schema').pluck().get() as number;
    raw.close();
    expect(child).toBeGreaterThan(root);
    // Scribble over the middle of one page of the sessions table.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize / 2, 0x41), 0, pageSize / 2, (root - 1) * pageSize + 8);
    closeSync(fd);
    const before = snapshot(dir);
    const error = await refusal(file);
    expect(error.reason).toBe('corrupt');
    expect(error.message).toMatch(/is damaged.*Restore the newest good backup/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('the background check reports damage on a file a worker reads', async () => {
    const dir = tempDir();
    const file = await clinicFile(dir, 40);
    await expect(startCheck(file, 'integrity_check').result).resolves.toEqual({ ok: true });
    const raw = new Database(file, { readonly: true });
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    const root = raw.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'treatment_sessions'").pluck().get() as number;
    raw.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize / 2, 0x41), 0, pageSize / 2, (root - 1) * pageSize + 8);
    closeSync(fd);
    const result = await startCheck(file, 'quick_check').result;
    expect(result.ok).toBe(false);
  });

  it('after an unclean shutdown (a WAL left behind) it runs integrity_check in the background', async () => {
    const dir = tempDir();
    const live = join(dir, 'live.sqlite');
    await (await openDatabase(live)).destroy();
    const writer = new Database(live);
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec("INSERT INTO staff (name, role, active, created_at, updated_at) VALUES ('A', 'admin', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
    const file = join(dir, 'clinic.sqlite');
    copyFileSync(live, file);
    copyFileSync(`${live}-wal`, `${file}-wal`);
    writer.close();
    const checks: Array<{ kind: string; ok: boolean }> = [];
    const done = new Promise<void>((resolve) => {
      void openDatabase(file, {
        onBackgroundCheck: (kind, result) => {
          checks.push({ kind, ok: result.ok });
          resolve();
        },
      }).then(async (db) => {
        expect(await db.selectFrom('staff').select('name').execute()).toEqual([{ name: 'A' }]);
        await done;
        await db.destroy();
      });
    });
    await done;
    expect(checks).toEqual([{ kind: 'integrity_check', ok: true }]);
  });
});
