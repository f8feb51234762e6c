import type { Kysely, Transaction } from 'kysely';
import {
  type Consent,
  type ConsentRecordFields,
  type CourseReadiness,
  type SafetyScreening,
  type ScreeningAnswers,
  screeningQuestions,
  type ScreeningRecordFields,
  type StartBlocker,
} from '../../shared/schemas/screening';
import type { DB } from '../db/schema';
import { requireActiveStaff } from './actor';
import { recordAudit } from './audit';
import type { ActorContext } from './context';
import { notFound, ServiceError } from './errors';

type Reader = Kysely<DB> | Transaction<DB>;

async function screeningsOf(db: Reader, where: { courseId?: number; id?: number }): Promise<SafetyScreening[]> {
  let q = db
    .selectFrom('safety_screenings as s')
    .innerJoin('staff as screener', 'screener.id', 's.screened_by')
    .leftJoin('staff as clearer', 'clearer.id', 's.cleared_by')
    .selectAll('s')
    .select(['screener.name as screened_by_name', 'clearer.name as cleared_by_name']);
  if (where.courseId !== undefined) q = q.where('s.course_id', '=', where.courseId);
  if (where.id !== undefined) q = q.where('s.id', '=', where.id);
  const rows = await q.orderBy('s.id', 'desc').execute();
  return rows.map((r) => {
    const answers = Object.fromEntries(screeningQuestions.map((k) => [k, r[k] === 1])) as ScreeningAnswers;
    return {
      id: r.id,
      courseId: r.course_id,
      screenedOn: r.screened_on,
      answers,
      positive: screeningQuestions.filter((k) => answers[k]),
      details: r.details,
      screenedByName: r.screened_by_name,
      clearedByName: r.cleared_by_name,
      clearedAt: r.cleared_at,
      clearance: r.clearance,
      createdAt: r.created_at,
    };
  });
}

async function consentsOf(db: Reader, where: { courseId?: number; id?: number }): Promise<Consent[]> {
  let q = db
    .selectFrom('consents as c')
    .innerJoin('staff as obtainer', 'obtainer.id', 'c.obtained_by')
    .innerJoin('staff as recorder', 'recorder.id', 'c.recorded_by')
    .selectAll('c')
    .select(['obtainer.name as obtained_by_name', 'recorder.name as recorded_by_name']);
  if (where.courseId !== undefined) q = q.where('c.course_id', '=', where.courseId);
  if (where.id !== undefined) q = q.where('c.id', '=', where.id);
  const rows = await q.orderBy('c.id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    courseId: r.course_id,
    consentedOn: r.consented_on,
    consentVersion: r.consent_version,
    obtainedByName: r.obtained_by_name,
    recordedByName: r.recorded_by_name,
    createdAt: r.created_at,
  }));
}

function blockersOf(screening: SafetyScreening | null, consent: Consent | null): StartBlocker[] {
  const blockers: StartBlocker[] = [];
  if (!screening) blockers.push('no_screening');
  else if (!screening.clearedByName) blockers.push('screening_not_cleared');
  if (!consent) blockers.push('no_consent');
  return blockers;
}

/** The course's latest screening and consent, and what (if anything) stops its first session. */
export async function getReadiness(db: Reader, courseId: number): Promise<CourseReadiness> {
  const course = await db.selectFrom('courses').select('id').where('id', '=', courseId).executeTakeFirst();
  if (!course) throw notFound('Course', courseId);
  const [[screening = null], [consent = null], first] = await Promise.all([
    screeningsOf(db, { courseId }),
    consentsOf(db, { courseId }),
    db.selectFrom('treatment_sessions').select('id').where('course_id', '=', courseId).limit(1).executeTakeFirst(),
  ]);
  return { screening, consent, blockers: blockersOf(screening, consent), started: first !== undefined };
}

const blockerMessages: Record<StartBlocker, string> = {
  no_screening: 'no TMS safety screening is recorded for this course',
  screening_not_cleared: 'its safety screening awaits a psychiatrist’s clearance',
  no_consent: 'no informed consent is recorded for this course',
};

/**
 * The rule before a course's first session (issue 15): a safety screening cleared by a
 * psychiatrist and an informed consent, both dated on or before the session. Throws a specific
 * `conflict` naming everything missing; called where a first session is stored or submitted.
 */
export async function assertReadyToStart(trx: Reader, courseId: number, sessionDate: string): Promise<void> {
  const { screening, consent, blockers } = await getReadiness(trx, courseId);
  const problems = blockers.map((b) => blockerMessages[b]);
  if (screening && screening.screenedOn > sessionDate) problems.push(`the safety screening is dated ${screening.screenedOn}, after this session`);
  if (consent && consent.consentedOn > sessionDate) problems.push(`the consent is dated ${consent.consentedOn}, after this session`);
  if (problems.length === 0) return;
  throw new ServiceError('conflict', `The course cannot start: ${problems.join('; ')}. Record them on the course page before the first session.`);
}

