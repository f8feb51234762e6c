import type { StaffRole } from '../schemas/staff';

/**
 * Who may call a channel, declared once per channel in the contract and read by both dispatch
 * (which enforces it) and the renderer (which hides what the signed-in person may not do).
 * - 'public': before sign-in (app start-up, the sign-in channels, the first account)
 * - 'signed-in': any active staff member
 * - 'staff-manager': administrators, and psychiatrists when the clinic allows them to manage staff
 * - a list of roles
 */
export type ChannelAccess = 'public' | 'signed-in' | 'staff-manager' | readonly StaffRole[];

/** What the access rules need to know about the clinic. */
export interface AccessPolicy {
  psychiatristsManageStaff: boolean;
}

export const PSYCHIATRIST: readonly StaffRole[] = ['psychiatrist'];
export const ADMIN: readonly StaffRole[] = ['admin'];
export const CLINICAL: readonly StaffRole[] = ['technician', 'psychiatrist'];
export const PSYCHIATRIST_OR_ADMIN: readonly StaffRole[] = ['psychiatrist', 'admin'];

/** The one rule: may someone with `role` (null: nobody signed in) call a channel with `access`? */
export function mayAccess(access: ChannelAccess, role: StaffRole | null, policy: AccessPolicy): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  if (access === 'signed-in') return true;
  if (access === 'staff-manager') return role === 'admin' || (role === 'psychiatrist' && policy.psychiatristsManageStaff);
  return access.includes(role);
}
