import { z } from 'zod';
import { id, optionalText, pastOrTodayDate, requiredText, timestamp } from './common';

/** The TMS safety screening questionnaire (after Rossi et al. 2009/2021's screening questions), one yes/no each. */
export const screeningQuestions = [
  'seizures',
  'family_epilepsy',
  'metal_in_head',
  'implanted_devices',
  'pregnancy',
  'head_injury',
  'excitability_medications',
  'substance_use',
] as const;
export type ScreeningQuestion = (typeof screeningQuestions)[number];

export const screeningQuestionLabels: Record<ScreeningQuestion, string> = {
  seizures: 'Has the patient ever had a seizure or been diagnosed with epilepsy?',
  family_epilepsy: 'Does anyone in the family have epilepsy?',
  metal_in_head: 'Is there metal in or near the head (clips, plates, shrapnel, implants; dental work excepted)?',
  implanted_devices: 'Is there an implanted device (pacemaker, cochlear implant, deep brain or vagus nerve stimulator, medication pump)?',
  pregnancy: 'Is the patient pregnant, or could she be?',
  head_injury: 'Has the patient had a head injury with loss of consciousness, or brain surgery?',
  excitability_medications: 'Does the patient take bupropion, stimulants, benzodiazepines or anticonvulsants?',
  substance_use: 'Does the patient use alcohol heavily or recreational drugs, or is withdrawing from them?',
};

/** Short names for lists and the packet. */
export const screeningQuestionShort: Record<ScreeningQuestion, string> = {
  seizures: 'Seizures or epilepsy',
  family_epilepsy: 'Epilepsy in the family',
  metal_in_head: 'Metal or implants in or near the head',
  implanted_devices: 'Implanted devices',
  pregnancy: 'Pregnancy',
  head_injury: 'Head injury or brain surgery',
  excitability_medications: 'Medications that change cortical excitability',
  substance_use: 'Substance use',
};

export const screeningAnswers = z.object(
  Object.fromEntries(screeningQuestions.map((q) => [q, z.boolean({ error: 'Answer yes or no' })])) as Record<ScreeningQuestion, z.ZodBoolean>,
);
export type ScreeningAnswers = z.infer<typeof screeningAnswers>;

export const screeningRecordInput = z.object({
  courseId: id,
  screenedOn: pastOrTodayDate,
  answers: screeningAnswers,
  details: optionalText('Details', 2000),
});
export type ScreeningRecordFields = z.infer<typeof screeningRecordInput>;

/** A psychiatrist's clearance: written (a reason) whenever an answer is positive; main checks that. */
export const screeningClearInput = z.object({ screeningId: id, clearance: optionalText('Clearance', 2000) });

export const safetyScreening = z.object({
  id,
  courseId: id,
  screenedOn: z.string(),
  answers: screeningAnswers,
  positive: z.array(z.enum(screeningQuestions)),
  details: z.string(),
  screenedByName: z.string(),
  clearedByName: z.string().nullable(),
  clearedAt: timestamp.nullable(),
  clearance: z.string(),
  createdAt: timestamp,
});
export type SafetyScreening = z.infer<typeof safetyScreening>;

export const consentRecordInput = z.object({
  courseId: id,
  consentedOn: pastOrTodayDate,
  consentVersion: requiredText('Consent version', 80),
  obtainedById: z.number({ error: 'Choose who obtained consent' }).int().positive(),
});
export type ConsentRecordFields = z.infer<typeof consentRecordInput>;

export const consent = z.object({
  id,
  courseId: id,
  consentedOn: z.string(),
  consentVersion: z.string(),
  obtainedByName: z.string(),
  recordedByName: z.string(),
  createdAt: timestamp,
});
export type Consent = z.infer<typeof consent>;

/** What stops a course's first session, in the order the clinic deals with them. */
export const startBlockers = ['no_screening', 'screening_not_cleared', 'no_consent'] as const;
export type StartBlocker = (typeof startBlockers)[number];

export const courseReadiness = z.object({
  /** The latest screening and consent of the course (earlier ones stay in the audit log). */
  screening: safetyScreening.nullable(),
  consent: consent.nullable(),
  blockers: z.array(z.enum(startBlockers)),
  /** Whether the course has had its first session (then the blockers no longer apply). */
  started: z.boolean(),
});
export type CourseReadiness = z.infer<typeof courseReadiness>;

export const readinessInput = z.object({ courseId: id });
