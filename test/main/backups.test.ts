import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { backupFolderOf, createBackup, listBackups } from '../../src/main/backup/backups';
import { backupsToKeep } from '../../src/main/backup/retention';
import { BackupService } from '../../src/main/backup/service';
import { connectionOf, openDatabase } from '../../src/main/db';
import type { DB } from '../../src/main/db/schema';
import { createDispatch, type Dispatch } from '../../src/main/ipc/dispatch';
import { patientInput } from '../support/fixtures';
import { ok, tempDir, TEST_PASSWORD } from '../support/tempDatabase';

/** Signed in as the clinic's first account, an administrator. */
const admin = (now: string) => ({ now: new Date(now), staffId: 1 });

async function clinic(dir = tempDir()) {
  const file = join(dir, 'clinic.sqlite');
  let db = await openDatabase(file);
  const swaps: string[] = [];
  // The web host's way: close, replace, reopen in place.
  const service = (): BackupService =>
    new BackupService(db, file, {
      swap: async (replace) => {
        await db.destroy();
        await replace();
        db = await openDatabase(file);
        swaps.push(file);
        return { restarting: false };
      },
    });
  let backups = service();
  const dispatch: Dispatch = (channel, input, ctx) => createDispatch(db, { backups })(channel, input, ctx);
  ok(await createDispatch(db)('staff:createFirst', { name: 'Admin', username: 'admin', role: 'admin', password: TEST_PASSWORD }));
  return {
    file,
    dir,
    get db(): Kysely<DB> {
      return db;
    },
    dispatch,
    refresh: () => (backups = service()),
    swaps,
  };
}

