import type { AntidepressantTrialRecord } from '../../../shared/schemas/history';
import type { ResourceIds } from './ids';
import { LOCAL_DRUG_CLASSES, LOCAL_TRIAL_OUTCOMES } from './systems';
import type { MedicationStatementResource, Reference } from './types';

/** An antidepressant trial of the treatment history, as the export maps it. */
export type AntidepressantTrial = Pick<AntidepressantTrialRecord, 'id' | 'drug' | 'drugClass' | 'dose' | 'startedOn' | 'endedOn' | 'adequate' | 'outcome' | 'outcomeNote'>;

const OUTCOMES: Record<AntidepressantTrial['outcome'], string> = {
  no_response: 'No response',
  partial: 'Partial response',
  intolerable: 'Intolerable side effects',
  other: 'Other',
};

/**
 * A trial as a MedicationStatement: the drug (by name, with its class), dose, period; an ended trial
 * is `stopped` with its outcome as the reason, an ongoing one `active`; adequacy of dose and duration
 * and the outcome note in a note.
 */
export function trialMedicationStatement(trial: AntidepressantTrial, subject: Reference, ids: ResourceIds): MedicationStatementResource {
  const outcome = { coding: [{ system: LOCAL_TRIAL_OUTCOMES, code: trial.outcome, display: OUTCOMES[trial.outcome] }], text: OUTCOMES[trial.outcome] };
  const notes = [
    `Adequate dose and duration: ${trial.adequate ? 'yes' : 'no'}`,
    trial.endedOn ? `Outcome: ${OUTCOMES[trial.outcome]}` : null,
    trial.outcomeNote?.trim() ? trial.outcomeNote.trim() : null,
  ].filter((n): n is string => n !== null);
  return {
    resourceType: 'MedicationStatement',
    id: ids.id('MedicationStatement', trial.id),
    status: trial.endedOn ? 'stopped' : 'active',
    ...(trial.endedOn ? { statusReason: [outcome] } : {}),
    medicationCodeableConcept: {
      coding: [{ system: LOCAL_DRUG_CLASSES, code: trial.drugClass, display: trial.drugClass }],
      text: trial.drug,
    },
    subject,
    effectivePeriod: { start: trial.startedOn, ...(trial.endedOn ? { end: trial.endedOn } : {}) },
    dosage: [{ text: trial.dose }],
    note: [{ text: notes.join('. ') }],
  };
}
