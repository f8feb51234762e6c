import type { caller } from './demoCourse';

type Invoke = ReturnType<typeof caller>;
const NO = { seizures: false, family_epilepsy: false, metal_in_head: false, implanted_devices: false, pregnancy: false, head_injury: false, excitability_medications: false, substance_use: false };

/**
 * Before the first session (issue 15): the safety screening (`positive` answers as given, cleared
 * by the psychiatrist, in writing when an answer is positive) and the consent, on day `on` at `at`.
 */
export async function seedReadiness(invoke: Invoke, course: { id: number; on: string; at: string; doctorId: number; techId: number }, positive: { excitabilityMedications?: string } = {}): Promise<void> {
  const answers = { ...NO, excitability_medications: positive.excitabilityMedications !== undefined };
  const screening = await invoke('screening:record', { courseId: course.id, screenedOn: course.on, answers, details: positive.excitabilityMedications ?? '' }, course.at, course.techId);
  const clearance = positive.excitabilityMedications ? 'Cleared: motor threshold measured on the current dose; re-measure after any change of it.' : '';
  await invoke('screening:clear', { screeningId: screening.id, clearance }, course.at, course.doctorId);
  await invoke('consent:record', { courseId: course.id, consentedOn: course.on, consentVersion: 'TMS consent v3 (2026)', obtainedById: course.doctorId }, course.at, course.doctorId);
}

/** The demo patient's treatment history: three failed antidepressant trials, CBT, and the medications she takes. */
export async function seedDemoHistory(invoke: Invoke, patientId: number, at: string, staffId: number): Promise<void> {
  const trial = (drug: string, dose: string, startedOn: string, endedOn: string, adequate: boolean, outcome: 'no_response' | 'partial' | 'intolerable' | 'other', outcomeNote = '') =>
    invoke('history:saveTrial', { trial: { patientId, drug, dose, startedOn, endedOn, adequate, outcome, outcomeNote } }, at, staffId);
  await trial('Sertraline', '200 mg daily', '2023-03-06', '2023-07-31', true, 'no_response');
  await trial('Venlafaxine', '225 mg daily', '2023-09-04', '2024-01-29', true, 'partial', 'PHQ-9 from 22 to 16');
  await trial('Bupropion', '300 mg daily', '2024-03-04', '2024-04-15', false, 'intolerable', 'Insomnia and anxiety at 6 weeks');
  await trial('Aripiprazole', '5 mg daily (augmenting venlafaxine)', '2024-06-03', '2024-10-28', true, 'no_response');
  await invoke('history:savePsychotherapy', { trial: { patientId, therapyType: 'cbt', startedOn: '2022-09-05', endedOn: '2023-01-23', sessions: 16, notes: 'Weekly, Northside Psychology' } }, at, staffId);
  await invoke('history:savePsychotherapy', { trial: { patientId, therapyType: 'behavioral_activation', startedOn: '2025-02-03', endedOn: '2025-05-19', sessions: 12, notes: '' } }, at, staffId);
  await invoke('history:addMedication', { medication: { patientId, drug: 'Escitalopram', dose: '20 mg daily', startedOn: '2025-01-13', stoppedOn: null } }, at, staffId);
}
