import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { openDatabase } from '../../src/main/db';
import { runMigrations } from '../../src/main/db/migrate';
import { getCoursePlan } from '../../src/main/services/coursePlans';
import { tempDir } from '../support/tempDatabase';

const STAMP = '2026-01-01T00:00:00.000Z';

describe('migration 0018_course_scale_plans', () => {
  it('leaves existing courses on the default plan (PHQ-9 weekly) and checks what a plan may hold', async () => {
    const file = join(tempDir(), 'v17.sqlite');
    const raw = new Database(file);
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    await runMigrations(old, raw, migrations.slice(0, 17));
    raw.exec(`
      INSERT INTO staff (name, role, created_at, updated_at) VALUES ('Dr A', 'psychiatrist', '${STAMP}', '${STAMP}');
      INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex, primary_diagnosis, created_at, updated_at)
        VALUES ('M1', 'Ada', 'Lovelace', '1980-12-10', 'female', 'F33.2', '${STAMP}', '${STAMP}');
      INSERT INTO courses (patient_id, protocol_id, prescriber_id, protocol_name, target, coil, pattern, intensity_pct_mt, frequency_hz,
          train_duration_s, inter_train_interval_s, trains, sessions_per_day, planned_sessions, authorized_sessions, start_date, status, created_at, updated_at)
        VALUES (1, 1, 1, '10 Hz rTMS', 'left_dlpfc', 'Figure-8', 'rtms', 120, 10, 4, 26, 75, 1, 36, 36, '2026-03-02', 'active', '${STAMP}', '${STAMP}');
    `);
    await old.destroy();
    const db = await openDatabase(file);
    expect(await getCoursePlan(db, 1)).toEqual({ courseId: 1, plan: [{ scale: 'phq9', schedule: 'weekly' }], isDefault: true });
    await expect(sql`INSERT INTO course_scale_plans VALUES (1, 'madrs', 'monthly')`.execute(db)).rejects.toThrow(/CHECK/);
    await expect(sql`INSERT INTO course_scale_plans VALUES (2, 'madrs', 'weekly')`.execute(db)).rejects.toThrow(/FOREIGN KEY/);
    await sql`INSERT INTO course_scale_plans VALUES (1, 'madrs', 'baseline_mid_end')`.execute(db);
    await expect(sql`INSERT INTO course_scale_plans VALUES (1, 'madrs', 'weekly')`.execute(db)).rejects.toThrow(/UNIQUE/);
    expect(await getCoursePlan(db, 1)).toEqual({ courseId: 1, plan: [{ scale: 'madrs', schedule: 'baseline_mid_end' }], isDefault: false });
    await db.destroy();
  });
});
