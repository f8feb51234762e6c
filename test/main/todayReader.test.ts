import { describe, expect, it } from 'vitest';
import { TodayReader } from '../../src/main/services/todayReader';
import { patientInput, prescriptionInput } from '../support/fixtures';
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
});
