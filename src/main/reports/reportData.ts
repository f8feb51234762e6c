import type { Kysely } from 'kysely';
import { cptCodes } from '../../shared/clinical';
import type { BillingCounts, ReportData } from '../../shared/schemas/report';
import type { CourseDetail } from '../../shared/schemas/course';
import type { DB } from '../db/schema';
import type { ActorContext } from '../services/context';
import { listAssessments } from '../services/assessments';
import { getCourseDetail } from '../services/courses';
import { getClinicSettings } from '../services/settings';

/**
 * The report's billing codes: one rule (`cptCodes`, DOMAIN.md "Billing") over the delivered
 * sessions' dates and the course's motor thresholds' dates; the course's billing scheme says
 * whether the report shows the per-session or the SNT per-day codes.
 */
export function billingCounts(detail: CourseDetail): BillingCounts {
  const codes = cptCodes({
    sessionDates: detail.sessions.map((s) => s.sessionDate),
    thresholdDates: detail.motorThresholds.map((m) => m.measuredOn),
  });
  return { scheme: detail.course.billingScheme, codes };
}

export async function getReportData(db: Kysely<DB>, ctx: ActorContext, courseId: number): Promise<ReportData> {
  const [detail, clinic] = await Promise.all([getCourseDetail(db, ctx, courseId), getClinicSettings(db)]);
  const otherScales = (await listAssessments(db, detail.patient.id)).filter((a) => a.scale !== 'phq9');
  return { clinic, generatedAt: ctx.now.toISOString(), generatedByName: ctx.actor.name, detail, billing: billingCounts(detail), otherScales };
}
