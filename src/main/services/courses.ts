import { engineOf } from '../db/engines/engine';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { checkMachineOutput, courseOutcome, DAILY_PHASE_SESSIONS, daysBetween, missedWeekdays } from '../../shared/clinical';
import { addDaysIso, addYearsIso, localIsoDate } from '../../shared/dates';
import type {
  Course,
  CourseAuthorization,
  CourseDetail,
  CourseFlag,
  CourseSummary,
  PrescriptionFields,
} from '../../shared/schemas/course';
import { preparedQuery } from '../db/preparedQuery';
import type { CoursesTable, DB } from '../db/schema';
import { recordAudit } from './audit';
import type { ActorContext, ServiceContext } from './context';
import { notFound, ServiceError } from './errors';
import { clinicDateWriters } from './settings';
import { staleEditError } from './staleEdit';
import { listThresholds } from './motorThresholds';
import { getPatient } from './patients';
import { listForCourse } from './phq9';
import { getProtocol } from './protocols';
import type { Protocol } from '../../shared/schemas/protocol';
import { loadSessionRows } from './sessionRows';
import { overrideReasonOrNull, stimulationToColumns, withDose } from './stimulationColumns';

type CourseRow = Selectable<CoursesTable> & { prescriber_name: string };

function toCourse(row: CourseRow): Course {
  return {
    id: row.id,
    patientId: row.patient_id,
    protocolId: row.protocol_id,
    protocolName: row.protocol_name,
    prescriberId: row.prescriber_id,
    prescriberName: row.prescriber_name,
    target: row.target,
    coil: row.coil,
    ...withDose(row),
    sessionsPerDay: row.sessions_per_day,
    minMinutesBetweenSessions: row.min_minutes_between_sessions,
    plannedSessions: row.planned_sessions,
    schedule: row.schedule,
    authorizedSessions: row.authorized_sessions,
    billingScheme: row.billing_scheme,
    startDate: row.start_date,
    status: row.status,
    statusReason: row.status_reason,
    endedOn: row.ended_on,
    reviewRequired: row.review_required === 1,
    reviewReason: row.review_reason,
    notes: row.notes,
    safetyOverrideReason: row.safety_override_reason,
    plannedTime: row.planned_time,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const courseById = preparedQuery((db, id: number) =>
  db.selectFrom('courses').innerJoin('staff', 'staff.id', 'courses.prescriber_id').selectAll('courses').select('staff.name as prescriber_name').where('courses.id', '=', id),
);

export async function getCourse(db: Kysely<DB>, id: number): Promise<Course> {
  const [row] = await courseById(db, id);
  if (!row) throw notFound('Course', id);
  return toCourse(row);
}

export async function listCoursesForPatient(db: Kysely<DB>, patientId: number): Promise<CourseSummary[]> {
  const rows = await db
    .selectFrom('courses')
    .innerJoin('staff', 'staff.id', 'courses.prescriber_id')
    .select((eb) => [
      'courses.id',
      'courses.protocol_name',
      'courses.status',
      'courses.start_date',
      'courses.planned_sessions',
      'courses.review_required',
      'staff.name as prescriber_name',
      eb.selectFrom('treatment_sessions').select((e) => e.fn.countAll<number>().as('n')).whereRef('treatment_sessions.course_id', '=', 'courses.id').as('sessions_done'),
    ])
    .where('courses.patient_id', '=', patientId)
    .orderBy('courses.start_date', 'desc')
    .orderBy('courses.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    protocolName: r.protocol_name,
    status: r.status,
    startDate: r.start_date,
    plannedSessions: r.planned_sessions,
    prescriberName: r.prescriber_name,
    reviewRequired: r.review_required === 1,
    sessionsDone: r.sessions_done ?? 0,
  }));
}

/** A prescription as a course row (the protocol's name, interval and billing scheme copied into it); the caller sets the status. */
export function prescriptionColumns(fields: PrescriptionFields, protocol: Protocol, prescriberId: number, at: string) {
  return {
    patient_id: fields.patientId,
    protocol_id: protocol.id,
    prescriber_id: prescriberId,
    protocol_name: protocol.revision > 1 ? `${protocol.name} (rev. ${protocol.revision})` : protocol.name,
    target: fields.target,
    coil: fields.coil,
    ...stimulationToColumns(fields),
    sessions_per_day: fields.sessionsPerDay,
    min_minutes_between_sessions: protocol.minMinutesBetweenSessions,
    planned_sessions: fields.plannedSessions,
    schedule: fields.schedule,
    authorized_sessions: fields.authorizedSessions,
    billing_scheme: protocol.billingScheme,
    start_date: fields.startDate,
    notes: fields.notes,
    safety_override_reason: overrideReasonOrNull(fields.safetyOverrideReason),
    created_at: at,
    updated_at: at,
  };
}

