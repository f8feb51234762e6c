import { engineOf } from '../db/engines/engine';
import type { Kysely } from 'kysely';
import { type PendingSession, sessionFields, type SessionFields, type SessionRow } from '../../shared/schemas/session';
import type { DB } from '../db/schema';
import { recordAudit } from './audit';
import type { ActorContext } from './context';
import { getCourse } from './courses';
import { notFound, ServiceError } from './errors';
import { assertOpen, fieldsOf, insertSession, safetyFindings } from './sessions';

/**
 * A session above the prescription that a technician entered without a psychiatrist at hand. It
 * waits here, not counted as delivered (no session row, no pulses, no billing), until a
 * psychiatrist signs it from their own sign-in — then it becomes a session entered by the
 * technician and authorized by the psychiatrist — or declines it with a reason.
 */
function pendingQuery(db: Kysely<DB>) {
  return db
    .selectFrom('pending_sessions as p')
    .innerJoin('courses as c', 'c.id', 'p.course_id')
    .innerJoin('patients as pt', 'pt.id', 'c.patient_id')
    .innerJoin('staff as e', 'e.id', 'p.entered_by')
    .leftJoin('staff as r', 'r.id', 'p.resolved_by')
    .select([
      'p.id', 'p.course_id', 'p.fields_json', 'p.findings', 'p.entered_by', 'p.entered_at', 'p.status', 'p.resolved_at', 'p.resolution_note', 'p.session_id',
      'pt.id as patient_id', 'pt.first_name', 'pt.last_name', 'e.name as entered_by_name', 'r.name as resolved_by_name',
    ]);
}

type PendingRow = Awaited<ReturnType<ReturnType<typeof pendingQuery>['executeTakeFirstOrThrow']>>;

function toPending(row: PendingRow): PendingSession {
  const fields = JSON.parse(row.fields_json) as SessionFields;
  return {
    id: row.id,
    courseId: row.course_id,
    patientId: row.patient_id,
    patientName: `${row.last_name}, ${row.first_name}`,
    sessionDate: fields.sessionDate,
    startTime: fields.startTime,
    findings: row.findings,
    overrideReason: fields.overrideReason,
    enteredById: row.entered_by,
    enteredByName: row.entered_by_name,
    enteredAt: row.entered_at,
    status: row.status,
    resolvedByName: row.resolved_by_name,
    resolvedAt: row.resolved_at,
    resolutionNote: row.resolution_note,
    sessionId: row.session_id,
  };
}

async function getPending(db: Kysely<DB>, id: number): Promise<PendingSession> {
  const row = await pendingQuery(db).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Co-signature request', id);
  return toPending(row);
}

/** Open requests, oldest first; for one course or the whole clinic. */
export async function listPendingSessions(db: Kysely<DB>, courseId?: number): Promise<PendingSession[]> {
  const rows = await pendingQuery(db)
    .where('p.status', '=', 'pending')
    .$if(courseId !== undefined, (qb) => qb.where('p.course_id', '=', courseId ?? 0))
    .orderBy('p.id')
    .execute();
  return rows.map(toPending);
}

export async function submitForCosign(db: Kysely<DB>, ctx: ActorContext, fields: SessionFields): Promise<PendingSession> {
  const id = await db.transaction().execute(async (trx) => {
    const course = await getCourse(trx, fields.courseId);
    assertOpen(course);
    const { overrides, fields: dosed } = await safetyFindings(trx, ctx, course, fields, null);
    if (overrides.length === 0) throw new ServiceError('conflict', 'This session is within the prescription and needs no co-signature: save it.');
    if (fields.overrideReason.trim().length < 5) {
      throw new ServiceError('invalid_input', 'Say why the session went above the prescription.', { overrideReason: 'Give the reason (at least 5 characters)' });
    }
    const findings = overrides.map((f) => f.message).join(' ');
    const row = await trx
      .insertInto('pending_sessions')
      .values({ course_id: course.id, fields_json: JSON.stringify(dosed), findings, entered_by: ctx.actor.id, entered_at: ctx.now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'create', entity: 'pending_session', entityId: row.id, before: null, after: dosed, reason: findings });
    return row.id;
  });
  return getPending(db, id);
}

/** The psychiatrist signed in signs: the session is stored as entered by the technician and authorized by them. */
export async function signPendingSession(db: Kysely<DB>, ctx: ActorContext, pendingId: number): Promise<SessionRow> {
  return db.transaction().execute(async (trx) => {
    await engineOf(trx).lockRow(trx, 'pending_sessions', pendingId);
    const pending = await getPending(trx, pendingId);
    if (pending.status !== 'pending') throw new ServiceError('conflict', `This request was already ${pending.status}.`);
    await engineOf(trx).lockRow(trx, 'courses', pending.courseId);
    const stored = await trx.selectFrom('pending_sessions').select('fields_json').where('id', '=', pendingId).executeTakeFirstOrThrow();
    const fields = sessionFields.parse(JSON.parse(stored.fields_json));
    const course = await getCourse(trx, fields.courseId);
    assertOpen(course);
    const { overrides, fields: dosed } = await safetyFindings(trx, ctx, course, fields, null);
    const override = overrides.length > 0 ? { overrideById: ctx.actor.id, overrideReason: fields.overrideReason.trim() } : { overrideById: null, overrideReason: null };
    if (overrides.length > 0 && fields.overrideReason.trim().length < 5) throw new ServiceError('invalid_input', 'The request has no reason.', fieldsOf(overrides));
    const session = await insertSession(trx, ctx, course, dosed, pending.enteredById, override, `Co-signed; entered by ${pending.enteredByName}: ${fields.overrideReason}`);
    await trx
      .updateTable('pending_sessions')
      .set({ status: 'signed', resolved_by: ctx.actor.id, resolved_at: ctx.now.toISOString(), session_id: session.id })
      .where('id', '=', pendingId)
      .execute();
    await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'cosign', entity: 'pending_session', entityId: pendingId, before: null, after: { sessionId: session.id }, reason: pending.findings });
    return session;
  });
}

export async function declinePendingSession(db: Kysely<DB>, ctx: ActorContext, pendingId: number, note: string): Promise<PendingSession> {
  await db.transaction().execute(async (trx) => {
    const pending = await getPending(trx, pendingId);
    if (pending.status !== 'pending') throw new ServiceError('conflict', `This request was already ${pending.status}.`);
    await trx
      .updateTable('pending_sessions')
      .set({ status: 'declined', resolved_by: ctx.actor.id, resolved_at: ctx.now.toISOString(), resolution_note: note })
      .where('id', '=', pendingId)
      .execute();
    await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'update', entity: 'pending_session', entityId: pendingId, before: { status: 'pending' }, after: { status: 'declined' }, reason: note });
  });
  return getPending(db, pendingId);
}