async function requireOpenCourse(trx: Reader, courseId: number): Promise<void> {
  const course = await trx
    .selectFrom('courses')
    .innerJoin('patients', 'patients.id', 'courses.patient_id')
    .select(['courses.status', 'patients.archived_at'])
    .where('courses.id', '=', courseId)
    .executeTakeFirst();
  if (!course) throw notFound('Course', courseId);
  if (course.archived_at !== null) throw new ServiceError('conflict', 'This patient is archived. Restore the record first.');
  if (course.status === 'completed' || course.status === 'discontinued') throw new ServiceError('conflict', `This course is ${course.status}.`);
}

/** Records a safety screening (the answers as given, by the signed-in clinician); a psychiatrist clears it next. */
export async function recordScreening(db: Kysely<DB>, ctx: ActorContext, fields: ScreeningRecordFields): Promise<SafetyScreening> {
  const answers = Object.fromEntries(screeningQuestions.map((k) => [k, fields.answers[k] ? (1 as const) : (0 as const)])) as Record<(typeof screeningQuestions)[number], 0 | 1>;
  return db.transaction().execute(async (trx) => {
    await requireOpenCourse(trx, fields.courseId);
    const row = await trx
      .insertInto('safety_screenings')
      .values({ course_id: fields.courseId, screened_on: fields.screenedOn, ...answers, details: fields.details, screened_by: ctx.actor.id, created_at: ctx.now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [created] = await screeningsOf(trx, { id: row.id });
    if (!created) throw notFound('Safety screening', row.id);
    await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'create', entity: 'safety_screening', entityId: row.id, before: null, after: created });
    return created;
  });
}

/** MIN characters of a written clearance for a positive answer: a sentence, not a tick. */
export const MIN_CLEARANCE_LENGTH = 10;

/** The signed-in psychiatrist clears the course's latest screening; a positive answer needs their written reason. */
export async function clearScreening(db: Kysely<DB>, ctx: ActorContext, screeningId: number, clearance: string): Promise<SafetyScreening> {
  return db.transaction().execute(async (trx) => {
    const [screening] = await screeningsOf(trx, { id: screeningId });
    if (!screening) throw notFound('Safety screening', screeningId);
    await requireOpenCourse(trx, screening.courseId);
    const [latest] = await screeningsOf(trx, { courseId: screening.courseId });
    if (latest?.id !== screeningId) throw new ServiceError('conflict', 'A newer screening was recorded for this course: clear that one.');
    if (screening.clearedByName) throw new ServiceError('conflict', `This screening was already cleared by ${screening.clearedByName}.`);
    if (screening.positive.length > 0 && clearance.trim().length < MIN_CLEARANCE_LENGTH) {
      throw new ServiceError('invalid_input', 'A positive screening answer needs the psychiatrist’s written clearance.', {
        clearance: `Write why TMS is safe despite the positive answer (at least ${MIN_CLEARANCE_LENGTH} characters)`,
      });
    }
    await trx.updateTable('safety_screenings').set({ cleared_by: ctx.actor.id, cleared_at: ctx.now.toISOString(), clearance: clearance.trim() }).where('id', '=', screeningId).execute();
    const [after] = await screeningsOf(trx, { id: screeningId });
    if (!after) throw notFound('Safety screening', screeningId);
    await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'clear', entity: 'safety_screening', entityId: screeningId, before: screening, after, reason: clearance.trim() || null });
    return after;
  });
}

/** Records the patient's informed consent to the course: date, version of the consent text, who obtained it. */
export async function recordConsent(db: Kysely<DB>, ctx: ActorContext, fields: ConsentRecordFields): Promise<Consent> {
  await requireActiveStaff(db, fields.obtainedById, 'obtainedById', ['psychiatrist', 'technician']);
  return db.transaction().execute(async (trx) => {
    await requireOpenCourse(trx, fields.courseId);
    const row = await trx
      .insertInto('consents')
      .values({ course_id: fields.courseId, consented_on: fields.consentedOn, consent_version: fields.consentVersion, obtained_by: fields.obtainedById, recorded_by: ctx.actor.id, created_at: ctx.now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [created] = await consentsOf(trx, { id: row.id });
    if (!created) throw notFound('Consent', row.id);
    await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'create', entity: 'consent', entityId: row.id, before: null, after: created });
    return created;
  });
}
