import { z } from 'zod';
import { actorId, id, requiredText, timestamp } from './common';

export const staffRoles = ['technician', 'psychiatrist', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staffRoleLabels: Record<StaffRole, string> = {
  technician: 'TMS technician',
  psychiatrist: 'Psychiatrist',
  admin: 'Administrator',
};

/** Roles that may add, change and deactivate staff. */
export const staffManagerRoles: readonly StaffRole[] = ['admin', 'psychiatrist'];

export const staffFields = z.object({
  name: requiredText('Name', 100),
  role: z.enum(staffRoles, { error: 'Choose a role' }),
});
export type StaffFields = z.infer<typeof staffFields>;

export const firstStaffFields = staffFields.extend({
  role: z.enum(['psychiatrist', 'admin'], {
    error: 'The first account manages staff: choose psychiatrist or administrator',
  }),
});

export const staff = z.object({
  id,
  name: z.string(),
  role: z.enum(staffRoles),
  active: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Staff = z.infer<typeof staff>;

export const staffListInput = z.object({ includeInactive: z.boolean().default(false) });
export const staffCreateInput = staffFields.extend({ actorId });
export const staffUpdateInput = staffFields.extend({ actorId, id, active: z.boolean() });
