import { describe, expect, it } from 'vitest';
import { todayList } from '../../src/main/services/today';
import { TodayReader } from '../../src/main/services/todayReader';
import { patientInput, prescriptionInput } from '../support/fixtures';
import { readyToStart } from '../support/readyToStart';
import { at, ok, secondConnection, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';

const mon = at('2026-03-02T08:00:00');

describe('the today list kept between reads', () => {
  it('answers again from what it kept until this or another workstation changes the clinic, or the day changes', async () => {
    const { db, dispatch, file } = await tempDatabase();
    ok(await dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, mon));
    ok(await dispatch('patients:create', patientInput({ mrn: 'MRN-0001', lastName: 'Lovelace', firstName: 'Ada' }), mon));
    ok(await dispatch('courses:prescribe', prescriptionInput({ patientId: 1 }), mon));
    const reader = new TodayReader(db);
    const first = await reader.list('2026-03-02');
    expect(first.map((i) => i.mrn)).toEqual(['MRN-0001']);
    // Nothing changed: the same list, not read again.
    expect(await reader.list('2026-03-02')).toBe(first);

    // This workstation adds a patient and a course.
    ok(await dispatch('patients:create', patientInput({ mrn: 'MRN-0002', lastName: 'Turing', firstName: 'Alan' }), mon));
    ok(await dispatch('courses:prescribe', prescriptionInput({ patientId: 2 }), mon));
    const second = await reader.list('2026-03-02');
    expect(second.map((i) => i.mrn)).toEqual(['MRN-0001', 'MRN-0002']);

    // Another workstation moves a course's time for the day.
    const other = await secondConnection(file);
    ok(await other.dispatch('today:setPlannedTime', { courseId: 2, date: '2026-03-02', plannedTime: '08:30' }, mon));
    expect((await reader.list('2026-03-02')).map((i) => [i.mrn, i.plannedTime])).toEqual([['MRN-0002', '08:30'], ['MRN-0001', null]]);

    // Another day is read for that day.
    expect((await reader.list('2026-03-03')).map((i) => [i.mrn, i.plannedTime])).toEqual([['MRN-0001', null], ['MRN-0002', null]]);
  });

  it('re-reads only the courses a change touched, and always equals the list read afresh', async () => {
    const { db, dispatch } = await tempDatabase();
    const day = '2026-03-02';
    ok(await dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, mon));
    ok(await dispatch('staff:create', { actorId: 1, name: 'Sam Okafor', username: 'sam.okafor', role: 'technician' }, mon));
    const tech = { id: 2 };
    for (const [mrn, lastName] of [['MRN-0001', 'Lovelace'], ['MRN-0002', 'Turing'], ['MRN-0003', 'Hopper']] as const) {
      const patient = ok(await dispatch('patients:create', patientInput({ mrn, lastName }), mon));
      const course = ok(await dispatch('courses:prescribe', prescriptionInput({ patientId: patient.id }), mon));
      await readyToStart(dispatch, course.id, mon);
    }
    const reader = new TodayReader(db);
    const same = async () => expect(await reader.list(day)).toEqual(await todayList(db, day));
    await same();
    const untouched = (await reader.list(day)).find((i) => i.courseId === 3);

    // Each kind of change the list shows of course 1 (0021 added thresholds, day times and scale plans to 0006's revision).
    ok(await dispatch('motorThresholds:record', { actorId: 1, courseId: 1, measuredOn: day, rmtPctMso: 61, method: 'emg', coil: 'Figure-8', measuredById: tech.id, notes: '' }, mon));
    expect((await reader.list(day)).find((i) => i.courseId === 1)?.mt?.rmtPctMso).toBe(61);
    await same();
    const prepared = ok(await dispatch('sessions:prepare', { courseId: 1 }, mon));
    ok(await dispatch('sessions:create', { ...prepared.values, fiveCmDistanceCm: prepared.values.fiveCmDistanceCm ?? 5, technicianId: tech.id, actorId: tech.id }, mon));
    expect((await reader.list(day)).find((i) => i.courseId === 1)).toMatchObject({ sessionsDone: 1, sessionsToday: 1, lastTechnicianName: 'Sam Okafor' });
    await same();
    ok(await dispatch('coursePlans:set', { courseId: 1, plan: [{ scale: 'phq9', schedule: 'weekly' }, { scale: 'gad7', schedule: 'weekly' }] }, mon));
    await same();
    ok(await dispatch('phq9:create', { actorId: 1, patientId: 1, assessedOn: day, answers: [2, 2, 2, 1, 1, 1, 1, 1, 1], difficulty: 'somewhat', notes: '' }, mon));
    expect((await reader.list(day)).find((i) => i.courseId === 1)?.item9Open).toBe(true);
    await same();
    ok(await dispatch('today:setPlannedTime', { courseId: 1, date: day, plannedTime: '07:15' }, mon));
    await same();
    // None of it touched course 3, whose row was kept, not read again.
    expect((await reader.list(day)).find((i) => i.courseId === 3)).toBe(untouched);

    // A technician's name is shown from outside any course: every row is read again.
    ok(await dispatch('staff:update', { id: tech.id, name: 'Sam Okafor-Reyes', username: 'sam.okafor', role: 'technician', active: true }, mon));
    expect((await reader.list(day)).find((i) => i.courseId === 1)?.lastTechnicianName).toBe('Sam Okafor-Reyes');
    await same();
    const patient = ok(await dispatch('patients:get', { id: 2 }, mon));
    ok(await dispatch('patients:archive', { actorId: 1, id: 2, version: patient.version, reason: 'Moved away' }, mon));
    expect((await reader.list(day)).map((i) => i.courseId)).not.toContain(2);
    await same();
    expect((await reader.list(day)).find((i) => i.courseId === 3)).not.toBe(untouched);
  });
});
