import type { Kysely, Selectable } from 'kysely';
import { assessmentParts, BASELINE_WINDOW_DAYS, courseAssessments, type CourseSessionSpan, mayRate, scaleDefinition, type ScaleId, scoreAssessment } from '../../shared/clinical';
import { addDaysIso, localIsoDate } from '../../shared/dates';
import type { Assessment, AssessmentAlert, AssessmentFields } from '../../shared/schemas/assessment';
import type { AssessmentPart } from '../../shared/clinical';
import { preparedQuery } from '../db/preparedQuery';
import type { AssessmentsTable, DB } from '../db/schema';
import { recordAudit } from './audit';
import type { ActorContext } from './context';
import { notFound, ServiceError } from './errors';
import { getPatient } from './patients';
import { clinicDateWriters } from './settings';

/** Generic storage of every rating scale (migration 0017); the scale's definition decides the rest. */

type Row = Selectable<AssessmentsTable> & {
  entered_by_name: string;
  ack_by_name: string | null;
  acknowledged_at: string | null;
  action_taken: string | null;
  error_by_name: string | null;
  error_marked_at: string | null;
  error_reason: string | null;
};

function selectAssessments(db: Kysely<DB>) {
  return db
    .selectFrom('assessments as a')
    .innerJoin('staff as e', 'e.id', 'a.entered_by')
    .leftJoin('assessment_acknowledgements as k', 'k.assessment_id', 'a.id')
    .leftJoin('staff as ks', 'ks.id', 'k.acknowledged_by')
    .leftJoin('assessment_entered_in_error as x', 'x.assessment_id', 'a.id')
    .leftJoin('staff as xs', 'xs.id', 'x.marked_by')
    .select([
      'a.id', 'a.patient_id', 'a.scale', 'a.assessed_on', 'a.answers', 'a.total', 'a.suicide_item_positive', 'a.difficulty', 'a.entered_by', 'a.notes', 'a.created_at',
      'e.name as entered_by_name', 'ks.name as ack_by_name', 'k.acknowledged_at', 'k.action_taken',
      'xs.name as error_by_name', 'x.marked_at as error_marked_at', 'x.reason as error_reason',
    ]);
}

/** The stored answers, parsed (a JSON array written by this service or migration 0017). */
export function parseAnswers(json: string): number[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || !parsed.every((a) => Number.isInteger(a))) throw new Error('Stored answers are not a list of whole numbers');
  return parsed as number[];
}

function toAssessment(row: Row): Assessment {
  const scale = row.scale as ScaleId;
  const answers = parseAnswers(row.answers);
  const score = scoreAssessment(scale, answers);
  return {
    id: row.id,
    patientId: row.patient_id,
    scale,
    assessedOn: row.assessed_on,
    answers,
    difficulty: row.difficulty,
    total: score.total,
    severity: score.severity,
    suicideItemPositive: score.suicideItemPositive,
    notes: row.notes,
    enteredByName: row.entered_by_name,
    createdAt: row.created_at,
    acknowledgement:
      row.acknowledged_at && row.ack_by_name && row.action_taken ? { byName: row.ack_by_name, at: row.acknowledged_at, actionTaken: row.action_taken } : null,
    enteredInError:
      row.error_marked_at && row.error_by_name && row.error_reason ? { byName: row.error_by_name, at: row.error_marked_at, reason: row.error_reason } : null,
  };
}

const assessmentById = preparedQuery((db, id: number) => selectAssessments(db).where('a.id', '=', id));

export async function getAssessment(db: Kysely<DB>, id: number): Promise<Assessment> {
  const [row] = await assessmentById(db, id);
  if (!row) throw notFound('Assessment', id);
  return toAssessment(row);
}

const assessmentsOfPatient = preparedQuery((db, patientId: number) =>
  selectAssessments(db).where('a.patient_id', '=', patientId).orderBy('a.assessed_on').orderBy('a.id'),
);

/** A patient's assessments of every scale (or one), by date then id, entered-in-error ones included. */
export async function listAssessments(db: Kysely<DB>, patientId: number, scale?: ScaleId): Promise<Assessment[]> {
  const all = (await assessmentsOfPatient(db, patientId)).map(toAssessment);
  return scale ? all.filter((a) => a.scale === scale) : all;
}

