import { engineOf } from '../db/engines/engine';
import type { Kysely, Transaction } from 'kysely';
import { checkSession, type SafetyFinding } from '../../shared/clinical';
import { localIsoDate } from '../../shared/dates';
import {
  adverseEventLabels,
  reviewTriggeringEvents,
  type SessionFields,
  type SessionPrepared,
  type SessionRow,
} from '../../shared/schemas/session';
import { type Course, sessionCourseOf } from '../../shared/schemas/course';
import type { Credentials } from '../../shared/schemas/credentials';
import { preparedQuery } from '../db/preparedQuery';
import type { DB } from '../db/schema';
import type { Actor } from './actor';
import { checkCredentials } from './auth';
import { clinicDateWriters, getClinicSettings } from './settings';
import { recordAudit } from './audit';
import type { ActorContext, ServiceContext } from './context';
import { getCourse, getCourseDetail } from './courses';
import { notFound, ServiceError } from './errors';
import { staleEditError } from './staleEdit';
import { getPatient } from './patients';
import { loadSessionRows, positionFor } from './sessionRows';
import { assertReadyToStart } from './screening';

function timeOfDay(now: Date): string {
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

/**
 * The session form's starting values. A routine session repeats the last one: the coil
 * position and coil from the previous session, the dose from the prescription at the current
 * motor threshold, today's date and the time now.
 */
export async function prepareSession(db: Kysely<DB>, ctx: ServiceContext, courseId: number, sessionId?: number): Promise<SessionPrepared> {
  const detail = await getCourseDetail(db, ctx, courseId);
  const previous = detail.sessions.at(-1) ?? null;
  if (sessionId !== undefined) {
    const row = detail.sessions.find((s) => s.id === sessionId);
    if (!row) throw notFound('Session', sessionId);
    return { values: row.fields, sessionNumber: row.sessionNumber, basedOn: 'correction', previousSessionDate: previous?.sessionDate ?? null };
  }
  const { course, currentMt } = detail;
  const last = previous?.fields;
  const values: SessionFields = {
    courseId,
    sessionDate: localIsoDate(ctx.now),
    startTime: timeOfDay(ctx.now),
    motorThresholdId: currentMt?.id ?? 0,
    positionMethod: last?.positionMethod ?? 'five_cm',
    fiveCmDistanceCm: last ? last.fiveCmDistanceCm : null,
    beamTragusToTragusCm: last?.beamTragusToTragusCm ?? null,
    beamNasionToInionCm: last?.beamNasionToInionCm ?? null,
    beamCircumferenceCm: last?.beamCircumferenceCm ?? null,
    eegSite: last?.eegSite ?? null,
    mniX: last?.mniX ?? null,
    mniY: last?.mniY ?? null,
    mniZ: last?.mniZ ?? null,
    navigationSystem: last?.navigationSystem ?? '',
    landmarks: last?.landmarks ?? '',
    coilAngleDeg: last?.coilAngleDeg ?? 45,
    coil: last?.coil ?? course.coil,
    frequencyHz: course.frequencyHz,
    intensityPctMt: course.intensityPctMt,
    intensityPctMso: detail.prescribedPctMso ?? 0,
    trainsPlanned: course.trains,
    trainsDelivered: course.trains,
    pulsesDelivered: course.dose.totalPulses,
    interruptions: [],
    sideEffects: [],
    adverseEvents: [],
    notes: '',
    overrideReason: '',
  };
  return {
    values,
    sessionNumber: detail.sessions.length + 1,
    basedOn: previous ? 'previous_session' : 'prescription',
    previousSessionDate: previous?.sessionDate ?? null,
  };
}

export function fieldsOf(findings: SafetyFinding[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const f of findings) fields[f.field] ??= f.message;
  return fields;
}

const lastSessionNumber = preparedQuery((db, courseId: number) =>
  db.selectFrom('treatment_sessions').select((eb) => eb.fn.max<number | null>('session_number').as('n')).where('course_id', '=', courseId),
);
const sessionTimesOfCourse = preparedQuery((db, courseId: number, excludeId: number) =>
  db.selectFrom('treatment_sessions').select(['session_date as sessionDate', 'start_time as startTime']).where('course_id', '=', courseId).where('id', '!=', excludeId),
);
const thresholdsForCheck = preparedQuery((db, courseId: number) =>
  db.selectFrom('motor_thresholds').select(['id', 'measured_on as measuredOn', 'rmt_pct_mso as rmtPctMso', 'method', 'coil']).where('course_id', '=', courseId),
);

export interface Override {
  overrideById: number | null;
  overrideReason: string | null;
}

/** The session as it will be stored: dosed from the threshold `thresholdForSession` picks, and the findings that need a psychiatrist. */
export interface CheckedSession {
  fields: SessionFields;
  overrides: SafetyFinding[];
}

/**
 * Judges a session with the shared rule (`checkSession`): refusals are thrown, findings that need
 * a psychiatrist's authorization returned. Shared by saving and by submitting for co-signature,
 * so both judge a session the same way.
 */
export async function safetyFindings(trx: Transaction<DB>, ctx: ServiceContext, course: Course, fields: SessionFields, excludeSessionId: number | null): Promise<CheckedSession> {
  const patient = await getPatient(trx, course.patientId);
  if (patient.archivedAt) throw new ServiceError('conflict', 'This patient is archived: no session can be logged or corrected. Restore the record first.');
  const [thresholds, otherSessions, { dateFormat }] = await Promise.all([
    thresholdsForCheck(trx, course.id),
    sessionTimesOfCourse(trx, course.id, excludeSessionId ?? 0),
    getClinicSettings(trx),
  ]);
  // A course's first session needs its cleared safety screening and the patient's consent.
  if (excludeSessionId === null && otherSessions.length === 0) await assertReadyToStart(trx, course.id, fields.sessionDate);
  const check = checkSession({
    course: sessionCourseOf(course),
    session: fields,
    thresholds,
    otherSessions,
    today: localIsoDate(ctx.now),
    timeNow: timeOfDay(ctx.now),
    correcting: excludeSessionId !== null,
    dateFormat,
  });
  const refusals = check.findings.filter((f) => f.level === 'refuse');
  if (refusals.length > 0) throw new ServiceError('invalid_input', refusals.map((f) => f.message).join(' '), fieldsOf(refusals));
  if (!check.threshold) throw new Error('checkSession returned no threshold without a refusal');
  return { fields: { ...fields, motorThresholdId: check.threshold.id }, overrides: check.findings.filter((f) => f.level === 'override') };
}

/** The checks main makes before any session is stored, new or corrected; who authorizes what is above the prescription. */
async function validateSession(
  trx: Transaction<DB>,
  ctx: ActorContext,
  course: Course,
  fields: SessionFields,
  excludeSessionId: number | null,
  cosigner: Actor | null,
): Promise<Override & { fields: SessionFields }> {
  const checked = await safetyFindings(trx, ctx, course, fields, excludeSessionId);
  const { overrides } = checked;
  if (overrides.length === 0) return { fields: checked.fields, overrideById: null, overrideReason: null };
  const authorizer = ctx.actor.role === 'psychiatrist' ? ctx.actor : cosigner;
  const reasonGiven = fields.overrideReason.trim().length >= 5;
  if (!authorizer || !reasonGiven) {
    throw new ServiceError(
      authorizer ? 'invalid_input' : 'cosign_required',
      `${overrides.map((f) => f.message).join(' ')} A psychiatrist's authorization with a reason is needed.`,
      {
        ...fieldsOf(overrides),
        ...(authorizer ? {} : { cosign: 'A psychiatrist must co-sign with their own password, or save it as pending co-signature' }),
        ...(reasonGiven ? {} : { overrideReason: 'Give the reason (at least 5 characters)' }),
      },
    );
  }
  return { fields: checked.fields, overrideById: authorizer.id, overrideReason: fields.overrideReason.trim() };
}

function sessionColumns(fields: SessionFields, override: { overrideById: number | null; overrideReason: string | null }) {
  return {
    session_date: fields.sessionDate,
    start_time: fields.startTime,
    motor_threshold_id: fields.motorThresholdId,
    position_method: fields.positionMethod,
    position_json: JSON.stringify(positionFor(fields)),
    landmarks: fields.landmarks,
    coil_angle_deg: fields.coilAngleDeg,
    coil: fields.coil,
    frequency_hz: fields.frequencyHz,
    intensity_pct_mt: fields.intensityPctMt,
    intensity_pct_mso: fields.intensityPctMso,
    trains_planned: fields.trainsPlanned,
    trains_delivered: fields.trainsDelivered,
    pulses_delivered: fields.pulsesDelivered,
    override_by: override.overrideById,
    override_reason: override.overrideReason,
    notes: fields.notes,
  };
}

/** Writes side effects, interruptions and adverse events; on a correction, in place of the old ones. */
async function writeChildren(trx: Transaction<DB>, sessionId: number, fields: SessionFields, replace: boolean): Promise<void> {
  if (replace) {
    await trx.deleteFrom('session_side_effects').where('session_id', '=', sessionId).execute();
    await trx.deleteFrom('session_interruptions').where('session_id', '=', sessionId).execute();
    await trx.deleteFrom('session_adverse_events').where('session_id', '=', sessionId).execute();
  }
  if (fields.sideEffects.length) {
    await trx.insertInto('session_side_effects').values(fields.sideEffects.map((s) => ({ session_id: sessionId, effect: s.effect, severity: s.severity }))).execute();
  }
  if (fields.interruptions.length) {
    await trx.insertInto('session_interruptions').values(fields.interruptions.map((i) => ({ session_id: sessionId, after_train: i.afterTrain, reason: i.reason }))).execute();
  }
  if (fields.adverseEvents.length) {
    await trx.insertInto('session_adverse_events').values(fields.adverseEvents.map((e) => ({ session_id: sessionId, event: e.event, description: e.description }))).execute();
  }
}

/**
 * Serious adverse events flag the course for a psychiatrist's review: on a correction, only those
 * it adds (a typo fixed in a session that recorded syncope does not flag the course again).
 */
async function flagForReview(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  actor: Actor,
  course: Course,
  fields: SessionFields,
  sessionNumber: number,
  before: SessionFields['adverseEvents'] = [],
): Promise<void> {
  const already = new Map<string, number>();
  for (const e of before) already.set(e.event, (already.get(e.event) ?? 0) + 1);
  const serious = fields.adverseEvents.filter((e) => {
    if (!reviewTriggeringEvents.includes(e.event)) return false;
    const left = already.get(e.event) ?? 0;
    already.set(e.event, left - 1);
    return left <= 0;
  });
  if (serious.length === 0) return;
  const { day } = await clinicDateWriters(trx);
  const reason = `${serious.map((e) => adverseEventLabels[e.event]).join(', ')} in session ${sessionNumber} on ${day(fields.sessionDate)}`;
  const current = await getCourse(trx, course.id);
  const reviewReason = current.reviewRequired && current.reviewReason ? `${current.reviewReason}; ${reason}` : reason;
  await trx.updateTable('courses').set({ review_required: 1, review_reason: reviewReason, version: current.version + 1, updated_at: ctx.now.toISOString() }).where('id', '=', course.id).execute();
  await recordAudit(trx, ctx, { staffId: actor.id, action: 'flag', entity: 'course', entityId: course.id, before: current, after: await getCourse(trx, course.id), reason });
}

export function assertOpen(course: Course): void {
  if (course.status === 'completed' || course.status === 'discontinued') {
    throw new ServiceError('conflict', `This course is ${course.status}: sessions can no longer be logged or corrected.`);
  }
}

/** Stores a new session (number, children, course start, review flag, audit) inside `trx`. */
export async function insertSession(trx: Transaction<DB>, ctx: ActorContext, course: Course, fields: SessionFields, technicianId: number, override: Override, auditReason: string | null): Promise<SessionRow> {
  const { actor } = ctx;
  const [last] = await lastSessionNumber(trx, course.id);
  const sessionNumber = (last?.n ?? 0) + 1;
  // Checked again where the first session is stored: a pending one may be signed after a new, uncleared screening.
  if (sessionNumber === 1) await assertReadyToStart(trx, course.id, fields.sessionDate);
  const at = ctx.now.toISOString();
  const { id } = await trx
    .insertInto('treatment_sessions')
    .values({ course_id: course.id, session_number: sessionNumber, technician_id: technicianId, ...sessionColumns(fields, override), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeChildren(trx, id, fields, false);
  if (course.status === 'planned') {
    await trx.updateTable('courses').set({ status: 'active', version: course.version + 1, updated_at: at }).where('id', '=', course.id).execute();
    await recordAudit(trx, ctx, { staffId: actor.id, action: 'start', entity: 'course', entityId: course.id, before: course, after: await getCourse(trx, course.id), reason: `First session on ${fields.sessionDate}` });
  }
  const [created] = await loadSessionRows(trx, { id });
  if (!created) throw notFound('Session', id);
  await flagForReview(trx, ctx, actor, course, fields, created.sessionNumber);
  await recordAudit(trx, ctx, { staffId: actor.id, action: 'create', entity: 'session', entityId: id, before: null, after: created.fields, reason: auditReason });
  return created;
}

/** A psychiatrist co-signing at the technician's screen, checked before the write begins (a wrong password counts towards lock-out). */
async function cosignerOf(db: Kysely<DB>, ctx: ServiceContext, cosign: Credentials | null): Promise<Actor | null> {
  if (!cosign) return null;
  const { staff } = await checkCredentials(db, ctx, cosign, 'cosign.password', 'invalid_input');
  if (staff.role !== 'psychiatrist') {
    throw new ServiceError('forbidden', `${staff.name} is not a psychiatrist and cannot authorize this.`, { 'cosign.username': 'Not a psychiatrist' });
  }
  return { id: staff.id, name: staff.name, role: staff.role, mustChangePassword: false };
}

async function recordCosign(trx: Transaction<DB>, ctx: ServiceContext, cosigner: Actor | null, override: Override, sessionId: number, enteredBy: string): Promise<void> {
  if (!cosigner || override.overrideById !== cosigner.id) return;
  await recordAudit(trx, ctx, { staffId: cosigner.id, action: 'cosign', entity: 'session', entityId: sessionId, before: null, after: null, reason: `Co-signed at ${enteredBy}'s screen: ${override.overrideReason ?? ''}` });
}

export async function createSession(db: Kysely<DB>, ctx: ActorContext, fields: SessionFields, cosign: Credentials | null = null): Promise<SessionRow> {
  const cosigner = await cosignerOf(db, ctx, cosign);
  return db.transaction().execute(async (trx) => {
    // Another workstation saving a session of this course waits here: the next number is read after its save.
    await engineOf(trx).lockRow(trx, 'courses', fields.courseId);
    const course = await getCourse(trx, fields.courseId);
    assertOpen(course);
    const override = await validateSession(trx, ctx, course, fields, null, cosigner);
    const created = await insertSession(trx, ctx, course, override.fields, ctx.actor.id, override, override.overrideReason);
    await recordCosign(trx, ctx, cosigner, override, created.id, ctx.actor.name);
    return created;
  });
}

/** Corrections keep history: the audit log holds what the session said before, who changed it and why. */
export async function correctSession(
  db: Kysely<DB>,
  ctx: ActorContext,
  id: number,
  version: number,
  reason: string,
  fields: SessionFields,
  cosign: Credentials | null = null,
): Promise<SessionRow> {
  const { actor } = ctx;
  const cosigner = await cosignerOf(db, ctx, cosign);
  return db.transaction().execute(async (trx) => {
    await engineOf(trx).lockRow(trx, 'courses', fields.courseId);
    await engineOf(trx).lockRow(trx, 'treatment_sessions', id);
    const [before] = await loadSessionRows(trx, { id });
    if (!before) throw notFound('Session', id);
    if (before.courseId !== fields.courseId) throw new ServiceError('invalid_input', 'A session cannot move to another course.');
    if (before.version !== version) throw await staleEditError(trx, { entity: 'session', entityId: id, updatedAt: before.updatedAt }, `Session ${before.sessionNumber}`);
    const course = await getCourse(trx, fields.courseId);
    assertOpen(course);
    const override = await validateSession(trx, ctx, course, fields, id, cosigner);
    await trx
      .updateTable('treatment_sessions')
      .set({ ...sessionColumns(override.fields, override), version: before.version + 1, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .execute();
    await writeChildren(trx, id, override.fields, true);
    await flagForReview(trx, ctx, actor, course, override.fields, before.sessionNumber, before.fields.adverseEvents);
    const [after] = await loadSessionRows(trx, { id });
    if (!after) throw notFound('Session', id);
    await recordAudit(trx, ctx, { staffId: actor.id, action: 'correct', entity: 'session', entityId: id, before: before.fields, after: after.fields, reason });
    await recordCosign(trx, ctx, cosigner, override, id, actor.name);
    return after;
  });
}
