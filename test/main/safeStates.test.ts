import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../src/main/ipc/dispatch';
import { failUpdatesOf } from '../support/failingWrite';
import { patientInput, prescriptionInput } from '../support/fixtures';
import { at, ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';
import { readyToStart } from '../support/readyToStart';

// Clinic-local wall-clock times (no Z), as the services read them.
const when = (d: string, time = '09:30:00') => at(`${d}T${time}`);
const MON = when('2026-03-02', '08:00:00');

/** Psychiatrist 1, technician 2, patient 1 with course 1 (10 Hz, MT 60) and sessions on the given days. */
async function clinic(sessionDays: string[] = ['2026-03-02', '2026-03-03', '2026-03-04']) {
  const env = await tempDatabase();
  const { dispatch } = env;
  ok(await dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, MON));
  ok(await dispatch('staff:create', { actorId: 1, name: 'Sam Okafor', username: 'sam.okafor', role: 'technician' }, MON));
  ok(await dispatch('patients:create', patientInput(), MON));
  const course = ok(await dispatch('courses:prescribe', prescriptionInput(), MON));
  await readyToStart(dispatch, course.id, MON);
  ok(await dispatch('motorThresholds:record', { actorId: 2, courseId: course.id, measuredOn: '2026-03-02', rmtPctMso: 60, method: 'emg', coil: 'Figure-8', measuredById: 2, notes: '' }, MON));
  for (const d of sessionDays) await logSession(dispatch, course.id, when(d));
  return { ...env, course };
}

async function logSession(dispatch: Dispatch, courseId: number, time: ReturnType<typeof at>) {
  const prepared = ok(await dispatch('sessions:prepare', { courseId }, time));
  ok(await dispatch('sessions:create', { ...prepared.values, fiveCmDistanceCm: prepared.values.fiveCmDistanceCm ?? 5, actorId: 2 }, time));
}

