import { z } from 'zod';
import { timestamp } from './common';

export const backupKinds = ['startup', 'daily', 'manual', 'pre-migration', 'pre-restore'] as const;
export type BackupKind = (typeof backupKinds)[number];

export const backupCounts = z.object({
  patients: z.number().int().nonnegative(),
  courses: z.number().int().nonnegative(),
  sessions: z.number().int().nonnegative(),
  newestSessionDate: z.string().nullable(),
});
export type BackupCounts = z.infer<typeof backupCounts>;

/** A backup file as the admin screen lists it. */
export const backupInfo = z.object({
  /** The file name, unique within its folder; what preview and restore are asked for. */
  name: z.string(),
  /** 'primary': the backups folder beside the database; 'second': the optional second folder (encrypted). */
  location: z.enum(['primary', 'second']),
  kind: z.enum(backupKinds),
  createdAt: timestamp,
  bytes: z.number().int().nonnegative(),
  encrypted: z.boolean(),
  /**
   * 'verified': integrity_check, schema version and counts were checked before the file got its
   * name, and its size still matches; 'unverified': no record of that check; 'changed': the file
   * is not the size it was written with.
   */
  verification: z.enum(['verified', 'unverified', 'changed']),
  schemaVersion: z.number().int().nonnegative().nullable(),
  counts: backupCounts.nullable(),
});
export type BackupInfo = z.infer<typeof backupInfo>;

export const retentionRule = z.object({
  daily: z.number({ error: 'Enter a number of days' }).int('Whole days').min(1, 'Keep at least 1 daily backup').max(365, 'At most 365 days'),
  weekly: z.number({ error: 'Enter a number of weeks' }).int('Whole weeks').min(0, 'At least 0').max(520, 'At most 520 weeks'),
  monthly: z.number({ error: 'Enter a number of months' }).int('Whole months').min(0, 'At least 0').max(240, 'At most 240 months'),
});
export type RetentionRuleInput = z.infer<typeof retentionRule>;

export const backupList = z.object({
  folder: z.string(),
  secondFolder: z.string().nullable(),
  passphraseSet: z.boolean(),
  retention: retentionRule,
  backups: z.array(backupInfo),
  /** Why the last copy to the second folder was not written, if it was not. */
  secondFolderProblem: z.string().nullable(),
});
export type BackupList = z.infer<typeof backupList>;

export const backupCreateInput = z.object({});
export const backupRef = z.object({
  name: z.string().min(1).max(200).regex(/^[A-Za-z0-9._-]+$/, 'Not a backup name'),
  location: z.enum(['primary', 'second']).default('primary'),
  /** Needed for an encrypted backup. */
  passphrase: z.string().max(500).optional(),
});

export const backupPreview = z.object({
  backup: backupInfo,
  current: backupCounts,
  currentSchemaVersion: z.number().int().nonnegative(),
  /** What restoring would drop: counts in the current file beyond the backup's (never negative). */
  lost: z.object({ patients: z.number().int(), courses: z.number().int(), sessions: z.number().int() }),
});
export type BackupPreview = z.infer<typeof backupPreview>;

export const backupRestoreInput = backupRef.extend({
  /** Typed by the admin to confirm: the backup's name. */
  confirmName: z.string(),
});
export const backupRestoreResult = z.object({
  restored: z.string(),
  /** The backup of the file that was replaced. */
  keptAs: z.string(),
  restarting: z.boolean(),
});

export const backupSetPassphraseInput = z.object({
  passphrase: z.string().min(10, 'Use at least 10 characters').max(500),
  /** Needed to change a passphrase that is already set (earlier backups stay readable). */
  currentPassphrase: z.string().max(500).optional(),
  secondFolder: z.string().max(1000).nullable().optional(),
  retention: retentionRule.optional(),
});
export const backupSettingsResult = z.object({ passphraseSet: z.boolean(), secondFolder: z.string().nullable(), retention: retentionRule });
