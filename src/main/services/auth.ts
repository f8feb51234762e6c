import type { Kysely } from 'kysely';
import type { AuthSession, Credentials, SignInResult } from '../../shared/schemas/auth';
import type { Staff } from '../../shared/schemas/staff';
import { hashPassword, oneTimePassword, verifyPassword } from '../auth/passwords';
import { preparedQuery } from '../db/preparedQuery';
import type { DB } from '../db/schema';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import type { ActorContext, ServiceContext } from './context';
import { notFound, ServiceError } from './errors';
import { getClinicSettings } from './settings';
import { assertMayTouchRole, toStaff } from './staff';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_OUT_MINUTES = 15;

const staffByUsername = preparedQuery((db, username: string) => db.selectFrom('staff').selectAll().where('username', '=', username).where('active', '=', 1));
const staffWithPassword = preparedQuery((db) => db.selectFrom('staff').select('id').where('password_hash', 'is not', null).limit(1));

const INCORRECT = 'The username or password is incorrect.';

function minutesLeft(until: string, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 60_000));
}

/**
 * Checks a username and password. Five failures in a row lock the account for 15 minutes,
 * recorded in the audit log; a locked account is refused even with the right password.
 * The failure is recorded (committed) before the refusal is thrown.
 */
export async function checkCredentials(
  db: Kysely<DB>,
  ctx: ServiceContext,
  creds: Credentials,
  field: string,
  // Signing in answers "unauthenticated"; a co-signature or a password change by someone already
  // signed in is a wrong field value, not this window losing its sign-in.
  failure: 'unauthenticated' | 'invalid_input' = 'unauthenticated',
): Promise<SignInResult> {
  const [row] = await staffByUsername(db, creds.username);
  const matches = await verifyPassword(creds.password, row?.password_hash ?? null);
  if (!row) throw new ServiceError(failure, INCORRECT, { [field]: INCORRECT });
  const now = ctx.now.toISOString();
  if (row.locked_until !== null && row.locked_until > now) {
    const minutes = minutesLeft(row.locked_until, ctx.now);
    throw new ServiceError('locked', `This account is locked after ${MAX_FAILED_SIGN_INS} failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask a staff manager to reset the password.`, {
      [field]: 'Account locked',
    });
  }
  if (!matches) {
    const failures = row.failed_sign_ins + 1;
    const locks = failures >= MAX_FAILED_SIGN_INS;
    await db.transaction().execute(async (trx) => {
      const lockedUntil = locks ? new Date(ctx.now.getTime() + LOCK_OUT_MINUTES * 60_000).toISOString() : null;
      await trx.updateTable('staff').set({ failed_sign_ins: locks ? 0 : failures, locked_until: lockedUntil }).where('id', '=', row.id).execute();
      await recordAudit(trx, ctx, {
        staffId: row.id,
        action: locks ? 'lock_out' : 'sign_in_failed',
        entity: 'staff',
        entityId: row.id,
        before: null,
        after: null,
        reason: locks ? `Locked for ${LOCK_OUT_MINUTES} minutes after ${MAX_FAILED_SIGN_INS} failed attempts` : `Failed attempt ${failures} of ${MAX_FAILED_SIGN_INS}`,
      });
    });
    if (locks) {
      throw new ServiceError('locked', `Too many failed attempts: this account is locked for ${LOCK_OUT_MINUTES} minutes.`, { [field]: 'Account locked' });
    }
    throw new ServiceError(failure, INCORRECT, { [field]: INCORRECT });
  }
  if (row.failed_sign_ins > 0 || row.locked_until !== null) {
    await db.updateTable('staff').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', row.id).execute();
  }
  return { staff: toStaff({ ...row, failed_sign_ins: 0, locked_until: null }), mustChangePassword: row.must_change_password === 1 };
}

export async function signIn(db: Kysely<DB>, ctx: ServiceContext, creds: Credentials): Promise<SignInResult> {
  const result = await checkCredentials(db, ctx, creds, 'password');
  const { id } = result.staff;
  await db.transaction().execute((trx) => recordAudit(trx, ctx, { staffId: id, action: 'sign_in', entity: 'staff', entityId: id, before: null, after: null }));
  return result;
}

export async function signOut(db: Kysely<DB>, ctx: ServiceContext, actor: Actor | null, reason: 'sign_out' | 'lock' | 'idle'): Promise<void> {
  if (!actor) return;
  const why = { sign_out: 'Signed out', lock: 'Window locked', idle: 'Signed out after the clinic’s time without activity' }[reason];
  await db.transaction().execute((trx) => recordAudit(trx, ctx, { staffId: actor.id, action: 'sign_out', entity: 'staff', entityId: actor.id, before: null, after: null, reason: why }));
}

