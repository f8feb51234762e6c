import { z } from 'zod';
import { credentials } from './credentials';
import { id, isoDate, optionalText, requiredText, timestamp, version } from './common';
import { scaleDueKinds } from '../clinical';
import { scaleId } from './assessment';
import { numberField } from './stimulation';

export const positionMethods = ['five_cm', 'beam_f3', 'eeg_10_20', 'neuronavigation'] as const;
export type PositionMethod = (typeof positionMethods)[number];
export const positionMethodLabels: Record<PositionMethod, string> = {
  five_cm: '5 cm rule',
  beam_f3: 'Beam F3',
  eeg_10_20: 'EEG 10–20 (F3 / F4)',
  neuronavigation: 'Neuronavigation',
};

export const sideEffects = [
  'headache',
  'scalp_discomfort',
  'facial_twitching',
  'toothache',
  'lightheadedness',
  'fatigue',
  'neck_pain',
  'hearing_complaint',
] as const;
export type SideEffect = (typeof sideEffects)[number];
export const sideEffectLabels: Record<SideEffect, string> = {
  headache: 'Headache',
  scalp_discomfort: 'Scalp pain or discomfort at the site',
  facial_twitching: 'Facial twitching',
  toothache: 'Toothache',
  lightheadedness: 'Lightheadedness',
  fatigue: 'Fatigue',
  neck_pain: 'Neck pain',
  hearing_complaint: 'Hearing complaint',
};
export const severities = ['mild', 'moderate', 'severe'] as const;

export const adverseEvents = ['seizure', 'syncope', 'mania_hypomania', 'suicidal_behaviour', 'other'] as const;
export type AdverseEvent = (typeof adverseEvents)[number];
export const adverseEventLabels: Record<AdverseEvent, string> = {
  seizure: 'Seizure',
  syncope: 'Syncope',
  mania_hypomania: 'Mania or hypomania',
  suicidal_behaviour: 'Suicidal behaviour',
  other: 'Other serious event',
};
/** Serious adverse events flag the course for a psychiatrist's review (DOMAIN.md). */
export const reviewTriggeringEvents: readonly AdverseEvent[] = ['seizure', 'syncope', 'mania_hypomania', 'suicidal_behaviour', 'other'];

const cm = (label: string) => numberField(label, { min: 0, max: 100 }).nullable();

/**
 * Adult head measurements for the Beam F3 method (DOMAIN.md, "Coil position"): a value outside
 * these is a typing or unit slip (inches, mm), refused with the field's name and range.
 */
export const HEAD_RANGES_CM = {
  beamCircumferenceCm: { label: 'Head circumference', min: 45, max: 70 },
  beamNasionToInionCm: { label: 'Nasion to inion', min: 25, max: 50 },
  beamTragusToTragusCm: { label: 'Tragus to tragus', min: 25, max: 50 },
} as const;
const headCm = (field: keyof typeof HEAD_RANGES_CM) => {
  const { label, min, max } = HEAD_RANGES_CM[field];
  const message = `${label} must be between ${min} and ${max} cm (adult range)`;
  return z.number({ error: `Enter ${label.toLowerCase()} in cm as a number` }).min(min, message).max(max, message).nullable();
};
const mni = (axis: string) => numberField(`MNI ${axis}`, { min: -150, max: 150, inclusiveMin: true }).nullable();

const sessionShape = {
  courseId: id,
  sessionDate: isoDate,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the start time as HH:MM'),
  motorThresholdId: z.number({ error: 'Record a motor threshold first' }).int().positive(),
  positionMethod: z.enum(positionMethods, { error: 'Choose how the coil was positioned' }),
  fiveCmDistanceCm: numberField('Distance from hotspot', { min: 0, max: 10 }).nullable(),
  beamTragusToTragusCm: headCm('beamTragusToTragusCm'),
  beamNasionToInionCm: headCm('beamNasionToInionCm'),
  beamCircumferenceCm: headCm('beamCircumferenceCm'),
  eegSite: z.enum(['F3', 'F4']).nullable(),
  mniX: mni('x'),
  mniY: mni('y'),
  mniZ: mni('z'),
  navigationSystem: optionalText('Navigation system', 120),
  landmarks: optionalText('Marks and offsets', 500),
  coilAngleDeg: numberField('Coil angle', { min: -180, max: 180, inclusiveMin: true }),
  coil: requiredText('Coil', 120),
  frequencyHz: numberField('Frequency', { min: 0, max: 100 }),
  intensityPctMt: numberField('Intensity (% MT)', { min: 0, max: 200 }),
  intensityPctMso: numberField('Machine output (% MSO)', { min: 0, max: 100, integer: true }),
  trainsPlanned: numberField('Trains planned', { min: 0, max: 1000, integer: true }),
  trainsDelivered: numberField('Trains delivered', { min: 0, max: 1000, integer: true, inclusiveMin: true }),
  pulsesDelivered: numberField('Pulses delivered', { min: 0, max: 100000, integer: true, inclusiveMin: true }),
  interruptions: z
    .array(z.object({
      afterTrain: numberField('Train', { min: 0, max: 1000, integer: true, inclusiveMin: true }),
      reason: requiredText('Interruption reason', 300),
    }))
    .max(20),
  sideEffects: z.array(z.object({ effect: z.enum(sideEffects), severity: z.enum(severities) })).max(sideEffects.length),
  adverseEvents: z.array(z.object({ event: z.enum(adverseEvents), description: optionalText('Description', 1000) })).max(10),
  notes: optionalText('Notes', 4000),
  /** Why delivery above the prescription or outside a limit was authorized (see `cosign`). */
  overrideReason: optionalText('Override reason', 500),
};