describe('archiving a patient', () => {
  it('ends their open course with the archive, reason kept, audited in the same transaction; the today list no longer shows it', async () => {
    const { dispatch, db, course } = await clinic();
    const thu = when('2026-03-05', '08:15:00');
    expect(ok(await dispatch('sessions:today', { date: '2026-03-05' }, thu)).map((i) => i.courseId)).toEqual([course.id]);
    const patient = ok(await dispatch('patients:get', { id: 1 }, thu));
    const auditBefore = await db.selectFrom('audit_log').select((eb) => eb.fn.max<number>('id').as('max')).executeTakeFirstOrThrow();

    ok(await dispatch('patients:archive', { actorId: 2, id: 1, version: patient.version, reason: 'Moved abroad' }, thu));

    const ended = ok(await dispatch('courses:get', { id: course.id }, thu)).course;
    expect(ended).toMatchObject({ status: 'discontinued', endedOn: '2026-03-05', statusReason: 'Patient archived: Moved abroad', version: course.version + 2 });
    expect(ok(await dispatch('sessions:today', { date: '2026-03-05' }, thu))).toEqual([]);
    // Two entries, same instant, same actor, one after the other: the archive, then the course it ended.
    const entries = await db.selectFrom('audit_log').selectAll().where('id', '>', auditBefore.max).where('action', '!=', 'view').orderBy('id').execute();
    expect(entries.map((e) => [e.action, e.entity, e.entity_id, e.staff_id, e.reason])).toEqual([
      ['archive', 'patient', 1, 2, 'Moved abroad'],
      ['discontinue', 'course', course.id, 2, 'Patient archived: Moved abroad'],
    ]);
    expect(new Set(entries.map((e) => e.at)).size).toBe(1);
    expect(JSON.parse(entries[1]?.before_json ?? '{}')).toMatchObject({ status: 'active', endedOn: null });
    expect(JSON.parse(entries[1]?.after_json ?? '{}')).toMatchObject({ status: 'discontinued', endedOn: '2026-03-05' });

    // Restoring the record does not reopen the course.
    ok(await dispatch('patients:restore', { actorId: 1, id: 1, version: patient.version + 1 }, thu));
    expect(ok(await dispatch('courses:get', { id: course.id }, thu)).course.status).toBe('discontinued');
  });

  it('ends a planned course (no session yet) too, and leaves ended courses as they were', async () => {
    const { dispatch, course } = await clinic(['2026-03-02']);
    ok(await dispatch('courses:end', { courseId: course.id, version: ok(await dispatch('courses:get', { id: course.id }, MON)).course.version, status: 'completed', on: '2026-03-02', reason: '' }, when('2026-03-02', '17:00:00')));
    const planned = ok(await dispatch('courses:prescribe', prescriptionInput({ startDate: '2026-03-09' }), when('2026-03-03')));
    const patient = ok(await dispatch('patients:get', { id: 1 }, when('2026-03-04')));
    ok(await dispatch('patients:archive', { id: 1, version: patient.version, reason: 'Duplicate record' }, when('2026-03-04')));
    expect(ok(await dispatch('courses:get', { id: planned.id }, when('2026-03-04'))).course).toMatchObject({
      status: 'discontinued', endedOn: '2026-03-04', statusReason: 'Patient archived: Duplicate record',
    });
    expect(ok(await dispatch('courses:get', { id: course.id }, when('2026-03-04'))).course).toMatchObject({ status: 'completed', endedOn: '2026-03-02', statusReason: null });
  });

  it('is undone whole when ending the course fails: the patient stays unarchived', async () => {
    const { dispatch, db, course } = await clinic(['2026-03-02']);
    await failUpdatesOf(db, 'courses', 'status', 'simulated failure');
    const patient = ok(await dispatch('patients:get', { id: 1 }, MON));
    const result = await dispatch('patients:archive', { id: 1, version: patient.version, reason: 'Moved abroad' }, when('2026-03-03'));
    expect(result.ok).toBe(false);
    expect(ok(await dispatch('patients:get', { id: 1 }, MON)).archivedAt).toBeNull();
    expect(ok(await dispatch('courses:get', { id: course.id }, MON)).course.status).toBe('active');
    expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'archive').execute()).toEqual([]);
  });

  it('refuses new thresholds, assessments, authorizations and prescriptions for an archived patient, even one whose course was left open before this rule', async () => {
    const { dispatch, db, course } = await clinic(['2026-03-02']);
    // A record archived by an earlier version, its course still active.
    await db.updateTable('patients').set({ archived_at: '2026-03-03T10:00:00.000Z', archive_reason: 'Moved abroad', version: 1 }).where('id', '=', 1).execute();
    const t = when('2026-03-04');
    const threshold = await dispatch('motorThresholds:record', { actorId: 2, courseId: course.id, measuredOn: '2026-03-04', rmtPctMso: 61, method: 'emg', coil: 'Figure-8', measuredById: 2, notes: '' }, t);
    expect(threshold).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/archived/) } });
    const assessment = await dispatch('phq9:create', { patientId: 1, assessedOn: '2026-03-04', answers: [1, 1, 1, 1, 1, 1, 1, 1, 0], difficulty: 'somewhat', notes: '' }, t);
    expect(assessment).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/archived/) } });
    const authorization = await dispatch('courses:authorize', { courseId: course.id, version: await courseVersion(dispatch, course.id, t), authorizedSessions: 36, reference: 'PA-2', note: '' }, t);
    expect(authorization).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/archived/) } });
    const prescription = await dispatch('courses:prescribe', prescriptionInput({ startDate: '2026-03-09' }), t);
    expect(prescription).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/archived/) } });
    expect(await db.selectFrom('motor_thresholds').select('id').execute()).toHaveLength(1);
    expect(await db.selectFrom('course_authorizations').select('id').execute()).toHaveLength(1);
    expect(ok(await dispatch('courses:get', { id: course.id }, t)).course.authorizedSessions).toBe(30);
  });
});

describe('payer authorization', () => {
  it('cannot be set below the sessions already delivered: a field error on authorizedSessions, nothing saved', async () => {
    const { dispatch, db, course } = await clinic(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
    const t = when('2026-03-05', '17:00:00');
    const below = await dispatch('courses:authorize', { courseId: course.id, version: await courseVersion(dispatch, course.id, t), authorizedSessions: 3, reference: 'PA-2', note: 'typo' }, t);
    expect(below).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { authorizedSessions: 'At least 4: 4 sessions have already been delivered' } },
    });
    expect(ok(await dispatch('courses:get', { id: course.id }, t)).course.authorizedSessions).toBe(30);
    expect(await db.selectFrom('course_authorizations').select('authorized_sessions').execute()).toEqual([{ authorized_sessions: 30 }]);
    expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'authorize').execute()).toEqual([]);
    // Exactly the sessions delivered, or more, is accepted.
    expect(ok(await dispatch('courses:authorize', { courseId: course.id, version: await courseVersion(dispatch, course.id, t), authorizedSessions: 4, reference: 'PA-2', note: '' }, t)).authorizedSessions).toBe(4);
    expect(ok(await dispatch('courses:authorize', { courseId: course.id, version: await courseVersion(dispatch, course.id, t), authorizedSessions: 36, reference: 'PA-3', note: '' }, t)).authorizedSessions).toBe(36);
  });
});

/** The course's version now, as the authorization dialog would show it. */
async function courseVersion(dispatch: Awaited<ReturnType<typeof tempDatabase>>['dispatch'], id: number, when: ReturnType<typeof at>): Promise<number> {
  return ok(await dispatch('courses:get', { id }, when)).course.version;
}