describe('backups', { timeout: 60_000 }, () => {
  it('are written under a temporary name, verified, then named; 0600, with their counts', async () => {
    const c = await clinic();
    ok(await createDispatch(c.db)('patients:create', patientInput(), { now: new Date(), staffId: 1 }));
    const info = ok(await c.dispatch('backups:create', {}, admin('2026-03-02T10:00:00.000Z')));
    expect(info).toMatchObject({ kind: 'manual', verification: 'verified', encrypted: false, counts: { patients: 1, courses: 0, sessions: 0 } });
    const folder = backupFolderOf(c.file);
    const path = join(folder, info.name);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(folder).filter((n) => n.endsWith('.partial'))).toEqual([]);
    // The copy is one self-contained file (no WAL needed to read it).
    expect(readFileSync(path).subarray(18, 20)).toEqual(Buffer.from([1, 1]));
    const list = ok(await c.dispatch('backups:list', {}, admin('2026-03-02T10:00:01.000Z')));
    expect(list.backups.map((b) => b.name)).toEqual([info.name]);
    await c.db.destroy();
  });

  it('keep 14 daily, 8 weekly and 12 monthly by default', () => {
    const start = Date.parse('2025-01-01T02:00:00.000Z');
    const items = Array.from({ length: 500 }, (_, i) => ({ name: `b${i}`, kind: 'daily', createdAt: new Date(start + i * 86_400_000) }));
    const kept = [...backupsToKeep(items)].map((n) => Number(n.slice(1))).sort((a, b) => b - a);
    // The last 14 days...
    expect(kept.slice(0, 14)).toEqual(Array.from({ length: 14 }, (_, i) => 499 - i));
    // ...plus the newest of each of 8 weeks and 12 months (some coincide with the days): at most 34, and a year back.
    expect(kept.length).toBeGreaterThan(14 + 4);
    expect(kept.length).toBeLessThanOrEqual(34);
    expect(499 - (kept.at(-1) ?? 0)).toBeGreaterThan(300);
    // Two a day keeps only the newer one of a day.
    const twice = [
      { name: 'morning', kind: 'startup', createdAt: new Date('2026-03-02T08:00:00Z') },
      { name: 'evening', kind: 'daily', createdAt: new Date('2026-03-02T20:00:00Z') },
    ];
    expect([...backupsToKeep(twice)]).toEqual(['evening']);
  });

  it('an administrator sets how many to keep: checked, audited, applied by the next backup', async () => {
    const c = await clinic();
    expect(await c.dispatch('backups:setRetention', { daily: 0, weekly: 8, monthly: 12 }, admin('2026-03-02T10:00:00.000Z'))).toMatchObject({
      ok: false,
      error: { fields: { daily: 'Keep at least 1 daily backup' } },
    });
    ok(await c.dispatch('backups:setRetention', { daily: 2, weekly: 0, monthly: 0 }, admin('2026-03-02T10:00:00.000Z')));
    expect(ok(await c.dispatch('backups:list', {}, admin('2026-03-02T10:00:00.000Z'))).retention).toEqual({ daily: 2, weekly: 0, monthly: 0 });
    const [entry] = await c.db.selectFrom('audit_log').selectAll().where('entity', '=', 'backup_settings').execute();
    expect(entry).toMatchObject({ action: 'update', staff_id: 1 });
    expect(JSON.parse(entry?.after_json ?? '{}')).toEqual({ daily: 2, weekly: 0, monthly: 0 });
    // Daily backups on four days: the next one keeps the newest of the last two days only.
    const service = new BackupService(c.db, c.file);
    for (const day of ['02', '03', '04', '05']) await service.create('daily', new Date(`2026-03-${day}T10:00:00.000Z`));
    expect(listBackups(c.file).backups.map((b) => b.createdAt)).toEqual(['2026-03-05T10:00:00.000Z', '2026-03-04T10:00:00.000Z']);
    await c.db.destroy();
  });

  it('a second folder gets an encrypted copy; restore-side reading needs the passphrase and says so', async () => {
    const c = await clinic();
    const second = join(tempDir(), 'usb');
    mkdirSync(second);
    ok(await createDispatch(c.db)('patients:create', patientInput(), { now: new Date(), staffId: 1 }));
    // No passphrase yet: no copy goes outside, and the list says why.
    ok(await c.dispatch('backups:setPassphrase', { passphrase: 'correct horse battery', secondFolder: second }, admin('2026-03-02T09:00:00.000Z')));
    const first = ok(await c.dispatch('backups:create', {}, admin('2026-03-02T10:00:00.000Z')));
    const list = ok(await c.dispatch('backups:list', {}, admin('2026-03-02T10:00:01.000Z')));
    const encrypted = list.backups.find((b) => b.location === 'second');
    expect(encrypted).toMatchObject({ encrypted: true, verification: 'verified', counts: { patients: 1 } });
    const bytes = readFileSync(join(second, encrypted?.name ?? ''));
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('TMSBAK01');
    expect(bytes.includes(Buffer.from('Lovelace'))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(statSync(join(second, encrypted?.name ?? '')).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(readFileSync(join(backupFolderOf(c.file), 'backup-settings.json'), 'utf8'))).not.toContain('correct horse');

    const ref = { name: encrypted?.name ?? '', location: 'second' as const };
    const without = await c.dispatch('backups:preview', ref, admin('2026-03-02T10:01:00.000Z'));
    expect(without).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { passphrase: 'Enter the backup passphrase' } } });
    const wrong = await c.dispatch('backups:preview', { ...ref, passphrase: 'wrong horse battery' }, admin('2026-03-02T10:01:00.000Z'));
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/passphrase is not right/) } });
    const preview = ok(await c.dispatch('backups:preview', { ...ref, passphrase: 'correct horse battery' }, admin('2026-03-02T10:01:00.000Z')));
    expect(preview.backup.counts).toMatchObject({ patients: 1 });
    expect(readdirSync(backupFolderOf(c.file)).filter((n) => n.includes('decrypted'))).toEqual([]);
    expect(first.name.endsWith('.sqlite')).toBe(true);
    await c.db.destroy();
  });

  it('a second folder without a passphrase gets nothing, and the list says why', async () => {
    const dir = tempDir();
    const file = join(dir, 'clinic.sqlite');
    const db = await openDatabase(file);
    const second = join(tempDir(), 'share');
    mkdirSync(second);
    const created = await createBackup(connectionOf(db), file, 'manual', new Date('2026-03-02T10:00:00.000Z'), {
      settings: { retention: { daily: 14, weekly: 8, monthly: 12 }, secondFolder: second, keyring: null },
    });
    expect(created.secondCopy).toBeNull();
    expect(created.secondFolderProblem).toMatch(/encrypted, and no backup passphrase is set/);
    expect(readdirSync(second)).toEqual([]);
    await db.destroy();
  });

  it('restore: previews what would be lost, keeps the current file first, swaps, and is audited', async () => {
    const c = await clinic();
    const plain = createDispatch(c.db);
    ok(await plain('patients:create', patientInput({ mrn: 'KEEP-1' }), { now: new Date(), staffId: 1 }));
    const backup = ok(await c.dispatch('backups:create', {}, admin('2026-03-02T10:00:00.000Z')));
    ok(await plain('patients:create', patientInput({ mrn: 'LATER-2' }), { now: new Date(), staffId: 1 }));
    const ref = { name: backup.name, location: 'primary' as const };
    const preview = ok(await c.dispatch('backups:preview', ref, admin('2026-03-02T11:00:00.000Z')));
    expect(preview.lost).toEqual({ patients: 1, courses: 0, sessions: 0 });
    expect(preview.current.patients).toBe(2);

    const unconfirmed = await c.dispatch('backups:restore', { ...ref, confirmName: 'yes' }, admin('2026-03-02T11:00:00.000Z'));
    expect(unconfirmed).toMatchObject({ ok: false, error: { fields: { confirmName: expect.any(String) } } });
    const noActor = await createDispatch(c.db, {})('backups:restore', { ...ref, confirmName: backup.name }, { now: new Date() });
    expect(noActor.ok).toBe(false);

    const result = ok(await c.dispatch('backups:restore', { ...ref, confirmName: backup.name }, admin('2026-03-02T11:00:00.000Z')));
    expect(result).toMatchObject({ restored: backup.name, restarting: false });
    expect(c.swaps).toHaveLength(1);
    const mrns = await c.db.selectFrom('patients').select('mrn').execute();
    expect(mrns).toEqual([{ mrn: 'KEEP-1' }]);
    const audit = await c.db.selectFrom('audit_log').selectAll().where('action', '=', 'restore_backup').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.after_json ?? '{}')).toMatchObject({ backup: backup.name, keptAs: result.keptAs });
    // The replaced file was kept as a verified backup holding both patients.
    c.refresh();
    const list = listBackups(c.file);
    expect(list.backups.find((b) => b.name === result.keptAs)).toMatchObject({ kind: 'pre-restore', verification: 'verified', counts: { patients: 2 } });
    expect(existsSync(`${c.file}.restoring.partial`)).toBe(false);
    await c.db.destroy();
  });
});