/**
 * A psychiatrist authorizing a session above the prescription at the technician's screen, with
 * their own username and password, checked in main at that moment. A psychiatrist signed in
 * themselves needs none.
 */
export const cosignInput = {
  cosign: credentials.nullable().default(null),
};

/**
 * A session's fields as stored: sessions logged before the adult head ranges were checked may hold
 * other values (the form then shows the range next to the field when they are saved again).
 */
const storedSessionFields = z.object({
  ...sessionShape,
  beamTragusToTragusCm: cm('Tragus to tragus'),
  beamNasionToInionCm: cm('Nasion to inion'),
  beamCircumferenceCm: cm('Head circumference'),
});

type SessionShapeOutput = z.infer<z.ZodObject<typeof sessionShape>>;

/** Each positioning method needs its own measurements; the others are cleared. */
function refinePosition(v: SessionShapeOutput, ctx: z.RefinementCtx): void {
  const need = (field: keyof SessionShapeOutput, message: string) => {
    if (v[field] === null || v[field] === '') ctx.addIssue({ code: 'custom', path: [field], message });
  };
  if (v.positionMethod === 'five_cm') need('fiveCmDistanceCm', 'Enter the distance from the motor hotspot');
  if (v.positionMethod === 'beam_f3') {
    need('beamTragusToTragusCm', 'Enter the tragus-to-tragus distance');
    need('beamNasionToInionCm', 'Enter the nasion-to-inion distance');
    need('beamCircumferenceCm', 'Enter the head circumference');
  }
  if (v.positionMethod === 'eeg_10_20') need('eegSite', 'Choose F3 or F4');
  if (v.positionMethod === 'neuronavigation') {
    need('mniX', 'Enter the MNI x coordinate');
    need('mniY', 'Enter the MNI y coordinate');
    need('mniZ', 'Enter the MNI z coordinate');
    if (!v.navigationSystem) ctx.addIssue({ code: 'custom', path: ['navigationSystem'], message: 'Name the navigation system' });
  }
  const effects = v.sideEffects.map((s) => s.effect);
  if (new Set(effects).size !== effects.length) ctx.addIssue({ code: 'custom', path: ['sideEffects'], message: 'Each side effect once' });
}

export const sessionFields = z.object(sessionShape).superRefine(refinePosition);
export type SessionFields = z.infer<typeof sessionFields>;
export type SessionFieldsInput = z.input<typeof sessionFields>;

export const sessionCreateInput = z.object({ ...sessionShape, ...cosignInput }).superRefine(refinePosition);
/** Saved as waiting for a psychiatrist's co-signature: not counted as delivered until signed. */
export const sessionSubmitForCosignInput = z.object({ ...sessionShape }).superRefine(refinePosition);
export const sessionCorrectInput = z
  .object({ ...sessionShape, ...cosignInput, id, version, correctionReason: requiredText('Reason for the correction', 500) })
  .superRefine(refinePosition);

