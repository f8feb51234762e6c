import type { Kysely } from 'kysely';
import { localIsoDate } from '../../shared/dates';
import { motorThresholdFlags } from '../../shared/clinical';
import type { MotorThreshold, MotorThresholdFields } from '../../shared/schemas/motorThreshold';
import { preparedQuery } from '../db/preparedQuery';
import type { DB } from '../db/schema';
import { requireActiveStaff } from './actor';
import { recordAudit } from './audit';
import type { ActorContext } from './context';
import { notFound, ServiceError } from './errors';

function selectThresholds(db: Kysely<DB>) {
  return db
    .selectFrom('motor_thresholds')
    .innerJoin('staff', 'staff.id', 'motor_thresholds.measured_by')
    .selectAll('motor_thresholds')
    .select('staff.name as measured_by_name');
}

type ThresholdRow = Awaited<ReturnType<ReturnType<typeof selectThresholds>['executeTakeFirstOrThrow']>>;

function toThreshold(row: ThresholdRow, today: string): MotorThreshold {
  return {
    id: row.id,
    courseId: row.course_id,
    measuredOn: row.measured_on,
    rmtPctMso: row.rmt_pct_mso,
    method: row.method,
    coil: row.coil,
    measuredById: row.measured_by,
    measuredByName: row.measured_by_name,
    notes: row.notes,
    createdAt: row.created_at,
    ...motorThresholdFlags({ measuredOn: row.measured_on, method: row.method }, today),
  };
}

/** Every threshold of a course, newest first: the first is the one that drives the dose. */
const thresholdsOfCourse = preparedQuery((db, courseId: number) =>
  selectThresholds(db).where('motor_thresholds.course_id', '=', courseId).orderBy('motor_thresholds.measured_on', 'desc').orderBy('motor_thresholds.id', 'desc'),
);

export async function listThresholds(db: Kysely<DB>, courseId: number, today: string): Promise<MotorThreshold[]> {
  const rows = await thresholdsOfCourse(db, courseId);
  return rows.map((r) => toThreshold(r, today));
}

const thresholdById = preparedQuery((db, id: number) => selectThresholds(db).where('motor_thresholds.id', '=', id));

export async function getThreshold(db: Kysely<DB>, id: number, today: string): Promise<MotorThreshold> {
  const [row] = await thresholdById(db, id);
  if (!row) throw notFound('Motor threshold', id);
  return toThreshold(row, today);
}

export async function recordThreshold(db: Kysely<DB>, ctx: ActorContext, fields: MotorThresholdFields): Promise<MotorThreshold> {
  const { actor } = ctx;
  await requireActiveStaff(db, fields.measuredById, 'measuredById');
  const today = localIsoDate(ctx.now);
  return db.transaction().execute(async (trx) => {
    const course = await trx
      .selectFrom('courses')
      .innerJoin('patients', 'patients.id', 'courses.patient_id')
      .select(['courses.id', 'courses.status', 'courses.start_date', 'patients.archived_at'])
      .where('courses.id', '=', fields.courseId)
      .executeTakeFirst();
    if (!course) throw notFound('Course', fields.courseId);
    if (course.archived_at !== null) {
      throw new ServiceError('conflict', 'This patient is archived. Restore the record before recording thresholds.');
    }
    if (course.status === 'completed' || course.status === 'discontinued') {
      throw new ServiceError('conflict', `This course is ${course.status}: no new thresholds can be recorded.`);
    }
    const row = await trx
      .insertInto('motor_thresholds')
      .values({
        course_id: fields.courseId,
        measured_on: fields.measuredOn,
        rmt_pct_mso: fields.rmtPctMso,
        method: fields.method,
        coil: fields.coil,
        measured_by: fields.measuredById,
        notes: fields.notes,
        created_at: ctx.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await getThreshold(trx, row.id, today);
    await recordAudit(trx, ctx, { staffId: actor.id, action: 'create', entity: 'motor_threshold', entityId: created.id, before: null, after: created });
    return created;
  });
}
