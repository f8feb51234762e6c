import { z } from 'zod';

export const appInfo = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  databasePath: z.string(),
  staffCount: z.number().int().nonnegative(),
});
export type AppInfo = z.infer<typeof appInfo>;
