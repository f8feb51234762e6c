import { describe, expect, it } from 'vitest';
import { meanWithCi, wilsonInterval } from '../../src/shared/clinical';
import type { Dispatch } from '../../src/main/ipc/dispatch';
import { patientInput, prescriptionInput } from '../support/fixtures';
import { at, ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';
import { readyToStart } from '../support/readyToStart';

// Local times: the clinic's calendar day (from the call's time) is then the same in every time zone.
const T0 = at('2026-03-01T09:00:00');
const day = (d: string) => at(`${d}T12:00:00`);

/** Answers that add up to `total`, with item 9 as given. */
function answersFor(total: number, item9 = 0): number[] {
  const answers = Array<number>(9).fill(0);
  answers[8] = item9;
  let left = total - item9;
  for (let i = 0; i < 8 && left > 0; i++) {
    answers[i] = Math.min(3, left);
    left -= answers[i] ?? 0;
  }
  return answers;
}

async function phq9(dispatch: Dispatch, patientId: number, date: string, total: number, item9 = 0) {
  return ok(await dispatch('phq9:create', { actorId: 1, patientId, assessedOn: date, answers: answersFor(total, item9), difficulty: 'somewhat', notes: '' }, day(date)));
}

/** A patient with a course on `protocolId`, MT 60, sessions on the given dates. */
async function treat(dispatch: Dispatch, patientId: number, mrn: string, protocol: { id: number; overrides?: object }, sessionDates: string[]) {
  ok(await dispatch('patients:create', patientInput({ mrn, lastName: `Patient${patientId}` }), T0));
  const course = ok(await dispatch('courses:prescribe', prescriptionInput({ patientId, protocolId: protocol.id, startDate: '2026-03-02', ...protocol.overrides }), T0));
  await readyToStart(dispatch, course.id, T0);
  ok(await dispatch('motorThresholds:record', { actorId: 1, courseId: course.id, measuredOn: '2026-03-01', rmtPctMso: 60, method: 'emg', coil: 'Figure-8', measuredById: 1, notes: '' }, T0));
  for (const d of sessionDates) {
    const prepared = ok(await dispatch('sessions:prepare', { courseId: course.id }, day(d)));
    ok(await dispatch('sessions:create', { ...prepared.values, fiveCmDistanceCm: 5, actorId: 1 }, day(d)));
  }
  return course;
}

async function clinic() {
  const env = await tempDatabase();
  ok(await env.dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, T0));
  return env;
}

