import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db';
import { generateClinic } from '../../src/main/demo/generateClinic';
import { CourseRevisionReader } from '../../src/main/services/keptRevisions';
import { patientInput, prescriptionInput } from '../support/fixtures';
import { at, ok, tempDatabase, tempDir, TEST_PASSWORD } from '../support/tempDatabase';

const mon = at('2026-03-02T08:00:00');

describe('course revisions read by block', () => {
  it('gives every course first, then only the blocks a change or a new course touched, on this engine', async () => {
    const { db, dispatch } = await tempDatabase();
    ok(await dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, mon));
    for (const mrn of ['MRN-0001', 'MRN-0002']) {
      const patient = ok(await dispatch('patients:create', patientInput({ mrn }), mon));
      ok(await dispatch('courses:prescribe', prescriptionInput({ patientId: patient.id }), mon));
    }
    const reader = new CourseRevisionReader(db);
    const ids = async () => (await reader.changedBlocks()).rows.map((r) => r.course_id).sort((a, b) => a - b);
    expect(await ids()).toEqual([1, 2]);
    expect(await ids()).toEqual([]);

    // A new course starts at revision 0: its block's sum of revision + 1 still rises.
    const third = ok(await dispatch('patients:create', patientInput({ mrn: 'MRN-0003' }), mon));
    ok(await dispatch('courses:prescribe', prescriptionInput({ patientId: third.id }), mon));
    const afterNew = (await reader.changedBlocks()).rows;
    expect(afterNew.map((r) => r.course_id).sort()).toEqual([1, 2, 3]);
    expect(afterNew.find((r) => r.course_id === 3)?.revision).toBe(0);

    ok(await dispatch('motorThresholds:record', { actorId: 1, courseId: 2, measuredOn: '2026-03-02', rmtPctMso: 58, method: 'visual', coil: 'Figure-8', measuredById: 1, notes: '' }, mon));
    const afterChange = (await reader.changedBlocks()).rows;
    expect(afterChange.find((r) => r.course_id === 2)?.revision).toBeGreaterThan(afterNew.find((r) => r.course_id === 2)?.revision ?? Infinity);
    expect(await ids()).toEqual([]);
    await db.destroy();
  });

  it('reads only the rows of the block a change falls in (SQLite, a generated clinic of several blocks)', async () => {
    const file = join(tempDir(), 'clinic.sqlite');
    await generateClinic(file, { patients: 300, seed: 4, today: '2026-11-25' });
    const db = await openDatabase(file);
    const reader = new CourseRevisionReader(db);
    const first = await reader.changedBlocks();
    const courses = await db.selectFrom('courses').select('id').orderBy('id').execute();
    expect(first.rows).toHaveLength(courses.length);
    expect(courses.length).toBeGreaterThan(256);
    const last = courses.at(-1)?.id ?? 0;
    await db.updateTable('courses').set({ notes: 'changed' }).where('id', '=', last).execute();
    const { rows } = await reader.changedBlocks();
    const block = Math.floor(last / 256);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => Math.floor(r.course_id / 256) === block)).toBe(true);
    expect(rows.some((r) => r.course_id === last)).toBe(true);
    await db.destroy();
  });
});