/** A logged session as shown in the course's session table. */
export const sessionRow = z.object({
  id,
  courseId: id,
  sessionNumber: z.number().int(),
  sessionDate: z.string(),
  startTime: z.string(),
  technicianId: id,
  technicianName: z.string(),
  motorThresholdId: id,
  rmtPctMso: z.number().int(),
  /** The dosing threshold as it was on the session's day: stale, visual, or measured with another coil than the course's. */
  thresholdFlags: z.object({ ageDays: z.number().int(), stale: z.boolean(), visual: z.boolean(), otherCoil: z.boolean() }),
  positionMethod: z.enum(positionMethods),
  /** The position as recorded, with Beam F3's computed X/Y. */
  positionSummary: z.string(),
  fields: storedSessionFields,
  trainsPlanned: z.number().int(),
  trainsDelivered: z.number().int(),
  pulsesDelivered: z.number().int(),
  intensityPctMt: z.number(),
  intensityPctMso: z.number().int(),
  partial: z.boolean(),
  /** Who authorized delivery above the prescription (their own sign-in or co-signature). */
  overrideByName: z.string().nullable(),
  overrideReason: z.string().nullable(),
  interruptions: z.number().int(),
  sideEffectsSummary: z.string(),
  adverseEventsSummary: z.string(),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type SessionRow = z.infer<typeof sessionRow>;

export const sessionPrepareInput = z.object({ courseId: id, sessionId: id.optional() });
export const sessionPrepared = z.object({
  /** The form's starting values: the session being corrected, or the previous session and the prescription. */
  // 0 in motorThresholdId / intensityPctMso means "none yet": the form asks for it before saving.
  values: storedSessionFields.extend({ motorThresholdId: z.number().int().nonnegative(), intensityPctMso: z.number().int().nonnegative() }),
  sessionNumber: z.number().int(),
  basedOn: z.enum(['correction', 'previous_session', 'prescription']),
  previousSessionDate: z.string().nullable(),
});
export type SessionPrepared = z.infer<typeof sessionPrepared>;
export const sessionGetInput = z.object({ id });

export const todayInput = z.object({ date: isoDate });
/** One planned scale due or overdue on a day, with the patient's last valid one (null: never). */
export const assessmentDue = z.object({
  scale: scaleId,
  status: z.enum(['due', 'overdue']),
  what: z.enum(scaleDueKinds),
  lastOn: isoDate.nullable(),
});
export type AssessmentDue = z.infer<typeof assessmentDue>;

export const todayItem = z.object({
  courseId: id,
  patientId: id,
  patientName: z.string(),
  mrn: z.string(),
  dateOfBirth: z.string(),
  protocolName: z.string(),
  courseStatus: z.enum(['planned', 'active']),
  sessionsDone: z.number().int(),
  plannedSessions: z.number().int(),
  authorizedSessions: z.number().int(),
  nextSessionNumber: z.number().int(),
  sessionsToday: z.number().int(),
  sessionsPerDay: z.number().int(),
  lastSessionDate: z.string().nullable(),
  daysSinceLastSession: z.number().int().nullable(),
  mt: z.object({ rmtPctMso: z.number().int(), measuredOn: z.string(), method: z.enum(['emg', 'visual']), ageDays: z.number().int(), stale: z.boolean(), visual: z.boolean() }).nullable(),
  reviewRequired: z.boolean(),
  /** The course plan's assessments due or overdue this day (`scaleDue`), in plan order; empty when none is. */
  assessmentsDue: z.array(assessmentDue),
  item9Open: z.boolean(),
  /** The planned time of day (HH:MM) for this day: the day's own time, else the course's. */
  plannedTime: z.string().nullable(),
  /** The course's own planned time; `plannedTime` differs from it when moved for this day only. */
  coursePlannedTime: z.string().nullable(),
  movedForTheDay: z.boolean(),
  /** Who gave the course's last session: the today list filters by technician. */
  lastTechnicianId: id.nullable(),
  lastTechnicianName: z.string().nullable(),
  courseVersion: version,
});
export type TodayItem = z.infer<typeof todayItem>;

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time as HH:MM, e.g. 09:30');

/** The course's planned time of day, every day from now (null: no planned time). */
export const coursePlannedTimeInput = z.object({ courseId: id, version, plannedTime: timeOfDay.nullable() });
/** A planned time for one day only (null: back to the course's time that day). */
export const dayPlannedTimeInput = z.object({ courseId: id, date: isoDate, plannedTime: timeOfDay.nullable() });

/** A session above the prescription waiting for a psychiatrist's co-signature. */
export const pendingSession = z.object({
  id,
  courseId: id,
  patientId: id,
  patientName: z.string(),
  sessionDate: z.string(),
  startTime: z.string(),
  /** What needs authorizing, as the safety checks said it. */
  findings: z.string(),
  overrideReason: z.string(),
  enteredById: id,
  enteredByName: z.string(),
  enteredAt: timestamp,
  status: z.enum(['pending', 'signed', 'declined']),
  resolvedByName: z.string().nullable(),
  resolvedAt: timestamp.nullable(),
  resolutionNote: z.string().nullable(),
  sessionId: id.nullable(),
});
export type PendingSession = z.infer<typeof pendingSession>;
export const pendingListInput = z.object({ courseId: id.optional() });
export const pendingSignInput = z.object({ pendingId: id });
export const pendingDeclineInput = z.object({ pendingId: id, note: requiredText('Reason', 500) });
