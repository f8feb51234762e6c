import type { IpcResult } from '../../shared/ipc/result';
import type { RecoveryStatus } from '../../shared/schemas/recovery';
import { type Dispatch, type DispatchOptions, toErrorData } from '../ipc/dispatch';

export interface ServerProblemOptions extends Pick<DispatchOptions, 'logError'> {
  /** Starts again on the same setting (the app relaunches; the web host reopens in place). */
  retry: () => Promise<{ restarting: boolean }>;
  /** Sets this workstation back to this computer's clinic and starts again on it. */
  useThisComputer: () => Promise<{ restarting: boolean }>;
}

const MESSAGE = 'The clinic server cannot be used now: see the start screen.';

/**
 * The dispatch while the workstation's clinic server cannot be used at start (the recovery
 * dispatch's pattern): the start screen's status, "Try again" and "Use this computer's clinic
 * instead"; every other call is answered "unavailable". Nothing is written to the server.
 */
export function createServerProblemDispatch(status: Extract<RecoveryStatus, { state: 'server' }>, options: ServerProblemOptions): Dispatch {
  const run = async (channel: string): Promise<IpcResult<unknown>> => {
    try {
      if (channel === 'recovery:status') return { ok: true, value: status };
      if (channel === 'recovery:retryServer') return { ok: true, value: await options.retry() };
      if (channel === 'recovery:useThisComputer') return { ok: true, value: await options.useThisComputer() };
      return { ok: false, error: { code: 'unavailable', message: MESSAGE } };
    } catch (caught) {
      return { ok: false, error: toErrorData(channel, caught, options) };
    }
  };
  return run as Dispatch;
}
