import type { Kysely } from 'kysely';
import type { StaffRole } from '../../shared/schemas/staff';
import { preparedQuery } from '../db/preparedQuery';
import type { DB } from '../db/schema';
import { ServiceError } from './errors';

/** The signed-in staff member a call runs as, resolved by dispatch from the host's session. */
export interface Actor {
  id: number;
  name: string;
  role: StaffRole;
  mustChangePassword: boolean;
}

const staffById = preparedQuery((db, id: number) =>
  db.selectFrom('staff').select(['id', 'name', 'role', 'active', 'must_change_password']).where('id', '=', id),
);

/** The active staff member with this id, or null (unknown or inactive: treated as not signed in). */
export async function loadActor(db: Kysely<DB>, staffId: number): Promise<Actor | null> {
  const [row] = await staffById(db, staffId);
  if (!row || row.active !== 1) return null;
  return { id: row.id, name: row.name, role: row.role, mustChangePassword: row.must_change_password === 1 };
}

/** A staff member named in the input (who measured a threshold): must exist and be active. */
export async function requireActiveStaff(db: Kysely<DB>, staffId: number, field: string, roles?: readonly StaffRole[]): Promise<void> {
  const [row] = await staffById(db, staffId);
  if (!row || row.active !== 1 || (roles && !roles.includes(row.role))) {
    throw new ServiceError('invalid_input', 'Choose an active staff member.', { [field]: 'Not an active staff member' });
  }
}
