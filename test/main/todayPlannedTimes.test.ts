import { describe, expect, it } from 'vitest';
import { patientInput, prescriptionInput } from '../support/fixtures';
import { readyToStart } from '../support/readyToStart';
import { at, ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';

const mon = at('2026-03-02T08:00:00');
const tue = at('2026-03-03T08:00:00');

/** A psychiatrist (1), a technician (2) and three patients, each with a standard course started on Monday. */
async function clinic() {
  const env = await tempDatabase();
  const { dispatch } = env;
  ok(await dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, mon));
  ok(await dispatch('staff:create', { actorId: 1, name: 'Sam Okafor', username: 'sam.okafor', role: 'technician' }, mon));
  const names = [['MRN-0001', 'Lovelace', 'Ada'], ['MRN-0002', 'Turing', 'Alan'], ['MRN-0003', 'Hopper', 'Grace']] as const;
  for (const [i, [mrn, lastName, firstName]] of names.entries()) {
    ok(await dispatch('patients:create', patientInput({ mrn, lastName, firstName }), mon));
    ok(await dispatch('courses:prescribe', prescriptionInput({ patientId: i + 1 }), mon));
  }
  const today = async (date: string) => ok(await dispatch('sessions:today', { date, actorId: 2 }, at(`${date}T08:00:00`)));
  const order = async (date: string) => (await today(date)).map((i) => [i.mrn, i.plannedTime]);
  return { ...env, today, order };
}

describe('the today list at clinic scale: planned times', () => {
  it('orders the day by each course planned time (none last), and a time moved for one day only orders that day', async () => {
    const { dispatch, db, order, today } = await clinic();
    expect(await order('2026-03-02')).toEqual([['MRN-0003', null], ['MRN-0001', null], ['MRN-0002', null]]);
    const course = async (id: number) => ok(await dispatch('courses:get', { id, actorId: 2 }, mon)).course;
    ok(await dispatch('courses:setPlannedTime', { courseId: 1, version: (await course(1)).version, plannedTime: '14:00', actorId: 2 }, mon));
    ok(await dispatch('courses:setPlannedTime', { courseId: 2, version: (await course(2)).version, plannedTime: '09:30', actorId: 2 }, mon));
    expect(await order('2026-03-02')).toEqual([['MRN-0002', '09:30'], ['MRN-0001', '14:00'], ['MRN-0003', null]]);

    // Lovelace comes early on Tuesday only.
    expect(ok(await dispatch('today:setPlannedTime', { courseId: 1, date: '2026-03-03', plannedTime: '08:00', actorId: 2 }, mon))).toEqual({ plannedTime: '08:00' });
    expect(await order('2026-03-03')).toEqual([['MRN-0001', '08:00'], ['MRN-0002', '09:30'], ['MRN-0003', null]]);
    expect((await today('2026-03-03'))[0]).toMatchObject({ movedForTheDay: true, coursePlannedTime: '14:00' });
    expect(await order('2026-03-04')).toEqual([['MRN-0002', '09:30'], ['MRN-0001', '14:00'], ['MRN-0003', null]]);
    // Back to the course's time that day.
    expect(ok(await dispatch('today:setPlannedTime', { courseId: 1, date: '2026-03-03', plannedTime: null, actorId: 2 }, tue))).toEqual({ plannedTime: '14:00' });
    expect((await today('2026-03-03')).find((i) => i.mrn === 'MRN-0001')).toMatchObject({ plannedTime: '14:00', movedForTheDay: false });

    const audit = await db.selectFrom('audit_log').select(['staff_id', 'entity', 'entity_id', 'reason']).where('action', '=', 'schedule').orderBy('id').execute();
    expect(audit).toEqual([
      { staff_id: 2, entity: 'course', entity_id: 1, reason: 'Planned daily at 14:00' },
      { staff_id: 2, entity: 'course', entity_id: 2, reason: 'Planned daily at 09:30' },
      { staff_id: 2, entity: 'course', entity_id: 1, reason: 'Planned at 08:00 on 3 Mar 2026 only' },
      { staff_id: 2, entity: 'course', entity_id: 1, reason: "Back to the course's time on 3 Mar 2026" },
    ]);
  });

  it('refuses a time that is none, next to the field, an outdated course version, and an ended course', async () => {
    const { dispatch } = await clinic();
    const { version } = ok(await dispatch('courses:get', { id: 1, actorId: 1 }, mon)).course;
    expect(await dispatch('courses:setPlannedTime', { courseId: 1, version, plannedTime: '25:00', actorId: 2 }, mon))
      .toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { plannedTime: 'Enter a time as HH:MM, e.g. 09:30' } } });
    expect(await dispatch('today:setPlannedTime', { courseId: 1, date: '2026-03-03', plannedTime: '9.30', actorId: 2 }, mon))
      .toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { plannedTime: 'Enter a time as HH:MM, e.g. 09:30' } } });
    ok(await dispatch('courses:setPlannedTime', { courseId: 1, version, plannedTime: '10:00', actorId: 2 }, mon));
    expect(await dispatch('courses:setPlannedTime', { courseId: 1, version, plannedTime: '11:00', actorId: 2 }, mon)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const current = ok(await dispatch('courses:get', { id: 1, actorId: 1 }, mon)).course;
    ok(await dispatch('courses:end', { courseId: 1, version: current.version, status: 'discontinued', on: '2026-03-02', reason: 'Moved away', actorId: 1 }, mon));
    expect(await dispatch('today:setPlannedTime', { courseId: 1, date: '2026-03-03', plannedTime: '08:00', actorId: 2 }, mon)).toMatchObject({ ok: false, error: { code: 'conflict', message: 'This course is already discontinued.' } });
  });

  it('names who gave the last session, for the technician filter', async () => {
    const { dispatch, today } = await clinic();
    ok(await dispatch('motorThresholds:record', { actorId: 2, courseId: 1, measuredOn: '2026-03-02', rmtPctMso: 60, method: 'emg', coil: 'Figure-8', measuredById: 1, notes: '' }, mon));
    const when = at('2026-03-02T09:00:00');
    await readyToStart(dispatch, 1, mon);
    const prepared = ok(await dispatch('sessions:prepare', { courseId: 1, actorId: 2 }, when));
    ok(await dispatch('sessions:create', { ...prepared.values, fiveCmDistanceCm: 5, actorId: 2 }, when));
    const items = await today('2026-03-02');
    expect(items.find((i) => i.mrn === 'MRN-0001')).toMatchObject({ lastTechnicianId: 2, lastTechnicianName: 'Sam Okafor', sessionsToday: 1 });
    expect(items.find((i) => i.mrn === 'MRN-0002')).toMatchObject({ lastTechnicianId: null, lastTechnicianName: null });
    // Done for the day: after the courses still to treat.
    expect(items.at(-1)?.mrn).toBe('MRN-0001');
  });
});
