import { describe, expect, it } from 'vitest';
import { checkSession, type SessionCheckInput, thresholdForSession } from '../../src/shared/clinical';

describe('thresholdForSession (DOMAIN.md "Which motor threshold doses a session")', () => {
  const t = (id: number, measuredOn: string, rmtPctMso: number, method: 'emg' | 'visual' = 'emg') => ({ id, measuredOn, rmtPctMso, method });
  it.each([
    { name: 'none measured', list: [], on: '2026-03-09', want: null },
    { name: 'only later ones', list: [t(1, '2026-03-10', 60)], on: '2026-03-09', want: null },
    { name: 'same day counts, age 0', list: [t(1, '2026-03-09', 60)], on: '2026-03-09', want: { id: 1, rmtPctMso: 60, ageDays: 0, stale: false, visual: false } },
    { name: 'the latest on or before, in any order', list: [t(2, '2026-03-09', 55), t(1, '2026-03-02', 70)], on: '2026-03-09', want: { id: 2, rmtPctMso: 55, ageDays: 0, stale: false, visual: false } },
    { name: 'a back-dated session takes the threshold of its day', list: [t(2, '2026-03-09', 55), t(1, '2026-03-02', 70)], on: '2026-03-06', want: { id: 1, rmtPctMso: 70, ageDays: 4, stale: false, visual: false } },
    { name: 'two on one day: the larger id', list: [t(3, '2026-03-09', 58), t(4, '2026-03-09', 57), t(2, '2026-03-09', 56)], on: '2026-03-09', want: { id: 4, rmtPctMso: 57, ageDays: 0, stale: false, visual: false } },
    { name: 'exactly 7 days is not stale', list: [t(1, '2026-03-02', 60)], on: '2026-03-09', want: { id: 1, rmtPctMso: 60, ageDays: 7, stale: false, visual: false } },
    { name: '8 days is stale', list: [t(1, '2026-03-02', 60)], on: '2026-03-10', want: { id: 1, rmtPctMso: 60, ageDays: 8, stale: true, visual: false } },
    { name: 'visual', list: [t(1, '2026-03-02', 60, 'visual')], on: '2026-03-03', want: { id: 1, rmtPctMso: 60, ageDays: 1, stale: false, visual: true } },
    { name: 'across the daylight-saving change', list: [t(1, '2026-03-25', 60)], on: '2026-04-02', want: { id: 1, rmtPctMso: 60, ageDays: 8, stale: true, visual: false } },
  ])('$name', ({ list, on, want }) => {
    expect(thresholdForSession(list, on)).toEqual(want);
  });
});

const standard: SessionCheckInput = {
  course: {
    startDate: '2026-03-02', target: 'left_dlpfc', coil: 'Figure-8', intensityPctMt: 120, frequencyHz: 10, totalPulses: 3000, pulsesPerTrain: 40, trains: 75,
    sessionsPerDay: 1, minMinutesBetweenSessions: null, reviewRequired: false, reviewReason: null,
  },
  session: {
    sessionDate: '2026-03-09', startTime: '09:00', frequencyHz: 10, intensityPctMt: 120, intensityPctMso: 66, trainsPlanned: 75, trainsDelivered: 75, pulsesDelivered: 3000,
    positionMethod: 'five_cm', eegSite: null, mniX: null,
  },
  thresholds: [
    { id: 1, measuredOn: '2026-03-02', rmtPctMso: 70, method: 'emg', coil: 'Figure-8' },
    { id: 2, measuredOn: '2026-03-09', rmtPctMso: 55, method: 'emg', coil: 'Figure-8' },
  ],
  otherSessions: [],
  today: '2026-03-09',
  timeNow: '10:00',
  correcting: false,
  dateFormat: 'yyyy-MM-dd',
};

type Edit = { course?: Partial<SessionCheckInput['course']>; session?: Partial<SessionCheckInput['session']> } & Partial<Omit<SessionCheckInput, 'course' | 'session'>>;

function findingsOf(edit: Edit) {
  const { course, session, ...rest } = edit;
  const check = checkSession({ ...standard, ...rest, course: { ...standard.course, ...course }, session: { ...standard.session, ...session } });
  return check.findings.map((f) => [f.level, f.field]);
}

