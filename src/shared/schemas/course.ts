import { z } from 'zod';
import type { SessionCourse } from '../clinical';
import { id, isoDate, optionalText, pastOrTodayDate, requiredText, timestamp, version } from './common';
import { motorThreshold } from './motorThreshold';
import { patient } from './patient';
import { numberField, refineStimulation, sessionDoseSchema, stimulation, stimulationShape, targets } from './stimulation';
import { sessionRow } from './session';
import { courseAssessment } from './phq9';
import { billingSchemes } from './protocol';

export const courseStatuses = ['planned', 'active', 'completed', 'discontinued'] as const;
export type CourseStatus = (typeof courseStatuses)[number];
export const courseStatusLabels: Record<CourseStatus, string> = {
  planned: 'Planned',
  active: 'Active',
  completed: 'Completed',
  discontinued: 'Discontinued',
};

/** A standard course: 30 sessions over 6 weeks, then a 3-week taper of 3, 2 and 1 (DOMAIN.md). */
export const STANDARD_SCHEDULE = '5 a week for 6 weeks (30), then taper 3, 2, 1 (6)';

const prescriptionShape = {
  patientId: id,
  protocolId: z.number({ error: 'Choose a protocol' }).int().positive('Choose a protocol'),
  target: z.enum(targets, { error: 'Choose a target' }),
  coil: requiredText('Coil', 120),
  ...stimulationShape,
  sessionsPerDay: numberField('Sessions per day', { min: 1, max: 10, integer: true, inclusiveMin: true }),
  plannedSessions: numberField('Planned sessions', { min: 1, max: 200, integer: true, inclusiveMin: true }),
  schedule: optionalText('Schedule', 300),
  authorizedSessions: numberField('Authorized sessions', { min: 0, max: 500, integer: true, inclusiveMin: true }),
  authorizationReference: optionalText('Authorization reference', 120),
  startDate: isoDate,
  notes: optionalText('Notes', 4000),
};

export const prescriptionFields = z.object(prescriptionShape).superRefine(refineStimulation);
export type PrescriptionFields = z.infer<typeof prescriptionFields>;
export type PrescriptionFieldsInput = z.input<typeof prescriptionFields>;
export const coursePrescribeInput = z.object({ ...prescriptionShape }).superRefine(refineStimulation);

export const course = stimulation.extend({
  id,
  patientId: id,
  protocolId: id,
  protocolName: z.string(),
  prescriberId: id,
  prescriberName: z.string(),
  target: z.enum(targets),
  coil: z.string(),
  sessionsPerDay: z.number().int(),
  minMinutesBetweenSessions: z.number().int().nullable(),
  plannedSessions: z.number().int(),
  schedule: z.string(),
  authorizedSessions: z.number().int(),
  /** Copied from the protocol at prescription: per-session or SNT per-day billing codes. */
  billingScheme: z.enum(billingSchemes),
  startDate: z.string(),
  status: z.enum(courseStatuses),
  statusReason: z.string().nullable(),
  endedOn: z.string().nullable(),
  reviewRequired: z.boolean(),
  reviewReason: z.string().nullable(),
  notes: z.string(),
  safetyOverrideReason: z.string().nullable(),
  /** Migration 0013: the planned time of day (HH:MM) that orders the today list. */
  plannedTime: z.string().nullable(),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
  dose: sessionDoseSchema,
});
export type Course = z.infer<typeof course>;

export const courseAuthorization = z.object({
  id,
  authorizedSessions: z.number().int(),
  reference: z.string(),
  note: z.string(),
  recordedByName: z.string(),
  recordedAt: timestamp,
});
export type CourseAuthorization = z.infer<typeof courseAuthorization>;

export const courseProgress = z.object({
  sessionsDone: z.number().int(),
  partialSessions: z.number().int(),
  /** Weekdays of the daily phase without a session (see missedWeekdays). */
  missedDays: z.array(z.string()),
  cumulativePulses: z.number().int(),
  lastSessionDate: z.string().nullable(),
  daysSinceLastSession: z.number().int().nullable(),
  /** Sessions still authorized by the payer (negative: delivered beyond the authorization). */
  authorizedRemaining: z.number().int(),
  adverseEvents: z.number().int(),
});

