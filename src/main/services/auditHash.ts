import { hash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../db/schema';

/**
 * The audit log's hash chain. Each row stores `prev_hash` (the previous row's `hash`, or
 * GENESIS_HASH for the first row) and `hash` = SHA-256 (lower-case hex) of its canonical content:
 *
 *   JSON.stringify([id, at, staff_id, action, entity, entity_id, before_json, after_json, reason, prev_hash])
 *
 * exactly as stored (before/after stay the JSON text written, not re-serialized objects; absent
 * values are null). The id is included, so renumbering a row breaks it; prev_hash is included, so
 * the row is tied to everything before it. migrations/0009_audit_hash_chain.ts holds a copy of
 * this function (migrations may not import app code); test/main/auditChain.test.ts checks that a
 * row sealed by the migration verifies here.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry's hash covers: the stored row without its own hash. */
export type ChainedContent = Omit<Selectable<AuditLogTable>, 'hash'>;

export function canonicalAuditContent(row: ChainedContent): string {
  return JSON.stringify([row.id, row.at, row.staff_id, row.action, row.entity, row.entity_id, row.before_json, row.after_json, row.reason, row.prev_hash]);
}

export function auditHash(row: ChainedContent): string {
  return hash('sha256', canonicalAuditContent(row), 'hex');
}
