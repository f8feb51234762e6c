import type { Kysely, Selectable } from 'kysely';
import { addDaysIso, localIsoDate } from '../../shared/dates';
import { assessmentParts, BASELINE_WINDOW_DAYS, courseAssessments, type CourseSessionSpan, scorePhq9 } from '../../shared/clinical';
import type { CourseAssessment, Phq9Alert, Phq9Assessment, Phq9Fields } from '../../shared/schemas/phq9';
import { preparedQuery } from '../db/preparedQuery';
import type { DB, Phq9AssessmentsTable } from '../db/schema';
import { recordAudit } from './audit';
import type { ActorContext } from './context';
import { notFound, ServiceError } from './errors';
import { clinicDateWriters } from './settings';
import { getPatient } from './patients';

type Row = Selectable<Phq9AssessmentsTable> & {
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
    .selectFrom('phq9_assessments as a')
    .innerJoin('staff as e', 'e.id', 'a.entered_by')
    .leftJoin('phq9_item9_acknowledgements as k', 'k.assessment_id', 'a.id')
    .leftJoin('staff as ks', 'ks.id', 'k.acknowledged_by')
    .leftJoin('phq9_entered_in_error as x', 'x.assessment_id', 'a.id')
    .leftJoin('staff as xs', 'xs.id', 'x.marked_by')
    .selectAll('a')
    .select([
      'e.name as entered_by_name', 'ks.name as ack_by_name', 'k.acknowledged_at', 'k.action_taken',
      'xs.name as error_by_name', 'x.marked_at as error_marked_at', 'x.reason as error_reason',
    ]);
}

export function answersOf(row: Pick<Selectable<Phq9AssessmentsTable>, `item${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`>): number[] {
  return [row.item1, row.item2, row.item3, row.item4, row.item5, row.item6, row.item7, row.item8, row.item9];
}

function toAssessment(row: Row): Phq9Assessment {
  const answers = answersOf(row);
  const score = scorePhq9(answers);
  return {
    id: row.id,
    patientId: row.patient_id,
    assessedOn: row.assessed_on,
    answers,
    difficulty: row.difficulty,
    total: score.total,
    severity: score.severity,
    item9Positive: score.item9Positive,
    notes: row.notes,
    enteredByName: row.entered_by_name,
    createdAt: row.created_at,
    acknowledgement:
      row.acknowledged_at && row.ack_by_name && row.action_taken
        ? { byName: row.ack_by_name, at: row.acknowledged_at, actionTaken: row.action_taken }
        : null,
    enteredInError:
      row.error_marked_at && row.error_by_name && row.error_reason ? { byName: row.error_by_name, at: row.error_marked_at, reason: row.error_reason } : null,
  };
}

const assessmentById = preparedQuery((db, id: number) => selectAssessments(db).where('a.id', '=', id));

export async function getAssessment(db: Kysely<DB>, id: number): Promise<Phq9Assessment> {
  const [row] = await assessmentById(db, id);
  if (!row) throw notFound('PHQ-9', id);
  return toAssessment(row);
}

export async function listForPatient(db: Kysely<DB>, patientId: number): Promise<Phq9Assessment[]> {
  const rows = await selectAssessments(db).where('a.patient_id', '=', patientId).orderBy('a.assessed_on').orderBy('a.id').execute();
  return rows.map(toAssessment);
}

const assessmentsOfPatient = preparedQuery((db, patientId: number) =>
  selectAssessments(db).where('a.patient_id', '=', patientId).orderBy('a.assessed_on').orderBy('a.id'),
);

/**
 * The PHQ-9s that measure a course, each with the part it measures (courseAssessments: date
 * windows around the course's delivered sessions, never the course that was open when it was
 * typed). Entered-in-error ones are listed (struck through) where they fall, with no part.
 * Before the first session nothing is linked yet: the patient's PHQ-9s from 30 days before the
 * later of the start date and today are listed with no part, as the candidates for a baseline.
 */
export async function listForCourse(
  db: Kysely<DB>,
  course: { patientId: number; startDate: string },
  span: CourseSessionSpan,
  today: string,
): Promise<CourseAssessment[]> {
  const all = (await assessmentsOfPatient(db, course.patientId)).map(toAssessment);
  if (span.firstSessionOn === null) {
    const from = addDaysIso(course.startDate > today ? course.startDate : today, -BASELINE_WINDOW_DAYS);
    return all.filter((a) => a.assessedOn >= from).map((a): CourseAssessment => ({ ...a, part: null }));
  }
  const parts = assessmentParts(courseAssessments(all.filter((a) => !a.enteredInError), span));
  const from = addDaysIso(span.firstSessionOn, -BASELINE_WINDOW_DAYS);
  return all.flatMap((a): CourseAssessment[] => {
    const part = parts.get(a.id);
    if (part) return [{ ...a, part }];
    return a.enteredInError && a.assessedOn >= from ? [{ ...a, part: null }] : [];
  });
}

const sameDay = preparedQuery((db, patientId: number, assessedOn: string) =>
  selectAssessments(db).where('a.patient_id', '=', patientId).where('a.assessed_on', '=', assessedOn).where('x.assessment_id', 'is', null).orderBy('a.id'),
);

/**
 * The date checks main makes with the clinic's calendar: not before the patient was born, not
 * after today (the clinic's day, from ctx.now), and no second valid PHQ-9 on the same day.
 */
