import { addDays, format } from 'date-fns';
import { DEMO_PASSWORD } from '../../src/main/demo/demoAccounts';
import type { Dispatch } from '../../src/main/ipc/dispatch';
import { DAILY_PHASE_SESSIONS } from '../../src/shared/clinical';
import type { Channel } from '../../src/shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../src/shared/ipc/contract';
import { seedDemoHistory, seedReadiness } from './readiness';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');


/** Calls the contract through dispatch (validation and access checks included) as `staffId`, throwing on an error result. */
export function caller(dispatch: Dispatch) {
  return async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>, at: string, staffId: number | null = null): Promise<ChannelOutput<C>> {
    const result = await dispatch(channel, input, { now: new Date(at), staffId });
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value as ChannelOutput<C>;
  };
}

/** Treatment days of a standard course: 30 weekdays, then a taper of 3, 2 and 1 a week. */
export function standardCourseDays(start: Date, sessions: number): Date[] {
  const days: Date[] = [];
  let day = start;
  while (days.length < Math.min(DAILY_PHASE_SESSIONS, sessions)) {
    if (day.getDay() !== 0 && day.getDay() !== 6) days.push(day);
    day = addDays(day, 1);
  }
  for (const perWeek of [3, 2, 1]) {
    const monday = addDays(day, (8 - day.getDay()) % 7);
    for (const offset of [0, 2, 4].slice(0, perWeek)) if (days.length < sessions) days.push(addDays(monday, offset));
    day = addDays(monday, 7);
  }
  return days;
}

/**
 * A realistic demo: a clinic, a psychiatrist and a technician, and one patient through a
 * 36-session 10 Hz course with an MT re-determination, weekly PHQ-9s, side effects and an
 * interrupted session. Everything goes through dispatch, as the app's own writes do.
 */
