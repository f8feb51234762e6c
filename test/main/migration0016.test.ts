import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { openDatabase } from '../../src/main/db';
import { runMigrations } from '../../src/main/db/migrate';
import { tempDir } from '../support/tempDatabase';

describe('migration 0016_screening_and_consent', () => {
  it('adds screenings and consents to an existing clinic: a positive answer is cleared only in writing, a cleared screening and a consent are final', async () => {
    const file = join(tempDir(), 'before.sqlite');
    const raw = new Database(file);
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    await runMigrations(old, raw, migrations.slice(0, migrations.findIndex((m) => m.name === '0016_screening_and_consent')));
    const t = '2026-01-01T00:00:00.000Z';
    raw.exec(`
      INSERT INTO staff (name, role, created_at, updated_at) VALUES ('Dr A', 'psychiatrist', '${t}', '${t}');
      INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex, primary_diagnosis, created_at, updated_at)
        VALUES ('M1', 'Ada', 'Lovelace', '1980-12-10', 'female', 'F33.2', '${t}', '${t}');
      INSERT INTO courses (patient_id, protocol_id, prescriber_id, protocol_name, target, coil, pattern, intensity_pct_mt, frequency_hz, train_duration_s,
        inter_train_interval_s, trains, sessions_per_day, planned_sessions, authorized_sessions, start_date, status, created_at, updated_at)
        VALUES (1, 1, 1, '10 Hz', 'left_dlpfc', 'Figure-8', 'rtms', 120, 10, 4, 26, 75, 1, 36, 36, '2026-01-05', 'active', '${t}', '${t}');
    `);
    await old.destroy();

    const db = await openDatabase(file);
    const screening = (metal: number, clearedBy: string, clearance: string) =>
      sql.raw(`INSERT INTO safety_screenings (course_id, screened_on, seizures, family_epilepsy, metal_in_head, implanted_devices, pregnancy, head_injury,
        excitability_medications, substance_use, screened_by, cleared_by, cleared_at, clearance, created_at)
        VALUES (1, '2026-01-02', 0, 0, ${metal}, 0, 0, 0, 0, 0, 1, ${clearedBy}, ${clearedBy === 'NULL' ? 'NULL' : `'${t}'`}, '${clearance}', '${t}')`).execute(db);
    await expect(screening(1, '1', '')).rejects.toThrow(/CHECK/);
    await expect(screening(2, 'NULL', '')).rejects.toThrow(/CHECK/);
    await screening(1, '1', 'Plate far from the coil');
    await screening(0, 'NULL', '');
    await expect(sql`UPDATE safety_screenings SET clearance = 'changed' WHERE id = 1`.execute(db)).rejects.toThrow(/final/);
    await sql`UPDATE safety_screenings SET cleared_by = 1, cleared_at = ${t} WHERE id = 2`.execute(db);
    await expect(sql`DELETE FROM safety_screenings`.execute(db)).rejects.toThrow(/never deleted/);
    await sql`INSERT INTO consents (course_id, consented_on, consent_version, obtained_by, recorded_by, created_at) VALUES (1, '2026-01-02', 'v3', 1, 1, ${t})`.execute(db);
    await expect(sql`INSERT INTO consents (course_id, consented_on, consent_version, obtained_by, recorded_by, created_at) VALUES (1, '2026-01-02', ' ', 1, 1, ${t})`.execute(db)).rejects.toThrow(/CHECK/);
    await expect(sql`UPDATE consents SET consent_version = 'v4'`.execute(db)).rejects.toThrow(/never changed/);
    // The course that had started before the rule keeps its status: the rule applies to first sessions only.
    expect(await db.selectFrom('courses').select('status').execute()).toEqual([{ status: 'active' }]);
    await db.destroy();
  });
});