async function setPassword(db: Kysely<DB>, ctx: ServiceContext, byId: number, staffId: number, password: string, oneTime: boolean, fields: { username?: string } = {}): Promise<Staff> {
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('staff')
      .set({ ...fields, password_hash: hash, must_change_password: oneTime ? 1 : 0, failed_sign_ins: 0, locked_until: null, updated_at: ctx.now.toISOString() })
      .where('id', '=', staffId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound('Staff member', staffId);
    await recordAudit(trx, ctx, {
      staffId: byId,
      action: oneTime ? 'password_reset' : 'password_change',
      entity: 'staff',
      entityId: staffId,
      before: null,
      after: null,
      reason: oneTime ? 'One-time password issued; must be changed at the next sign-in' : 'Password changed',
    });
    return toStaff(row);
  });
}

export async function changePassword(db: Kysely<DB>, ctx: ActorContext, input: { currentPassword: string; newPassword: string }): Promise<SignInResult> {
  const [row] = await db.selectFrom('staff').select('username').where('id', '=', ctx.actor.id).execute();
  if (!row?.username) throw new ServiceError('conflict', 'This account has no username yet.');
  await checkCredentials(db, ctx, { username: row.username, password: input.currentPassword }, 'currentPassword', 'invalid_input');
  const staff = await setPassword(db, ctx, ctx.actor.id, ctx.actor.id, input.newPassword, false);
  return { staff, mustChangePassword: false };
}

/** A staff manager issues a one-time password; nobody can read a password, old or new. */
export async function resetPassword(db: Kysely<DB>, ctx: ActorContext, staffId: number): Promise<{ staff: Staff; oneTimePassword: string }> {
  const target = await db.selectFrom('staff').select(['role', 'username', 'active']).where('id', '=', staffId).executeTakeFirst();
  if (!target) throw notFound('Staff member', staffId);
  assertMayTouchRole(ctx.actor, target.role);
  if (!target.username) throw new ServiceError('conflict', 'Give this staff member a username first, then reset the password.', { username: 'Needed to sign in' });
  const password = oneTimePassword();
  const staff = await setPassword(db, ctx, ctx.actor.id, staffId, password, true);
  return { staff, oneTimePassword: password };
}

/**
 * A clinic from before sign-in has staff but no passwords: its first staff manager (an active
 * administrator or psychiatrist) claims a username and password, then resets everyone else's.
 * Refused once anyone has a password.
 */
export async function setUpSignIn(db: Kysely<DB>, ctx: ServiceContext, input: { staffId: number; username: string; password: string }): Promise<SignInResult> {
  if ((await staffWithPassword(db)).length > 0) throw new ServiceError('conflict', 'Sign-in is already set up: sign in, or ask a staff manager to reset your password.');
  const target = await db.selectFrom('staff').select(['role', 'active']).where('id', '=', input.staffId).executeTakeFirst();
  if (!target || target.active !== 1 || target.role === 'technician') {
    throw new ServiceError('invalid_input', 'Choose an active administrator or psychiatrist.', { staffId: 'Choose an administrator or psychiatrist' });
  }
  const clash = await db.selectFrom('staff').select('id').where('username', '=', input.username).where('id', '!=', input.staffId).executeTakeFirst();
  if (clash) throw new ServiceError('conflict', 'This username is taken.', { username: 'This username is taken' });
  const staff = await setPassword(db, ctx, input.staffId, input.staffId, input.password, false, { username: input.username });
  return { staff, mustChangePassword: false };
}

export async function authSession(db: Kysely<DB>, actor: Actor | null): Promise<AuthSession> {
  const [settings, anyPassword, staffRow] = await Promise.all([
    getClinicSettings(db),
    staffWithPassword(db),
    actor ? db.selectFrom('staff').selectAll().where('id', '=', actor.id).executeTakeFirst() : undefined,
  ]);
  const staffCount = anyPassword.length > 0 ? 1 : (await db.selectFrom('staff').select('id').limit(1).execute()).length;
  return {
    staff: staffRow ? toStaff(staffRow) : null,
    mustChangePassword: actor?.mustChangePassword ?? false,
    signInSetupNeeded: anyPassword.length === 0 && staffCount > 0,
    psychiatristsManageStaff: settings.psychiatristsManageStaff,
    lockAfterMinutes: settings.lockAfterMinutes,
    dateFormat: settings.dateFormat,
  };
}
