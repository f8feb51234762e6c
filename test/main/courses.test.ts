import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src/shared/ipc/contract';
import { patientInput, prescriptionInput } from '../support/fixtures';
import { at, ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';
import { readyToStart } from '../support/readyToStart';

// Clinic-local wall-clock times (no Z): the services read today's date in the clinic's time zone,
// so a UTC instant would fall on another calendar day far from UTC (TZ=Pacific/Honolulu).
const MON = at('2026-03-02T09:00:00');
const day = (d: string, time = '09:30:00') => at(`${d}T${time}`);

/** A clinic with a psychiatrist (1), a technician (2), a patient (1) and a prescribed 10 Hz course (1) with an MT of 60. */
async function clinic() {
  const env = await tempDatabase();
  const { dispatch } = env;
  ok(await dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, MON));
  ok(await dispatch('staff:create', { actorId: 1, name: 'Sam Okafor', username: 'sam.okafor', role: 'technician' }, MON));
  ok(await dispatch('patients:create', patientInput(), MON));
  const course = ok(await dispatch('courses:prescribe', prescriptionInput(), MON));
  await readyToStart(dispatch, course.id, MON);
  ok(await dispatch('motorThresholds:record', {
    actorId: 2, courseId: course.id, measuredOn: '2026-03-02', rmtPctMso: 60, method: 'emg', coil: 'Figure-8', measuredById: 2, notes: '',
  }, MON));
  return { ...env, course };
}

async function routineSession(dispatch: Awaited<ReturnType<typeof clinic>>['dispatch'], when: ReturnType<typeof at>, edit: Partial<ChannelInput<'sessions:create'>> = {}) {
  const prepared = ok(await dispatch('sessions:prepare', { courseId: 1 }, when));
  return dispatch('sessions:create', { ...prepared.values, fiveCmDistanceCm: prepared.values.fiveCmDistanceCm ?? 5, ...edit, actorId: 2 }, when);
}

