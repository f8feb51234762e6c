import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src/shared/ipc/contract';
import { patientInput, prescriptionInput } from '../support/fixtures';
import { at, ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';
import { readyToStart } from '../support/readyToStart';

// Clinic-local times (no offset): the rules read calendar days and times of day in the clinic's zone.
const day = (d: string, time = '10:00:00') => at(`${d}T${time}`);

/** A psychiatrist (1), a technician (2), a patient (1) and a course (1) from the given protocol. */
async function clinic(protocolId = 1, edit: Partial<ChannelInput<'courses:prescribe'>> = {}) {
  const env = await tempDatabase();
  const { dispatch } = env;
  const mon = day('2026-03-02', '08:00:00');
  ok(await dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, mon));
  ok(await dispatch('staff:create', { actorId: 1, name: 'Sam Okafor', username: 'sam.okafor', role: 'technician' }, mon));
  ok(await dispatch('patients:create', patientInput(), mon));
  const protocol = ok(await dispatch('protocols:list', {}, mon)).find((p) => p.id === protocolId);
  if (!protocol) throw new Error(`No protocol ${protocolId}`);
  const course = ok(await dispatch('courses:prescribe', prescriptionInput({
    protocolId, target: protocol.target, coil: protocol.coil, pattern: protocol.pattern, intensityPctMt: protocol.intensityPctMt, frequencyHz: protocol.frequencyHz,
    burstFrequencyHz: protocol.burstFrequencyHz, pulsesPerBurst: protocol.pulsesPerBurst, trainDurationS: protocol.trainDurationS,
    interTrainIntervalS: protocol.interTrainIntervalS, trains: protocol.trains, sessionsPerDay: protocol.sessionsPerDay, plannedSessions: protocol.defaultPlannedSessions,
    authorizedSessions: protocol.defaultPlannedSessions, ...edit,
  }), mon));
  await readyToStart(dispatch, course.id, mon);
  const threshold = (measuredOn: string, rmtPctMso: number, extra: { method?: 'emg' | 'visual'; coil?: string } = {}) =>
    dispatch('motorThresholds:record', {
      actorId: 1, courseId: course.id, measuredOn, rmtPctMso, method: extra.method ?? 'emg', coil: extra.coil ?? protocol.coil, measuredById: 1, notes: '',
    }, day(measuredOn, '08:00:00'));
  return { ...env, course, threshold };
}

type Dispatch = Awaited<ReturnType<typeof clinic>>['dispatch'];

/** A session as the form prepares it on that day and time, with edits, saved by the technician unless said. */
async function session(dispatch: Dispatch, when: ReturnType<typeof at>, edit: Partial<ChannelInput<'sessions:create'>> & { actorId?: number } = {}) {
  const prepared = ok(await dispatch('sessions:prepare', { courseId: 1 }, when));
  return dispatch('sessions:create', { ...prepared.values, fiveCmDistanceCm: prepared.values.fiveCmDistanceCm ?? 5, actorId: 2, ...edit }, when);
}

describe('the threshold that doses a session', () => {
  it('70 on 2 March, 55 on 9 March: a 9 March session at the old 84% MSO needs a psychiatrist; the stored session is dosed from 55', async () => {
    const { dispatch, threshold } = await clinic();
    ok(await threshold('2026-03-02', 70));
    ok(await threshold('2026-03-09', 55, { method: 'emg' }));
    const old = await session(dispatch, day('2026-03-09'), { intensityPctMso: 84, motorThresholdId: 1 });
    expect(old).toMatchObject({
      ok: false,
      error: { code: 'cosign_required', fields: { intensityPctMso: '84% MSO is 153% of the 55% MSO threshold of 9 Mar 2026; 120% MT gives 66% MSO (prescribed: 66% MSO).' } },
    });
    // The form prepares the dose from the threshold of the day.
    const prepared = ok(await dispatch('sessions:prepare', { courseId: 1 }, day('2026-03-09')));
    expect(prepared.values).toMatchObject({ motorThresholdId: 2, intensityPctMso: 66 });
    const saved = ok(await session(dispatch, day('2026-03-09'), { motorThresholdId: 1 }));
    expect(saved).toMatchObject({ motorThresholdId: 2, rmtPctMso: 55, intensityPctMso: 66, overrideByName: null });
  });

  it('120% MT stored as 68% MSO at a threshold of 64 needs an override; a psychiatrist may give it with a reason', async () => {
    const { dispatch, threshold } = await clinic();
    ok(await threshold('2026-03-02', 64));
    expect(await session(dispatch, day('2026-03-02'), { intensityPctMso: 68 })).toMatchObject({ ok: false, error: { code: 'cosign_required', fields: { intensityPctMso: expect.stringMatching(/120% MT gives 77% MSO/) } } });
    expect(await session(dispatch, day('2026-03-02'), { intensityPctMso: 68, actorId: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { overrideReason: expect.any(String) } } });
    const saved = ok(await session(dispatch, day('2026-03-02'), { intensityPctMso: 68, actorId: 1, overrideReason: 'Patient could not tolerate 77% on the first day' }));
    expect(saved).toMatchObject({ intensityPctMso: 68, overrideByName: 'Dr. Maya Patel' });
  });

  it('a back-dated session is dosed from the threshold of its own day; a stale, visual one with another coil is flagged on the session', async () => {
    const { dispatch, threshold } = await clinic();
    ok(await threshold('2026-03-02', 70, { method: 'visual', coil: 'Cool-B65' }));
    ok(await threshold('2026-03-13', 55));
    const late = ok(await session(dispatch, day('2026-03-13'), { sessionDate: '2026-03-11', intensityPctMso: 84 }));
    expect(late).toMatchObject({ sessionDate: '2026-03-11', motorThresholdId: 1, thresholdFlags: { ageDays: 9, stale: true, visual: true, otherCoil: true } });
    const today = ok(await session(dispatch, day('2026-03-13')));
    expect(today).toMatchObject({ motorThresholdId: 2, intensityPctMso: 66, thresholdFlags: { ageDays: 0, stale: false, visual: false, otherCoil: false } });
  });
});

