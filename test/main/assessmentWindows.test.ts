import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../src/main/ipc/dispatch';
import { patientInput, prescriptionInput } from '../support/fixtures';
import { ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';
import { readyToStart } from '../support/readyToStart';

// Local noon, never UTC: the clinic's calendar day (localIsoDate of ctx.now) is then the same in every time zone.
const day = (d: string) => ({ now: new Date(`${d}T12:00:00`) });

function answersFor(total: number): number[] {
  return Array.from({ length: 9 }, (_, i) => (i < 8 ? Math.max(0, Math.min(3, total - 3 * i)) : 0));
}

function phq9Input(patientId: number, assessedOn: string, total: number) {
  return { actorId: 1, patientId, assessedOn, answers: answersFor(total), difficulty: 'somewhat' as const, notes: '' };
}

async function phq9(dispatch: Dispatch, patientId: number, assessedOn: string, total: number, typedOn = assessedOn) {
  return ok(await dispatch('phq9:create', phq9Input(patientId, assessedOn, total), day(typedOn)));
}

async function clinic() {
  const env = await tempDatabase();
  ok(await env.dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, day('2025-01-01')));
  ok(await env.dispatch('staff:create', { actorId: 1, name: 'Sam Okafor', username: 'sam.okafor', role: 'technician' }, day('2025-01-01')));
  ok(await env.dispatch('patients:create', patientInput({ dateOfBirth: '1980-12-10' }), day('2025-01-01')));
  return env;
}

/** A course from `startDate` with an MT, and sessions logged on each date (`loggedOn` lets a session be typed later: back-dated). */
async function course(dispatch: Dispatch, startDate: string, sessions: Array<string | { date: string; loggedOn: string }>) {
  const c = ok(await dispatch('courses:prescribe', prescriptionInput({ startDate }), day(startDate)));
  await readyToStart(dispatch, c.id, day(startDate));
  ok(await dispatch('motorThresholds:record', { actorId: 1, courseId: c.id, measuredOn: startDate, rmtPctMso: 60, method: 'emg', coil: 'Figure-8', measuredById: 1, notes: '' }, day(startDate)));
  for (const s of sessions) {
    const { date, loggedOn } = typeof s === 'string' ? { date: s, loggedOn: s } : s;
    const prepared = ok(await dispatch('sessions:prepare', { courseId: c.id }, day(loggedOn)));
    ok(await dispatch('sessions:create', { ...prepared.values, sessionDate: date, fiveCmDistanceCm: 5, actorId: 1 }, day(loggedOn)));
  }
  return c;
}

async function end(dispatch: Dispatch, courseId: number, on: string) {
  const { course: c } = ok(await dispatch('courses:get', { id: courseId }, day(on)));
  ok(await dispatch('courses:end', { actorId: 1, courseId, version: c.version, status: 'completed', on, reason: '' }, day(on)));
}

const parts = (detail: { phq9: Array<{ assessedOn: string; total: number; part: string | null }> }) => detail.phq9.map((a) => [a.assessedOn, a.total, a.part]);