describe('PHQ-9 entry', () => {
  it('scores a complete form; it is the patient\'s, linked to courses by date, not to the course open when typed', async () => {
    const { dispatch } = await clinic();
    await treat(dispatch, 1, 'M1', { id: 1 }, []);
    const a = ok(await dispatch('phq9:create', { actorId: 1, patientId: 1, assessedOn: '2026-03-01', answers: [3, 3, 2, 2, 1, 1, 2, 1, 0], difficulty: 'very', notes: '' }, T0));
    expect(a).toMatchObject({ total: 15, severity: 'moderately_severe', item9Positive: false, patientId: 1, enteredByName: 'Dr. Maya Patel' });
    expect(a).not.toHaveProperty('courseId');
  });

  it('refuses an incomplete form, naming the missing items, and stores nothing', async () => {
    const { dispatch, db } = await clinic();
    ok(await dispatch('patients:create', patientInput(), T0));
    const r = await dispatch('phq9:create', { actorId: 1, patientId: 1, assessedOn: '2026-03-01', answers: [1, null, 2, 0, null, 1, 1, 1, null], difficulty: null, notes: '' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { answers: 'Incomplete: answer items 2, 5 and 9. An incomplete PHQ-9 is not scored.', 'answers.1': 'Answer item 2', 'answers.8': 'Answer item 9' } },
    });
    expect(await db.selectFrom('assessments').selectAll().execute()).toEqual([]);
  });

  it('raises an item-9 alert that stays listed until a named staff member acknowledges it', async () => {
    const { dispatch } = await clinic();
    await treat(dispatch, 1, 'M1', { id: 1 }, []);
    const a = await phq9(dispatch, 1, '2026-03-01', 6, 1);
    expect(a.item9Positive).toBe(true);
    expect(ok(await dispatch('phq9:openAlerts', {})).map((x) => [x.mrn, x.assessment.id])).toEqual([['M1', a.id]]);
    expect(ok(await dispatch('courses:get', { id: 1 }, T0)).flags.map((f) => f.kind)).toContain('item9_open');
    expect(ok(await dispatch('sessions:today', { date: '2026-03-02' }))[0]?.item9Open).toBe(true);
    expect(await dispatch('phq9:acknowledge', { actorId: 1, assessmentId: a.id, actionTaken: '' })).toMatchObject({ ok: false, error: { fields: { actionTaken: expect.any(String) } } });
    const acked = ok(await dispatch('phq9:acknowledge', { actorId: 1, assessmentId: a.id, actionTaken: 'Safety plan reviewed with patient; no intent' }, day('2026-03-01')));
    expect(acked.acknowledgement).toEqual({ byName: 'Dr. Maya Patel', at: new Date('2026-03-01T12:00:00').toISOString(), actionTaken: 'Safety plan reviewed with patient; no intent' });
    expect(ok(await dispatch('phq9:openAlerts', {}))).toEqual([]);
    expect(await dispatch('phq9:acknowledge', { actorId: 1, assessmentId: a.id, actionTaken: 'again' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const [entry] = ok(await dispatch('audit:list', { entity: 'phq9', entityId: a.id }));
    expect(entry).toMatchObject({ action: 'acknowledge', staffName: 'Dr. Maya Patel' });
  });

  it('shows when a weekly PHQ-9 is due on the today list', async () => {
    const { dispatch } = await clinic();
    await treat(dispatch, 1, 'M1', { id: 1 }, []);
    const due = async (d: string) => {
      const phq9 = ok(await dispatch('sessions:today', { date: d }))[0]?.assessmentsDue.find((a) => a.scale === 'phq9');
      return phq9 ? `${phq9.status} ${phq9.what}` : null;
    };
    expect(await due('2026-03-02')).toBe('due baseline');
    await phq9(dispatch, 1, '2026-03-02', 20);
    expect(await due('2026-03-02')).toBeNull();
    const prepared = ok(await dispatch('sessions:prepare', { courseId: 1 }, day('2026-03-02')));
    ok(await dispatch('sessions:create', { ...prepared.values, fiveCmDistanceCm: 5, actorId: 1 }, day('2026-03-02')));
    expect(await due('2026-03-08')).toBeNull();
    expect(await due('2026-03-09')).toBe('due weekly');
    expect(await due('2026-03-12')).toBe('overdue weekly');
  });
});

describe('outcome and dashboard', () => {
  async function cohortClinic() {
    const env = await clinic();
    const { dispatch } = env;
    const itbs = { id: 2, overrides: { pattern: 'theta_burst', frequencyHz: 50, burstFrequencyHz: 5, pulsesPerBurst: 3, trainDurationS: 2, interTrainIntervalS: 8, trains: 20 } } as const;
    // Weekly sessions keep every PHQ-9 below within 7 days of the last session (during treatment).
    const weekly = ['2026-03-02', '2026-03-09', '2026-03-16'];
    // Course 1 (10 Hz): 20 → 16 → 9: responder, not remitter.
    await treat(dispatch, 1, 'M1', { id: 1 }, weekly);
    await phq9(dispatch, 1, '2026-03-02', 20);
    await phq9(dispatch, 1, '2026-03-09', 16);
    await phq9(dispatch, 1, '2026-03-16', 9);
    // Course 2 (10 Hz): 14 → 12 → 4: responder and remitter.
    await treat(dispatch, 2, 'M2', { id: 1 }, weekly);
    await phq9(dispatch, 2, '2026-03-01', 14);
    await phq9(dispatch, 2, '2026-03-10', 12);
    await phq9(dispatch, 2, '2026-03-17', 4);
    // Course 3 (iTBS): 12 → 18: worse by 6, item 9 open.
    await treat(dispatch, 3, 'M3', itbs, weekly);
    await phq9(dispatch, 3, '2026-03-02', 12);
    await phq9(dispatch, 3, '2026-03-09', 18, 1);
    // Course 4 (iTBS): baseline 8 (mild) → 2: excluded from the cohort figures.
    await treat(dispatch, 4, 'M4', itbs, weekly);
    await phq9(dispatch, 4, '2026-03-02', 8);
    await phq9(dispatch, 4, '2026-03-09', 2);
    // Course 5: no sessions yet, no outcome.
    await treat(dispatch, 5, 'M5', { id: 1 }, []);
    // Course 6 (10 Hz): baseline 22, one session, no later PHQ-9, discontinued.
    await treat(dispatch, 6, 'M6', { id: 1 }, ['2026-03-02']);
    await phq9(dispatch, 6, '2026-03-02', 22);
    return env;
  }

  /** Ends courses 1, 2 and 4 as completed, 3 and 6 as discontinued. */
  async function endCourses(dispatch: Dispatch) {
    for (const [id, status] of [[1, 'completed'], [2, 'completed'], [4, 'completed'], [3, 'discontinued'], [6, 'discontinued']] as const) {
      const { course } = ok(await dispatch('courses:get', { id }, day('2026-03-20')));
      ok(await dispatch('courses:end', { actorId: 1, courseId: id, version: course.version, status, on: '2026-03-20', reason: status === 'discontinued' ? 'Stopped by the patient' : '' }, day('2026-03-20')));
    }
  }

  it('gives each course its outcome and the week each threshold was first reached', async () => {
    const { dispatch } = await cohortClinic();
    const detail = ok(await dispatch('courses:get', { id: 2 }, day('2026-03-20')));
    expect(detail.outcome).toMatchObject({ baseline: { total: 14 }, endOfTreatment: { total: 4 }, change: -10, response: true, remission: true, rated: true, responseWeek: 2, remissionWeek: 2 });
    expect(detail.phq9.map((a) => [a.assessedOn, a.part])).toEqual([['2026-03-01', 'baseline'], ['2026-03-10', 'during'], ['2026-03-17', 'end_of_treatment']]);
    // Baseline 8: the numbers are shown, response and remission are not rated.
    const mild = ok(await dispatch('courses:get', { id: 4 }, day('2026-03-20')));
    expect(mild.outcome).toMatchObject({ baseline: { total: 8 }, endOfTreatment: { total: 2 }, rated: false });
    const worse = ok(await dispatch('courses:get', { id: 3 }, day('2026-03-20')));
    expect(worse.flags.map((f) => f.kind)).toEqual(expect.arrayContaining(['item9_open', 'worsening']));
  });

  it('lists every course with its numbers and filters them', async () => {
    const { dispatch } = await cohortClinic();
    const rows = ok(await dispatch('dashboard:courses', {})).rows;
    const byMrn = Object.fromEntries(rows.map((r) => [r.mrn, r]));
    expect(byMrn['M1']).toMatchObject({ baseline: 20, endOfTreatment: 9, change: -11, percentChange: -55, rated: true, response: true, remission: false, worsening: false });
    expect(byMrn['M3']).toMatchObject({ baseline: 12, endOfTreatment: 18, change: 6, percentChange: 50, response: false, item9Open: 1, worsening: true });
    expect(byMrn['M4']).toMatchObject({ baseline: 8, endOfTreatment: 2, rated: false, response: null, remission: null });
    expect(byMrn['M5']).toMatchObject({ baseline: null, endOfTreatment: null, response: null, sessionsDone: 0, status: 'planned' });
    expect(ok(await dispatch('dashboard:courses', { protocolLineageIds: [2] })).rows.map((r) => r.mrn).sort()).toEqual(['M3', 'M4']);
    expect(ok(await dispatch('dashboard:courses', { statuses: ['planned'] })).rows.map((r) => r.mrn)).toEqual(['M5']);
    expect(ok(await dispatch('dashboard:courses', { startFrom: '2026-03-03' }))).toEqual({ total: 0, offset: 0, rows: [] });
    expect(await dispatch('dashboard:courses', { startFrom: '2026-03-05', startTo: '2026-03-01' })).toMatchObject({ ok: false, error: { fields: { startTo: expect.any(String) } } });
  });

  it('computes the cohort only over baselines ≥ 10, equal to a hand computation', async () => {
    const { dispatch } = await cohortClinic();
    // Before any course ends, the rates have no course: active courses are in neither set.
    const early = ok(await dispatch('dashboard:cohort', {}));
    expect(early.completers).toMatchObject({ n: 0, response: { k: 0, n: 0, rate: null, low: null, high: null } });
    expect(early.intentionToTreat.n).toBe(0);
    expect(early.notYetEnded).toBe(4);
    await endCourses(dispatch);
    const cohort = ok(await dispatch('dashboard:cohort', {}));
    expect(cohort.includedCourses).toBe(3);
    expect(cohort.excludedCourses).toBe(3);
    expect(cohort.notYetEnded).toBe(0);
    // Completers: courses 1 (20 → 9) and 2 (14 → 4); course 4 (baseline 8) is not rated.
    const rate = (k: number, n: number) => ({ k, n, rate: k / n, low: wilsonInterval(k, n)?.low, high: wilsonInterval(k, n)?.high });
    expect(cohort.completers).toEqual({ n: 2, response: rate(2, 2), remission: rate(1, 2) });
    // Intention to treat: 1, 2, 3 (12 → 18, discontinued) and 6 (no later score: not responding).
    expect(cohort.intentionToTreat).toEqual({ n: 4, response: rate(2, 4), remission: rate(1, 4) });
    expect(cohort.intentionToTreat.response.low).toBeCloseTo(0.15, 2);
    expect(cohort.intentionToTreat.response.high).toBeCloseTo(0.85, 2);
    // Week 0: 20, 14, 12. Week 1: 16, 12, 18. Week 2: 9, 4.
    const expected = [[0, [20, 14, 12]], [1, [16, 12, 18]], [2, [9, 4]]] as const;
    expect(cohort.weeks).toEqual(expected.map(([week, values]) => ({ week, ...meanWithCi([...values]) })));
    expect(cohort.weeks[0]).toMatchObject({ n: 3, mean: 46 / 3 });
    expect(cohort.byProtocol).toEqual([
      { protocolName: '10 Hz rTMS, left DLPFC (FDA-cleared)', n: 3, responders: 2, remitters: 1, responseRate: 2 / 3, remissionRate: 1 / 3 },
      { protocolName: 'iTBS, left DLPFC', n: 1, responders: 0, remitters: 0, responseRate: 0, remissionRate: 0 },
    ]);
  });
});

describe('PHQ-9 entered in error', () => {
  it('is marked by a psychiatrist with a reason, kept in the record, and leaves outcome, dashboard and audit consistent', async () => {
    const { dispatch } = await clinic();
    ok(await dispatch('staff:create', { actorId: 1, name: 'Sam Okafor', username: 'sam.okafor', role: 'technician' }, T0));
    await treat(dispatch, 1, 'M1', { id: 1 }, ['2026-03-02', '2026-03-16']);
    await phq9(dispatch, 1, '2026-03-02', 20);
    await phq9(dispatch, 1, '2026-03-09', 16);
    const wrong = await phq9(dispatch, 1, '2026-03-16', 2);
    const at = day('2026-03-17');
    expect(ok(await dispatch('courses:get', { id: 1 }, at)).outcome).toMatchObject({ endOfTreatment: { total: 2 }, remission: true });
    expect(ok(await dispatch('dashboard:courses', {}, at)).rows[0]).toMatchObject({ endOfTreatment: 2, remission: true });

    const byTechnician = await dispatch('phq9:markEnteredInError', { actorId: 2, assessmentId: wrong.id, reason: 'Entered for the wrong patient' }, at);
    expect(byTechnician).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const tooShort = await dispatch('phq9:markEnteredInError', { actorId: 1, assessmentId: wrong.id, reason: 'oops' }, at);
    expect(tooShort).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { reason: 'Say what was wrong (at least 5 characters)' } } });

    const marked = ok(await dispatch('phq9:markEnteredInError', { actorId: 1, assessmentId: wrong.id, reason: 'Entered for the wrong patient' }, at));
    expect(marked.enteredInError).toEqual({ byName: 'Dr. Maya Patel', at: new Date('2026-03-17T12:00:00').toISOString(), reason: 'Entered for the wrong patient' });
    const detail = ok(await dispatch('courses:get', { id: 1 }, at));
    expect(detail.phq9).toHaveLength(3);
    expect(detail.outcome).toMatchObject({ endOfTreatment: { total: 16 }, remission: false, response: false });
    expect(detail.phq9.map((a) => a.part)).toEqual(['baseline', 'end_of_treatment', null]);
    expect(ok(await dispatch('dashboard:courses', {}, at)).rows[0]).toMatchObject({ endOfTreatment: 16, remission: false });
    const again = await dispatch('phq9:markEnteredInError', { actorId: 1, assessmentId: wrong.id, reason: 'Entered for the wrong patient' }, at);
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const history = ok(await dispatch('audit:list', { entity: 'phq9', entityId: wrong.id }, at));
    expect(history.map((h) => h.action)).toEqual(['enter_in_error', 'create']);
  });

  it('needs a positive item 9 acknowledged first, then takes it off the alert list', async () => {
    const { dispatch } = await clinic();
    await treat(dispatch, 1, 'M1', { id: 1 }, ['2026-03-02']);
    const positive = await phq9(dispatch, 1, '2026-03-02', 12, 2);
    const at = day('2026-03-03');
    const refused = await dispatch('phq9:markEnteredInError', { actorId: 1, assessmentId: positive.id, reason: 'Answers keyed into the wrong form' }, at);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/acknowledge it first/) } });
    expect(ok(await dispatch('phq9:openAlerts', {}, at))).toHaveLength(1);
    ok(await dispatch('phq9:acknowledge', { actorId: 1, assessmentId: positive.id, actionTaken: 'Called the patient: no ideation; the form was keyed wrongly' }, at));
    ok(await dispatch('phq9:markEnteredInError', { actorId: 1, assessmentId: positive.id, reason: 'Answers keyed into the wrong form' }, at));
    expect(ok(await dispatch('phq9:openAlerts', {}, at))).toEqual([]);
    expect(ok(await dispatch('sessions:today', { date: '2026-03-03' }, at))[0]).toMatchObject({ item9Open: false, assessmentsDue: [{ scale: 'phq9', status: 'overdue', what: 'baseline', lastOn: null }] });
  });
});
