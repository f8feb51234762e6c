import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { recordAudit } from './audit';
import type { ActorContext } from './context';
import { getCourse } from './courses';
import { ServiceError } from './errors';
import { getPatient } from './patients';
import { clinicDateWriters } from './settings';

/**
 * Moves a course's planned time for one day only (null: back to the course's own time that day),
 * audited on the course. The course must be open and its patient's record not archived.
 */
export async function setDayPlannedTime(db: Kysely<DB>, ctx: ActorContext, input: { courseId: number; date: string; plannedTime: string | null }): Promise<{ plannedTime: string | null }> {
  const { actor } = ctx;
  const { day } = await clinicDateWriters(db);
  return db.transaction().execute(async (trx) => {
    const course = await getCourse(trx, input.courseId);
    if (course.status === 'completed' || course.status === 'discontinued') throw new ServiceError('conflict', `This course is already ${course.status}.`);
    if ((await getPatient(trx, course.patientId)).archivedAt) throw new ServiceError('conflict', 'This patient is archived. Restore the record first.');
    const before = await trx.selectFrom('course_day_times').select('planned_time').where('course_id', '=', course.id).where('on_date', '=', input.date).executeTakeFirst();
    if (input.plannedTime === null) {
      await trx.deleteFrom('course_day_times').where('course_id', '=', course.id).where('on_date', '=', input.date).execute();
    } else {
      const row = { planned_time: input.plannedTime, set_by: actor.id, set_at: ctx.now.toISOString() };
      await trx
        .insertInto('course_day_times')
        .values({ course_id: course.id, on_date: input.date, ...row })
        .onConflict((oc) => oc.columns(['course_id', 'on_date']).doUpdateSet(row))
        .execute();
    }
    const plannedTime = input.plannedTime ?? course.plannedTime;
    await recordAudit(trx, ctx, {
      staffId: actor.id,
      action: 'schedule',
      entity: 'course',
      entityId: course.id,
      before: { date: input.date, plannedTime: before?.planned_time ?? course.plannedTime },
      after: { date: input.date, plannedTime },
      reason: input.plannedTime ? `Planned at ${input.plannedTime} on ${day(input.date)} only` : `Back to the course's time on ${day(input.date)}`,
    });
    return { plannedTime };
  });
}