describe('issue 11: which assessments measure a course', () => {
  it('takes the first session by date everywhere: after a back-dated session, course view, dashboard and report agree', async () => {
    const { dispatch } = await clinic();
    await phq9(dispatch, 1, '2026-02-27', 20);
    // Session 1 is logged for 10 March; session 2 is typed on 11 March for 2 March (back-dated).
    const c = await course(dispatch, '2026-03-02', ['2026-03-10', { date: '2026-03-02', loggedOn: '2026-03-11' }, '2026-03-20']);
    await phq9(dispatch, 1, '2026-03-09', 9);
    await phq9(dispatch, 1, '2026-03-20', 12);
    const at = day('2026-03-21');
    const detail = ok(await dispatch('courses:get', { id: c.id }, at));
    // Listed and numbered by date: the back-dated session is session 1.
    expect(detail.sessions.map((s) => [s.sessionNumber, s.sessionDate])).toEqual([[1, '2026-03-02'], [2, '2026-03-10'], [3, '2026-03-20']]);
    expect(detail.firstSessionDate).toBe('2026-03-02');
    // Was: course view "baseline 9 → 12, worse"; dashboard "20 → 12, −40%".
    expect(detail.outcome).toMatchObject({ baseline: { total: 20, assessedOn: '2026-02-27' }, endOfTreatment: { total: 12 }, change: -8, percentChange: -40 });
    expect(detail.flags.map((f) => f.kind)).not.toContain('worsening');
    const [row] = ok(await dispatch('dashboard:courses', {}, at)).rows;
    expect(row).toMatchObject({ baseline: 20, endOfTreatment: 12, change: -8, percentChange: -40 });
    const report = ok(await dispatch('reports:data', { courseId: c.id }, at));
    expect(report.detail.outcome).toEqual(detail.outcome);
    expect(parts(report.detail)).toEqual([['2026-02-27', 20, 'baseline'], ['2026-03-09', 9, 'during'], ['2026-03-20', 12, 'end_of_treatment']]);
  });

  it('makes a PHQ-9 typed before the prescription the baseline (it belonged to no course)', async () => {
    const { dispatch } = await clinic();
    await phq9(dispatch, 1, '2026-02-20', 18);
    const c = await course(dispatch, '2026-03-02', ['2026-03-02', '2026-03-09']);
    await phq9(dispatch, 1, '2026-03-09', 8);
    const detail = ok(await dispatch('courses:get', { id: c.id }, day('2026-03-10')));
    expect(detail.outcome).toMatchObject({ baseline: { total: 18, assessedOn: '2026-02-20' }, endOfTreatment: { total: 8 }, response: true, rated: true });
  });

  it('never makes a year-old score a new course baseline: the baseline is still due', async () => {
    const { dispatch } = await clinic();
    const first = await course(dispatch, '2025-01-06', ['2025-01-06']);
    await phq9(dispatch, 1, '2025-01-06', 21);
    await end(dispatch, first.id, '2025-02-14');
    const c = await course(dispatch, '2026-03-02', []);
    expect(ok(await dispatch('sessions:today', { date: '2026-03-02' }, day('2026-03-02'))).find((i) => i.courseId === c.id)?.assessmentsDue).toEqual([{ scale: 'phq9', status: 'due', what: 'baseline', lastOn: '2025-01-06' }]);
    const prepared = ok(await dispatch('sessions:prepare', { courseId: c.id }, day('2026-03-02')));
    ok(await dispatch('sessions:create', { ...prepared.values, fiveCmDistanceCm: 5, actorId: 1 }, day('2026-03-02')));
    await phq9(dispatch, 1, '2026-03-09', 15);
    const detail = ok(await dispatch('courses:get', { id: c.id }, day('2026-03-10')));
    expect(detail.outcome).toBeNull();
    expect(parts(detail)).toEqual([['2026-03-09', 15, 'end_of_treatment']]);
    // The old course still shows its score as its baseline; the new one is a follow-up of it.
    expect(parts(ok(await dispatch('courses:get', { id: first.id }, day('2026-03-10'))))).toEqual([['2025-01-06', 21, 'baseline'], ['2026-03-09', 15, 'follow_up']]);
  });

  it('keeps the end-of-treatment score when a relapse score comes months later: a follow-up, and the next course baseline', async () => {
    const { dispatch, db } = await clinic();
    const first = await course(dispatch, '2026-03-02', ['2026-03-02', '2026-03-09', '2026-03-16']);
    await phq9(dispatch, 1, '2026-03-02', 20);
    await phq9(dispatch, 1, '2026-03-23', 6); // 7 days after the last session: still the end of treatment
    await phq9(dispatch, 1, '2026-03-24', 7); // 8 days after: a follow-up
    await end(dispatch, first.id, '2026-03-24');
    await phq9(dispatch, 1, '2026-06-20', 22); // relapse, three months later
    const before = ok(await dispatch('courses:get', { id: first.id }, day('2026-06-21')));
    expect(before.outcome).toMatchObject({ baseline: { total: 20 }, endOfTreatment: { total: 6, assessedOn: '2026-03-23' }, response: true, remission: false });
    expect(parts(before)).toEqual([['2026-03-02', 20, 'baseline'], ['2026-03-23', 6, 'end_of_treatment'], ['2026-03-24', 7, 'follow_up'], ['2026-06-20', 22, 'follow_up']]);

    // The dashboard kept its rows; the relapse patient's next course must refresh both of theirs.
    const readCourses = async () => ok(await dispatch('dashboard:courses', {}, day('2026-06-26'))).rows;
    await readCourses();
    const second = await course(dispatch, '2026-06-25', ['2026-06-25']);
    const rows = await readCourses();
    expect(rows.find((r) => r.courseId === second.id)).toMatchObject({ baseline: 22, endOfTreatment: null });
    expect(rows.find((r) => r.courseId === first.id)).toMatchObject({ baseline: 20, endOfTreatment: 6, response: true });
    await phq9(dispatch, 1, '2026-06-26', 11, '2026-06-26');
    const after = await readCourses();
    expect(after.find((r) => r.courseId === second.id)).toMatchObject({ baseline: 22, endOfTreatment: 11, response: true });
    const revisions = await db.selectFrom('course_progress').select(['course_id', 'revision']).orderBy('course_id').execute();
    expect(revisions.every((r) => r.revision > 0)).toBe(true);
    // The same PHQ-9 on the first course: one more follow-up; its outcome never moves.
    expect(ok(await dispatch('courses:get', { id: first.id }, day('2026-06-27'))).outcome).toMatchObject({ endOfTreatment: { total: 6 } });
  });

  it('refuses a second PHQ-9 for the same patient on the same day, naming the first; an entered-in-error one does not count', async () => {
    const { dispatch, db } = await clinic();
    await course(dispatch, '2026-03-02', ['2026-03-02']);
    const first = ok(await dispatch('phq9:create', { ...phq9Input(1, '2026-03-02', 20), actorId: 2 }, day('2026-03-02')));
    const again = await dispatch('phq9:create', phq9Input(1, '2026-03-02', 20), day('2026-03-02'));
    const message = 'A PHQ-9 is already recorded for 2 Mar 2026 (total 20, entered by Sam Okafor): one PHQ-9 per patient per day. If that one is wrong, mark it entered in error first.';
    expect(again).toEqual({ ok: false, error: { code: 'invalid_input', message, fields: { assessedOn: message } } });
    expect(await db.selectFrom('assessments').select('id').execute()).toHaveLength(1);
    const detail = ok(await dispatch('courses:get', { id: 1 }, day('2026-03-03')));
    expect(detail.phq9.filter((a) => a.part === 'baseline')).toHaveLength(1);
    ok(await dispatch('phq9:markEnteredInError', { actorId: 1, assessmentId: first.id, reason: 'Answers keyed for another patient' }, day('2026-03-02')));
    const corrected = ok(await dispatch('phq9:create', phq9Input(1, '2026-03-02', 17), day('2026-03-02')));
    expect(ok(await dispatch('courses:get', { id: 1 }, day('2026-03-03'))).phq9.map((a) => [a.id, a.part])).toEqual([[first.id, null], [corrected.id, 'baseline']]);
  });

  it('refuses a date before the patient was born or after today (the clinic day from the call time), next to the date field', async () => {
    const { dispatch, db } = await clinic();
    expect(await dispatch('phq9:create', phq9Input(1, '1980-12-09', 10), day('2026-03-02'))).toMatchObject({
      ok: false, error: { code: 'invalid_input', fields: { assessedOn: "This date is before the patient's date of birth (10 Dec 1980)." } },
    });
    // The machine's clock says today is later than 2026-03-02; the call's time is what counts.
    expect(await dispatch('phq9:create', phq9Input(1, '2026-03-03', 10), day('2026-03-02'))).toMatchObject({
      ok: false, error: { code: 'invalid_input', fields: { assessedOn: 'This date is in the future (today is 2 Mar 2026).' } },
    });
    // Just after midnight and just before it, local time: still that day.
    ok(await dispatch('phq9:create', phq9Input(1, '2026-03-02', 10), { now: new Date('2026-03-02T00:00:01') }));
    ok(await dispatch('phq9:create', phq9Input(1, '2026-03-03', 10), { now: new Date('2026-03-03T23:59:59') }));
    ok(await dispatch('phq9:create', phq9Input(1, '1980-12-10', 10), day('2026-03-04')));
    expect(await db.selectFrom('assessments').select('assessed_on').orderBy('assessed_on').execute()).toEqual([
      { assessed_on: '1980-12-10' }, { assessed_on: '2026-03-02' }, { assessed_on: '2026-03-03' },
    ]);
  });

  it('says "not rated" below a baseline of 10 and leaves such courses out of the rates', async () => {
    const { dispatch } = await clinic();
    const c = await course(dispatch, '2026-03-02', ['2026-03-02', '2026-03-09']);
    await phq9(dispatch, 1, '2026-03-02', 9);
    await phq9(dispatch, 1, '2026-03-09', 2);
    await end(dispatch, c.id, '2026-03-10');
    expect(ok(await dispatch('courses:get', { id: c.id }, day('2026-03-10'))).outcome).toMatchObject({ baseline: { total: 9 }, rated: false });
    expect(ok(await dispatch('dashboard:courses', {}, day('2026-03-10'))).rows[0]).toMatchObject({ rated: false, response: null, remission: null });
    const cohort = ok(await dispatch('dashboard:cohort', {}, day('2026-03-10')));
    expect([cohort.completers.n, cohort.intentionToTreat.n]).toEqual([0, 0]);
  });
});
