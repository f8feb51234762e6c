import { addDays, format } from 'date-fns';
import type { HostHandle } from './fixtures';
import { readyToStart } from './readiness';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
/** Monday 2 March 2026, the day the treated patients' courses start. */
export const TREATMENT_START = new Date(2026, 2, 2);

/**
 * A patient prescribed a 10 Hz course of protocol 1 on 1 March 2026, with an MT of 60% MSO and
 * `sessions` weekday sessions from 2 March, through the host.
 */
export async function treatedPatient(host: HostHandle, p: { mrn: string; firstName: string; lastName: string; sessions: number }) {
  const patient = await host.invoke('patients:create', {
    mrn: p.mrn, firstName: p.firstName, lastName: p.lastName, dateOfBirth: '1975-05-05', sex: 'female', primaryDiagnosis: 'F33.1', referringPsychiatrist: '', notes: '',
  }, '2026-03-01T09:00:00');
  const course = await host.invoke('courses:prescribe', {
    patientId: patient.id, protocolId: 1, target: 'left_dlpfc', coil: 'Figure-8', pattern: 'rtms', intensityPctMt: 120, frequencyHz: 10,
    burstFrequencyHz: null, pulsesPerBurst: null, trainDurationS: 4, interTrainIntervalS: 26, trains: 75, sessionsPerDay: 1, plannedSessions: 36,
    schedule: '', authorizedSessions: 36, authorizationReference: '', startDate: iso(TREATMENT_START), notes: '', safetyOverrideReason: '',
  }, '2026-03-01T09:00:00');
  await readyToStart(host, course.id, '2026-03-01', '2026-03-01T09:00:00');
  await host.invoke('motorThresholds:record', { courseId: course.id, measuredOn: '2026-03-01', rmtPctMso: 60, method: 'emg', coil: 'Figure-8', measuredById: 1, notes: '' }, '2026-03-01T09:00:00');
  let day = TREATMENT_START;
  for (let n = 0; n < p.sessions; day = addDays(day, 1)) {
    if (day.getDay() === 0 || day.getDay() === 6) continue;
    const at = `${iso(day)}T09:00:00`;
    const prepared = await host.invoke('sessions:prepare', { courseId: course.id }, at);
    await host.invoke('sessions:create', { ...prepared.values, fiveCmDistanceCm: 5 }, at);
    n++;
  }
  return { patient, course };
}
