import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../src/main/ipc/dispatch';
import { classifyScaleOutcome, measuresChange, SCALES, scaleIds, type SymptomScaleId } from '../../src/shared/clinical';
import { DASHBOARD_PAGE_MAX, dashboardScaleIds } from '../../src/shared/schemas/dashboard';
import { patientInput, prescriptionInput } from '../support/fixtures';
import { readyToStart } from '../support/readyToStart';
import { at, ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';

// Local times: the clinic's calendar day is then the same in every time zone.
const T0 = at('2026-03-01T09:00:00');
const day = (d: string) => at(`${d}T12:00:00`);
const WEEKLY = ['2026-03-02', '2026-03-09', '2026-03-16'];

/** Answers on `scale` adding up to `total`, filled item by item up to each item's maximum (no suicide item). */
function answersFor(scale: SymptomScaleId, total: number): number[] {
  const def = SCALES[scale];
  let left = total;
  return def.items.map((item, i) => {
    if (def.suicideItem === i + 1) return 0;
    const a = Math.min(item.max, left);
    left -= a;
    return a;
  });
}

async function score(dispatch: Dispatch, patientId: number, scale: SymptomScaleId, date: string, total: number) {
  ok(await dispatch('assessments:create', { patientId, scale, assessedOn: date, answers: answersFor(scale, total), notes: '' }, day(date)));
}

/** A patient with a course started 2 March and weekly sessions, ended as completed on 20 March. */
async function treatedCourse(dispatch: Dispatch, patientId: number, scores: Partial<Record<SymptomScaleId, [number, number]>>) {
  ok(await dispatch('patients:create', patientInput({ mrn: `M${patientId}`, lastName: `Patient${patientId}` }), T0));
  const course = ok(await dispatch('courses:prescribe', prescriptionInput({ patientId, protocolId: 1, startDate: '2026-03-02' }), T0));
  await readyToStart(dispatch, course.id, T0);
  ok(await dispatch('motorThresholds:record', { courseId: course.id, measuredOn: '2026-03-01', rmtPctMso: 60, method: 'emg', coil: 'Figure-8', measuredById: 1, notes: '' }, T0));
  for (const d of WEEKLY) {
    const prepared = ok(await dispatch('sessions:prepare', { courseId: course.id }, day(d)));
    ok(await dispatch('sessions:create', { ...prepared.values, fiveCmDistanceCm: 5 }, day(d)));
  }
  for (const [scale, [baseline, end]] of Object.entries(scores) as Array<[SymptomScaleId, [number, number]]>) {
    await score(dispatch, patientId, scale, '2026-03-02', baseline);
    await score(dispatch, patientId, scale, '2026-03-16', end);
  }
  const { course: current } = ok(await dispatch('courses:get', { id: course.id }, day('2026-03-20')));
  ok(await dispatch('courses:end', { courseId: course.id, version: current.version, status: 'completed', on: '2026-03-20', reason: '' }, day('2026-03-20')));
  return course.id;
}

async function clinic() {
  const env = await tempDatabase();
  ok(await env.dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, { ...T0, staffId: null }));
  const { dispatch } = env;
  const ids = {
    // MADRS 30 → 14: a responder (≤ 15), not a remitter (> 10). PHQ-9 20 → 9, GAD-7 12 → 4 (remission ≤ 4).
    c1: await treatedCourse(dispatch, 1, { phq9: [20, 9], madrs: [30, 14], gad7: [12, 4] }),
    // MADRS 24 → 8: responder and remitter. PHQ-9 16 → 12.
    c2: await treatedCourse(dispatch, 2, { phq9: [16, 12], madrs: [24, 8] }),
    // MADRS 18 → 6: below MADRS's rated baseline of 20, so not rated; PHQ-9 14 → 4 is rated (≥ 10).
    c3: await treatedCourse(dispatch, 3, { phq9: [14, 4], madrs: [18, 6] }),
    // PHQ-9 only.
    c4: await treatedCourse(dispatch, 4, { phq9: [22, 20] }),
  };
  return { ...env, ids };
}