describe('protocol library', () => {
  it('is seeded with the DOMAIN.md protocols and their computed dose', async () => {
    const { dispatch } = await tempDatabase();
    ok(await dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, MON));
    const list = ok(await dispatch('protocols:list', {}));
    expect(list.map((p) => [p.name, p.dose.totalPulses, p.dose.durationS])).toEqual([
      ['10 Hz rTMS, left DLPFC (FDA-cleared)', 3000, 2224],
      ['iTBS, left DLPFC', 600, 192],
      ['Deep TMS, H1 coil, left DLPFC', 1980, 1190],
      ['1 Hz rTMS, right DLPFC', 900, 900],
      ['Accelerated iTBS (SNT), left DLPFC', 1800, 592],
    ]);
  });

  it('revises by adding a revision; the old one is superseded, never changed', async () => {
    const { dispatch } = await clinic();
    const [tenHz] = ok(await dispatch('protocols:list', {}));
    if (!tenHz) throw new Error('no protocol');
    const { id, lineageId: _l, revision: _r, status: _s, createdByName: _c, createdAt: _a, dose: _d, safetyOverrideReason: _o, ...fields } = tenHz;
    const revised = ok(await dispatch('protocols:revise', { ...fields, safetyOverrideReason: '', actorId: 1, id, trains: 60 }, MON));
    expect(revised).toMatchObject({ lineageId: 1, revision: 2, trains: 60, status: 'current', dose: { totalPulses: 2400 } });
    const all = ok(await dispatch('protocols:list', { includeInactive: true }));
    expect(all.filter((p) => p.lineageId === 1).map((p) => [p.revision, p.status, p.trains])).toEqual([[2, 'current', 60], [1, 'superseded', 75]]);
    // The course prescribed from revision 1 keeps its copied parameters.
    expect(ok(await dispatch('courses:get', { id: 1 })).course.trains).toBe(75);
    const byTech = await dispatch('protocols:revise', { ...fields, safetyOverrideReason: '', actorId: 2, id: revised.id });
    expect(byTech).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('prescription', () => {
  it('copies the parameters into the course and records the authorization', async () => {
    const { dispatch, course } = await clinic();
    expect(course).toMatchObject({ status: 'planned', prescriberName: 'Dr. Maya Patel', trains: 75, dose: { totalPulses: 3000, durationS: 2224 }, authorizedSessions: 30 });
    const detail = ok(await dispatch('courses:get', { id: course.id }, MON));
    expect(detail.authorizations).toMatchObject([{ authorizedSessions: 30, reference: 'PA-1001', recordedByName: 'Dr. Maya Patel' }]);
    expect(detail.prescribedPctMso).toBe(72);
  });

  it('only a psychiatrist prescribes, one open course per patient', async () => {
    const { dispatch } = await clinic();
    expect(await dispatch('courses:prescribe', prescriptionInput({ actorId: 2 }))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch('courses:prescribe', prescriptionInput(), MON)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses impossible parameters and needs a reason beyond a published limit', async () => {
    const { dispatch } = await tempDatabase();
    ok(await dispatch('staff:createFirst', { name: 'Dr. P', username: 'p.x', role: 'psychiatrist', password: TEST_PASSWORD }, MON));
    ok(await dispatch('patients:create', patientInput(), MON));
    const tbs = await dispatch('courses:prescribe', prescriptionInput({ pattern: 'theta_burst', frequencyHz: 20, burstFrequencyHz: 5, pulsesPerBurst: 5, trainDurationS: 2 }));
    expect(tbs).toMatchObject({ ok: false, error: { fields: { pulsesPerBurst: expect.stringMatching(/do not fit/) } } });
    const zero = await dispatch('courses:prescribe', prescriptionInput({ trains: 0, frequencyHz: -1 }));
    expect(zero).toMatchObject({ ok: false, error: { fields: { trains: 'Trains must be more than 0', frequencyHz: 'Frequency must be more than 0' } } });
    const chen = { frequencyHz: 20, trainDurationS: 1.6, interTrainIntervalS: 1, intensityPctMt: 110 };
    const warned = await dispatch('courses:prescribe', prescriptionInput(chen));
    expect(warned).toMatchObject({ ok: false, error: { fields: { interTrainIntervalS: expect.stringMatching(/Chen 1997/), safetyOverrideReason: expect.any(String) } } });
    const overridden = ok(await dispatch('courses:prescribe', prescriptionInput({ ...chen, safetyOverrideReason: 'Research protocol, IRB 2026-14' }), MON));
    expect(overridden.safetyOverrideReason).toBe('Research protocol, IRB 2026-14');
  });
});

describe('sessions', () => {
  it('prepares a routine session from the prescription at the current MT, then from the previous session', async () => {
    const { dispatch } = await clinic();
    const first = ok(await dispatch('sessions:prepare', { courseId: 1 }, day('2026-03-02')));
    expect(first).toMatchObject({
      sessionNumber: 1,
      basedOn: 'prescription',
      values: { sessionDate: '2026-03-02', intensityPctMt: 120, intensityPctMso: 72, trainsDelivered: 75, pulsesDelivered: 3000, motorThresholdId: 1, coilAngleDeg: 45, positionMethod: 'five_cm', fiveCmDistanceCm: null },
    });
    const saved = ok(await routineSession(dispatch, day('2026-03-02'), { positionMethod: 'beam_f3', beamTragusToTragusCm: 36, beamNasionToInionCm: 38, beamCircumferenceCm: 60, landmarks: 'Mark 2 cm lateral' }));
    expect(saved).toMatchObject({ sessionNumber: 1, technicianName: 'Sam Okafor', partial: false, positionSummary: 'Beam F3 X 6.95 cm, Y 9.79 cm; 45°; Mark 2 cm lateral' });
    const second = ok(await dispatch('sessions:prepare', { courseId: 1 }, day('2026-03-03')));
    expect(second).toMatchObject({ sessionNumber: 2, basedOn: 'previous_session', previousSessionDate: '2026-03-02', values: { positionMethod: 'beam_f3', beamCircumferenceCm: 60, landmarks: 'Mark 2 cm lateral' } });
    const detail = ok(await dispatch('courses:get', { id: 1 }, day('2026-03-02')));
    expect(detail.course.status).toBe('active');
    expect(detail.progress).toMatchObject({ sessionsDone: 1, cumulativePulses: 3000, authorizedRemaining: 29 });
  });

  it('needs a psychiatrist for a second session the same day; refuses a future date and one before the start', async () => {
    const { dispatch } = await clinic();
    ok(await routineSession(dispatch, day('2026-03-02')));
    expect(await routineSession(dispatch, day('2026-03-02', '15:00:00'))).toMatchObject({
      ok: false,
      error: { code: 'cosign_required', fields: { sessionDate: 'This would be session 2 on 2 Mar 2026; the course prescribes 1 a day.' } },
    });
    expect(await routineSession(dispatch, day('2026-03-03'), { sessionDate: '2026-03-09' })).toMatchObject({ ok: false, error: { fields: { sessionDate: 'A session cannot be logged ahead of time: this date is in the future.' } } });
    expect(await routineSession(dispatch, day('2026-03-03'), { sessionDate: '2026-02-27' })).toMatchObject({ ok: false, error: { fields: { sessionDate: 'The session is dated before the course starts (2 Mar 2026).' } } });
  });

  it('needs a psychiatrist override above the prescription and stores it', async () => {
    const { dispatch, db } = await clinic();
    const over = await routineSession(dispatch, day('2026-03-02'), { intensityPctMt: 125, intensityPctMso: 75 });
    expect(over).toMatchObject({
      ok: false,
      error: { code: 'cosign_required', fields: { intensityPctMt: '125% MT is above the prescribed 120% MT.', cosign: expect.any(String), overrideReason: expect.any(String) } },
    });
    expect(await db.selectFrom('treatment_sessions').selectAll().execute()).toEqual([]);
    // A technician cannot co-sign, even with their own correct password.
    const byTech = await routineSession(dispatch, day('2026-03-02'), { intensityPctMt: 125, intensityPctMso: 75, overrideReason: 'Patient tolerated well', cosign: { username: 'sam.okafor', password: TEST_PASSWORD } });
    expect(byTech).toMatchObject({ ok: false, error: { code: 'forbidden', fields: { 'cosign.username': expect.any(String) } } });
    const wrong = await routineSession(dispatch, day('2026-03-02'), { intensityPctMt: 125, intensityPctMso: 75, overrideReason: 'MT drift, phone order', cosign: { username: 'maya.patel', password: 'not it' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'cosign.password': expect.any(String) } } });
    const saved = ok(await routineSession(dispatch, day('2026-03-02'), { intensityPctMt: 125, intensityPctMso: 75, overrideReason: 'MT drift, phone order', cosign: { username: 'maya.patel', password: TEST_PASSWORD } }));
    expect(saved).toMatchObject({ technicianName: 'Sam Okafor', overrideByName: 'Dr. Maya Patel', overrideReason: 'MT drift, phone order' });
    const audit = ok(await dispatch('audit:list', { entity: 'session', entityId: saved.id }, { now: new Date(), staffId: 1 }));
    expect(audit.map((a) => [a.action, a.staffName])).toEqual([['cosign', 'Dr. Maya Patel'], ['create', 'Sam Okafor']]);
  });

  it('refuses more than 100% MSO and more pulses than the trains hold; allows and shows partial sessions', async () => {
    const { dispatch } = await clinic();
    expect(await routineSession(dispatch, day('2026-03-02'), { intensityPctMso: 101 })).toMatchObject({ ok: false, error: { fields: { intensityPctMso: 'Machine output (% MSO) must be at most 100' } } });
    expect(await routineSession(dispatch, day('2026-03-02'), { trainsDelivered: 30, pulsesDelivered: 3000 })).toMatchObject({ ok: false, error: { fields: { pulsesDelivered: '30 trains of 40 pulses hold at most 1200.' } } });
    const partial = ok(await routineSession(dispatch, day('2026-03-02'), {
      trainsDelivered: 30, pulsesDelivered: 1200, interruptions: [{ afterTrain: 30, reason: 'Headache, patient asked to stop' }], sideEffects: [{ effect: 'headache', severity: 'moderate' }],
    }));
    expect(partial).toMatchObject({ partial: true, interruptions: 1, sideEffectsSummary: 'Headache (moderate)' });
    expect(ok(await dispatch('courses:get', { id: 1 }, day('2026-03-02'))).progress).toMatchObject({ partialSessions: 1, cumulativePulses: 1200 });
  });

  it('flags the course for review on a serious adverse event; a psychiatrist clears it with a note', async () => {
    const { dispatch } = await clinic();
    ok(await routineSession(dispatch, day('2026-03-02'), { adverseEvents: [{ event: 'syncope', description: 'Fainted after train 40' }], trainsDelivered: 40, pulsesDelivered: 1600 }));
    const detail = ok(await dispatch('courses:get', { id: 1 }, day('2026-03-02')));
    expect(detail.course).toMatchObject({ reviewRequired: true, reviewReason: 'Syncope in session 1 on 2 Mar 2026' });
    expect(detail.flags.map((f) => f.kind)).toContain('review_required');
    expect(ok(await dispatch('sessions:today', { date: '2026-03-03' }))[0]).toMatchObject({ reviewRequired: true });
    expect(await dispatch('courses:clearReview', { actorId: 2, courseId: 1, version: detail.course.version, note: 'ok' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const cleared = ok(await dispatch('courses:clearReview', { actorId: 1, courseId: 1, version: detail.course.version, note: 'Vasovagal; continue with snack beforehand' }, day('2026-03-02')));
    expect(cleared.reviewRequired).toBe(false);
  });

  it('corrects a session through the audit log, keeping what it said before', async () => {
    const { dispatch } = await clinic();
    const saved = ok(await routineSession(dispatch, day('2026-03-02')));
    const noReason = await dispatch('sessions:correct', { ...saved.fields, actorId: 1, id: saved.id, version: saved.version, correctionReason: '', coilAngleDeg: 40 });
    expect(noReason).toMatchObject({ ok: false, error: { fields: { correctionReason: 'Reason for the correction is required' } } });
    const corrected = ok(await dispatch('sessions:correct', { ...saved.fields, actorId: 1, id: saved.id, version: saved.version, correctionReason: 'Angle misread', coilAngleDeg: 40 }, day('2026-03-02', '11:00:00')));
    expect(corrected).toMatchObject({ sessionNumber: 1, version: 1, fields: { coilAngleDeg: 40 } });
    const [entry] = ok(await dispatch('audit:list', { entity: 'session', entityId: saved.id }));
    expect(entry).toMatchObject({ action: 'correct', staffName: 'Dr. Maya Patel', reason: 'Angle misread', before: { coilAngleDeg: 45 }, after: { coilAngleDeg: 40 } });
    const stale = await dispatch('sessions:correct', { ...saved.fields, actorId: 1, id: saved.id, version: 0, correctionReason: 'Again', coilAngleDeg: 30 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^Session 1 was changed by Dr\. Maya Patel at 2 Mar 2026, 11:00, after you opened it\. Nothing was saved/) } });
  });

  it('refuses an edit of a course changed since it was opened, naming who changed it and when (a first session changes the course too)', async () => {
    const { dispatch, course } = await clinic();
    ok(await routineSession(dispatch, day('2026-03-02', '10:15:00')));
    const stale = await dispatch('courses:setPlannedTime', { actorId: 1, courseId: course.id, version: course.version, plannedTime: '09:00' }, day('2026-03-02', '12:00:00'));
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^This course was changed by Sam Okafor at 2 Mar 2026, 10:15, after you opened it\./) } });
    const current = ok(await dispatch('courses:get', { id: course.id }, day('2026-03-02', '12:00:00')));
    expect(current.course.plannedTime).toBeNull();
  });
});