export type CourseScaleAssessment = Assessment & { part: AssessmentPart | null };

/**
 * The assessments of one scale that measure a course, each with its part (courseAssessments:
 * date windows around the delivered sessions). Entered-in-error ones are listed where they fall,
 * with no part. Before the first session: the patient's assessments from 30 days before the
 * later of the start date and today, with no part (the candidates for a baseline).
 */
export function assessmentsForCourse(
  all: readonly Assessment[],
  course: { startDate: string },
  span: CourseSessionSpan,
  today: string,
): CourseScaleAssessment[] {
  if (span.firstSessionOn === null) {
    const from = addDaysIso(course.startDate > today ? course.startDate : today, -BASELINE_WINDOW_DAYS);
    return all.filter((a) => a.assessedOn >= from).map((a) => ({ ...a, part: null }));
  }
  const parts = assessmentParts(courseAssessments(all.filter((a) => !a.enteredInError), span));
  const from = addDaysIso(span.firstSessionOn, -BASELINE_WINDOW_DAYS);
  return all.flatMap((a): CourseScaleAssessment[] => {
    const part = parts.get(a.id);
    if (part) return [{ ...a, part }];
    return a.enteredInError && a.assessedOn >= from ? [{ ...a, part: null }] : [];
  });
}

const sameDay = preparedQuery((db, patientId: number, scale: string, assessedOn: string) =>
  selectAssessments(db)
    .where('a.patient_id', '=', patientId).where('a.scale', '=', scale).where('a.assessed_on', '=', assessedOn)
    .where('x.assessment_id', 'is', null).orderBy('a.id'),
);

/**
 * The date checks main makes with the clinic's calendar: not before the patient was born, not
 * after today (the clinic's day, from ctx.now), and no second valid assessment of the scale on the
 * same day. Dates in the messages are written in the clinic's date format.
 */
export async function checkAssessedOn(db: Kysely<DB>, ctx: ActorContext, patient: { id: number; dateOfBirth: string }, scale: ScaleId, assessedOn: string): Promise<void> {
  const refuse = (message: string) => new ServiceError('invalid_input', message, { assessedOn: message });
  const { day } = await clinicDateWriters(db);
  if (assessedOn < patient.dateOfBirth) throw refuse(`This date is before the patient's date of birth (${day(patient.dateOfBirth)}).`);
  const today = localIsoDate(ctx.now);
  if (assessedOn > today) throw refuse(`This date is in the future (today is ${day(today)}).`);
  const [first] = await sameDay(db, patient.id, scale, assessedOn);
  if (first) {
    const name = scaleDefinition(scale).name;
    throw refuse(
      `A ${name} is already recorded for ${day(assessedOn)} (total ${first.total}, entered by ${first.entered_by_name}): ` +
        `one ${name} per patient per day. If that one is wrong, mark it entered in error first.`,
    );
  }
}

const raterOf = preparedQuery((db, staffId: number) => db.selectFrom('staff').select(['role', 'trained_rater']).where('id', '=', staffId));

/** Self-report scales: any clinical staff. Clinician-rated: psychiatrists and staff the clinic marks as trained raters. */
async function checkRater(db: Kysely<DB>, ctx: ActorContext, scale: ScaleId): Promise<void> {
  const [row] = await raterOf(db, ctx.actor.id);
  if (row && mayRate(scale, { role: row.role, trainedRater: row.trained_rater === 1 })) return;
  const name = scaleDefinition(scale).name;
  throw new ServiceError('forbidden', `${name} is clinician-rated: a psychiatrist or a staff member the clinic marks as a trained rater enters it.`);
}

/**
 * Writes one assessment row, scored from the scale's definition, as entered by the actor. The
 * caller has checked the rater, the patient and the date, and audits it (createAssessment, the
 * CSV import). Runs inside the caller's transaction.
 */