export async function checkAssessedOn(db: Kysely<DB>, ctx: ActorContext, patient: { id: number; dateOfBirth: string }, assessedOn: string): Promise<void> {
  const refuse = (message: string) => new ServiceError('invalid_input', message, { assessedOn: message });
  const { day } = await clinicDateWriters(db);
  if (assessedOn < patient.dateOfBirth) throw refuse(`This date is before the patient's date of birth (${day(patient.dateOfBirth)}).`);
  const today = localIsoDate(ctx.now);
  if (assessedOn > today) throw refuse(`This date is in the future (today is ${day(today)}).`);
  const [first] = await sameDay(db, patient.id, assessedOn);
  if (first) {
    throw refuse(
      `A PHQ-9 is already recorded for ${day(assessedOn)} (total ${scorePhq9(answersOf(first)).total}, entered by ${first.entered_by_name}): ` +
        'one PHQ-9 per patient per day. If that one is wrong, mark it entered in error first.',
    );
  }
}

export async function createAssessment(db: Kysely<DB>, ctx: ActorContext, fields: Phq9Fields): Promise<Phq9Assessment> {
  const { actor } = ctx;
  const answers = fields.answers.map((a) => a ?? Number.NaN);
  const score = scorePhq9(answers);
  return db.transaction().execute(async (trx) => {
    const patient = await getPatient(trx, fields.patientId);
    if (patient.archivedAt) throw new ServiceError('conflict', 'This patient is archived. Restore the record before adding assessments.');
    await checkAssessedOn(trx, ctx, patient, fields.assessedOn);
    const [i1, i2, i3, i4, i5, i6, i7, i8, i9] = answers as [number, number, number, number, number, number, number, number, number];
    const { id } = await trx
      .insertInto('phq9_assessments')
      .values({
        patient_id: fields.patientId,
        assessed_on: fields.assessedOn,
        item1: i1, item2: i2, item3: i3, item4: i4, item5: i5, item6: i6, item7: i7, item8: i8, item9: i9,
        difficulty: fields.difficulty,
        entered_by: actor.id,
        notes: fields.notes,
        created_at: ctx.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await getAssessment(trx, id);
    if (created.total !== score.total) throw new Error('PHQ-9 total stored differs from the shared scoring');
    await recordAudit(trx, ctx, { staffId: actor.id, action: 'create', entity: 'phq9', entityId: id, before: null, after: created });
    return created;
  });
}

/** Item 9 needs a clinician the same day: a named staff member records what was done. */
export async function acknowledgeItem9(db: Kysely<DB>, ctx: ActorContext, assessmentId: number, actionTaken: string): Promise<Phq9Assessment> {
  const { actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const before = await getAssessment(trx, assessmentId);
    if (!before.item9Positive) throw new ServiceError('conflict', 'This PHQ-9 has no positive item 9 to acknowledge.');
    if (before.acknowledgement) {
      throw new ServiceError('conflict', `Already acknowledged by ${before.acknowledgement.byName}.`);
    }
    await trx
      .insertInto('phq9_item9_acknowledgements')
      .values({ assessment_id: assessmentId, acknowledged_by: actor.id, acknowledged_at: ctx.now.toISOString(), action_taken: actionTaken })
      .execute();
    const after = await getAssessment(trx, assessmentId);
    await recordAudit(trx, ctx, { staffId: actor.id, action: 'acknowledge', entity: 'phq9', entityId: assessmentId, before, after, reason: actionTaken });
    return after;
  });
}

/**
 * Marks a PHQ-9 as saved by mistake (psychiatrists and administrators). A positive item 9 must
 * be acknowledged first, so marking can never be a way to silence an alert nobody looked at.
 */
export async function markEnteredInError(db: Kysely<DB>, ctx: ActorContext, assessmentId: number, reason: string): Promise<Phq9Assessment> {
  const { actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const before = await getAssessment(trx, assessmentId);
    if (before.enteredInError) throw new ServiceError('conflict', `Already marked as entered in error by ${before.enteredInError.byName}.`);
    if (before.item9Positive && !before.acknowledgement) {
      throw new ServiceError('conflict', 'Item 9 is positive and not yet acknowledged: acknowledge it first, then mark the form as entered in error.');
    }
    await trx
      .insertInto('phq9_entered_in_error')
      .values({ assessment_id: assessmentId, marked_by: actor.id, marked_at: ctx.now.toISOString(), reason })
      .execute();
    const after = await getAssessment(trx, assessmentId);
    await recordAudit(trx, ctx, { staffId: actor.id, action: 'enter_in_error', entity: 'phq9', entityId: assessmentId, before, after, reason });
    return after;
  });
}

/** Positive item-9 answers nobody has acknowledged yet, oldest first. */
export async function openItem9Alerts(db: Kysely<DB>): Promise<Phq9Alert[]> {
  const rows = await selectAssessments(db)
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .select(['p.first_name', 'p.last_name', 'p.mrn'])
    .where('a.item9', '>', 0)
    .where('k.assessment_id', 'is', null)
    .where('x.assessment_id', 'is', null)
    .orderBy('a.assessed_on')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ assessment: toAssessment(r), patientName: `${r.last_name.toUpperCase()}, ${r.first_name}`, mrn: r.mrn }));
}
