import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { mayAccess } from '../../shared/ipc/access';
import type { DateFormat } from '../../shared/dateFormat';
import type { SignInResult } from '../../shared/schemas/auth';
import type { Staff, StaffFields, StaffRole } from '../../shared/schemas/staff';
import { hashPassword, oneTimePassword } from '../auth/passwords';
import { engineOf } from '../db/engines/engine';
import type { DB, StaffTable } from '../db/schema';
import { recordAudit } from './audit';
import type { ActorContext, ServiceContext } from './context';
import { notFound, ServiceError } from './errors';
import { getAccessPolicy, getClinicSettings, writeClinicSettings } from './settings';

export function toStaff(row: Selectable<StaffTable>): Staff {
  return {
    id: row.id,
    name: row.name,
    username: row.username,
    role: row.role,
    active: row.active === 1,
    trainedRater: row.trained_rater === 1,
    canSignIn: row.password_hash !== null,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listStaff(db: Kysely<DB>, includeInactive: boolean): Promise<Staff[]> {
  let query = db.selectFrom('staff').selectAll().orderBy('active', 'desc').orderBy('name');
  if (!includeInactive) query = query.where('active', '=', 1);
  return (await query.execute()).map(toStaff);
}

export async function countStaff(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('staff').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

async function assertNamesFree(db: Kysely<DB>, fields: StaffFields, exceptId?: number): Promise<void> {
  // Compare names as the unique index does (NOCASE), so the friendly check and the index agree.
  const clashes = await db
    .selectFrom('staff')
    .select(['id', 'name', 'username'])
    .where((eb) => eb.or([engineOf(db).equalsIgnoringCase(sql.ref('name'), fields.name), eb('username', '=', fields.username)]))
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId ?? 0))
    .execute();
  const fieldErrors: Record<string, string> = {};
  if (clashes.some((c) => c.name.toLowerCase() === fields.name.toLowerCase())) fieldErrors['name'] = 'This name is already used by another staff member';
  if (clashes.some((c) => c.username === fields.username)) fieldErrors['username'] = 'This username is taken';
  if (Object.keys(fieldErrors).length > 0) {
    throw new ServiceError('conflict', 'Another staff member already has this name or username.', fieldErrors);
  }
}

/** Only an administrator may create, change or reset the password of an administrator. */
export function assertMayTouchRole(actor: { role: StaffRole }, ...roles: StaffRole[]): void {
  if (actor.role !== 'admin' && roles.includes('admin')) {
    throw new ServiceError('forbidden', 'Only an administrator can create or change an administrator account.', { role: 'Ask an administrator' });
  }
}

async function insertStaff(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  fields: StaffFields,
  passwordHash: string,
  mustChange: boolean,
  actorId: number | 'self',
): Promise<Staff> {
  await assertNamesFree(trx, fields);
  const at = ctx.now.toISOString();
  const row = await trx
    .insertInto('staff')
    .values({
      name: fields.name,
      username: fields.username,
      role: fields.role,
      trained_rater: fields.trainedRater ? 1 : 0,
      active: 1,
      password_hash: passwordHash,
      must_change_password: mustChange ? 1 : 0,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const created = toStaff(row);
  await recordAudit(trx, ctx, { staffId: actorId === 'self' ? created.id : actorId, action: 'create', entity: 'staff', entityId: created.id, before: null, after: created });
  return created;
}

/** First run: the first staff member creates their own account with a password; refused once anyone exists. */
export async function createFirstStaff(db: Kysely<DB>, ctx: ServiceContext, fields: StaffFields & { password: string; dateFormat?: DateFormat | undefined }): Promise<SignInResult> {
  if ((await countStaff(db)) > 0) {
    throw new ServiceError('conflict', 'Staff already exist: ask a psychiatrist or administrator to add you.');
  }
  const hash = await hashPassword(fields.password);
  const staff = await db.transaction().execute(async (trx) => {
    if ((await countStaff(trx)) > 0) throw new ServiceError('conflict', 'Staff already exist: ask a psychiatrist or administrator to add you.');
    const created = await insertStaff(trx, ctx, fields, hash, false, 'self');
    await recordAudit(trx, ctx, { staffId: created.id, action: 'sign_in', entity: 'staff', entityId: created.id, before: null, after: null, reason: 'First account created' });
    if (fields.dateFormat) await writeClinicSettings(trx, ctx, created.id, await getClinicSettings(trx), { dateFormat: fields.dateFormat });
    return created;
  });
  return { staff, mustChangePassword: false };
}

/** A new account gets a one-time password, shown once to the manager, changed at first sign-in. */
export async function createStaff(db: Kysely<DB>, ctx: ActorContext, fields: StaffFields): Promise<{ staff: Staff; oneTimePassword: string }> {
  assertMayTouchRole(ctx.actor, fields.role);
  const password = oneTimePassword();
  const hash = await hashPassword(password);
  const staff = await db.transaction().execute((trx) => insertStaff(trx, ctx, fields, hash, true, ctx.actor.id));
  return { staff, oneTimePassword: password };
}

export async function updateStaff(db: Kysely<DB>, ctx: ActorContext, id: number, fields: StaffFields & { active: boolean }): Promise<Staff> {
  const { actor } = ctx;
  const policy = await getAccessPolicy(db);
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('Staff member', id);
    assertMayTouchRole(actor, before.role, fields.role);
    await assertNamesFree(trx, fields, id);
    const manages = (role: StaffRole, active: boolean) => active && mayAccess('staff-manager', role, policy);
    const losesManagement = manages(before.role, before.active === 1) && !manages(fields.role, fields.active);
    if (losesManagement && id === actor.id) {
      throw new ServiceError('conflict', 'You cannot remove your own right to manage staff.', {
        [fields.active ? 'role' : 'active']: 'Ask another staff manager to do this',
      });
    }
    if (losesManagement) {
      const managerRoles: StaffRole[] = policy.psychiatristsManageStaff ? ['admin', 'psychiatrist'] : ['admin'];
      const managers = await trx
        .selectFrom('staff')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('active', '=', 1)
        .where('role', 'in', managerRoles)
        .executeTakeFirstOrThrow();
      if (managers.n <= 1) {
        throw new ServiceError('conflict', 'At least one active staff manager must remain.');
      }
    }
    const row = await trx
      .updateTable('staff')
      .set({ name: fields.name, username: fields.username, role: fields.role, trained_rater: fields.trainedRater ? 1 : 0, active: fields.active ? 1 : 0, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const updated = toStaff(row);
    await recordAudit(trx, ctx, { staffId: actor.id, action: 'update', entity: 'staff', entityId: id, before: toStaff(before), after: updated });
    return updated;
  });
}
