import type { ChannelInput } from '../../src/shared/ipc/contract';

/** Signed in as this staff member (see actingDispatch in tempDatabase.ts). */
type As = { actorId: number };

export function patientInput(overrides: Partial<ChannelInput<'patients:create'> & As> = {}): ChannelInput<'patients:create'> & As {
  return {
    actorId: 1,
    mrn: 'MRN-0001',
    firstName: 'Ada',
    lastName: 'Lovelace',
    dateOfBirth: '1980-12-10',
    sex: 'female',
    primaryDiagnosis: 'F33.2',
    referringPsychiatrist: 'Dr. Grace Hopper',
    notes: '',
    ...overrides,
  };
}

export function prescriptionInput(overrides: Partial<ChannelInput<'courses:prescribe'> & As> = {}): ChannelInput<'courses:prescribe'> & As {
  return {
    actorId: 1,
    patientId: 1,
    protocolId: 1,
    target: 'left_dlpfc',
    coil: 'Figure-8',
    pattern: 'rtms',
    intensityPctMt: 120,
    frequencyHz: 10,
    burstFrequencyHz: null,
    pulsesPerBurst: null,
    trainDurationS: 4,
    interTrainIntervalS: 26,
    trains: 75,
    sessionsPerDay: 1,
    plannedSessions: 36,
    schedule: '5 a week for 6 weeks, then taper 3, 2, 1',
    authorizedSessions: 30,
    authorizationReference: 'PA-1001',
    startDate: '2026-03-02',
    notes: '',
    ...overrides,
  };
}