describe('session numbers', () => {
  it('a back-dated session takes its place by date, in the course and read alone', async () => {
    const { dispatch, threshold } = await clinic();
    ok(await threshold('2026-03-02', 60));
    const wednesday = ok(await session(dispatch, day('2026-03-04')));
    const thursday = ok(await session(dispatch, day('2026-03-05')));
    // Entered on Thursday afternoon, for Tuesday and for Monday.
    const tuesday = ok(await session(dispatch, day('2026-03-05', '16:00:00'), { sessionDate: '2026-03-03', startTime: '09:00' }));
    const monday = ok(await session(dispatch, day('2026-03-05', '16:30:00'), { sessionDate: '2026-03-02', startTime: '09:00' }));
    const detail = ok(await dispatch('courses:get', { id: 1 }, day('2026-03-05', '17:00:00')));
    expect(detail.sessions.map((s) => [s.sessionDate, s.sessionNumber])).toEqual([['2026-03-02', 1], ['2026-03-03', 2], ['2026-03-04', 3], ['2026-03-05', 4]]);
    // Each as saved: its place among the sessions there were then.
    expect([wednesday, thursday, tuesday, monday].map((s) => s.sessionNumber)).toEqual([1, 2, 1, 1]);
    // Read alone again (a correction returns the session as stored): its place now.
    const corrected = ok(await dispatch('sessions:correct', { ...tuesday.fields, actorId: 2, id: tuesday.id, version: tuesday.version, correctionReason: 'Angle misread', coilAngleDeg: 40 }, day('2026-03-05', '17:00:00')));
    expect(corrected.sessionNumber).toBe(2);
  });
});

describe('accelerated courses (SNT: 10 a day, 50 minutes apart)', () => {
  it('refuses the same 09:00 start and an eleventh session a day unless a psychiatrist overrides', async () => {
    const { dispatch, threshold, course } = await clinic(5);
    expect(course).toMatchObject({ sessionsPerDay: 10, minMinutesBetweenSessions: 50 });
    ok(await threshold('2026-03-02', 60));
    const first = await session(dispatch, day('2026-03-02', '09:05:00'), { startTime: '09:00', positionMethod: 'neuronavigation', mniX: -38, mniY: 44, mniZ: 26, navigationSystem: 'Localite' });
    ok(first);
    const same = await session(dispatch, day('2026-03-02', '09:05:00'), { startTime: '09:00' });
    expect(same).toMatchObject({ ok: false, error: { code: 'cosign_required', fields: { startTime: '09:00 is 0 min from the 09:00 session; the protocol needs at least 50 min between sessions.' } } });
    for (let i = 1; i < 10; i++) {
      const minutes = 9 * 60 + i * 50;
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      ok(await session(dispatch, day('2026-03-02', '23:00:00'), { startTime: time }));
    }
    const eleventh = await session(dispatch, day('2026-03-02', '23:00:00'), { startTime: '22:00' });
    expect(eleventh).toMatchObject({ ok: false, error: { code: 'cosign_required', fields: { sessionDate: 'This would be session 11 on 2 Mar 2026; the course prescribes 10 a day.' } } });
  });
});

