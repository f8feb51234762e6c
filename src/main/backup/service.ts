import { copyFileSync, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import type { BackupInfo, BackupList, BackupPreview } from '../../shared/schemas/backup';
import { connectionOf, LATEST_SCHEMA_VERSION, openDatabase } from '../db';
import type { DB } from '../db/schema';
import { recordAudit } from '../services/audit';
import type { ActorContext } from '../services/context';
import { ServiceError } from '../services/errors';
import {
  BackupError,
  backupPath,
  backupFolderOf,
  type BackupSettings,
  createBackup,
  DAY_MS,
  listBackups,
  newestBackupAt,
  readBackupSettings,
  removeStalePartials,
  writeBackupSettings,
} from './backups';
import { createKeyring, decryptFile, isEncryptedBackup, rewrapKeyring, unlockKeyring, WrongPassphraseError } from './crypto';
import { commitFile, fsyncDir, PARTIAL_SUFFIX, removeQuietly } from './files';
import type { RetentionRule } from './retention';
import { countsOf, inspectCopy } from './verify';

/**
 * How the host closes the open database, lets `replace` put another file in its place, and
 * comes back on it: the Electron app relaunches; the web host reopens in place.
 */
export type DatabaseSwap = (replace: () => Promise<void>) => Promise<{ restarting: boolean }>;

export interface BackupRef {
  name: string;
  location: 'primary' | 'second';
  passphrase?: string | undefined;
}

export interface BackupServiceOptions {
  swap?: DatabaseSwap;
  /** Where scheduled backup failures are reported (the application log). */
  onError?: (error: unknown) => void;
}

function passphraseNeeded(): ServiceError {
  return new ServiceError('invalid_input', 'This backup is encrypted. Enter the clinic’s backup passphrase to open it.', {
    passphrase: 'Enter the backup passphrase',
  });
}

/** Backups of the open clinic file: list, create, preview, restore, passphrase, schedule. */
export class BackupService {
  constructor(
    private readonly db: Kysely<DB>,
    readonly dbFile: string,
    private readonly options: BackupServiceOptions = {},
  ) {}

  private lastSecondFolderProblem: string | null = null;
  private running: Promise<unknown> = Promise.resolve();

  list(): BackupList {
    return listBackups(this.dbFile, this.lastSecondFolderProblem);
  }

  /** One backup at a time: a scheduled one and a manual one never interleave. */
  create(kind: 'startup' | 'daily' | 'manual' | 'pre-restore', now: Date, protect: readonly string[] = []): Promise<BackupInfo> {
    const run = this.running.then(async () => {
      try {
        const created = await createBackup(connectionOf(this.db), this.dbFile, kind, now, { protect });
        this.lastSecondFolderProblem = created.secondFolderProblem;
        return created.info;
      } catch (error) {
        if (error instanceof BackupError) throw new ServiceError('unavailable', error.message);
        throw error;
      }
    });
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Administrators only: dispatch checks the role before this is called. */
  async setPassphrase(
    ctx: ActorContext,
    input: { passphrase: string; currentPassphrase?: string | undefined; secondFolder?: string | null | undefined; retention?: RetentionRule | undefined },
  ): Promise<{ passphraseSet: boolean; secondFolder: string | null; retention: RetentionRule }> {
    const settings = readBackupSettings(this.dbFile);
    let keyring = settings.keyring;
    if (keyring) {
      if (!input.currentPassphrase) {
        throw new ServiceError('invalid_input', 'A backup passphrase is already set: enter it to change it.', { currentPassphrase: 'Enter the current passphrase' });
      }
      try {
        keyring = rewrapKeyring(keyring, input.currentPassphrase, input.passphrase);
      } catch (error) {
        if (error instanceof WrongPassphraseError) {
          throw new ServiceError('invalid_input', 'The current backup passphrase is not right.', { currentPassphrase: 'Not the current passphrase' });
        }
        throw error;
      }
    } else {
      keyring = createKeyring(input.passphrase);
    }
    const secondFolder = input.secondFolder === undefined ? settings.secondFolder : input.secondFolder?.trim() || null;
    if (secondFolder && !existsSync(secondFolder)) {
      throw new ServiceError('invalid_input', `The folder ${secondFolder} is not there.`, { secondFolder: 'Choose an existing folder' });
    }
    const next: BackupSettings = { keyring, secondFolder, retention: input.retention ?? settings.retention };
    writeBackupSettings(this.dbFile, next);
    await this.db.transaction().execute((trx) =>
      recordAudit(trx, ctx, {
        staffId: ctx.actor.id,
        action: 'set_passphrase',
        reason: settings.keyring ? 'Passphrase changed' : 'Passphrase set',
        entity: 'backup_settings',
        entityId: 1,
        before: { secondFolder: settings.secondFolder },
        after: { secondFolder: next.secondFolder },
      }),
    );
    return { passphraseSet: true, secondFolder: next.secondFolder, retention: next.retention };
  }

  /** How many backups to keep (administrators only: dispatch checks the role); the next backup applies it. */
  async setRetention(ctx: ActorContext, retention: RetentionRule): Promise<RetentionRule> {
    const before = readBackupSettings(this.dbFile);
    writeBackupSettings(this.dbFile, { ...before, retention });
    await this.db.transaction().execute((trx) =>
      recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'update', entity: 'backup_settings', entityId: 1, before: before.retention, after: retention }),
    );
    return retention;
  }

  /** A readable, verified plain copy of a backup (decrypted if needed) and whether it is temporary. */
  private async plainCopy(ref: BackupRef, now: Date): Promise<{ path: string; temporary: boolean; info: BackupInfo }> {
    let path: string;
    try {
      path = backupPath(this.dbFile, ref.name, ref.location);
    } catch (error) {
      throw new ServiceError('not_found', error instanceof Error ? error.message : String(error));
    }
    const info = this.list().backups.find((b) => b.name === ref.name && b.location === ref.location);
    if (!info) throw new ServiceError('not_found', `The backup ${ref.name} is not there any more.`);
    if (!isEncryptedBackup(path)) return { path, temporary: false, info };
    const keyring = readBackupSettings(this.dbFile).keyring;
    if (!keyring) throw new ServiceError('unavailable', 'This backup is encrypted and no backup passphrase is set on this computer, so it cannot be opened here.');
    if (!ref.passphrase) throw passphraseNeeded();
    let privateKey;
    try {
      privateKey = unlockKeyring(keyring, ref.passphrase);
    } catch (error) {
      if (error instanceof WrongPassphraseError) {
        throw new ServiceError('invalid_input', 'The backup passphrase is not right; the backup was not opened.', { passphrase: 'Not the backup passphrase' });
      }
      throw error;
    }
    const temp = `${backupFolderOf(this.dbFile)}/decrypted-${now.getTime()}.sqlite${PARTIAL_SUFFIX}`;
    try {
      await decryptFile(path, temp, privateKey);
    } catch (error) {
      removeQuietly(temp);
      throw new ServiceError('invalid_input', error instanceof Error ? error.message : String(error));
    }
    return { path: temp, temporary: true, info };
  }

  async preview(ref: BackupRef, now: Date): Promise<BackupPreview> {
    const copy = await this.plainCopy(ref, now);
    try {
      const found = inspectCopy(copy.path);
      if (found.integrity !== 'ok') throw new ServiceError('conflict', `The backup ${ref.name} is damaged (${found.integrity.slice(0, 200)}); it cannot be restored.`);
      const current = countsOf(connectionOf(this.db));
      return {
        backup: { ...copy.info, schemaVersion: found.schemaVersion, counts: found.counts },
        current,
        currentSchemaVersion: LATEST_SCHEMA_VERSION,
        lost: {
          patients: Math.max(0, current.patients - found.counts.patients),
          courses: Math.max(0, current.courses - found.counts.courses),
          sessions: Math.max(0, current.sessions - found.counts.sessions),
        },
      };
    } finally {
      if (copy.temporary) removeQuietly(copy.path);
    }
  }

  /**
   * Restores a backup: checks it, keeps the current file as a verified 'pre-restore' backup,
   * brings the copy up to this version's schema and records the restore in its audit log, then
   * has the host close the database, put the copy in its place and restart on it.
   */
  async restore(ctx: ActorContext, ref: BackupRef & { confirmName: string }): Promise<{ restored: string; keptAs: string; restarting: boolean }> {
    const { actor } = ctx;
    const swap = this.options.swap;
    if (!swap) throw new ServiceError('unavailable', 'Restoring is not available here.');
    if (ref.confirmName.trim() !== ref.name) {
      throw new ServiceError('invalid_input', 'Type the backup’s name to confirm the restore.', { confirmName: 'Type the backup’s name exactly' });
    }
    const preview = await this.preview(ref, ctx.now);
    if ((preview.backup.schemaVersion ?? 0) > LATEST_SCHEMA_VERSION) {
      throw new ServiceError('conflict', 'This backup was made by a newer version of TMS Course Tracker; install it to restore this backup.');
    }
    // The restored file is prepared beside the database under a temporary name.
    const candidate = `${this.dbFile}.restoring${PARTIAL_SUFFIX}`;
    removeQuietly(candidate, `${candidate}-wal`, `${candidate}-shm`);
    const copy = await this.plainCopy(ref, ctx.now);
    try {
      copyFileSync(copy.path, candidate);
    } finally {
      if (copy.temporary) removeQuietly(copy.path);
    }
    let kept: BackupInfo;
    try {
      kept = await this.create('pre-restore', ctx.now, [ref.name]);
    } catch (error) {
      removeQuietly(candidate);
      throw error;
    }
    const restored = await openDatabase(candidate, { now: ctx.now });
    try {
      const staffInBackup = await restored.selectFrom('staff').select('id').where('id', '=', actor.id).executeTakeFirst();
      const fallback = staffInBackup ? null : await restored.selectFrom('staff').select('id').where('role', '=', 'admin').orderBy('id').executeTakeFirst();
      const staffId = staffInBackup?.id ?? fallback?.id;
      if (staffId === undefined) throw new ServiceError('conflict', 'This backup has no staff member to record the restore under; it cannot be restored.');
      await restored.transaction().execute((trx) =>
        recordAudit(trx, ctx, {
          staffId,
          action: 'restore_backup',
          entity: 'database',
          entityId: 1,
          before: { ...preview.current, schemaVersion: preview.currentSchemaVersion },
          after: { backup: ref.name, createdAt: preview.backup.createdAt, ...preview.backup.counts, keptAs: kept.name },
          reason: staffInBackup ? null : `Restored by ${actor.name} (staff id ${actor.id}, not in this backup)`,
        }),
      );
    } catch (error) {
      await restored.destroy();
      removeQuietly(candidate, `${candidate}-wal`, `${candidate}-shm`);
      throw error;
    }
    await restored.destroy();
    const { restarting } = await swap(async () => {
      const wal = `${this.dbFile}-wal`;
      if (existsSync(wal) && statSync(wal).size > 0) {
        throw new ServiceError('conflict', 'Another program still has the clinic’s file open, so it was not replaced. Close it and restore again.');
      }
      // The old file's WAL and shared memory must not be applied to the restored file.
      removeQuietly(wal, `${this.dbFile}-shm`);
      commitFile(candidate, this.dbFile);
      fsyncDir(dirname(this.dbFile));
    });
    return { restored: ref.name, keptAs: kept.name, restarting };
  }

  /**
   * A backup at start-up, then one whenever the newest is a day old (checked every `checkMs`).
   * Returns a function that stops the schedule.
   */
  startSchedule(now: () => Date = () => new Date(), checkMs = 60 * 60 * 1000): () => void {
    removeStalePartials(backupFolderOf(this.dbFile), now());
    const report = (error: unknown) => this.options.onError?.(error);
    this.create('startup', now()).catch(report);
    const timer = setInterval(() => {
      const newest = newestBackupAt(this.dbFile);
      if (!newest || now().getTime() - newest.getTime() >= DAY_MS) this.create('daily', now()).catch(report);
    }, checkMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
