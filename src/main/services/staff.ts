import { type Kysely, type Selectable, sql } from 'kysely';
import { type Staff, type StaffFields, staffManagerRoles } from '../../shared/schemas/staff';
import type { DB, StaffTable } from '../db/schema';
import { requireActor } from './actor';
import { recordAudit } from './audit';
import type { ServiceContext } from './context';
import { notFound, ServiceError } from './errors';

function toStaff(row: Selectable<StaffTable>): Staff {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    active: row.active === 1,
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

async function assertNameFree(db: Kysely<DB>, name: string, exceptId?: number): Promise<void> {
  // Compare as the unique index does (NOCASE), so the friendly check and the index agree.
  const clash = await db
    .selectFrom('staff')
    .select('id')
    .where(sql<boolean>`name = ${name} COLLATE NOCASE`)
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId ?? 0))
    .executeTakeFirst();
  if (clash) {
    throw new ServiceError('conflict', `A staff member called ${name} already exists.`, {
      name: 'This name is already used by another staff member',
    });
  }
}

async function insertStaff(db: Kysely<DB>, ctx: ServiceContext, fields: StaffFields, actorId: number | 'self'): Promise<Staff> {
  return db.transaction().execute(async (trx) => {
    await assertNameFree(trx, fields.name);
    const at = ctx.now.toISOString();
    const row = await trx
      .insertInto('staff')
      .values({ name: fields.name, role: fields.role, active: 1, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    const created = toStaff(row);
    await recordAudit(trx, ctx, {
      staffId: actorId === 'self' ? created.id : actorId,
      action: 'create',
      entity: 'staff',
      entityId: created.id,
      before: null,
      after: created,
    });
    return created;
  });
}

/** First run: the first staff member creates their own account; refused once anyone exists. */
export async function createFirstStaff(db: Kysely<DB>, ctx: ServiceContext, fields: StaffFields): Promise<Staff> {
  if ((await countStaff(db)) > 0) {
    throw new ServiceError('conflict', 'Staff already exist: ask a psychiatrist or administrator to add you.');
  }
  return insertStaff(db, ctx, fields, 'self');
}

export async function createStaff(db: Kysely<DB>, ctx: ServiceContext, actorId: number, fields: StaffFields): Promise<Staff> {
  await requireActor(db, actorId, staffManagerRoles);
  return insertStaff(db, ctx, fields, actorId);
}

export async function updateStaff(
  db: Kysely<DB>,
  ctx: ServiceContext,
  actorId: number,
  id: number,
  fields: StaffFields & { active: boolean },
): Promise<Staff> {
  const actor = await requireActor(db, actorId, staffManagerRoles);
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('Staff member', id);
    await assertNameFree(trx, fields.name, id);
    const losesManagement =
      before.active === 1 &&
      staffManagerRoles.includes(before.role) &&
      (!fields.active || !staffManagerRoles.includes(fields.role));
    if (losesManagement && id === actor.id) {
      throw new ServiceError('conflict', 'You cannot remove your own right to manage staff.', {
        [fields.active ? 'role' : 'active']: 'Ask another psychiatrist or administrator to do this',
      });
    }
    if (losesManagement) {
      const managers = await trx
        .selectFrom('staff')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('active', '=', 1)
        .where('role', 'in', staffManagerRoles)
        .executeTakeFirstOrThrow();
      if (managers.n <= 1) {
        throw new ServiceError('conflict', 'At least one active psychiatrist or administrator must remain.');
      }
    }
    const row = await trx
      .updateTable('staff')
      .set({ name: fields.name, role: fields.role, active: fields.active ? 1 : 0, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const updated = toStaff(row);
    await recordAudit(trx, ctx, { staffId: actor.id, action: 'update', entity: 'staff', entityId: id, before: toStaff(before), after: updated });
    return updated;
  });
}
