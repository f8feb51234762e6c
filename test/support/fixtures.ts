import type { ChannelInput } from '../../src/shared/ipc/contract';

export function patientInput(overrides: Partial<ChannelInput<'patients:create'>> = {}): ChannelInput<'patients:create'> {
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
