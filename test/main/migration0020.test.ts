import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { openDatabase } from '../../src/main/db';
import { runMigrations } from '../../src/main/db/migrate';
import { todayRowsQuery } from '../../src/main/services/today';
import { planOf } from '../support/queryPlan';
import { tempDatabase, tempDir, TEST_ENGINE } from '../support/tempDatabase';

describe('migration 0020_today_list_indexes (SQLite)', () => {
  it('replaces the two narrower indexes and adds the suicide-item one on a clinic at version 19', async () => {
    const file = join(tempDir(), 'v19.sqlite');
    const raw = new Database(file);
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    await runMigrations(old, raw, migrations.slice(0, 19));
    await old.destroy();

    const db = await openDatabase(file);
    const indexes = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('treatment_sessions', 'motor_thresholds', 'assessments') AND sql IS NOT NULL ORDER BY name`.execute(db)).rows.map((r) => r.name);
    expect(indexes).toContain('treatment_sessions_course_latest');
    expect(indexes).toContain('motor_thresholds_course_current');
    expect(indexes).toContain('assessments_suicide_patient');
    expect(indexes).not.toContain('treatment_sessions_course_date');
    expect(indexes).not.toContain('motor_thresholds_course');
    await db.destroy();
  });
});

describe('migration 0020_today_list_indexes: the today list reads them', () => {
  it('plans each course\'s latest session, current motor threshold and open suicide items through the new indexes, on this engine', async () => {
    const { db } = await tempDatabase();
    const plan = await planOf(db, todayRowsQuery(db, '2026-03-02').compile());
    for (const index of ['treatment_sessions_course_latest', 'motor_thresholds_course_current', 'assessments_suicide_patient']) expect(plan).toContain(index);
    // SQLite: read backwards from the index, no sort of the course's sessions (before: USE TEMP B-TREE FOR ORDER BY).
    if (TEST_ENGINE === 'sqlite') expect(plan).not.toMatch(/TEMP B-TREE/);
    await db.destroy();
  });
});
