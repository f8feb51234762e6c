import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { type Channel, isChannel } from '../../shared/ipc/channels';
import { type ChannelOutput, contract } from '../../shared/ipc/contract';
import type { AppErrorData, IpcResult } from '../../shared/ipc/result';
import { isBusy, isConstraintViolation } from '../db/engines/failures';
import type { DB } from '../db/schema';
import { mayAccess } from '../../shared/ipc/access';
import { type Actor, loadActor } from '../services/actor';
import { signOut } from '../services/auth';
import { ServiceError } from '../services/errors';
import { getAccessPolicy, getClinicSettings } from '../services/settings';
import { createHandlers, type HandlerContext, type HandlerOptions } from './handlers';
import type { HostSession } from './hostSession';

/**
 * What the host knows about a call: the time, and who is signed in where it came from. The host
 * passes its session store (Electron: per window; web host: per browser session), or, in tests
 * and tools, a staff id directly. Never from the call's input.
 */
export interface DispatchContext {
  now: Date;
  staffId?: number | null;
  session?: HostSession;
}

export type Dispatch = <C extends string>(
  channel: C,
  input: unknown,
  context?: DispatchContext,
) => Promise<IpcResult<C extends Channel ? ChannelOutput<C> : never>>;

export interface DispatchOptions extends Partial<HandlerOptions> {
  /**
   * Check every result against the contract's output schema (default true). Results come from
   * our own typed code, so this is a development and test assertion; the packaged app turns it
   * off, as it costs as much as the query on detail reads. Inputs are always validated.
   */
  validateOutput?: boolean;
  /** Where unexpected failures are reported (they reach the renderer only as a generic message). */
  logError?: (channel: string, error: unknown) => void;
}

/** Turns zod issues into `fields`: dotted input path → first message for that path. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Another connection or workstation held the write lock too long (either engine; see failures.ts). */
export function isSqliteBusy(error: unknown): boolean {
  return isBusy(error);
}

export const BUSY_MESSAGE =
  'The database is busy with another program or window and this change could not wait any longer. ' +
  'Nothing was saved; what you typed is kept — please try again in a moment.';

export function toErrorData(channel: string, error: unknown, options: DispatchOptions): AppErrorData {
  if (error instanceof ServiceError) {
    return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  }
  if (isSqliteBusy(error)) return { code: 'busy', message: BUSY_MESSAGE };
  options.logError?.(channel, error);
  if (isConstraintViolation(error)) {
    // The schema's CHECKs mirror the zod rules, so reaching one means the two disagree.
    return { code: 'invalid_input', message: 'The database refused this change as invalid. Nothing was saved.' };
  }
  return { code: 'internal', message: 'Something went wrong and nothing was saved. Please try again.' };
}

const PASSWORD_CHANGE_CHANNELS: ReadonlySet<string> = new Set(['auth:changePassword', 'auth:signOut', 'auth:session']);

/**
 * The signed-in actor, or null: unknown or inactive staff are not signed in, and a session idle
 * for longer than the clinic's lock time is signed out here, whatever the window shows.
 */
async function resolveActor(db: Kysely<DB>, context: DispatchContext): Promise<Actor | null> {
  const session = context.session;
  const staffId = session ? session.staffId : (context.staffId ?? null);
  if (staffId === null) return null;
  const actor = await loadActor(db, staffId);
  if (!actor) {
    session?.signOut();
    return null;
  }
  if (session?.lastActivity) {
    const { lockAfterMinutes } = await getClinicSettings(db);
    if (context.now.getTime() - session.lastActivity.getTime() > lockAfterMinutes * 60_000) {
      session.signOut();
      await signOut(db, context, actor, 'idle');
      return null;
    }
  }
  return actor;
}

/**
 * The single entry point for every contract call, used by the Electron IPC wiring and the
 * web test host alike. It validates input (and, unless turned off, output) against the contract and never throws.
 */
export function createDispatch(db: Kysely<DB>, options: DispatchOptions = {}): Dispatch {
  const handlers = createHandlers(db, {
    appVersion: options.appVersion ?? '0.0.0',
    ...(options.verifyAuditAtStart ? { verifyAuditAtStart: true } : {}),
    ...(options.logPath ? { logPath: options.logPath } : {}),
    ...(options.onAuditChainBroken ? { onAuditChainBroken: options.onAuditChainBroken } : {}),
    ...(options.exports ? { exports: options.exports } : {}),
    ...(options.clinics ? { clinics: options.clinics } : {}),
    ...(options.backups ? { backups: options.backups } : {}),
    ...(options.clinicDatabase ? { clinicDatabase: options.clinicDatabase } : {}),
  });
  const validateOutput = options.validateOutput ?? true;
  const run = async (channel: string, input: unknown, context?: DispatchContext): Promise<IpcResult<unknown>> => {
    try {
      if (!isChannel(channel)) {
        return { ok: false, error: { code: 'unknown_channel', message: `Unknown channel: ${String(channel).slice(0, 80)}` } };
      }
      const spec = contract[channel];
      const ctx = context ?? { now: new Date() };
      const actor = await resolveActor(db, ctx);
      if (spec.access !== 'public') {
        if (!actor) return { ok: false, error: { code: 'unauthenticated', message: 'Sign in to continue. Nothing was saved.' } };
        if (actor.mustChangePassword && !PASSWORD_CHANGE_CHANNELS.has(channel)) {
          return { ok: false, error: { code: 'password_change_required', message: 'Choose a new password before continuing.' } };
        }
        const policy = spec.access === 'staff-manager' ? await getAccessPolicy(db) : { psychiatristsManageStaff: false };
        if (!mayAccess(spec.access, actor.role, policy)) {
          return { ok: false, error: { code: 'forbidden', message: `A ${actor.role} cannot do this. Nothing was changed.` } };
        }
      }
      if (actor) ctx.session?.touch(ctx.now);
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        const fields = fieldErrors(parsed.error);
        const count = Object.keys(fields).length;
        return {
          ok: false,
          error: { code: 'invalid_input', message: count === 1 ? 'One field needs attention.' : `${count} fields need attention.`, fields },
        };
      }
      const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
      const value = await handler(parsed.data, { now: ctx.now, actor, session: ctx.session ?? null });
      if (!validateOutput) return { ok: true, value };
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        options.logError?.(channel, checked.error);
        return { ok: false, error: { code: 'internal', message: 'The app produced an unexpected result. Nothing was lost; please report this.' } };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      return { ok: false, error: toErrorData(String(channel), error, options) };
    }
  };
  return run as Dispatch;
}
