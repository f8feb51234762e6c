import { DATE_FORMATS } from '../dateFormat';
import { z } from 'zod';
import { id, requiredText, timestamp } from './common';
import { newPassword, username } from './credentials';

export const staffRoles = ['technician', 'psychiatrist', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staffRoleLabels: Record<StaffRole, string> = {
  technician: 'TMS technician',
  psychiatrist: 'Psychiatrist',
  admin: 'Administrator',
};

export const staffFields = z.object({
  name: requiredText('Name', 100),
  username,
  role: z.enum(staffRoles, { error: 'Choose a role' }),
  /** May enter clinician-rated scales (MADRS, HAM-D, CGI) besides psychiatrists (migration 0017). */
  trainedRater: z.boolean().default(false),
});
export type StaffFields = z.infer<typeof staffFields>;
export type StaffFieldsInput = z.input<typeof staffFields>;

export const firstStaffFields = staffFields.extend({
  role: z.enum(['psychiatrist', 'admin'], {
    error: 'The first account manages staff: choose psychiatrist or administrator',
  }),
  password: newPassword,
  /** The clinic's date format, offered from the computer's locale. */
  dateFormat: z.enum(DATE_FORMATS, { error: 'Choose a date format' }).optional(),
});

export const staff = z.object({
  id,
  name: z.string(),
  /** null for staff from before sign-in, until a manager gives them one. */
  username: z.string().nullable(),
  role: z.enum(staffRoles),
  active: z.boolean(),
  trainedRater: z.boolean(),
  /** Whether a password is set (the password itself never leaves main). */
  canSignIn: z.boolean(),
  lockedUntil: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Staff = z.infer<typeof staff>;

export const staffListInput = z.object({ includeInactive: z.boolean().default(false) });
export const staffCreateInput = staffFields;
export const staffUpdateInput = staffFields.extend({ id, active: z.boolean() });
