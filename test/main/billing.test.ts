import { describe, expect, it } from 'vitest';
import { seedDemoCourse } from '../../tools/seed/demoCourse';
import { patientInput, prescriptionInput } from '../support/fixtures';
import { at, ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';
import { readyToStart } from '../support/readyToStart';

// Clinic-local wall-clock times (no Z), as the services read them.
const when = (d: string, time: string) => at(`${d}T${time}`);

describe('billing codes in the course report', () => {
  it('a 36-session course with one re-determination bills 36 codes (90867 + 34 × 90868 + 90869), not 37', async () => {
    const { rawDispatch } = await tempDatabase();
    const { courseId, psychiatristId } = await seedDemoCourse(rawDispatch);
    const report = ok(await rawDispatch('reports:data', { courseId }, { now: new Date('2026-05-01T10:00:00'), staffId: psychiatristId }));
    expect(report.detail.sessions).toHaveLength(36);
    // One threshold before the first session, one re-determined on a later session day.
    const first = report.detail.firstSessionDate ?? '';
    expect(report.detail.motorThresholds.filter((m) => m.measuredOn > first)).toHaveLength(1);
    expect(report.billing).toEqual({
      scheme: 'per_session',
      codes: { '90867': 1, '90868': 34, '90869': 1, '0890T': 1, '0891T': 34, '0892T': 1, unbilledRedeterminations: 0 },
    });
    const { '90867': a, '90868': b, '90869': c } = report.billing.codes;
    expect(a + b + c).toBe(report.detail.sessions.length);
  });

  it('an SNT course (copied from the seeded SNT protocol) is billed per treatment day; a re-determination with no session that day is unbilled', async () => {
    const { dispatch } = await tempDatabase();
    const mon = when('2026-03-02', '07:30:00');
    ok(await dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, mon));
    ok(await dispatch('patients:create', patientInput(), mon));
    const protocols = ok(await dispatch('protocols:list', {}, mon));
    expect(protocols.map((p) => [p.name, p.billingScheme])).toEqual([
      ['10 Hz rTMS, left DLPFC (FDA-cleared)', 'per_session'],
      ['iTBS, left DLPFC', 'per_session'],
      ['Deep TMS, H1 coil, left DLPFC', 'per_session'],
      ['1 Hz rTMS, right DLPFC', 'per_session'],
      ['Accelerated iTBS (SNT), left DLPFC', 'snt_per_day'],
    ]);
    const snt = protocols[4];
    if (!snt) throw new Error('no SNT protocol');
    const course = ok(await dispatch('courses:prescribe', prescriptionInput({
      protocolId: snt.id, target: snt.target, coil: snt.coil, pattern: snt.pattern, intensityPctMt: snt.intensityPctMt, frequencyHz: snt.frequencyHz,
      burstFrequencyHz: snt.burstFrequencyHz, pulsesPerBurst: snt.pulsesPerBurst, trainDurationS: snt.trainDurationS,
      interTrainIntervalS: snt.interTrainIntervalS, trains: snt.trains, sessionsPerDay: 10, plannedSessions: 50, authorizedSessions: 50,
    }), mon));
    await readyToStart(dispatch, course.id, mon);
    expect(course.billingScheme).toBe('snt_per_day');
    ok(await dispatch('motorThresholds:record', { courseId: course.id, measuredOn: '2026-03-02', rmtPctMso: 60, method: 'emg', coil: snt.coil, measuredById: 1, notes: '' }, mon));

    const logDay = async (day: string, sessions: number) => {
      for (let i = 0; i < sessions; i++) {
        const time = when(day, `${String(8 + i).padStart(2, '0')}:00:00`);
        const prepared = ok(await dispatch('sessions:prepare', { courseId: course.id }, time));
        ok(await dispatch('sessions:create', { ...prepared.values, fiveCmDistanceCm: prepared.values.fiveCmDistanceCm ?? 5 }, time));
      }
    };
    await logDay('2026-03-02', 10);
    await logDay('2026-03-03', 10);
    // Re-determined on Wednesday, before that day's sessions; and on Thursday, a day without any.
    ok(await dispatch('motorThresholds:record', { courseId: course.id, measuredOn: '2026-03-04', rmtPctMso: 62, method: 'emg', coil: snt.coil, measuredById: 1, notes: '' }, when('2026-03-04', '07:30:00')));
    await logDay('2026-03-04', 10);
    ok(await dispatch('motorThresholds:record', { courseId: course.id, measuredOn: '2026-03-05', rmtPctMso: 62, method: 'emg', coil: snt.coil, measuredById: 1, notes: '' }, when('2026-03-05', '07:30:00')));

    const report = ok(await dispatch('reports:data', { courseId: course.id }, when('2026-03-05', '18:00:00')));
    expect(report.detail.sessions).toHaveLength(30);
    expect(report.billing).toEqual({
      scheme: 'snt_per_day',
      codes: { '90867': 1, '90868': 28, '90869': 1, '0890T': 1, '0891T': 1, '0892T': 1, unbilledRedeterminations: 1 },
    });
  });

  it('a protocol\'s billing scheme is kept by its revisions and copied into courses; a new protocol is per session unless chosen', async () => {
    const { dispatch } = await tempDatabase();
    const mon = when('2026-03-02', '09:00:00');
    ok(await dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, mon));
    const [tenHz] = ok(await dispatch('protocols:list', {}, mon));
    if (!tenHz) throw new Error('no protocol');
    const { id, lineageId: _l, revision: _r, status: _s, createdByName: _c, createdAt: _a, dose: _d, safetyOverrideReason: _o, billingScheme: _b, ...fields } = tenHz;
    const created = ok(await dispatch('protocols:create', { ...fields, name: 'Clinic 10 Hz', safetyOverrideReason: '' }, mon));
    expect(created.billingScheme).toBe('per_session');
    const revised = ok(await dispatch('protocols:revise', { ...fields, id, safetyOverrideReason: '', billingScheme: 'snt_per_day' }, mon));
    expect(revised).toMatchObject({ revision: 2, billingScheme: 'snt_per_day' });
    const bad = await dispatch('protocols:create', { ...fields, name: 'X', safetyOverrideReason: '', billingScheme: 'per_week' }, mon);
    expect(bad).toMatchObject({ ok: false, error: { fields: { billingScheme: expect.any(String) } } });
  });
});
