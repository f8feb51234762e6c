import type { Kysely } from 'kysely';
import type { CourseSessionSpan, Phq9Severity } from '../../shared/clinical';
import type { Assessment } from '../../shared/schemas/assessment';
import type { CourseAssessment, Phq9Alert, Phq9Assessment, Phq9Fields } from '../../shared/schemas/phq9';
import type { DB } from '../db/schema';
import {
  acknowledgeSuicideItem,
  assessmentsForCourse,
  createAssessment as createAnyAssessment,
  getAssessment,
  listAssessments,
  markAssessmentEnteredInError,
  openSuicideItemAlerts,
} from './assessments';
import type { ActorContext } from './context';
import { ServiceError } from './errors';

/**
 * The PHQ-9 channels' view of the generic assessments (services/assessments.ts): the same rows,
 * in the PHQ-9 shape the PHQ-9 screens were written for (item 9 = the PHQ-9's suicide item).
 */
export function toPhq9(a: Assessment): Phq9Assessment {
  if (a.scale !== 'phq9') throw new Error(`Assessment ${a.id} is a ${a.scale}, not a PHQ-9`);
  const { scale: _scale, suicideItemPositive, severity, ...rest } = a;
  return { ...rest, severity: severity as Phq9Severity, item9Positive: suicideItemPositive };
}

async function getPhq9(db: Kysely<DB>, id: number): Promise<Assessment> {
  const a = await getAssessment(db, id);
  if (a.scale !== 'phq9') throw new ServiceError('not_found', `PHQ-9 ${id} does not exist.`);
  return a;
}

export async function listForPatient(db: Kysely<DB>, patientId: number): Promise<Phq9Assessment[]> {
  return (await listAssessments(db, patientId, 'phq9')).map(toPhq9);
}

/** The PHQ-9s that measure a course, each with its part (see assessmentsForCourse). */
export async function listForCourse(db: Kysely<DB>, course: { patientId: number; startDate: string }, span: CourseSessionSpan, today: string): Promise<CourseAssessment[]> {
  const all = await listAssessments(db, course.patientId, 'phq9');
  return assessmentsForCourse(all, course, span, today).map((a) => ({ ...toPhq9(a), part: a.part }));
}

export async function createAssessment(db: Kysely<DB>, ctx: ActorContext, fields: Phq9Fields): Promise<Phq9Assessment> {
  return toPhq9(await createAnyAssessment(db, ctx, { ...fields, scale: 'phq9' }));
}

export async function acknowledgeItem9(db: Kysely<DB>, ctx: ActorContext, assessmentId: number, actionTaken: string): Promise<Phq9Assessment> {
  await getPhq9(db, assessmentId);
  return toPhq9(await acknowledgeSuicideItem(db, ctx, assessmentId, actionTaken));
}

export async function markEnteredInError(db: Kysely<DB>, ctx: ActorContext, assessmentId: number, reason: string): Promise<Phq9Assessment> {
  await getPhq9(db, assessmentId);
  return toPhq9(await markAssessmentEnteredInError(db, ctx, assessmentId, reason));
}

export async function openItem9Alerts(db: Kysely<DB>): Promise<Phq9Alert[]> {
  return (await openSuicideItemAlerts(db, 'phq9')).map((a) => ({ ...a, assessment: toPhq9(a.assessment) }));
}