describe('dashboard by scale', () => {
  it('offers the symptom scales the clinic has scores on, PHQ-9 first', async () => {
    expect([...dashboardScaleIds]).toEqual(scaleIds.filter(measuresChange));
    const { dispatch } = await clinic();
    expect(ok(await dispatch('dashboard:cohort', {}, day('2026-03-20'))).scales).toEqual(['phq9', 'gad7', 'madrs']);
    expect(ok(await dispatch('dashboard:cohort', { scale: 'hamd17' }, day('2026-03-20')))).toMatchObject({ scale: 'hamd17', includedCourses: 0, excludedCourses: 4 });
    expect(await dispatch('dashboard:cohort', { scale: 'cgi_s' }, day('2026-03-20'))).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { scale: expect.any(String) } } });
  });

  it('rates each course and the cohort by the chosen scale\'s own rule', async () => {
    const { dispatch, ids } = await clinic();
    const at = day('2026-03-20');
    const rows = ok(await dispatch('dashboard:courses', { scale: 'madrs' }, at)).rows;
    const byCourse = new Map(rows.map((r) => [r.courseId, r]));
    expect(byCourse.get(ids.c1)).toMatchObject({ baseline: 30, endOfTreatment: 14, rated: true, response: true, remission: false, worsening: false });
    expect(byCourse.get(ids.c2)).toMatchObject({ baseline: 24, endOfTreatment: 8, rated: true, response: true, remission: true });
    expect(byCourse.get(ids.c3)).toMatchObject({ baseline: 18, endOfTreatment: 6, rated: false, response: null, remission: null });
    expect(byCourse.get(ids.c4)).toMatchObject({ baseline: null, endOfTreatment: null, rated: null });
    // The rows follow the shared rule, never a copy of it.
    expect(classifyScaleOutcome('madrs', 30, 14)).toMatchObject({ response: true, remission: false });

    const madrs = ok(await dispatch('dashboard:cohort', { scale: 'madrs' }, at));
    expect(madrs).toMatchObject({ scale: 'madrs', includedCourses: 2, excludedCourses: 2, notYetEnded: 0 });
    expect(madrs.completers).toMatchObject({ n: 2, response: { k: 2, n: 2 }, remission: { k: 1, n: 2 } });
    expect(madrs.intentionToTreat).toMatchObject({ n: 2, response: { k: 2 }, remission: { k: 1 } });
    expect(madrs.weeks.map((w) => [w.week, w.n, w.mean])).toEqual([[0, 2, 27], [2, 2, 11]]);

    const phq9 = ok(await dispatch('dashboard:cohort', {}, at));
    expect(phq9).toMatchObject({ scale: 'phq9', includedCourses: 4 });
    // 20 → 9, 16 → 12, 14 → 4, 22 → 20: two responders; one remitter (≤ 4).
    expect(phq9.completers).toMatchObject({ n: 4, response: { k: 2 }, remission: { k: 1 } });

    const gad7 = ok(await dispatch('dashboard:cohort', { scale: 'gad7' }, at));
    expect(gad7).toMatchObject({ scale: 'gad7', includedCourses: 1, completers: { n: 1, response: { k: 1 }, remission: { k: 1 } } });
  });

  it('keeps each scale\'s figures apart and fresh after a change', async () => {
    const { dispatch, ids } = await clinic();
    const at = day('2026-03-20');
    ok(await dispatch('dashboard:cohort', { scale: 'madrs' }, at));
    ok(await dispatch('dashboard:cohort', {}, at));
    // A later MADRS within the end-of-treatment window of course 1 (last session 16 March): 30 → 9 remits.
    await score(dispatch, 1, 'madrs', '2026-03-18', 9);
    expect(ok(await dispatch('dashboard:cohort', { scale: 'madrs' }, at)).completers.remission).toMatchObject({ k: 2, n: 2 });
    expect(ok(await dispatch('dashboard:courses', { scale: 'madrs' }, at)).rows.find((r) => r.courseId === ids.c1)).toMatchObject({ endOfTreatment: 9, remission: true });
    expect(ok(await dispatch('dashboard:cohort', {}, at)).completers.remission).toMatchObject({ k: 1, n: 4 });
  });

  it('reads the course table a page at a time, newest first, with the number of matching courses', async () => {
    const { dispatch, ids } = await clinic();
    const at = day('2026-03-20');
    const all = ok(await dispatch('dashboard:courses', {}, at));
    expect(all.total).toBe(4);
    // Same start date: the newest course (highest id) first.
    expect(all.rows.map((r) => r.courseId)).toEqual([ids.c4, ids.c3, ids.c2, ids.c1]);
    expect(ok(await dispatch('dashboard:courses', { offset: 1, limit: 2 }, at))).toEqual({ total: 4, offset: 1, rows: all.rows.slice(1, 3) });
    expect(ok(await dispatch('dashboard:courses', { offset: 8, limit: 2 }, at))).toEqual({ total: 4, offset: 8, rows: [] });
    expect(await dispatch('dashboard:courses', { limit: DASHBOARD_PAGE_MAX + 1 }, at)).toMatchObject({ ok: false, error: { fields: { limit: expect.any(String) } } });
    expect(await dispatch('dashboard:courses', { offset: -1 }, at)).toMatchObject({ ok: false, error: { fields: { offset: expect.any(String) } } });
  });
});
