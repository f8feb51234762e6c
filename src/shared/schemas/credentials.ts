import { z } from 'zod';

/** Sign-in names: lower case letters, digits, dot, dash and underscore. */
export const username = z
  .string({ error: 'Enter a username' })
  .trim()
  .toLowerCase()
  .min(3, 'A username has at least 3 characters')
  .max(40, 'A username has at most 40 characters')
  .regex(/^[a-z0-9._-]+$/, 'Use letters, digits, dot, dash or underscore');

export const PASSWORD_MIN_LENGTH = 10;

/** A new password (never trimmed: spaces count). */
export const newPassword = z
  .string({ error: 'Enter a password' })
  .min(PASSWORD_MIN_LENGTH, `A password has at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, 'A password has at most 200 characters');

/** A password being checked: any length, so a wrong one is "incorrect", not "too short". */
export const givenPassword = z.string({ error: 'Enter the password' }).min(1, 'Enter the password').max(200, 'Enter the password');

export const credentials = z.object({ username, password: givenPassword });
export type Credentials = z.infer<typeof credentials>;
