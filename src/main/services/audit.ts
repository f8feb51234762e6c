import type { Kysely, Transaction } from 'kysely';
import type { AccessEntry, AuditAction, AuditChainStatus, AuditEntity, AuditEntry } from '../../shared/schemas/audit';
import { engineOf } from '../db/engines/engine';
import { preparedQuery } from '../db/preparedQuery';
import type { DB } from '../db/schema';
import { auditHash, GENESIS_HASH } from './auditHash';
import type { ServiceContext } from './context';

export { GENESIS_HASH } from './auditHash';

export interface AuditRecord {
  staffId: number;
  action: AuditAction;
  entity: AuditEntity;
  entityId: number;
  before: object | null;
  after: object | null;
  reason?: string | null;
}

const chainHead = preparedQuery((db) => db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1));

const insertAudit = preparedQuery(
  (db, id: number, at: string, staffId: number, action: AuditAction, entity: AuditEntity, entityId: number, before: string | null, after: string | null, reason: string | null, prevHash: string, hash: string) =>
    db.insertInto('audit_log').values({ id, at, staff_id: staffId, action, entity, entity_id: entityId, before_json: before, after_json: after, reason, prev_hash: prevHash, hash }),
);

/**
 * Appends one entry, chained to the last one (see auditHash.ts); call it inside the transaction
 * that makes the change. The new row's id is the head's id + 1, given explicitly because it is part
 * of the hashed content; a trigger refuses any row that does not link to the head, so two writers
 * can never fork the chain (the second one's insert fails and its transaction rolls back).
 */
export async function recordAudit(trx: Transaction<DB>, ctx: ServiceContext, entry: AuditRecord): Promise<void> {
  const json = (value: object | null) => (value === null ? null : JSON.stringify(value));
  // One appender at a time, whichever workstation: the head read here must still be the head at the insert.
  await engineOf(trx).lockAuditChain(trx);
  const [head] = await chainHead(trx);
  const row = {
    id: (head?.id ?? 0) + 1,
    at: ctx.now.toISOString(),
    staff_id: entry.staffId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before_json: json(entry.before),
    after_json: json(entry.after),
    reason: entry.reason ?? null,
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  await insertAudit(trx, row.id, row.at, row.staff_id, row.action, row.entity, row.entity_id, row.before_json, row.after_json, row.reason, row.prev_hash, auditHash(row));
}

/**
 * Logs that someone read a patient's record (the patient, a course, a report, an export), in its
 * own transaction, chained like any other entry. HIPAA §164.312(b): reads of PHI are audited too.
 */
export async function recordAccess(db: Kysely<DB>, ctx: ServiceContext, staffId: number, entity: AuditEntity, entityId: number): Promise<void> {
  await db.transaction().execute((trx) => recordAudit(trx, ctx, { staffId, action: 'view', entity, entityId, before: null, after: null }));
}

const accessLog = preparedQuery((db, patientId: number, coursesOf: number) =>
  db
    .selectFrom('audit_log')
    .innerJoin('staff', 'staff.id', 'audit_log.staff_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.staff_id', 'staff.name as staff_name', 'audit_log.action', 'audit_log.entity', 'audit_log.entity_id'])
    .where('audit_log.action', 'in', ['view', 'export'])
    .where((eb) =>
      eb.or([
        eb.and([eb('audit_log.entity', '=', 'patient'), eb('audit_log.entity_id', '=', patientId)]),
        eb.and([eb('audit_log.entity', '=', 'course'), eb('audit_log.entity_id', 'in', eb.selectFrom('courses').select('courses.id').where('courses.patient_id', '=', coursesOf))]),
      ]),
    )
    .orderBy('audit_log.id', 'desc'),
);

/** Who opened or exported a patient's record (the patient or any of their courses), newest first. */
export async function listAccess(db: Kysely<DB>, patientId: number): Promise<AccessEntry[]> {
  const rows = await accessLog(db, patientId, patientId);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    staffId: r.staff_id,
    staffName: r.staff_name,
    action: r.action as AccessEntry['action'],
    entity: r.entity as AccessEntry['entity'],
    entityId: r.entity_id,
  }));
}

const VERIFY_BATCH = 5000;

const chainBatch = preparedQuery((db, afterId: number, limit: number) =>
  db
    .selectFrom('audit_log')
    .select(['id', 'at', 'staff_id', 'action', 'entity', 'entity_id', 'before_json', 'after_json', 'reason', 'prev_hash', 'hash'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit),
);

/**
 * Walks the whole audit log in id order, in batches of VERIFY_BATCH rows (keyset pages, so memory
 * stays flat however long the log is), and checks that each row links to the one before it
 * (prev_hash, from GENESIS_HASH) and that its content still gives its hash. Stops at the first
 * row that fails: an edited row fails itself; a deleted, inserted or moved row breaks the link of
 * the row after the gap. `entries` counts the rows checked, the broken one included.
 * What it cannot see without an outside copy of the head hash: the newest rows cut off the end,
 * or the whole chain rewritten from the first changed row on.
 */
export async function verifyAuditChain(db: Kysely<DB>): Promise<AuditChainStatus> {
  let expectedPrev = GENESIS_HASH;
  let entries = 0;
  let afterId = 0;
  for (;;) {
    const rows = await chainBatch(db, afterId, VERIFY_BATCH);
    for (const row of rows) {
      entries++;
      if (row.prev_hash !== expectedPrev || auditHash(row) !== row.hash) return { ok: false, firstBrokenId: row.id, entries };
      expectedPrev = row.hash;
    }
    if (rows.length < VERIFY_BATCH) return { ok: true, entries };
    afterId = rows[rows.length - 1]?.id ?? afterId;
  }
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
    // An assessment keeps the id its PHQ-9 had before migration 0017: its history reads under either name.
    .where('audit_log.entity', 'in', entity === 'assessment' || entity === 'phq9' ? ['assessment', 'phq9'] : [entity])
    .where('audit_log.entity_id', '=', entityId)
    // Who opened the record is listed separately, for administrators (listAccess).
    .where('audit_log.action', '!=', 'view')
    // An undone import removes its records and their ids can be taken again: a record's history starts after the last removal.
    .where('audit_log.id', '>', (eb) =>
      eb.selectFrom('audit_log as r').select((e) => e.fn.coalesce(e.fn.max('r.id'), e.lit(0)).as('after')).where('r.entity', '=', entity).where('r.entity_id', '=', entityId).where('r.action', '=', 'remove'))
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