export const courseFlag = z.object({
  kind: z.enum(['review_required', 'item9_open', 'worsening', 'mt_missing', 'mt_stale', 'mt_visual', 'over_authorization', 'mt_undeliverable']),
  message: z.string(),
});
export type CourseFlag = z.infer<typeof courseFlag>;

const scoredAssessment = z.object({ id, assessedOn: z.string(), total: z.number().int() });
/** classifyOutcome(baseline, end of treatment), with the weeks response and remission were first reached. */
export const courseOutcomeSchema = z.object({
  baseline: scoredAssessment,
  endOfTreatment: scoredAssessment,
  change: z.number().int(),
  percentChange: z.number().nullable(),
  response: z.boolean(),
  remission: z.boolean(),
  /** Baseline ≥ 10: response and remission are shown; otherwise "baseline below 10: not rated". */
  rated: z.boolean(),
  responseWeek: z.number().int().nullable(),
  remissionWeek: z.number().int().nullable(),
});

export const courseDetail = z.object({
  course,
  patient,
  currentMt: motorThreshold.nullable(),
  /** %MSO the prescription gives at the current MT; null with no MT or when above 100. */
  prescribedPctMso: z.number().int().nullable(),
  motorThresholds: z.array(motorThreshold),
  authorizations: z.array(courseAuthorization),
  sessions: z.array(sessionRow),
  /** The PHQ-9s that measure this course, each with its part (baseline, during, end of treatment, follow-up). */
  phq9: z.array(courseAssessment),
  /** The earliest delivered session by date, and the latest. */
  firstSessionDate: z.string().nullable(),
  lastSessionDate: z.string().nullable(),
  outcome: courseOutcomeSchema.nullable(),
  progress: courseProgress,
  flags: z.array(courseFlag),
});
export type CourseDetail = z.infer<typeof courseDetail>;

export const courseSummary = course.pick({
  id: true, protocolName: true, status: true, startDate: true, plannedSessions: true, prescriberName: true, reviewRequired: true,
}).extend({ sessionsDone: z.number().int() });
export type CourseSummary = z.infer<typeof courseSummary>;

export const courseGetInput = z.object({ id });
export const courseListForPatientInput = z.object({ patientId: id });
export const courseAuthorizeInput = z.object({
  courseId: id,
  /** The course as the psychiatrist saw it: an authorization recorded meanwhile elsewhere refuses this one. */
  version,
  authorizedSessions: numberField('Authorized sessions', { min: 0, max: 500, integer: true, inclusiveMin: true }),
  reference: optionalText('Authorization reference', 120),
  note: optionalText('Note', 500),
});
export const courseSetStatusInput = z.object({
  courseId: id,
  version,
  status: z.enum(['completed', 'discontinued']),
  on: pastOrTodayDate,
  reason: optionalText('Reason', 500),
}).refine((v) => v.status !== 'discontinued' || v.reason.length >= 3, {
  path: ['reason'],
  message: 'Say why the course is discontinued',
});
export const courseClearReviewInput = z.object({ courseId: id, version, note: requiredText('Review note', 1000) });

/** What of a course judges its sessions (`checkSession`), in main and in the session form alike. */
export function sessionCourseOf(course: Course): SessionCourse {
  return {
    startDate: course.startDate,
    target: course.target,
    coil: course.coil,
    intensityPctMt: course.intensityPctMt,
    frequencyHz: course.frequencyHz,
    totalPulses: course.dose.totalPulses,
    pulsesPerTrain: course.dose.pulsesPerTrain,
    trains: course.trains,
    sessionsPerDay: course.sessionsPerDay,
    minMinutesBetweenSessions: course.minMinutesBetweenSessions,
    reviewRequired: course.reviewRequired,
    reviewReason: course.reviewReason,
  };
}
