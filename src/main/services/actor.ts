import type { Kysely } from 'kysely';
import type { StaffRole } from '../../shared/schemas/staff';
import { preparedQuery } from '../db/preparedQuery';
import type { DB } from '../db/schema';
import { ServiceError } from './errors';

export interface Actor {
  id: number;
  name: string;
  role: StaffRole;
}

const staffById = preparedQuery((db, id: number) => db.selectFrom('staff').select(['id', 'name', 'role', 'active']).where('id', '=', id));

/** The active staff member a write is recorded under; refuses unknown or inactive ones. */
export async function requireActor(
  db: Kysely<DB>,
  actorId: number,
  allowedRoles?: readonly StaffRole[],
): Promise<Actor> {
  const [row] = await staffById(db, actorId);
  if (!row || row.active !== 1) {
    throw new ServiceError('forbidden', 'Choose an active staff member before making changes.', {
      actorId: 'Not an active staff member',
    });
  }
  if (allowedRoles && !allowedRoles.includes(row.role)) {
    throw new ServiceError('forbidden', `${row.name} (${row.role}) is not allowed to do this.`);
  }
  return { id: row.id, name: row.name, role: row.role };
}
