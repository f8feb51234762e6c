import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { openDatabase } from '../../src/main/db';
import { runMigrations } from '../../src/main/db/migrate';
import { tempDir } from '../support/tempDatabase';

describe('migration 0012_billing_scheme', () => {
  it('bills the seeded SNT protocol, its revisions and its courses per treatment day, everything else per session, and freezes the scheme', async () => {
    const file = join(tempDir(), 'v9.sqlite');
    const raw = new Database(file);
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    await runMigrations(old, raw, migrations.slice(0, 9));
    const t = '2026-01-01T00:00:00.000Z';
    raw.exec(`
      INSERT INTO staff (name, role, created_at, updated_at) VALUES ('Dr A', 'psychiatrist', '${t}', '${t}');
      INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex, primary_diagnosis, created_at, updated_at)
        VALUES ('M1', 'Ada', 'Lovelace', '1980-12-10', 'female', 'F33.2', '${t}', '${t}');
      UPDATE protocols SET status = 'superseded' WHERE id = 5;
      INSERT INTO protocols (id, lineage_id, revision, name, target, coil, pattern, intensity_pct_mt, frequency_hz, burst_frequency_hz,
        pulses_per_burst, train_duration_s, inter_train_interval_s, trains, sessions_per_day, min_minutes_between_sessions,
        default_planned_sessions, reference, status, created_by, created_at)
        SELECT 6, 5, 2, name, target, coil, pattern, intensity_pct_mt, frequency_hz, burst_frequency_hz, pulses_per_burst, train_duration_s,
          inter_train_interval_s, 50, sessions_per_day, min_minutes_between_sessions, default_planned_sessions, reference, 'current', 1, '${t}'
        FROM protocols WHERE id = 5;
    `);
    const course = raw.prepare(`INSERT INTO courses (patient_id, protocol_id, prescriber_id, protocol_name, target, coil, pattern, intensity_pct_mt,
      frequency_hz, burst_frequency_hz, pulses_per_burst, train_duration_s, inter_train_interval_s, trains, sessions_per_day, planned_sessions,
      authorized_sessions, start_date, status, ended_on, created_at, updated_at)
      SELECT 1, id, 1, name, target, coil, pattern, intensity_pct_mt, frequency_hz, burst_frequency_hz, pulses_per_burst, train_duration_s,
        inter_train_interval_s, trains, sessions_per_day, default_planned_sessions, 36, '2025-06-02', 'completed', '2025-07-20', '${t}', '${t}'
      FROM protocols WHERE id = ?`);
    for (const protocolId of [1, 5, 6, 2]) course.run(protocolId);
    await old.destroy();

    const db = await openDatabase(file);
    const protocols = await db.selectFrom('protocols').select(['id', 'billing_scheme']).orderBy('id').execute();
    expect(protocols.map((p) => [p.id, p.billing_scheme])).toEqual([
      [1, 'per_session'], [2, 'per_session'], [3, 'per_session'], [4, 'per_session'], [5, 'snt_per_day'], [6, 'snt_per_day'],
    ]);
    const courses = await db.selectFrom('courses').select(['protocol_id', 'billing_scheme']).orderBy('id').execute();
    expect(courses).toEqual([
      { protocol_id: 1, billing_scheme: 'per_session' },
      { protocol_id: 5, billing_scheme: 'snt_per_day' },
      { protocol_id: 6, billing_scheme: 'snt_per_day' },
      { protocol_id: 2, billing_scheme: 'per_session' },
    ]);
    // A released revision's billing is frozen like its other parameters; retiring still works.
    await expect(sql`UPDATE protocols SET billing_scheme = 'per_session' WHERE id = 6`.execute(db)).rejects.toThrow(/immutable/);
    await expect(sql`UPDATE protocols SET status = 'retired', billing_scheme = 'per_session' WHERE id = 6`.execute(db)).rejects.toThrow(/immutable/);
    await sql`UPDATE protocols SET status = 'retired' WHERE id = 6`.execute(db);
    await expect(sql`UPDATE courses SET billing_scheme = 'per_week' WHERE id = 1`.execute(db)).rejects.toThrow(/CHECK/);
    await db.destroy();
  });
});