export async function insertAssessmentRow(trx: Kysely<DB>, ctx: ActorContext, fields: AssessmentFields): Promise<number> {
  const answers = fields.answers.map((a) => a ?? Number.NaN);
  const score = scoreAssessment(fields.scale, answers);
  const { id } = await trx
    .insertInto('assessments')
    .values({
      patient_id: fields.patientId,
      scale: fields.scale,
      assessed_on: fields.assessedOn,
      answers: JSON.stringify(answers),
      total: score.total,
      suicide_item_positive: score.suicideItemPositive ? 1 : 0,
      difficulty: fields.scale === 'phq9' ? fields.difficulty : null,
      entered_by: ctx.actor.id,
      notes: fields.notes,
      created_at: ctx.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function createAssessment(db: Kysely<DB>, ctx: ActorContext, fields: AssessmentFields): Promise<Assessment> {
  const { actor } = ctx;
  return db.transaction().execute(async (trx) => {
    await checkRater(trx, ctx, fields.scale);
    const patient = await getPatient(trx, fields.patientId);
    if (patient.archivedAt) throw new ServiceError('conflict', 'This patient is archived. Restore the record before adding assessments.');
    await checkAssessedOn(trx, ctx, patient, fields.scale, fields.assessedOn);
    const id = await insertAssessmentRow(trx, ctx, fields);
    const created = await getAssessment(trx, id);
    await recordAudit(trx, ctx, { staffId: actor.id, action: 'create', entity: 'assessment', entityId: id, before: null, after: created });
    return created;
  });
}

/** A positive suicide item needs a clinician the same day: a named staff member records what was done. */
export async function acknowledgeSuicideItem(db: Kysely<DB>, ctx: ActorContext, assessmentId: number, actionTaken: string): Promise<Assessment> {
  const { actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const before = await getAssessment(trx, assessmentId);
    const def = scaleDefinition(before.scale);
    if (!before.suicideItemPositive) throw new ServiceError('conflict', `This ${def.name} has no positive suicide item to acknowledge.`);
    if (before.acknowledgement) throw new ServiceError('conflict', `Already acknowledged by ${before.acknowledgement.byName}.`);
    await trx
      .insertInto('assessment_acknowledgements')
      .values({ assessment_id: assessmentId, acknowledged_by: actor.id, acknowledged_at: ctx.now.toISOString(), action_taken: actionTaken })
      .execute();
    const after = await getAssessment(trx, assessmentId);
    await recordAudit(trx, ctx, { staffId: actor.id, action: 'acknowledge', entity: 'assessment', entityId: assessmentId, before, after, reason: actionTaken });
    return after;
  });
}

/**
 * Marks an assessment saved by mistake. A positive suicide item must be acknowledged first, so
 * marking can never silence an alert nobody looked at.
 */
export async function markAssessmentEnteredInError(db: Kysely<DB>, ctx: ActorContext, assessmentId: number, reason: string): Promise<Assessment> {
  const { actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const before = await getAssessment(trx, assessmentId);
    if (before.enteredInError) throw new ServiceError('conflict', `Already marked as entered in error by ${before.enteredInError.byName}.`);
    if (before.suicideItemPositive && !before.acknowledgement) {
      const def = scaleDefinition(before.scale);
      throw new ServiceError(
        'conflict',
        `${def.name} item ${def.suicideItem ?? ''} (suicide) is positive and not yet acknowledged: acknowledge it first, then mark the form as entered in error.`,
      );
    }
    await trx.insertInto('assessment_entered_in_error').values({ assessment_id: assessmentId, marked_by: actor.id, marked_at: ctx.now.toISOString(), reason }).execute();
    const after = await getAssessment(trx, assessmentId);
    await recordAudit(trx, ctx, { staffId: actor.id, action: 'enter_in_error', entity: 'assessment', entityId: assessmentId, before, after, reason });
    return after;
  });
}

/** Positive suicide items of any scale nobody has acknowledged yet, oldest first. */
export async function openSuicideItemAlerts(db: Kysely<DB>, scale?: ScaleId): Promise<AssessmentAlert[]> {
  let query = selectAssessments(db)
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .select(['p.first_name', 'p.last_name', 'p.mrn'])
    .where('a.suicide_item_positive', '=', 1)
    .where('k.assessment_id', 'is', null)
    .where('x.assessment_id', 'is', null);
  if (scale) query = query.where('a.scale', '=', scale);
  const rows = await query.orderBy('a.assessed_on').orderBy('a.id').execute();
  return rows.map((r) => ({ assessment: toAssessment(r), patientName: `${r.last_name.toUpperCase()}, ${r.first_name}`, mrn: r.mrn }));
}
