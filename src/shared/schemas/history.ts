import { z } from 'zod';
import { excitabilityEffects, findDrug, TRIAL_DRUGS } from '../clinical';
import { id, optionalText, pastOrTodayDate, requiredText, timestamp, version } from './common';
import { numberField } from './stimulation';

export const trialOutcomes = ['no_response', 'partial', 'intolerable', 'other'] as const;
export type TrialOutcome = (typeof trialOutcomes)[number];
export const trialOutcomeLabels: Record<TrialOutcome, string> = {
  no_response: 'No response',
  partial: 'Partial response',
  intolerable: 'Intolerable side effects',
  other: 'Other',
};

/**
 * One antidepressant trial, as a payer asks for it. This shape is shared with the exports (FHIR
 * MedicationStatement): keep it as it is.
 */
export interface AntidepressantTrial {
  id: number;
  drug: string;
  drugClass: string;
  dose: string;
  startedOn: string;
  endedOn: string | null;
  adequate: boolean;
  outcome: 'no_response' | 'partial' | 'intolerable' | 'other';
  outcomeNote?: string;
}

const optionalDate = pastOrTodayDate.nullable();

function endsAfterStart<T extends { startedOn: string; endedOn: string | null }>(v: T): boolean {
  return v.endedOn === null || v.endedOn >= v.startedOn;
}
/**
 * Runs a cross-field check even when another field failed (zod skips refinements of an object
 * with issues), as long as the fields it reads are there: every message shows at once.
 */
function whenPresent(...keys: string[]) {
  return (payload: { value: unknown }) => {
    const v = payload.value as Record<string, unknown>;
    return keys.every((k) => v[k] === null || (typeof v[k] === 'string' && (v[k] as string).length > 0));
  };
}
const endMessage = { path: ['endedOn'], message: 'The end cannot be before the start', when: whenPresent('startedOn', 'endedOn') };

export const trialFields = z
  .object({
    patientId: id,
    drug: z
      .string({ error: 'Choose the drug' })
      .trim()
      .min(1, 'Choose the drug')
      .refine((d) => TRIAL_DRUGS.some((t) => t.name === d), 'Choose a drug from the list'),
    dose: requiredText('Dose', 80),
    startedOn: pastOrTodayDate,
    endedOn: optionalDate,
    adequate: z.boolean({ error: 'Say whether dose and duration were adequate' }),
    outcome: z.enum(trialOutcomes, { error: 'Choose the outcome' }),
    outcomeNote: optionalText('Outcome note', 500),
  })
  .refine(endsAfterStart, endMessage)
  .refine((v) => v.outcome !== 'other' || v.outcomeNote.length > 0, { path: ['outcomeNote'], message: 'Describe the outcome', when: whenPresent('outcome') });
export type TrialFields = z.infer<typeof trialFields>;

/** New (no id) or a correction of an existing trial (its id and the version that was shown). */
export const trialSaveInput = z.object({ id: id.optional(), version: version.optional(), trial: trialFields });

const recordMeta = { patientId: id, version, enteredByName: z.string(), updatedAt: timestamp };

export const antidepressantTrial = z.object({
  id,
  drug: z.string(),
  drugClass: z.string(),
  dose: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  adequate: z.boolean(),
  outcome: z.enum(trialOutcomes),
  outcomeNote: z.string().optional(),
  ...recordMeta,
});
export type AntidepressantTrialRecord = z.infer<typeof antidepressantTrial>;

export const psychotherapyTypes = ['cbt', 'behavioral_activation', 'ipt', 'dbt', 'psychodynamic', 'mbct', 'problem_solving', 'other'] as const;
export type PsychotherapyType = (typeof psychotherapyTypes)[number];
export const psychotherapyTypeLabels: Record<PsychotherapyType, string> = {
  cbt: 'Cognitive behavioural therapy (CBT)',
  behavioral_activation: 'Behavioural activation',
  ipt: 'Interpersonal therapy (IPT)',
  dbt: 'Dialectical behaviour therapy (DBT)',
  psychodynamic: 'Psychodynamic therapy',
  mbct: 'Mindfulness-based cognitive therapy (MBCT)',
  problem_solving: 'Problem-solving therapy',
  other: 'Other',
};

export const psychotherapyFields = z
  .object({
    patientId: id,
    therapyType: z.enum(psychotherapyTypes, { error: 'Choose the type of therapy' }),
    startedOn: pastOrTodayDate,
    endedOn: optionalDate,
    sessions: numberField('Sessions', { min: 0, max: 500, integer: true, inclusiveMin: true }),
    notes: optionalText('Notes', 500),
  })
  .refine(endsAfterStart, endMessage)
  .refine((v) => v.therapyType !== 'other' || v.notes.length > 0, { path: ['notes'], message: 'Name the therapy', when: whenPresent('therapyType') });
export type PsychotherapyFields = z.infer<typeof psychotherapyFields>;
export const psychotherapySaveInput = z.object({ id: id.optional(), version: version.optional(), trial: psychotherapyFields });

export const psychotherapyTrial = z.object({
  id,
  therapyType: z.enum(psychotherapyTypes),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  sessions: z.number().int(),
  notes: z.string(),
  ...recordMeta,
});
export type PsychotherapyTrial = z.infer<typeof psychotherapyTrial>;

/** A medication taken now (or stopped during treatment): free text, checked against the list for its class and effect. */
export const medicationFields = z
  .object({
    patientId: id,
    drug: requiredText('Drug', 120),
    dose: requiredText('Dose', 80),
    startedOn: pastOrTodayDate,
    stoppedOn: optionalDate,
  })
  .refine((v) => v.stoppedOn === null || v.stoppedOn >= v.startedOn, { path: ['stoppedOn'], message: 'The stop cannot be before the start', when: whenPresent('startedOn', 'stoppedOn') });
export type MedicationFields = z.infer<typeof medicationFields>;

export const medicationAddInput = z.object({ medication: medicationFields });
/** A change of dose, or a stop, effective on `changedOn`. */
export const medicationChangeInput = z
  .object({
    id,
    version,
    dose: requiredText('Dose', 80),
    stoppedOn: optionalDate,
    changedOn: pastOrTodayDate,
  })
  .refine((v) => v.stoppedOn === null || v.stoppedOn === v.changedOn, { path: ['stoppedOn'], message: 'A stop takes effect on the day of the change' });
export type MedicationChangeFields = z.infer<typeof medicationChangeInput>;

export const currentMedication = z.object({
  id,
  drug: z.string(),
  /** From the built-in list; empty for a drug not on it. */
  drugClass: z.string(),
  dose: z.string(),
  startedOn: z.string(),
  stoppedOn: z.string().nullable(),
  /** The day of the latest change (start, dose or stop). */
  changedOn: z.string(),
  excitability: z.enum(excitabilityEffects).nullable(),
  ...recordMeta,
});
export type CurrentMedication = z.infer<typeof currentMedication>;

export const treatmentHistory = z.object({
  trials: z.array(antidepressantTrial),
  psychotherapy: z.array(psychotherapyTrial),
  medications: z.array(currentMedication),
});
export type TreatmentHistory = z.infer<typeof treatmentHistory>;

export const historyGetInput = z.object({ patientId: id });
export const recheckInput = z.object({ courseId: id });
export const thresholdRecheckSchema = z
  .object({ drug: z.string(), changedOn: z.string(), effect: z.enum(excitabilityEffects) })
  .nullable();

/** The list entry's class for a drug name, or '' when it is not on the list. */
export function drugClassOf(drug: string): string {
  return findDrug(drug)?.drugClass ?? '';
}