describe('checkSession (DOMAIN.md "Rules across records", "Safe states", "Accelerated protocols")', () => {
  it('accepts a session dosed from the threshold of its day', () => {
    const check = checkSession(standard);
    expect(check).toMatchObject({ threshold: { id: 2, rmtPctMso: 55, measuredOn: '2026-03-09', otherCoil: false }, expectedPctMso: 66 });
    expect(check.findings).toEqual([]);
  });

  it.each<{ name: string; edit: Edit; want: string[][] }>([
    { name: 'dosed from the old threshold: 84% MSO at a 55 threshold', edit: { session: { intensityPctMso: 84 } }, want: [['override', 'intensityPctMso']] },
    { name: '120% MT stored as 68% MSO at a threshold of 64', edit: { session: { intensityPctMso: 68 }, thresholds: [{ id: 1, measuredOn: '2026-03-09', rmtPctMso: 64, method: 'emg' as const, coil: 'Figure-8' }] }, want: [['override', 'intensityPctMso']] },
    { name: 'a lower %MT with its %MSO is allowed (titration)', edit: { session: { intensityPctMt: 100, intensityPctMso: 55 } }, want: [] },
    { name: 'a lower %MSO than the %MT gives', edit: { session: { intensityPctMso: 60 } }, want: [['override', 'intensityPctMso']] },
    { name: 'above the prescribed %MT', edit: { session: { intensityPctMt: 125, intensityPctMso: 69 } }, want: [['override', 'intensityPctMt']] },
    { name: 'another frequency', edit: { session: { frequencyHz: 20 } }, want: [['override', 'frequencyHz']] },
    { name: 'more pulses and trains than prescribed', edit: { session: { trainsPlanned: 80, trainsDelivered: 80, pulsesDelivered: 3200 } }, want: [['override', 'pulsesDelivered'], ['override', 'trainsDelivered']] },
    { name: 'partial session', edit: { session: { trainsDelivered: 30, pulsesDelivered: 1200 } }, want: [['info', 'pulsesDelivered']] },
    { name: 'more trains than planned', edit: { session: { trainsDelivered: 76, pulsesDelivered: 3040 } }, want: [['refuse', 'trainsDelivered'], ['override', 'pulsesDelivered'], ['override', 'trainsDelivered']] },
    { name: 'more pulses than the trains hold', edit: { session: { pulsesDelivered: 3001 } }, want: [['refuse', 'pulsesDelivered'], ['override', 'pulsesDelivered']] },
    { name: 'no threshold on or before the day', edit: { session: { sessionDate: '2026-03-02' }, thresholds: [{ id: 2, measuredOn: '2026-03-09', rmtPctMso: 55, method: 'emg' as const, coil: 'Figure-8' }] }, want: [['refuse', 'motorThresholdId']] },
    { name: 'the prescription is undeliverable at the threshold', edit: { thresholds: [{ id: 1, measuredOn: '2026-03-09', rmtPctMso: 90, method: 'emg' as const, coil: 'Figure-8' }] }, want: [['refuse', 'intensityPctMt']] },
    { name: 'a stale, visual threshold with another coil is flagged', edit: { session: { sessionDate: '2026-03-08', intensityPctMso: 84 }, today: '2026-03-10', thresholds: [{ id: 1, measuredOn: '2026-02-28', rmtPctMso: 70, method: 'visual' as const, coil: 'H1' }] }, want: [['warn', 'motorThresholdId'], ['warn', 'motorThresholdId'], ['warn', 'motorThresholdId']] },
    { name: 'before the course starts', edit: { session: { sessionDate: '2026-03-01' } }, want: [['refuse', 'sessionDate'], ['refuse', 'motorThresholdId']] },
    { name: 'a future date', edit: { session: { sessionDate: '2026-03-10' } }, want: [['refuse', 'sessionDate']] },
    { name: 'a start time later than now, today', edit: { session: { startTime: '10:01' } }, want: [['refuse', 'startTime']] },
    { name: 'a start time later than now on an earlier day is fine', edit: { session: { startTime: '23:00' }, today: '2026-03-10', timeNow: '08:00' }, want: [] },
    { name: 'F4 for a left target', edit: { session: { positionMethod: 'eeg_10_20', eegSite: 'F4' } }, want: [['refuse', 'eegSite']] },
    { name: 'F3 for a right target', edit: { course: { target: 'right_dlpfc' }, session: { positionMethod: 'eeg_10_20', eegSite: 'F3' } }, want: [['refuse', 'eegSite']] },
    { name: 'F3 or F4 for a bilateral target', edit: { course: { target: 'bilateral_dlpfc' }, session: { positionMethod: 'eeg_10_20', eegSite: 'F4' } }, want: [] },
    { name: 'MNI x in the right hemisphere for a left target', edit: { session: { positionMethod: 'neuronavigation', mniX: 38 } }, want: [['refuse', 'mniX']] },
    { name: 'MNI x in the left hemisphere for a left target', edit: { session: { positionMethod: 'neuronavigation', mniX: -38 } }, want: [] },
    { name: 'a course under review takes no new session', edit: { course: { reviewRequired: true, reviewReason: 'Syncope in session 3' } }, want: [['override', 'review']] },
    { name: 'a correction while under review is judged as usual', edit: { course: { reviewRequired: true }, correcting: true }, want: [] },
    { name: 'a second session on a standard course day', edit: { otherSessions: [{ sessionDate: '2026-03-09', startTime: '08:00' }] }, want: [['override', 'sessionDate']] },
  ])('$name', ({ edit, want }) => {
    expect(findingsOf(edit)).toEqual(want);
  });

  describe('accelerated protocols (SNT: 10 a day, at least 50 min apart)', () => {
    const snt = { sessionsPerDay: 10, minMinutesBetweenSessions: 50 };
    const day = (...times: string[]) => times.map((startTime) => ({ sessionDate: '2026-03-09', startTime }));
    it.each([
      { name: 'the same 09:00 start as an earlier session', others: day('09:00'), start: '09:00', want: [['override', 'startTime']] },
      { name: '49 min after the previous one', others: day('08:11'), start: '09:00', want: [['override', 'startTime']] },
      { name: 'exactly 50 min after', others: day('08:10'), start: '09:00', want: [] },
      { name: 'back-entered between two sessions, too close to the later one', others: day('08:00', '09:30'), start: '08:50', want: [['override', 'startTime']] },
      { name: 'sessions on other days do not count', others: [{ sessionDate: '2026-03-06', startTime: '09:00' }], start: '09:00', want: [] },
      { name: 'the eleventh session of the day', others: day('00:10', '01:00', '01:50', '02:40', '03:30', '04:20', '05:10', '06:00', '06:50', '07:40'), start: '09:00', want: [['override', 'sessionDate']] },
    ])('$name', ({ others, start, want }) => {
      expect(findingsOf({ course: snt, session: { startTime: start }, otherSessions: others })).toEqual(want);
    });
  });

  it('names the threshold and the %MSO it gives in its messages', () => {
    const check = checkSession({ ...standard, session: { ...standard.session, intensityPctMso: 84 } });
    expect(check.findings[0]?.message).toBe('84% MSO is 153% of the 55% MSO threshold of 2026-03-09; 120% MT gives 66% MSO (prescribed: 66% MSO).');
  });
});
