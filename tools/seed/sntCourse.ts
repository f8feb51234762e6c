import type { Dispatch } from '../../src/main/ipc/dispatch';
import { addDaysIso } from '../../src/shared/dates';
import { caller, seedDemoClinic } from './demoCourse';
import { seedReadiness } from './readiness';

/**
 * An SNT demo (accelerated, fcMRI-guided iTBS, billed per treatment day): one patient through 5 days
 * of 10 sessions an hour apart from Monday 2 March 2026, prescribed from the seeded SNT protocol; the
 * motor threshold measured the Friday before, re-determined on day 3 (billed) and on the Saturday
 * after the last day (no session that day: unbilled). Everything goes through dispatch.
 */
export async function seedSntDemoCourse(dispatch: Dispatch): Promise<{ courseId: number; psychiatristId: number }> {
  const invoke = caller(dispatch);
  const before = '2026-02-27T09:00:00';
  const { doctor, tech } = await seedDemoClinic(invoke, before);
  const patient = await invoke('patients:create', { mrn: 'MRN-005130', firstName: 'Theo', lastName: 'Marsh', dateOfBirth: '1969-04-02', sex: 'male',
    primaryDiagnosis: 'F33.2', referringPsychiatrist: 'Dr. Grace Hopper, Northside Psychiatry', notes: 'fcMRI target from the 20 Feb scan.',
  }, before, doctor.id);
  const protocols = await invoke('protocols:list', { includeInactive: false }, before, doctor.id);
  const snt = protocols.find((p) => p.billingScheme === 'snt_per_day');
  if (!snt) throw new Error('The seeded SNT protocol is missing');
  const course = await invoke('courses:prescribe', { patientId: patient.id, protocolId: snt.id, target: snt.target, coil: snt.coil, pattern: snt.pattern,
    intensityPctMt: snt.intensityPctMt, frequencyHz: snt.frequencyHz, burstFrequencyHz: snt.burstFrequencyHz, pulsesPerBurst: snt.pulsesPerBurst,
    trainDurationS: snt.trainDurationS, interTrainIntervalS: snt.interTrainIntervalS, trains: snt.trains, sessionsPerDay: snt.sessionsPerDay,
    plannedSessions: 50, schedule: '10 sessions a day, 50 minutes apart, for 5 days', authorizedSessions: 50, authorizationReference: 'PA-90412',
    startDate: '2026-03-02', notes: '', safetyOverrideReason: '',
  }, before, doctor.id);
  const threshold = (measuredOn: string, rmtPctMso: number, at: string) =>
    invoke('motorThresholds:record', { courseId: course.id, measuredOn, rmtPctMso, method: 'emg', coil: snt.coil, measuredById: doctor.id, notes: '' }, at, doctor.id);
  await seedReadiness(invoke, { id: course.id, on: '2026-02-27', at: before, doctorId: doctor.id, techId: tech.id });
  await threshold('2026-02-27', 62, before);
  await invoke('phq9:create', { patientId: patient.id, assessedOn: '2026-02-27', answers: [3, 3, 2, 3, 2, 2, 2, 2, 0], difficulty: 'very', notes: '' }, before, tech.id);
  for (let day = 0; day < 5; day++) {
    const date = addDaysIso('2026-03-02', day);
    if (day === 2) await threshold(date, 64, `${date}T07:30:00`);
    for (let n = 0; n < 10; n++) {
      const at = `${date}T${String(8 + n).padStart(2, '0')}:00:00`;
      const prepared = await invoke('sessions:prepare', { courseId: course.id }, at, tech.id);
      const values = { ...prepared.values, positionMethod: 'neuronavigation' as const, mniX: -38, mniY: 44, mniZ: 26, navigationSystem: 'Localite', fiveCmDistanceCm: null };
      await invoke('sessions:create', values, at, tech.id);
    }
  }
  await threshold('2026-03-07', 63, '2026-03-07T10:00:00');
  await invoke('phq9:create', { patientId: patient.id, assessedOn: '2026-03-06', answers: [1, 1, 1, 1, 0, 1, 0, 0, 0], difficulty: 'somewhat', notes: '' }, '2026-03-06T18:00:00', tech.id);
  const { course: current } = await invoke('courses:get', { id: course.id }, '2026-03-07T11:00:00', doctor.id);
  await invoke('courses:end', { courseId: course.id, version: current.version, status: 'completed', on: '2026-03-06', reason: 'Course completed as planned' }, '2026-03-07T11:00:00', doctor.id);
  return { courseId: course.id, psychiatristId: doctor.id };
}
