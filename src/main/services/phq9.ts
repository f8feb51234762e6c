import type { Kysely, Selectable } from 'kysely';
import { scorePhq9 } from '../../shared/clinical';
import type { Phq9Alert, Phq9Assessment, Phq9Fields } from '../../shared/schemas/phq9';
import { preparedQuery } from '../db/preparedQuery';
import type { DB, Phq9AssessmentsTable } from '../db/schema';
import { recordAudit } from './audit';
import type { ActorContext } from './context';
import { notFound, ServiceError } from './errors';
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
    courseId: row.course_id,
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

const assessmentsOfCourse = preparedQuery((db, courseId: number) =>
  selectAssessments(db).where('a.course_id', '=', courseId).orderBy('a.assessed_on').orderBy('a.id'),
);

export async function listForCourse(db: Kysely<DB>, courseId: number): Promise<Phq9Assessment[]> {
  const rows = await assessmentsOfCourse(db, courseId);
  return rows.map(toAssessment);
}

/**
 * The course a PHQ-9 belongs to: the course that was open on its date (from before the
 * start, for a baseline, to the end), the patient's open course first.
 */
const coursesOfPatient = preparedQuery((db, patientId: number) =>
  db.selectFrom('courses').select(['id', 'status', 'start_date', 'ended_on']).where('patient_id', '=', patientId).orderBy('start_date', 'desc'),
);

async function courseFor(db: Kysely<DB>, patientId: number, date: string): Promise<number | null> {
  const courses = await coursesOfPatient(db, patientId);
  const open = courses.find((c) => (c.status === 'planned' || c.status === 'active'));
  if (open) return open.id;
  const covering = courses.find((c) => c.start_date <= date && (c.ended_on === null || date <= c.ended_on));
  return covering?.id ?? null;
}

export async function createAssessment(db: Kysely<DB>, ctx: ActorContext, fields: Phq9Fields): Promise<Phq9Assessment> {
  const { actor } = ctx;
  const answers = fields.answers.map((a) => a ?? Number.NaN);
  const score = scorePhq9(answers);
  return db.transaction().execute(async (trx) => {
    const patient = await getPatient(trx, fields.patientId);
    if (patient.archivedAt) throw new ServiceError('conflict', 'This patient is archived. Restore the record before adding assessments.');
    const courseId = await courseFor(trx, fields.patientId, fields.assessedOn);
    const [i1, i2, i3, i4, i5, i6, i7, i8, i9] = answers as [number, number, number, number, number, number, number, number, number];
    const { id } = await trx
      .insertInto('phq9_assessments')
      .values({
        patient_id: fields.patientId,
        course_id: courseId,
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
