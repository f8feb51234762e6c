import { z } from 'zod';
import { backupInfo } from './backup';
import { connectionFailureReasons } from './clinicDatabase';
import { credentials } from './credentials';

/** Why the clinic file could not be opened (src/main/db/errors.ts), as the recovery screen shows it. */
export const openProblemKinds = [
  'folder_missing',
  'folder_read_only',
  'file_read_only',
  'locked',
  'empty_file',
  'not_a_database',
  'not_ours',
  'too_new',
  'corrupt',
  'unreadable',
  'migration_failed',
] as const;
export type OpenProblemKind = (typeof openProblemKinds)[number];

/**
 * Problems a backup can fix: the file itself is unusable. The others are fixed outside the app
 * (connect the drive, close the other program, install the newer version), and replacing the
 * file would lose data or write where it must not.
 */
export const restorableProblems: readonly OpenProblemKind[] = ['empty_file', 'not_a_database', 'not_ours', 'corrupt', 'unreadable', 'migration_failed'];

export const recoveryStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('open') }),
  z.object({
    state: z.literal('recovery'),
    problem: z.object({ kind: z.enum(openProblemKinds), message: z.string() }),
    file: z.string(),
    backupFolder: z.string(),
    /** Whether restoring a backup is the way out of this problem. */
    restorable: z.boolean(),
    /** Verified backups in the folder beside the file, newest first. */
    backups: z.array(backupInfo),
  }),
  z.object({
    /** The workstation is set to a clinic server that cannot be used now (see the clinic database settings). */
    state: z.literal('server'),
    /** `postgres://user@host:port/database`. */
    server: z.string(),
    /** 'migrating': another workstation is updating the server's schema; this one waits and tries again. */
    problem: z.object({ reason: z.enum([...connectionFailureReasons, 'migrating']), detail: z.string() }),
    /** This computer's own clinic file, if it has one, for "Use this computer's clinic instead". */
    localClinic: z.object({ file: z.string(), patients: z.number().int().nonnegative() }).nullable(),
  }),
]);
export type RecoveryStatus = z.infer<typeof recoveryStatus>;

/** An administrator of the backup (their username and password in it) restores it in place of the unusable file. */
export const recoveryRestoreInput = credentials.extend({
  name: z.string().min(1).max(200).regex(/^[A-Za-z0-9._-]+$/, 'Not a backup name'),
  /** Typed to confirm: the backup's name. */
  confirmName: z.string(),
});
export type RecoveryRestoreInput = z.infer<typeof recoveryRestoreInput>;

export const recoveryRestoreResult = z.object({
  restored: z.string(),
  /** Where the unusable file was moved (never deleted). */
  keptAs: z.string(),
  restarting: z.boolean(),
});

/** The host comes back (the app relaunches; the web host reopens in place). */
export const recoveryRestartResult = z.object({ restarting: z.boolean() });
