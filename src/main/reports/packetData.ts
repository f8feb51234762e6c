import type { Kysely } from 'kysely';
import { courseAssessments } from '../../shared/clinical';
import type { PacketData } from '../../shared/schemas/packet';
import type { DB } from '../db/schema';
import type { ActorContext } from '../services/context';
import { listForPatient } from '../services/phq9';
import { getReadiness } from '../services/screening';
import { getTreatmentHistory } from '../services/treatmentHistory';
import { getReportData } from './reportData';

/**
 * What the authorization packet and the extension request print: the course report's data, the
 * patient's treatment history, the course's screening and consent, and the baseline PHQ-9 — the
 * course's own once it has started, else the one `courseAssessments` would take if the first
 * session were on the planned start date (marked provisional).
 */
export async function getPacketData(db: Kysely<DB>, ctx: ActorContext, courseId: number): Promise<PacketData> {
  const report = await getReportData(db, ctx, courseId);
  const { course, patient, firstSessionDate } = report.detail;
  const [history, readiness, assessments] = await Promise.all([getTreatmentHistory(db, patient.id), getReadiness(db, courseId), listForPatient(db, patient.id)]);
  const valid = assessments.filter((a) => a.enteredInError === null);
  const span = firstSessionDate
    ? { firstSessionOn: firstSessionDate, lastSessionOn: report.detail.lastSessionDate ?? firstSessionDate }
    : { firstSessionOn: course.startDate, lastSessionOn: course.startDate };
  const baseline = courseAssessments(valid, span).baseline;
  return { report, history, readiness, baseline, baselineProvisional: firstSessionDate === null };
}
