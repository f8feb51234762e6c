import { readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupFolderOf } from '../../src/main/backup/backups';
import { BackupService } from '../../src/main/backup/service';
import { DatabaseOpenError, openDatabase } from '../../src/main/db';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { createRecoveryDispatch } from '../../src/main/recovery/recoveryDispatch';
import { patientInput } from '../support/fixtures';
import { ok, tempDir, TEST_PASSWORD } from '../support/tempDatabase';

const NOW = new Date('2026-03-02T10:00:00.000Z');

/** A clinic with an administrator, a technician, one patient and a verified manual backup; the file is then closed. */
async function backedUpClinic() {
  const file = join(tempDir(), 'clinic.sqlite');
  const db = await openDatabase(file);
  const dispatch = createDispatch(db, { backups: new BackupService(db, file) });
  ok(await dispatch('staff:createFirst', { name: 'Alex Admin', username: 'alex', role: 'admin', password: TEST_PASSWORD }, { now: NOW }));
  const { oneTimePassword } = ok(await dispatch('staff:create', { name: 'Sam Okafor', username: 'sam.okafor', role: 'technician' }, { now: NOW, staffId: 1 }));
  ok(await dispatch('patients:create', patientInput(), { now: NOW, staffId: 1 }));
  const backup = ok(await dispatch('backups:create', {}, { now: NOW, staffId: 1 }));
  await db.destroy();
  return { file, backup, oneTimePassword };
}

async function openError(file: string): Promise<DatabaseOpenError> {
  const error = await openDatabase(file).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DatabaseOpenError)) throw new Error(`Expected a DatabaseOpenError, got ${String(error)}`);
  return error;
}

function recovery(file: string, error: DatabaseOpenError) {
  const swaps: string[] = [];
  const dispatch = createRecoveryDispatch(file, error, {
    swap: async (replace) => {
      await replace();
      swaps.push(file);
      return { restarting: false };
    },
  });
  return { dispatch, swaps };
}

describe('recovery screen', { timeout: 60_000 }, () => {
  it('a 0-byte clinic file: lists the verified backup, refuses wrong credentials and non-administrators, restores for an administrator of the backup', async () => {
    const { file, backup, oneTimePassword } = await backedUpClinic();
    truncateSync(file, 0);
    const error = await openError(file);
    expect(error.reason).toBe('empty_file');
    const { dispatch, swaps } = recovery(file, error);

    const status = ok(await dispatch('recovery:status', {}, { now: NOW }));
    expect(status).toMatchObject({ state: 'recovery', problem: { kind: 'empty_file' }, restorable: true, backups: [{ name: backup.name, counts: { patients: 1 } }] });
    // Every other channel answers with the problem.
    expect(await dispatch('patients:search', { query: '' }, { now: NOW })).toMatchObject({ ok: false, error: { code: 'unavailable', message: error.message } });

    const attempt = { name: backup.name, confirmName: backup.name, username: 'alex', password: 'not the password' };
    expect(await dispatch('recovery:restore', attempt, { now: NOW })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { password: expect.any(String) } } });
    expect(await dispatch('recovery:restore', { ...attempt, username: 'sam.okafor', password: oneTimePassword }, { now: NOW })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch('recovery:restore', { ...attempt, password: TEST_PASSWORD, confirmName: 'x' }, { now: NOW })).toMatchObject({ ok: false, error: { fields: { confirmName: expect.any(String) } } });
    // Nothing was changed by the refused attempts, and no partial copy is left.
    expect(statSync(file).size).toBe(0);
    expect(readdirSync(join(file, '..')).filter((n) => n.includes('restoring'))).toEqual([]);

    const restored = ok(await dispatch('recovery:restore', { ...attempt, password: TEST_PASSWORD }, { now: NOW }));
    expect(restored).toMatchObject({ restored: backup.name, restarting: false, keptAs: expect.stringMatching(/^unopenable-.*-clinic\.sqlite$/) });
    expect(swaps).toHaveLength(1);
    // The unusable file is kept, never deleted.
    expect(statSync(join(backupFolderOf(file), restored.keptAs)).size).toBe(0);
    const db = await openDatabase(file);
    const patients = ok(await createDispatch(db)('patients:search', { query: '' }, { now: NOW, staffId: 1 }));
    expect(patients.items.map((p) => p.mrn)).toEqual(['MRN-0001']);
    const entry = await db.selectFrom('audit_log').selectAll().where('action', '=', 'restore_backup').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ staff_id: 1, entity: 'database' });
    expect(entry.reason).toContain(`kept as ${restored.keptAs}`);
    await db.destroy();
  });

  it('a damaged file is restorable; a newer version’s file is not, and is left as it was', async () => {
    const { file } = await backedUpClinic();
    writeFileSync(file, 'This is not a database, just some text.\n'.repeat(100));
    const garbage = await openError(file);
    expect(ok(await recovery(file, garbage).dispatch('recovery:status', {}, { now: NOW }))).toMatchObject({ problem: { kind: 'not_a_database' }, restorable: true });

    const other = await backedUpClinic();
    const raw = new Database(other.file);
    raw.pragma('user_version = 99');
    raw.close();
    const before = readFileSync(other.file);
    const tooNew = await openError(other.file);
    const { dispatch } = recovery(other.file, tooNew);
    expect(ok(await dispatch('recovery:status', {}, { now: NOW }))).toMatchObject({ problem: { kind: 'too_new' }, restorable: false });
    const refused = await dispatch('recovery:restore', { name: other.backup.name, confirmName: other.backup.name, username: 'alex', password: TEST_PASSWORD }, { now: NOW });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(readFileSync(other.file).equals(before)).toBe(true);
  });

  it('answers "open" with nothing to recover while the clinic file is open', async () => {
    const db = await openDatabase(join(tempDir(), 'clinic.sqlite'));
    expect(ok(await createDispatch(db)('recovery:status', {}, { now: NOW }))).toEqual({ state: 'open' });
    expect(await createDispatch(db)('recovery:restore', { name: 'x', confirmName: 'x', username: 'alex', password: 'long enough password' }, { now: NOW })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await db.destroy();
  });
});
