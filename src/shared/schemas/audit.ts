import { z } from 'zod';
import { id, timestamp } from './common';

export const auditEntities = ['patient', 'staff', 'protocol', 'course', 'motor_threshold', 'session', 'phq9', 'assessment', 'settings', 'pending_session', 'database', 'backup_settings', 'antidepressant_trial', 'psychotherapy_trial', 'medication', 'safety_screening', 'consent', 'import'] as const;
export type AuditEntity = (typeof auditEntities)[number];

export const auditActions = [
  'create', 'update', 'archive', 'restore', 'revise', 'retire', 'correct', 'authorize', 'complete', 'discontinue', 'start', 'review', 'schedule', 'flag', 'acknowledge', 'export', 'enter_in_error', 'clear',
  // identity and access (HIPAA §164.312(b)): sign-ins, lock-outs, password changes, reads of a patient's record
  'sign_in', 'sign_in_failed', 'lock_out', 'sign_out', 'password_reset', 'password_change', 'cosign', 'view', 'restore_backup', 'backup', 'set_passphrase',
  // CSV imports (one entry per import and per undo; 'remove' for each record an undone import took away)
  'import', 'undo_import', 'remove',
  // a workstation's clinic copied from its SQLite file onto a clinic server (issue 16)
  'move_to_server',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** Audited actions that change no record a shared list shows: reads, exports, sign-ins, backups. */
export const recordKeepingActions = ['view', 'export', 'sign_in', 'sign_in_failed', 'sign_out', 'backup'] as const satisfies readonly AuditAction[];

/** The clinic's data revision: the last audited change, so a screen knows another workstation changed its list. */
export const dataRevision = z.object({ revision: z.number().int().nonnegative() });
export type DataRevision = z.infer<typeof dataRevision>;

export const auditEntry = z.object({
  id,
  at: timestamp,
  staffId: id,
  staffName: z.string(),
  action: z.enum(auditActions),
  entity: z.enum(auditEntities),
  entityId: id,
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  reason: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditListInput = z.object({ entity: z.enum(auditEntities), entityId: id });

/** One read of a patient's record (the patient, a course, its report or an export): who, when, what. */
export const accessEntry = z.object({
  id,
  at: timestamp,
  staffId: id,
  staffName: z.string(),
  action: z.enum(['view', 'export']),
  entity: z.enum(['patient', 'course']),
  entityId: id,
});
export type AccessEntry = z.infer<typeof accessEntry>;

export const accessListInput = z.object({ patientId: id });

/**
 * The audit log's hash chain checked end to end. `entries`: rows checked (on a break, up to and
 * including `firstBrokenId`, the first row whose content or link to the previous row fails).
 */
export const auditChainStatus = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int().nonnegative() }),
  z.object({ ok: z.literal(false), firstBrokenId: id, entries: z.number().int().positive() }),
]);
export type AuditChainStatus = z.infer<typeof auditChainStatus>;

/** The chain check an administrator sees: the last result (from start-up or a re-check) and whether one is running. */
export const auditChainReport = z.object({
  status: auditChainStatus.nullable(),
  checkedAt: timestamp.nullable(),
  running: z.boolean(),
});
export type AuditChainReport = z.infer<typeof auditChainReport>;
export const auditChainInput = z.object({ recheck: z.boolean().default(false) });
