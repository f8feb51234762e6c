import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { openDatabase } from '../../src/main/db';
import { runMigrations } from '../../src/main/db/migrate';
import { tempDir } from '../support/tempDatabase';

describe('migration 0013_planned_times', () => {
  it('gives existing courses no planned time, and takes only HH:MM times on the clock', async () => {
    const file = join(tempDir(), 'v12.sqlite');
    const raw = new Database(file);
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    await runMigrations(old, raw, migrations.slice(0, 12));
    const t = '2026-01-01T00:00:00.000Z';
    raw.exec(`
      INSERT INTO staff (name, role, created_at, updated_at) VALUES ('Dr A', 'psychiatrist', '${t}', '${t}');
      INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex, primary_diagnosis, created_at, updated_at)
        VALUES ('M1', 'Ada', 'Lovelace', '1980-12-10', 'female', 'F33.2', '${t}', '${t}');
      INSERT INTO courses (patient_id, protocol_id, prescriber_id, protocol_name, target, coil, pattern, intensity_pct_mt,
        frequency_hz, burst_frequency_hz, pulses_per_burst, train_duration_s, inter_train_interval_s, trains, sessions_per_day, planned_sessions,
        authorized_sessions, start_date, status, created_at, updated_at)
        SELECT 1, id, 1, name, target, coil, pattern, intensity_pct_mt, frequency_hz, burst_frequency_hz, pulses_per_burst, train_duration_s,
          inter_train_interval_s, trains, sessions_per_day, default_planned_sessions, 36, '2026-01-05', 'active', '${t}', '${t}'
        FROM protocols WHERE id = 1;
    `);
    await old.destroy();

    const db = await openDatabase(file);
    expect(await db.selectFrom('courses').select(['id', 'planned_time']).execute()).toEqual([{ id: 1, planned_time: null }]);
    for (const ok of ['00:00', '09:30', '19:59', '23:59']) {
      await db.updateTable('courses').set({ planned_time: ok }).where('id', '=', 1).execute();
      await db.insertInto('course_day_times').values({ course_id: 1, on_date: '2026-01-06', planned_time: ok, set_by: 1, set_at: t }).onConflict((oc) => oc.columns(['course_id', 'on_date']).doUpdateSet({ planned_time: ok })).execute();
    }
    for (const bad of ['24:00', '9:30', '09:60', '09:30:00', 'noon']) {
      await expect(db.updateTable('courses').set({ planned_time: bad }).where('id', '=', 1).execute(), bad).rejects.toThrow(/CHECK/);
      await expect(db.insertInto('course_day_times').values({ course_id: 1, on_date: '2026-01-07', planned_time: bad, set_by: 1, set_at: t }).execute(), bad).rejects.toThrow(/CHECK/);
    }
    // One time per course and day.
    await expect(db.insertInto('course_day_times').values({ course_id: 1, on_date: '2026-01-06', planned_time: '10:00', set_by: 1, set_at: t }).execute()).rejects.toThrow(/UNIQUE|PRIMARY/);
    await db.destroy();
  });
});
