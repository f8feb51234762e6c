import type { Kysely } from 'kysely';
import { DEFAULT_SCALE_PLAN, type ScaleId } from '../../shared/clinical';
import type { CoursePlan, CoursePlanSetInput } from '../../shared/schemas/coursePlan';
import type { DB } from '../db/schema';
import { recordAudit } from './audit';
import type { ActorContext } from './context';
import { getCourse } from './courses';

/** The scales a course follows and how often; the default (PHQ-9 weekly) when none was set. */
export async function getCoursePlan(db: Kysely<DB>, courseId: number): Promise<CoursePlan> {
  await getCourse(db, courseId);
  const rows = await db.selectFrom('course_scale_plans').select(['scale', 'schedule']).where('course_id', '=', courseId).orderBy('scale').execute();
  if (rows.length === 0) return { courseId, plan: [...DEFAULT_SCALE_PLAN], isDefault: true };
  return { courseId, plan: rows.map((r) => ({ scale: r.scale as ScaleId, schedule: r.schedule })), isDefault: false };
}

/** A psychiatrist replaces the plan whole; audited with before and after. */
export async function setCoursePlan(db: Kysely<DB>, ctx: ActorContext, input: CoursePlanSetInput): Promise<CoursePlan> {
  return db.transaction().execute(async (trx) => {
    const before = await getCoursePlan(trx, input.courseId);
    await trx.deleteFrom('course_scale_plans').where('course_id', '=', input.courseId).execute();
    await trx.insertInto('course_scale_plans').values(input.plan.map((p) => ({ course_id: input.courseId, scale: p.scale, schedule: p.schedule }))).execute();
    const after = await getCoursePlan(trx, input.courseId);
    await recordAudit(trx, ctx, { staffId: ctx.actor.id, action: 'update', entity: 'course', entityId: input.courseId, before: { scalePlan: before.plan }, after: { scalePlan: after.plan } });
    return after;
  });
}
