import type { Kysely } from 'kysely';
import type { BillingCounts, ReportData } from '../../shared/schemas/report';
import type { CourseDetail } from '../../shared/schemas/course';
import type { DB } from '../db/schema';
import type { ActorContext } from '../services/context';
import { getCourseDetail } from '../services/courses';
import { getClinicSettings } from '../services/settings';

/**
 * CPT counts for the report: 90867 for the first treatment session (with motor threshold
 * mapping), 90868 for each later one, 90869 for each threshold re-determined after the first.
 */
export function billingCounts(detail: CourseDetail): BillingCounts {
  const sessions = detail.sessions.length;
  const first = detail.firstSessionDate;
  const redeterminations = first ? detail.motorThresholds.filter((m) => m.measuredOn > first).length : 0;
  return { cpt90867: sessions > 0 ? 1 : 0, cpt90868: Math.max(0, sessions - 1), cpt90869: redeterminations };
}

export async function getReportData(db: Kysely<DB>, ctx: ActorContext, courseId: number): Promise<ReportData> {
  const [detail, clinic] = await Promise.all([getCourseDetail(db, ctx, courseId), getClinicSettings(db)]);
  return { clinic, generatedAt: ctx.now.toISOString(), generatedByName: ctx.actor.name, detail, billing: billingCounts(detail) };
}
