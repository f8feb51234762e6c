import type { Dispatch } from '../../src/main/ipc/dispatch';

/** One acknowledged write for the crash and two-writer tests: a patient with a unique MRN, signed in as `staffId`. */
export function writeTestPatient(dispatch: Dispatch, staffId: number, mrn: string, lastName: string) {
  return dispatch(
    'patients:create',
    { mrn, firstName: 'Test', lastName, dateOfBirth: '1980-01-01', sex: 'female', primaryDiagnosis: 'F33.2', referringPsychiatrist: '', notes: '' },
    { now: new Date(), staffId },
  );
}
