import type { Kysely, Selectable } from 'kysely';
import type { Protocol, ProtocolFields } from '../../shared/schemas/protocol';
import { engineOf } from '../db/engines/engine';
import type { DB, ProtocolsTable } from '../db/schema';
import { recordAudit } from './audit';
import type { ActorContext } from './context';
import { notFound, ServiceError } from './errors';
import { overrideReasonOrNull, stimulationToColumns, withDose } from './stimulationColumns';

type ProtocolRow = Selectable<ProtocolsTable> & { created_by_name: string | null };

function toProtocol(row: ProtocolRow): Protocol {
  return {
    id: row.id,
    lineageId: row.lineage_id,
    revision: row.revision,
    name: row.name,
    target: row.target,
    coil: row.coil,
    ...withDose(row),
    sessionsPerDay: row.sessions_per_day,
    minMinutesBetweenSessions: row.min_minutes_between_sessions,
    defaultPlannedSessions: row.default_planned_sessions,
    billingScheme: row.billing_scheme,
    reference: row.reference,
    notes: row.notes,
    safetyOverrideReason: row.safety_override_reason,
    status: row.status,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
  };
}

function selectProtocols(db: Kysely<DB>) {
  return db
    .selectFrom('protocols')
    .leftJoin('staff', 'staff.id', 'protocols.created_by')
    .selectAll('protocols')
    .select('staff.name as created_by_name');
}

export async function listProtocols(db: Kysely<DB>, includeInactive: boolean): Promise<Protocol[]> {
  const rows = await selectProtocols(db)
    .$if(!includeInactive, (qb) => qb.where('protocols.status', '=', 'current'))
    .orderBy('protocols.lineage_id')
    .orderBy('protocols.revision', 'desc')
    .execute();
  return rows.map(toProtocol);
}

export async function getProtocol(db: Kysely<DB>, id: number): Promise<Protocol> {
  const row = await selectProtocols(db).where('protocols.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Protocol', id);
  return toProtocol(row);
}

function toColumns(fields: ProtocolFields) {
  return {
    name: fields.name,
    target: fields.target,
    coil: fields.coil,
    ...stimulationToColumns(fields),
    sessions_per_day: fields.sessionsPerDay,
    min_minutes_between_sessions: fields.minMinutesBetweenSessions,
    default_planned_sessions: fields.defaultPlannedSessions,
    billing_scheme: fields.billingScheme,
    reference: fields.reference,
    notes: fields.notes,
    safety_override_reason: overrideReasonOrNull(fields.safetyOverrideReason),
  };
}

export async function createProtocol(db: Kysely<DB>, ctx: ActorContext, fields: ProtocolFields): Promise<Protocol> {
  const { actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const id = await engineOf(trx).nextId(trx, 'protocols');
    await trx
      .insertInto('protocols')
      .values({ id, lineage_id: id, revision: 1, ...toColumns(fields), status: 'current', created_by: actor.id, created_at: ctx.now.toISOString() })
      .execute();
    const created = await getProtocol(trx, id);
    await recordAudit(trx, ctx, { staffId: actor.id, action: 'create', entity: 'protocol', entityId: id, before: null, after: created, reason: created.safetyOverrideReason });
    return created;
  });
}

/** A released protocol is never changed: the revision becomes a new row and the old one is superseded. */
export async function reviseProtocol(db: Kysely<DB>, ctx: ActorContext, id: number, fields: ProtocolFields): Promise<Protocol> {
  const { actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const before = await getProtocol(trx, id);
    if (before.status !== 'current') {
      throw new ServiceError('conflict', `This is revision ${before.revision}, no longer current. Open the current revision to revise it.`);
    }
    await trx.updateTable('protocols').set({ status: 'superseded' }).where('id', '=', id).execute();
    const inserted = await trx
      .insertInto('protocols')
      .values({
        lineage_id: before.lineageId,
        revision: before.revision + 1,
        ...toColumns(fields),
        status: 'current',
        created_by: actor.id,
        created_at: ctx.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = await getProtocol(trx, inserted.id);
    await recordAudit(trx, ctx, { staffId: actor.id, action: 'revise', entity: 'protocol', entityId: after.id, before, after, reason: after.safetyOverrideReason });
    return after;
  });
}

export async function retireProtocol(db: Kysely<DB>, ctx: ActorContext, id: number, reason: string): Promise<Protocol> {
  const { actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const before = await getProtocol(trx, id);
    if (before.status !== 'current') throw new ServiceError('conflict', 'Only the current revision of a protocol can be retired.');
    await trx.updateTable('protocols').set({ status: 'retired' }).where('id', '=', id).execute();
    const after = await getProtocol(trx, id);
    await recordAudit(trx, ctx, { staffId: actor.id, action: 'retire', entity: 'protocol', entityId: id, before, after, reason });
    return after;
  });
}