/** The demo clinic's name and its two accounts (psychiatrist maya.patel, technician sam.okafor, both DEMO_PASSWORD). */
export async function seedDemoClinic(invoke: ReturnType<typeof caller>, at: string) {
  const { staff: doctor } = await invoke('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: DEMO_PASSWORD }, at);
  const { staff: tech, oneTimePassword } = await invoke('staff:create', { name: 'Sam Okafor', username: 'sam.okafor', role: 'technician' }, at, doctor.id);
  await invoke('auth:changePassword', { currentPassword: oneTimePassword, newPassword: DEMO_PASSWORD }, at, tech.id);
  await invoke('settings:update', { clinicName: 'Riverside TMS Clinic', clinicAddress: '12 Harbour Road, Springfield · (555) 010-2040' }, at, doctor.id);
  return { doctor, tech };
}

export async function seedDemoCourse(dispatch: Dispatch, options: { sessions?: number } = {}): Promise<{ courseId: number; psychiatristId: number }> {
  const invoke = caller(dispatch);
  const start = new Date(2026, 2, 2);
  const before = '2026-02-27T09:00:00';
  const { doctor, tech } = await seedDemoClinic(invoke, before);
  const patient = await invoke('patients:create', { mrn: 'MRN-004217', firstName: 'Eleanor', lastName: 'Vance', dateOfBirth: '1978-09-14', sex: 'female',
    primaryDiagnosis: 'F33.2', referringPsychiatrist: 'Dr. Grace Hopper, Northside Psychiatry', notes: 'Three failed antidepressant trials.',
  }, before, doctor.id);
  const course = await invoke('courses:prescribe', { patientId: patient.id, protocolId: 1, target: 'left_dlpfc', coil: 'Figure-8', pattern: 'rtms', intensityPctMt: 120,
    frequencyHz: 10, burstFrequencyHz: null, pulsesPerBurst: null, trainDurationS: 4, interTrainIntervalS: 26, trains: 75, sessionsPerDay: 1,
    plannedSessions: 36, schedule: '5 a week for 6 weeks (30), then taper 3, 2, 1 (6)', authorizedSessions: 30, authorizationReference: 'PA-88213',
    startDate: iso(start), notes: '', safetyOverrideReason: '',
  }, before, doctor.id);
  await seedDemoHistory(invoke, patient.id, before, doctor.id);
  const lorazepam = await invoke('history:addMedication', { medication: { patientId: patient.id, drug: 'Lorazepam', dose: '1 mg at night', startedOn: '2025-11-03', stoppedOn: null } }, before, doctor.id);
  await seedReadiness(invoke, { id: course.id, on: '2026-02-27', at: before, doctorId: doctor.id, techId: tech.id }, { excitabilityMedications: 'Lorazepam 1 mg at night; a taper is planned' });
  await invoke('motorThresholds:record', { courseId: course.id, measuredOn: '2026-02-27', rmtPctMso: 58, method: 'emg', coil: 'Figure-8', measuredById: doctor.id, notes: '' }, before, doctor.id);
  const totals = [21, 18, 15, 13, 10, 8, 6, 5, 4];
  const days = standardCourseDays(start, options.sessions ?? 36);
  await invoke('phq9:create', { patientId: patient.id, assessedOn: '2026-02-27', answers: [3, 3, 2, 3, 2, 3, 2, 2, 1], difficulty: 'very', notes: '' }, before, tech.id);
  await invoke('phq9:acknowledge', { assessmentId: 1, actionTaken: 'Passive ideation, no plan or intent; safety plan reviewed' }, before, doctor.id);
  for (const [index, day] of days.entries()) {
    const at = `${iso(day)}T09:30:00`;
    if (index === 14) {
      // The lorazepam taper ends: a change of a benzodiazepine asks for the threshold again, re-determined that day.
      await invoke('history:changeMedication', { id: lorazepam.id, version: lorazepam.version, dose: lorazepam.dose, stoppedOn: iso(day), changedOn: iso(day) }, `${iso(day)}T08:00:00`, doctor.id);
      await invoke('motorThresholds:record', { courseId: course.id, measuredOn: iso(day), rmtPctMso: 61, method: 'emg', coil: 'Figure-8', measuredById: doctor.id, notes: 'Re-determined after lorazepam taper' }, at, doctor.id);
    }
    if (index > 0 && index % 5 === 0 && index / 5 < totals.length) {
      const total = totals[index / 5] ?? 4;
      const answers = Array.from({ length: 9 }, (_, i) => (i < 8 ? Math.min(3, Math.max(0, total - 3 * i)) : 0));
      await invoke('phq9:create', { patientId: patient.id, assessedOn: iso(day), answers, difficulty: total > 10 ? 'somewhat' : 'not_difficult', notes: '' }, at, tech.id);
    }
    const prepared = await invoke('sessions:prepare', { courseId: course.id }, at, tech.id);
    const values = { ...prepared.values };
    if (index === 0) Object.assign(values, { positionMethod: 'beam_f3', beamTragusToTragusCm: 36, beamNasionToInionCm: 38, beamCircumferenceCm: 57, landmarks: 'Cap mark 3' });
    if (index < 4) values.sideEffects = [{ effect: 'headache', severity: index < 2 ? 'moderate' : 'mild' }, { effect: 'scalp_discomfort', severity: 'mild' }];
    if (index === 7) Object.assign(values, { trainsDelivered: 52, pulsesDelivered: 52 * 40, interruptions: [{ afterTrain: 52, reason: 'Patient asked to stop: scalp pain' }] });
    if (index === 30) {
      const { course: current } = await invoke('courses:get', { id: course.id }, at, doctor.id);
      await invoke('courses:authorize', { courseId: course.id, version: current.version, authorizedSessions: 36, reference: 'PA-88213-EXT', note: 'Taper approved' }, at, doctor.id);
    }
    await invoke('sessions:create', values, at, tech.id);
  }
  const last = days.at(-1);
  if (last && days.length >= 36) {
    const { course: current } = await invoke('courses:get', { id: course.id }, `${iso(last)}T17:00:00`, doctor.id);
    await invoke('courses:end', { courseId: course.id, version: current.version, status: 'completed', on: iso(last), reason: 'Course completed as planned' }, `${iso(last)}T17:00:00`, doctor.id);
  }
  return { courseId: course.id, psychiatristId: doctor.id };
}
