import type { Channel } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { AppErrorData, ErrorCode } from '../../shared/ipc/result';

/** Fired when main answers a call with "unauthenticated". */
export const SIGNED_OUT_EVENT = 'tms:signed-out';

/** A failed call, as the renderer handles it: code, message and per-field messages. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string>;

  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'AppError';
    this.code = data.code;
    this.fields = data.fields ?? {};
  }
}

/**
 * The answer the page's first script already has for this call (taken, so it is used once), for
 * the app's first render to start with; undefined if it has none yet or the call failed.
 */
export function takeEarlyAnswer<C extends Channel>(channel: C, input: ChannelInput<C>): ChannelOutput<C> | undefined {
  const early = window.tmsEarlyCalls;
  // Still on its way: left for the call the screen makes, which waits for it instead of asking again.
  if (!early?.answered(channel, input)) return undefined;
  const result = early.take(channel, input)?.result;
  return result?.ok ? (result.value as ChannelOutput<C>) : undefined;
}

/** Forgets the first script's calls not yet taken: after a sign-out, a lock or a sign-in, none belongs to who is at the window. */
export function forgetEarlyCalls(): void {
  window.tmsEarlyCalls?.clear();
}

/**
 * Calls a contract channel. Main validated the output against the contract before
 * sending it, so the value is typed from the contract here without parsing it again.
 */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const bridge = window.api;
  if (!bridge) {
    throw new AppError({ code: 'unavailable', message: 'The app could not reach its database: no bridge is installed.' });
  }
  let result;
  try {
    result = await (window.tmsEarlyCalls?.take(channel, input)?.promise ?? bridge.invoke(channel, input));
  } catch (error) {
    throw new AppError({ code: 'unavailable', message: `The app could not reach its database (${String(error)}). Nothing was saved.` });
  }
  if (result.ok) return result.value as ChannelOutput<C>;
  // Main signed this window out (idle time, account deactivated): the auth layer locks the screen.
  if (result.error.code === 'unauthenticated' && channel !== 'auth:signIn') window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  throw new AppError(result.error);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
