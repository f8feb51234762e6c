import { describe, expect, it } from 'vitest';
import { patientInput, prescriptionInput } from '../support/fixtures';
import { refuseInsertsInto } from '../support/failingWrite';
import { ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';

const T = new Date('2026-03-02T09:00:00.000Z');
const plus = (minutes: number) => new Date(T.getTime() + minutes * 60_000);

describe('who looked at a patient', { timeout: 60_000 }, () => {
  it('logs opening a patient, a course and a report once per person per 10 minutes, and lists it for administrators', async () => {
    const { dispatch } = await tempDatabase();
    ok(await dispatch('staff:createFirst', { name: 'Lee Admin', username: 'lee', role: 'admin', password: TEST_PASSWORD }, { now: T, staffId: null }));
    const doctor = ok(await dispatch('staff:create', { name: 'Dr. Maya Patel', username: 'maya', role: 'psychiatrist' }, { now: T })).staff.id;
    const as = (now: Date) => ({ now, staffId: doctor });
    const patient = ok(await dispatch('patients:create', patientInput({ actorId: doctor }), as(T)));
    const course = ok(await dispatch('courses:prescribe', prescriptionInput({ actorId: doctor, patientId: patient.id }), as(T)));
    ok(await dispatch('patients:get', { id: patient.id }, as(T)));
    ok(await dispatch('patients:get', { id: patient.id }, as(plus(5))));
    ok(await dispatch('courses:get', { id: course.id }, as(plus(6))));
    ok(await dispatch('reports:data', { courseId: course.id }, as(plus(7))));
    ok(await dispatch('patients:get', { id: patient.id }, as(plus(11))));
    const log = ok(await dispatch('audit:accessLog', { patientId: patient.id }, { now: plus(12), staffId: 1 }));
    expect(log.map((e) => [e.at, e.staffName, e.action, e.entity])).toEqual([
      [plus(11).toISOString(), 'Dr. Maya Patel', 'view', 'patient'],
      [plus(6).toISOString(), 'Dr. Maya Patel', 'view', 'course'],
      [T.toISOString(), 'Dr. Maya Patel', 'view', 'patient'],
    ]);
    expect(await dispatch('audit:accessLog', { patientId: patient.id }, as(plus(12)))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('logs the view while reading, only of a record that exists, and fails the read when the log cannot be written', async () => {
    const { dispatch, db } = await tempDatabase();
    ok(await dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya', role: 'psychiatrist', password: TEST_PASSWORD }, { now: T, staffId: null }));
    const patient = ok(await dispatch('patients:create', patientInput(), { now: T }));
    const course = ok(await dispatch('courses:prescribe', prescriptionInput({ patientId: patient.id }), { now: T }));
    const views = async () => (await db.selectFrom('audit_log').select(['entity', 'entity_id']).where('action', '=', 'view').orderBy('id').execute());
    expect(await dispatch('courses:get', { id: course.id + 100 }, { now: T })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dispatch('patients:get', { id: patient.id + 100 }, { now: T })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await views()).toEqual([]);

    await refuseInsertsInto(db, 'audit_log', 'the log is unavailable');
    expect(await dispatch('courses:get', { id: course.id }, { now: T })).not.toHaveProperty('value');
    expect(await views()).toEqual([]);
  });

  it('reports the audit chain to administrators, checked on request', async () => {
    const { dispatch } = await tempDatabase();
    ok(await dispatch('staff:createFirst', { name: 'Lee Admin', username: 'lee', role: 'admin', password: TEST_PASSWORD }, { now: T, staffId: null }));
    expect(ok(await dispatch('audit:verifyChain', {}, { now: T }))).toEqual({ status: null, checkedAt: null, running: false });
    const report = ok(await dispatch('audit:verifyChain', { recheck: true }, { now: T }));
    expect(report).toMatchObject({ status: { ok: true, entries: 2 }, running: false });
  });
});