export async function prescribeCourse(db: Kysely<DB>, ctx: ActorContext, fields: PrescriptionFields): Promise<Course> {
  const { actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const patient = await getPatient(trx, fields.patientId);
    if (patient.archivedAt) throw new ServiceError('conflict', 'This patient is archived. Restore the record before prescribing.');
    // More than a year before or after today is a slip of the year (2062 for 2026, 2025 for 2026).
    const today = localIsoDate(ctx.now);
    const [earliest, latest] = [addYearsIso(today, -1), addYearsIso(today, 1)];
    if (fields.startDate < earliest || fields.startDate > latest) {
      const { day } = await clinicDateWriters(trx);
      throw new ServiceError('invalid_input', `The start date ${day(fields.startDate)} is more than a year from today (${day(today)}).`, {
        startDate: `More than a year from today: start between ${day(earliest)} and ${day(latest)}`,
      });
    }
    const protocol = await getProtocol(trx, fields.protocolId);
    if (protocol.status === 'retired') {
      throw new ServiceError('invalid_input', `${protocol.name} is retired.`, { protocolId: 'This protocol is retired: choose a current one' });
    }
    const open = await trx
      .selectFrom('courses')
      .select('id')
      .where('patient_id', '=', fields.patientId)
      .where('status', 'in', ['planned', 'active'])
      .executeTakeFirst();
    if (open) {
      throw new ServiceError('conflict', 'This patient already has a planned or active course. Complete or discontinue it first.');
    }
    const at = ctx.now.toISOString();
    const row = await trx
      .insertInto('courses')
      .values({ ...prescriptionColumns(fields, protocol, actor.id, at), status: 'planned' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('course_authorizations')
      .values({ course_id: row.id, authorized_sessions: fields.authorizedSessions, reference: fields.authorizationReference, note: 'At prescription', recorded_by: actor.id, recorded_at: at })
      .execute();
    const created = await getCourse(trx, row.id);
    await recordAudit(trx, ctx, { staffId: actor.id, action: 'create', entity: 'course', entityId: created.id, before: null, after: created, reason: created.safetyOverrideReason });
    return created;
  });
}

const authorizationsOfCourse = preparedQuery((db, courseId: number) =>
  db
    .selectFrom('course_authorizations')
    .innerJoin('staff', 'staff.id', 'course_authorizations.recorded_by')
    .selectAll('course_authorizations')
    .select('staff.name as recorded_by_name')
    .where('course_id', '=', courseId)
    .orderBy('course_authorizations.id', 'desc'),
);

async function listAuthorizations(db: Kysely<DB>, courseId: number): Promise<CourseAuthorization[]> {
  const rows = await authorizationsOfCourse(db, courseId);
  return rows.map((r) => ({
    id: r.id,
    authorizedSessions: r.authorized_sessions,
    reference: r.reference,
    note: r.note,
    recordedByName: r.recorded_by_name,
    recordedAt: r.recorded_at,
  }));
}

export async function getCourseDetail(db: Kysely<DB>, ctx: ServiceContext, id: number): Promise<CourseDetail> {
  const today = localIsoDate(ctx.now);
  // Reads that need only the course's id start with the course's own (on a clinic server each is a round trip).
  const courseRead = getCourse(db, id);
  const sessionsRead = loadSessionRows(db, { courseId: id });
  const spanRead = sessionsRead.then((sessions) => {
    // The first session is the earliest by date (a back-dated session comes first), not by number.
    const dates = sessions.map((s) => s.sessionDate).sort();
    return { firstSessionOn: dates[0] ?? null, lastSessionOn: dates.at(-1) ?? null };
  });
  const [course, patient, motorThresholds, authorizations, sessions, span, phq9, { day }] = await Promise.all([
    courseRead,
    courseRead.then((c) => getPatient(db, c.patientId)),
    listThresholds(db, id, today),
    listAuthorizations(db, id),
    sessionsRead,
    spanRead,
    Promise.all([courseRead, spanRead]).then(([c, s]) => listForCourse(db, c, s, today)),
    clinicDateWriters(db),
  ]);
  const firstSessionDate = span.firstSessionOn;
  const valid = phq9.filter((a) => !a.enteredInError);
  const outcome = courseOutcome(valid, span);
  const outcomeOut = outcome && {
    ...outcome,
    baseline: { id: outcome.baseline.id, assessedOn: outcome.baseline.assessedOn, total: outcome.baseline.total },
    endOfTreatment: { id: outcome.endOfTreatment.id, assessedOn: outcome.endOfTreatment.assessedOn, total: outcome.endOfTreatment.total },
  };
  const currentMt = motorThresholds[0] ?? null;
  const output = currentMt ? checkMachineOutput(currentMt.rmtPctMso, course.intensityPctMt) : null;
  const progress = {
    sessionsDone: sessions.length,
    partialSessions: sessions.filter((s) => s.partial).length,
    missedDays: missedWeekdays(
      sessions.map((s) => s.sessionDate),
      course.sessionsPerDay > 1 ? course.plannedSessions : Math.min(DAILY_PHASE_SESSIONS, course.plannedSessions),
      course.endedOn ?? addDaysIso(today, -1),
    ),
    cumulativePulses: sessions.reduce((sum, s) => sum + s.pulsesDelivered, 0),
    lastSessionDate: span.lastSessionOn,
    daysSinceLastSession: span.lastSessionOn ? daysBetween(span.lastSessionOn, today) : null,
    authorizedRemaining: course.authorizedSessions - sessions.length,
    adverseEvents: sessions.filter((s) => s.adverseEventsSummary !== '').length,
  };
  const flags: CourseFlag[] = [];
  const open = course.status === 'planned' || course.status === 'active';
  if (course.reviewRequired) flags.push({ kind: 'review_required', message: `Psychiatrist review required: ${course.reviewReason ?? ''}` });
  const openItem9 = valid.filter((a) => a.item9Positive && !a.acknowledgement);
  if (openItem9.length > 0) {
    flags.push({ kind: 'item9_open', message: `PHQ-9 item 9 (thoughts of death or self-harm) positive on ${openItem9.map((a) => day(a.assessedOn)).join(', ')}: not yet acknowledged.` });
  }
  if (outcome && outcome.change >= 5) flags.push({ kind: 'worsening', message: `PHQ-9 worse by ${outcome.change} points since baseline (${outcome.baseline.total} → ${outcome.endOfTreatment.total}).` });
  if (open && !currentMt) flags.push({ kind: 'mt_missing', message: 'No motor threshold recorded: record one before the first session.' });
  if (open && currentMt?.stale) flags.push({ kind: 'mt_stale', message: `Motor threshold is ${currentMt.ageDays} days old (re-determine weekly; CPT 90869).` });
  if (open && currentMt?.visual) flags.push({ kind: 'mt_visual', message: 'Motor threshold was measured visually (reads about 11% higher than EMG).' });
  if (output && 'level' in output) flags.push({ kind: 'mt_undeliverable', message: output.message });
  if (progress.authorizedRemaining < 0) {
    flags.push({ kind: 'over_authorization', message: `${-progress.authorizedRemaining} session(s) delivered beyond the ${course.authorizedSessions} authorized.` });
  }
  return {
    course,
    patient,
    currentMt,
    prescribedPctMso: output && 'pctMso' in output ? output.pctMso : null,
    motorThresholds,
    authorizations,
    sessions,
    phq9,
    firstSessionDate,
    lastSessionDate: span.lastSessionOn,
    outcome: outcomeOut,
    progress,
    flags,
  };
}

interface CourseChange {
  set: Partial<Selectable<CoursesTable>>;
  action: 'authorize' | 'complete' | 'discontinue' | 'review' | 'schedule';
  reason: string | null;
}

async function changeCourse(
  db: Kysely<DB>,
  ctx: ActorContext,
  input: { courseId: number; version?: number },
  change: (
    course: Course,
    trx: Kysely<DB>,
  ) => CourseChange | Promise<CourseChange>,
  extra?: (trx: Kysely<DB>, actorId: number) => Promise<void>,
): Promise<Course> {
  const { actor } = ctx;
  return db.transaction().execute(async (trx) => {
    await engineOf(trx).lockRow(trx, 'courses', input.courseId);
    const before = await getCourse(trx, input.courseId);
    if (input.version !== undefined && before.version !== input.version) {
      throw await staleEditError(trx, { entity: 'course', entityId: before.id, updatedAt: before.updatedAt }, 'This course');
    }
    const { set, action, reason } = await change(before, trx);
    await trx
      .updateTable('courses')
      .set({ ...set, version: before.version + 1, updated_at: ctx.now.toISOString() })
      .where('id', '=', before.id)
      .execute();
    await extra?.(trx, actor.id);
    const after = await getCourse(trx, before.id);
    await recordAudit(trx, ctx, { staffId: actor.id, action, entity: 'course', entityId: before.id, before, after, reason });
    return after;
  });
}

/** The course's planned time of day, from now on (the today list's order); an ended course keeps its last. */
export function setCoursePlannedTime(db: Kysely<DB>, ctx: ActorContext, input: { courseId: number; version: number; plannedTime: string | null }): Promise<Course> {
  return changeCourse(db, ctx, input, (course) => {
    if (course.status === 'completed' || course.status === 'discontinued') throw new ServiceError('conflict', `This course is already ${course.status}.`);
    return { set: { planned_time: input.plannedTime }, action: 'schedule', reason: input.plannedTime ? `Planned daily at ${input.plannedTime}` : 'No planned time' };
  });
}

/** Payers extend in blocks: the new total is recorded with who, when and the payer's reference. */
export function authorizeSessions(
  db: Kysely<DB>,
  ctx: ActorContext,
  input: { courseId: number; authorizedSessions: number; reference: string; note: string },
): Promise<Course> {
  return changeCourse(
    db,
    ctx,
    input,
    async (course, trx) => {
      const patient = await getPatient(trx, course.patientId);
      if (patient.archivedAt) {
        throw new ServiceError('conflict', 'This patient is archived. Restore the record before recording authorizations.');
      }
      const { n: delivered } = await trx
        .selectFrom('treatment_sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('course_id', '=', course.id)
        .executeTakeFirstOrThrow();
      if (input.authorizedSessions < delivered) {
        throw new ServiceError(
          'invalid_input',
          `${delivered} sessions of this course have already been delivered; the authorization cannot be set below that.`,
          { authorizedSessions: `At least ${delivered}: ${delivered} sessions have already been delivered` },
        );
      }
      return { set: { authorized_sessions: input.authorizedSessions }, action: 'authorize', reason: input.reference || input.note || null };
    },
    async (trx, actorId) => {
      await trx
        .insertInto('course_authorizations')
        .values({
          course_id: input.courseId,
          authorized_sessions: input.authorizedSessions,
          reference: input.reference,
          note: input.note,
          recorded_by: actorId,
          recorded_at: ctx.now.toISOString(),
        })
        .execute();
    },
  );
}

export async function endCourse(
  db: Kysely<DB>,
  ctx: ActorContext,
  input: { courseId: number; version: number; status: 'completed' | 'discontinued'; on: string; reason: string },
): Promise<Course> {
  const { day } = await clinicDateWriters(db);
  return changeCourse(db, ctx, input, (course) => {
    const startedOn = day(course.startDate);
    if (course.status === 'completed' || course.status === 'discontinued') {
      throw new ServiceError('conflict', `This course is already ${course.status}.`);
    }
    if (input.on < course.startDate) {
      throw new ServiceError('invalid_input', 'The end date is before the course started.', { on: `The course started on ${startedOn}` });
    }
    return {
      set: { status: input.status, ended_on: input.on, status_reason: input.reason || null },
      action: input.status === 'completed' ? 'complete' : 'discontinue',
      reason: input.reason || null,
    };
  });
}

export function clearReview(db: Kysely<DB>, ctx: ActorContext, input: { courseId: number; version: number; note: string }): Promise<Course> {
  return changeCourse(db, ctx, input, (course) => {
    if (!course.reviewRequired) throw new ServiceError('conflict', 'This course has no review pending.');
    return { set: { review_required: 0, review_reason: null }, action: 'review', reason: input.note };
  });
}

/**
 * Archiving a patient ends their open (planned or active) courses with the archive (DOMAIN.md,
 * "Safe states"): discontinued on the archive's clinic-local date with the archive's reason kept,
 * each change audited. Called inside the archive's transaction, so both happen or neither.
 */
/**
 * Holds the patient's open courses for this transaction before its first audit entry: the archive
 * ends them after that entry, and a session being saved on one of them (which holds its course,
 * then appends to the audit chain) must not wait on the chain while holding what the archive needs.
 */
export async function lockOpenCourses(trx: Transaction<DB>, patientId: number): Promise<void> {
  for (const { id } of await openCoursesOf(trx, patientId)) await engineOf(trx).lockRow(trx, 'courses', id);
}

/** The patient's planned and active courses, by id. */
function openCoursesOf(trx: Transaction<DB>, patientId: number) {
  return trx.selectFrom('courses').select('id').where('patient_id', '=', patientId).where('status', 'in', ['planned', 'active']).orderBy('id').execute();
}

export async function endOpenCoursesForArchive(trx: Transaction<DB>, ctx: ActorContext, patientId: number, archiveReason: string): Promise<Course[]> {
  const on = localIsoDate(ctx.now);
  const reason = `Patient archived: ${archiveReason}`;
  const open = await openCoursesOf(trx, patientId);
  const ended: Course[] = [];
  for (const { id } of open) {
    const before = await getCourse(trx, id);
    await trx
      .updateTable('courses')
      .set({ status: 'discontinued', ended_on: on, status_reason: reason, version: before.version + 1, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .execute();
    const after = await getCourse(trx, id);
    await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'discontinue', entity: 'course', entityId: id, before, after, reason });
    ended.push(after);
  }
  return ended;
}
