import { z } from 'zod';

/** Patients in the generated demo clinic: every screen has real variety, and it builds in well under a second. */
export const DEMO_CLINIC_PATIENTS = 500;

export const appInfo = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  databasePath: z.string(),
  /** 'postgres': the clinic server; its backups are the server's, not this workstation's. */
  engine: z.enum(['sqlite', 'postgres']),
  /** The application log (errors with their channel and stack, never patient data); null where the host keeps none. */
  logPath: z.string().nullable(),
  staffCount: z.number().int().nonnegative(),
  /** The open database is the generated demo clinic, not the clinic's own records. */
  demo: z.boolean(),
  /** In the demo clinic only: accounts to try and their shared password, for the sign-in screen. */
  demoSignIn: z.object({ password: z.string(), accounts: z.array(z.object({ username: z.string(), name: z.string(), role: z.string() })) }).nullable(),
  /** Only while a clinic from before sign-in has no password at all: who may set it up. */
  signInSetupCandidates: z.array(z.object({ id: z.number().int(), name: z.string() })),
});

/** After switching between the clinic's database and the demo: the app restarts itself, or the page reloads. */
export const clinicSwitchResult = z.object({ relaunching: z.boolean() });
export type AppInfo = z.infer<typeof appInfo>;
