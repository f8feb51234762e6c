import { z } from 'zod';
import { id, timestamp } from './common';

export const auditEntities = ['patient', 'staff', 'protocol', 'course', 'motor_threshold', 'session', 'phq9', 'database'] as const;
export type AuditEntity = (typeof auditEntities)[number];

export const auditActions = [
  'create', 'update', 'archive', 'restore', 'revise', 'retire', 'correct', 'authorize', 'complete', 'discontinue', 'start', 'review', 'flag', 'acknowledge', 'export', 'enter_in_error',
  // identity and access (HIPAA §164.312(b)): sign-ins, lock-outs, password changes, reads of a patient's record
  'sign_in', 'sign_in_failed', 'lock_out', 'sign_out', 'password_reset', 'password_change', 'cosign', 'view', 'restore_backup', 'backup',
] as const;
export type AuditAction = (typeof auditActions)[number];

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