describe('motor threshold and authorization', () => {
  it('a new MT changes the next session’s %MSO; an old or visual one is flagged', async () => {
    const { dispatch } = await clinic();
    ok(await dispatch('motorThresholds:record', { actorId: 1, courseId: 1, measuredOn: '2026-03-09', rmtPctMso: 65, method: 'visual', coil: 'Figure-8', measuredById: 1, notes: 'After lorazepam stopped' }, day('2026-03-09')));
    const prepared = ok(await dispatch('sessions:prepare', { courseId: 1 }, day('2026-03-09')));
    expect(prepared.values).toMatchObject({ motorThresholdId: 2, intensityPctMso: 78 });
    const detail = ok(await dispatch('courses:get', { id: 1 }, day('2026-03-18')));
    expect(detail.currentMt).toMatchObject({ rmtPctMso: 65, ageDays: 9, stale: true, visual: true });
    expect(detail.flags.map((f) => f.kind)).toEqual(['mt_stale', 'mt_visual']);
    expect(detail.motorThresholds.map((m) => m.rmtPctMso)).toEqual([65, 60]);
  });

  it('flags a threshold at which the prescription cannot be delivered', async () => {
    const { dispatch } = await clinic();
    ok(await dispatch('motorThresholds:record', { actorId: 1, courseId: 1, measuredOn: '2026-03-03', rmtPctMso: 90, method: 'emg', coil: 'Figure-8', measuredById: 1, notes: '' }, day('2026-03-03')));
    const detail = ok(await dispatch('courses:get', { id: 1 }, day('2026-03-03')));
    expect(detail.prescribedPctMso).toBeNull();
    expect(detail.flags.map((f) => f.kind)).toContain('mt_undeliverable');
    expect(await routineSession(dispatch, day('2026-03-03'), { intensityPctMso: 100 })).toMatchObject({ ok: false, error: { fields: { intensityPctMt: expect.stringMatching(/cannot be delivered at the 90% MSO threshold/) } } });
  });

  it('keeps the history of authorizations; over-authorization is flagged', async () => {
    const { dispatch } = await clinic();
    const seen = ok(await dispatch('courses:get', { id: 1 }, MON)).course.version;
    ok(await dispatch('courses:authorize', { actorId: 1, courseId: 1, version: seen, authorizedSessions: 1, reference: 'PA-1001-R', note: 'Payer cut back' }, MON));
    // A second psychiatrist, whose dialog showed the course before that, is told who changed it.
    const stale = await dispatch('courses:authorize', { actorId: 1, courseId: 1, version: seen, authorizedSessions: 40, reference: 'PA-1001-X', note: '' }, MON);
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^This course was changed by Dr\. Maya Patel at /) } });
    ok(await routineSession(dispatch, day('2026-03-02')));
    ok(await routineSession(dispatch, day('2026-03-03')));
    const detail = ok(await dispatch('courses:get', { id: 1 }, day('2026-03-03')));
    expect(detail.authorizations.map((a) => a.authorizedSessions)).toEqual([1, 30]);
    expect(detail.flags).toContainEqual({ kind: 'over_authorization', message: '1 session(s) delivered beyond the 1 authorized.' });
  });
});

