import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { todayRevisionTriggers } from '../../migrations/0021_today_course_revisions';
import { openDatabase } from '../../src/main/db';
import { runMigrations } from '../../src/main/db/migrate';
import { patientInput, prescriptionInput } from '../support/fixtures';
import { at, ok, tempDatabase, tempDir, TEST_PASSWORD } from '../support/tempDatabase';

const mon = at('2026-03-02T08:00:00');

describe('migration 0021_today_course_revisions (SQLite)', () => {
  it('adds the triggers to a clinic at version 20', async () => {
    const file = join(tempDir(), 'v20.sqlite');
    const raw = new Database(file);
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    await runMigrations(old, raw, migrations.slice(0, 20));
    await old.destroy();

    const db = await openDatabase(file);
    const triggers = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'trigger'`.execute(db)).rows.map((r) => r.name);
    for (const [name] of todayRevisionTriggers) expect(triggers).toContain(name);
    await db.destroy();
  });
});

describe('migration 0021_today_course_revisions: what moves a course\'s revision, on this engine', () => {
  it('a motor threshold, a time moved for one day and back, and a new scale plan each raise it', async () => {
    const { db, dispatch } = await tempDatabase();
    ok(await dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, mon));
    ok(await dispatch('patients:create', patientInput(), mon));
    const course = ok(await dispatch('courses:prescribe', prescriptionInput(), mon));
    const revision = async () => (await db.selectFrom('course_progress').select('revision').where('course_id', '=', course.id).executeTakeFirstOrThrow()).revision;
    const changes: Array<() => Promise<unknown>> = [
      () => dispatch('motorThresholds:record', { actorId: 1, courseId: course.id, measuredOn: '2026-03-02', rmtPctMso: 58, method: 'visual', coil: 'Figure-8', measuredById: 1, notes: '' }, mon),
      () => dispatch('today:setPlannedTime', { courseId: course.id, date: '2026-03-02', plannedTime: '09:30' }, mon),
      () => dispatch('today:setPlannedTime', { courseId: course.id, date: '2026-03-02', plannedTime: '09:45' }, mon),
      () => dispatch('today:setPlannedTime', { courseId: course.id, date: '2026-03-02', plannedTime: null }, mon),
      () => dispatch('coursePlans:set', { courseId: course.id, plan: [{ scale: 'phq9', schedule: 'weekly' }] }, mon),
    ];
    for (const change of changes) {
      const before = await revision();
      ok((await change()) as Parameters<typeof ok>[0]);
      expect(await revision()).toBeGreaterThan(before);
    }
    await db.destroy();
  });
});
