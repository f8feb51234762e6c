import type { Kysely, Transaction } from 'kysely';
import type { AuditAction, AuditEntity, AuditEntry } from '../../shared/schemas/audit';
import { preparedQuery } from '../db/preparedQuery';
import type { DB } from '../db/schema';
import type { ServiceContext } from './context';

export interface AuditRecord {
  staffId: number;
  action: AuditAction;
  entity: AuditEntity;
  entityId: number;
  before: object | null;
  after: object | null;
  reason?: string | null;
}

const insertAudit = preparedQuery(
  (db, at: string, staffId: number, action: AuditAction, entity: AuditEntity, entityId: number, before: string | null, after: string | null, reason: string | null) =>
    db.insertInto('audit_log').values({ at, staff_id: staffId, action, entity, entity_id: entityId, before_json: before, after_json: after, reason }),
);

/** Appends one entry; call it inside the transaction that makes the change. */
export async function recordAudit(trx: Transaction<DB>, ctx: ServiceContext, entry: AuditRecord): Promise<void> {
  const json = (value: object | null) => (value === null ? null : JSON.stringify(value));
  await insertAudit(trx, ctx.now.toISOString(), entry.staffId, entry.action, entry.entity, entry.entityId, json(entry.before), json(entry.after), entry.reason ?? null);
}

function parseJsonObject(text: string | null): Record<string, unknown> | null {
  return text === null ? null : (JSON.parse(text) as Record<string, unknown>);
}

/** The history of one record, newest first. */
export async function listAudit(db: Kysely<DB>, entity: AuditEntity, entityId: number): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .innerJoin('staff', 'staff.id', 'audit_log.staff_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.staff_id',
      'staff.name as staff_name',
      'audit_log.action',
      'audit_log.entity',
      'audit_log.entity_id',
      'audit_log.before_json',
      'audit_log.after_json',
      'audit_log.reason',
    ])
    .where('audit_log.entity', '=', entity)
    .where('audit_log.entity_id', '=', entityId)
    .orderBy('audit_log.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    staffId: r.staff_id,
    staffName: r.staff_name,
    action: r.action as AuditAction,
    entity: r.entity as AuditEntity,
    entityId: r.entity_id,
    before: parseJsonObject(r.before_json),
    after: parseJsonObject(r.after_json),
    reason: r.reason,
  }));
}
