import type { Kysely } from 'kysely';
import { type ThresholdRecheck, thresholdRecheck } from '../../shared/clinical';
import type { DB } from '../db/schema';
import { notFound } from './errors';

/**
 * Whether an open course's motor threshold must be measured again after a change of a medication
 * that alters cortical excitability (`thresholdRecheck`); null for ended courses. Shown on the
 * course until a threshold dated on or after the change is recorded.
 */
export async function thresholdRecheckForCourse(db: Kysely<DB>, courseId: number): Promise<ThresholdRecheck | null> {
  const course = await db.selectFrom('courses').select(['patient_id', 'status']).where('id', '=', courseId).executeTakeFirst();
  if (!course) throw notFound('Course', courseId);
  if (course.status === 'completed' || course.status === 'discontinued') return null;
  const [changes, thresholds] = await Promise.all([
    db.selectFrom('current_medications').select(['drug', 'changed_on as changedOn']).where('patient_id', '=', course.patient_id).execute(),
    db.selectFrom('motor_thresholds').select('measured_on').where('course_id', '=', courseId).execute(),
  ]);
  return thresholdRecheck(changes, thresholds.map((t) => t.measured_on));
}
