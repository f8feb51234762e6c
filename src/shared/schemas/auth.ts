import { DATE_FORMATS } from '../dateFormat';
import { z } from 'zod';
import { credentials, givenPassword, newPassword, username } from './credentials';
import { staff } from './staff';

export { credentials, type Credentials } from './credentials';

export const signInInput = credentials;
export const signInResult = z.object({ staff, mustChangePassword: z.boolean() });
export type SignInResult = z.infer<typeof signInResult>;

/** What the window knows before and after sign-in. */
export const authSession = z.object({
  /** null: nobody is signed in in this window. */
  staff: staff.nullable(),
  mustChangePassword: z.boolean(),
  /** Staff exist, but nobody has a password yet (a clinic from before sign-in). */
  signInSetupNeeded: z.boolean(),
  psychiatristsManageStaff: z.boolean(),
  lockAfterMinutes: z.number().int(),
  dateFormat: z.enum(DATE_FORMATS),
});
export type AuthSession = z.infer<typeof authSession>;

export const changePasswordInput = z
  .object({ currentPassword: givenPassword, newPassword })
  .refine((v) => v.currentPassword !== v.newPassword, { path: ['newPassword'], message: 'Choose a password different from the current one' });

export const resetPasswordInput = z.object({ staffId: z.number().int().positive() });
export const oneTimePasswordResult = z.object({ staff, oneTimePassword: z.string() });

/** A clinic from before sign-in: its first staff manager claims a username and password. */
export const setUpSignInInput = z.object({ staffId: z.number().int().positive(), username, password: newPassword });

/** Signing out by hand, or the window locking itself after the clinic's idle time. */
export const signOutInput = z.object({ reason: z.enum(['sign_out', 'lock']).default('sign_out') });
