import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { openDatabase } from '../../src/main/db';
import { runMigrations } from '../../src/main/db/migrate';
import { tempDir } from '../support/tempDatabase';

describe('migration 0010_course_session_interval', () => {
  it('copies each course its protocol’s minimum interval between sessions, leaving the rest of the course as it was', async () => {
    const file = join(tempDir(), 'v9.sqlite');
    const raw = new Database(file);
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    await runMigrations(old, raw, migrations.slice(0, 9));
    raw.exec(`
      INSERT INTO staff (name, role, created_at, updated_at) VALUES ('Dr A', 'psychiatrist', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
      INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex, primary_diagnosis, created_at, updated_at)
        VALUES ('M1', 'Ada', 'Lovelace', '1980-12-10', 'female', 'F33.2', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    `);
    const insert = raw.prepare(`INSERT INTO courses (patient_id, protocol_id, prescriber_id, protocol_name, target, coil, pattern, intensity_pct_mt, frequency_hz,
      burst_frequency_hz, pulses_per_burst, train_duration_s, inter_train_interval_s, trains, sessions_per_day, planned_sessions, schedule, authorized_sessions,
      start_date, status, notes, created_at, updated_at)
      SELECT 1, id, 1, name, target, coil, pattern, intensity_pct_mt, frequency_hz, burst_frequency_hz, pulses_per_burst, train_duration_s, inter_train_interval_s,
        trains, sessions_per_day, default_planned_sessions, '', default_planned_sessions, '2026-01-05', 'planned', '', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
      FROM protocols WHERE id = ?`);
    insert.run(1);
    insert.run(5);
    const before = raw.prepare('SELECT * FROM courses ORDER BY id').all();
    await old.destroy();

    const db = await openDatabase(file);
    const after = await db.selectFrom('courses').selectAll().orderBy('id').execute();
    // billing_scheme and planned_time: added by 0012 and 0013, which openDatabase runs too.
    expect(after.map(({ min_minutes_between_sessions: _m, billing_scheme: _b, planned_time: _p, ...rest }) => rest)).toEqual(before);
    expect(after.map((c) => [c.protocol_name, c.sessions_per_day, c.min_minutes_between_sessions])).toEqual([
      ['10 Hz rTMS, left DLPFC (FDA-cleared)', 1, null],
      ['Accelerated iTBS (SNT), left DLPFC', 10, 50],
    ]);
    await db.destroy();
  });
});
