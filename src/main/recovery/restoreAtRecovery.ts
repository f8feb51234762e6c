import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { mayAccess } from '../../shared/ipc/access';
import { contract } from '../../shared/ipc/contract';
import type { RecoveryRestoreInput } from '../../shared/schemas/recovery';
import { backupFolderOf, backupPath, listBackups } from '../backup/backups';
import { commitFile, fsyncDir, PARTIAL_SUFFIX, removeQuietly } from '../backup/files';
import { inspectCopy } from '../backup/verify';
import { LATEST_SCHEMA_VERSION, openDatabase } from '../db';
import { recordAudit } from '../services/audit';
import { checkCredentials } from '../services/auth';
import { ServiceError } from '../services/errors';
import { getAccessPolicy } from '../services/settings';

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace('.', '');
}

function keptPathOf(file: string, now: Date): string {
  return join(backupFolderOf(file), `unopenable-${stamp(now)}-${basename(file)}`);
}

/** Moves the unusable file (and its journal) into the backups folder under a name that says what it is; never deletes it. */
function keepUnusableFile(file: string, kept: string): void {
  const folder = dirname(kept);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  for (const suffix of ['-wal', '-shm', '']) {
    if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${kept}${suffix}`);
  }
  fsyncDir(folder);
}

/**
 * Restores a verified backup in place of a clinic file that cannot be opened, from the recovery
 * screen. Nobody can sign in to the unusable file, so the person restoring signs in to the backup
 * itself: a staff member who may restore backups there, with their password in it. The backup is
 * copied beside the file, brought up to this version's schema and the restore recorded in its
 * audit log; only then is the unusable file moved into the backups folder and the copy put in
 * its place.
 */
export async function restoreAtRecovery(file: string, input: RecoveryRestoreInput, now: Date, reason: string): Promise<{ restored: string; keptAs: string }> {
  if (input.confirmName.trim() !== input.name) {
    throw new ServiceError('invalid_input', 'Type the backup’s name to confirm the restore.', { confirmName: 'Type the backup’s name exactly' });
  }
  const info = listBackups(file).backups.find((b) => b.location === 'primary' && b.name === input.name);
  if (!info) throw new ServiceError('not_found', `The backup ${input.name} is not in ${backupFolderOf(file)}.`);
  const path = backupPath(file, info.name, 'primary');
  const found = inspectCopy(path);
  if (found.integrity !== 'ok') throw new ServiceError('conflict', `The backup ${info.name} is damaged (${found.integrity.slice(0, 200)}); choose another.`);
  if (found.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new ServiceError('conflict', 'This backup was made by a newer version of TMS Course Tracker; install it to restore this backup.');
  }
  const candidate = `${file}.restoring${PARTIAL_SUFFIX}`;
  const discard = () => removeQuietly(candidate, `${candidate}-wal`, `${candidate}-shm`);
  discard();
  copyFileSync(path, candidate);
  const ctx = { now };
  const kept = keptPathOf(file, now);
  try {
    const restored = await openDatabase(candidate, { now });
    try {
      const { staff } = await checkCredentials(restored, ctx, input, 'password', 'invalid_input');
      if (!mayAccess(contract['backups:restore'].access, staff.role, await getAccessPolicy(restored))) {
        throw new ServiceError('forbidden', `${staff.name} may not restore backups: an administrator of this backup signs in here.`, { username: 'Not an administrator in this backup' });
      }
      await restored.transaction().execute((trx) =>
        recordAudit(trx, ctx, {
          staffId: staff.id,
          action: 'restore_backup',
          entity: 'database',
          entityId: 1,
          before: null,
          after: { backup: info.name, createdAt: info.createdAt, ...found.counts },
          reason: `${reason} The unusable file was kept as ${basename(kept)}.`,
        }),
      );
    } finally {
      await restored.destroy();
    }
  } catch (error) {
    discard();
    throw error;
  }
  keepUnusableFile(file, kept);
  commitFile(candidate, file);
  fsyncDir(dirname(file));
  return { restored: info.name, keptAs: basename(kept) };
}
