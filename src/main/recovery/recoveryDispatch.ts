import { isChannel } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import { type RecoveryStatus, restorableProblems } from '../../shared/schemas/recovery';
import { backupFolderOf, listBackups } from '../backup/backups';
import type { DatabaseSwap } from '../backup/service';
import type { DatabaseOpenError } from '../db';
import { type Dispatch, type DispatchOptions, fieldErrors, toErrorData } from '../ipc/dispatch';
import { ServiceError } from '../services/errors';
import { restoreAtRecovery } from './restoreAtRecovery';

export interface RecoveryOptions extends Pick<DispatchOptions, 'logError'> {
  /** How the host comes back on the restored file: the app relaunches, the web host reopens in place. */
  swap: DatabaseSwap;
}

/** What the recovery screen shows: the problem, and the verified backups beside the file. */
export function recoveryStatusOf(file: string, error: DatabaseOpenError): Extract<RecoveryStatus, { state: 'recovery' }> {
  let backups: ReturnType<typeof listBackups>['backups'] = [];
  try {
    backups = listBackups(file).backups.filter((b) => b.location === 'primary' && b.verification === 'verified');
  } catch {
    // An unreadable backups folder leaves nothing to offer; the problem is still shown.
  }
  return {
    state: 'recovery',
    problem: { kind: error.reason, message: error.message },
    file,
    backupFolder: backupFolderOf(file),
    restorable: restorableProblems.includes(error.reason),
    backups,
  };
}

/**
 * The dispatch while the clinic file cannot be opened: the recovery screen's two channels, and
 * the problem's message for every other call. Never touches the unusable file except to move
 * it aside when a backup is restored in its place.
 */
export function createRecoveryDispatch(file: string, error: DatabaseOpenError, options: RecoveryOptions): Dispatch {
  const unavailable = { code: 'unavailable' as const, message: error.message };
  const run = async (channel: string, input: unknown, context?: { now: Date }): Promise<IpcResult<unknown>> => {
    const now = context?.now ?? new Date();
    try {
      if (channel === 'recovery:status') return { ok: true, value: recoveryStatusOf(file, error) };
      if (channel !== 'recovery:restore' || !isChannel(channel)) return { ok: false, error: unavailable };
      if (!recoveryStatusOf(file, error).restorable) throw new ServiceError('conflict', `A backup does not fix this: ${error.message}`);
      const parsed = contract['recovery:restore'].input.safeParse(input ?? {});
      if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: 'Check the fields marked.', fields: fieldErrors(parsed.error) } };
      let result: { restored: string; keptAs: string } | null = null;
      const { restarting } = await options.swap(async () => {
        result = await restoreAtRecovery(file, parsed.data, now, `Restored from the recovery screen: ${error.message}`);
      });
      if (!result) throw new Error('The restore did not run');
      return { ok: true, value: { ...(result as { restored: string; keptAs: string }), restarting } };
    } catch (caught) {
      return { ok: false, error: toErrorData(channel, caught, options) };
    }
  };
  return run as Dispatch;
}