describe('safe states', () => {
  it('a course flagged after a syncope takes no session until a psychiatrist clears it', async () => {
    const { dispatch, threshold } = await clinic();
    ok(await threshold('2026-03-02', 60));
    ok(await session(dispatch, day('2026-03-02'), { adverseEvents: [{ event: 'syncope', description: 'Fainted after train 40' }], trainsDelivered: 40, pulsesDelivered: 1600 }));
    const blocked = await session(dispatch, day('2026-03-03'));
    expect(blocked).toMatchObject({ ok: false, error: { code: 'cosign_required', fields: { review: expect.stringMatching(/flagged for psychiatrist review \(Syncope in session 1 on 2 Mar 2026\)/) } } });
    const { course } = ok(await dispatch('courses:get', { id: 1 }, day('2026-03-03')));
    ok(await dispatch('courses:clearReview', { actorId: 1, courseId: 1, version: course.version, note: 'Vasovagal; eat beforehand' }, day('2026-03-03')));
    ok(await session(dispatch, day('2026-03-03')));
  });

  it('correcting a typo in a session that recorded syncope does not flag the course again', async () => {
    const { dispatch, threshold } = await clinic();
    ok(await threshold('2026-03-02', 60));
    const saved = ok(await session(dispatch, day('2026-03-02'), { adverseEvents: [{ event: 'syncope', description: 'Fainted after train 40' }], trainsDelivered: 40, pulsesDelivered: 1600 }));
    const flagged = ok(await dispatch('courses:get', { id: 1 }, day('2026-03-02'))).course;
    for (const [version, notes] of [[0, 'Snack given'], [1, 'Snack given after']] as const) {
      ok(await dispatch('sessions:correct', { ...saved.fields, actorId: 1, id: saved.id, version, correctionReason: 'Typo', notes }, day('2026-03-02', '11:00:00')));
    }
    const after = ok(await dispatch('courses:get', { id: 1 }, day('2026-03-02'))).course;
    expect(after).toMatchObject({ reviewReason: 'Syncope in session 1 on 2 Mar 2026', version: flagged.version });
    // A newly added serious event does flag it.
    ok(await dispatch('sessions:correct', {
      ...saved.fields, actorId: 1, id: saved.id, version: 2, correctionReason: 'Seizure not recorded',
      adverseEvents: [...saved.fields.adverseEvents, { event: 'seizure', description: 'Brief, self-limiting' }],
    }, day('2026-03-02', '11:30:00')));
    expect(ok(await dispatch('courses:get', { id: 1 }, day('2026-03-02'))).course.reviewReason).toBe('Syncope in session 1 on 2 Mar 2026; Seizure in session 1 on 2 Mar 2026');
  });

  it('an archived patient takes no session', async () => {
    const { dispatch, threshold } = await clinic();
    ok(await threshold('2026-03-02', 60));
    ok(await dispatch('patients:archive', { actorId: 1, id: 1, version: 0, reason: 'Moved away' }, day('2026-03-02')));
    expect(await session(dispatch, day('2026-03-02'))).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('plausibility at save', () => {
  it('refuses a start time later than now, and a coil site on the other side from the target', async () => {
    const { dispatch, threshold } = await clinic();
    ok(await threshold('2026-03-02', 60));
    expect(await session(dispatch, day('2026-03-02', '09:30:00'), { startTime: '09:45' })).toMatchObject({ ok: false, error: { fields: { startTime: '09:45 is later than now (09:30): log a session once it has started.' } } });
    expect(await session(dispatch, day('2026-03-02'), { positionMethod: 'eeg_10_20', eegSite: 'F4' })).toMatchObject({ ok: false, error: { fields: { eegSite: expect.stringMatching(/targets the left DLPFC \(F3\)/) } } });
    expect(await session(dispatch, day('2026-03-02'), { positionMethod: 'neuronavigation', mniX: 38, mniY: 44, mniZ: 26, navigationSystem: 'Localite' })).toMatchObject({ ok: false, error: { fields: { mniX: expect.any(String) } } });
  });
});

describe('two workstations saving at once', () => {
  it('one course never gets two sessions with one number: the second save waits for the first and meets the clinic rule, not a database error', async () => {
    const { dispatch, threshold, db } = await clinic();
    ok(await threshold('2026-03-02', 60));
    // Both screens were filled in from the same state: session 1, at the same moment.
    const when = day('2026-03-02', '10:00:00');
    const prepared = ok(await dispatch('sessions:prepare', { courseId: 1 }, when));
    const values = { ...prepared.values, fiveCmDistanceCm: 5 };
    const results = await Promise.all([dispatch('sessions:create', { ...values, actorId: 2 }, when), dispatch('sessions:create', { ...values, actorId: 1 }, when)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused?.ok === false ? refused.error.message : '').not.toMatch(/database/i);
    expect(await db.selectFrom('treatment_sessions').select('session_number').execute()).toEqual([{ session_number: 1 }]);
  });
});