describe('today list and course end', () => {
  it('lists open courses with progress and MT age, the ones still to treat first', async () => {
    const { dispatch } = await clinic();
    ok(await dispatch('patients:create', patientInput({ mrn: 'MRN-0002', firstName: 'Alan', lastName: 'Turing' }), MON));
    ok(await dispatch('courses:prescribe', prescriptionInput({ patientId: 2, protocolId: 2, pattern: 'theta_burst', frequencyHz: 50, burstFrequencyHz: 5, pulsesPerBurst: 3, trainDurationS: 2, interTrainIntervalS: 8, trains: 20 }), MON));
    ok(await routineSession(dispatch, day('2026-03-02')));
    const list = ok(await dispatch('sessions:today', { date: '2026-03-02' }));
    expect(list.map((i) => [i.patientName, i.nextSessionNumber, i.sessionsToday, i.mt?.rmtPctMso ?? null])).toEqual([
      ['TURING, Alan', 1, 0, null],
      ['LOVELACE, Ada', 2, 1, 60],
    ]);
    expect(ok(await dispatch('sessions:today', { date: '2026-03-01' }))).toEqual([]);
  });

  it('completes or discontinues with a reason; no sessions after', async () => {
    const { dispatch } = await clinic();
    ok(await routineSession(dispatch, day('2026-03-02')));
    const { course } = ok(await dispatch('courses:get', { id: 1 }, MON));
    expect(await dispatch('courses:end', { actorId: 1, courseId: 1, version: course.version, status: 'discontinued', on: '2026-03-03', reason: '' })).toMatchObject({ ok: false, error: { fields: { reason: 'Say why the course is discontinued' } } });
    const ended = ok(await dispatch('courses:end', { actorId: 1, courseId: 1, version: course.version, status: 'discontinued', on: '2026-03-03', reason: 'Moved abroad' }, day('2026-03-03')));
    expect(ended).toMatchObject({ status: 'discontinued', endedOn: '2026-03-03', statusReason: 'Moved abroad' });
    expect(await routineSession(dispatch, day('2026-03-04'))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(ok(await dispatch('sessions:today', { date: '2026-03-04' }))).toEqual([]);
  });
});
