import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { openDatabase } from '../../src/main/db';
import { runMigrations } from '../../src/main/db/migrate';
import { tempDir } from '../support/tempDatabase';

describe('0002_courses_and_sessions', () => {
  it('upgrades a version-1 clinic, keeping its staff, patients and audit log, and seeds the protocols', async () => {
    const file = join(tempDir(), 'v1.sqlite');
    const raw = new Database(file);
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    await runMigrations(old, raw, migrations.slice(0, 1));
    raw.exec(`
      INSERT INTO staff (name, role, created_at, updated_at) VALUES ('Dr A', 'psychiatrist', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
      INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex, primary_diagnosis, created_at, updated_at)
        VALUES ('M1', 'Ada', 'Lovelace', '1980-12-10', 'female', 'F33.2', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
      INSERT INTO audit_log (at, staff_id, action, entity, entity_id, after_json) VALUES ('2026-01-01T00:00:00.000Z', 1, 'create', 'patient', 1, '{}');
    `);
    await old.destroy();

    const backups: string[] = [];
    const db = await openDatabase(file, { onBackup: (p) => backups.push(p) });
    expect(backups).toHaveLength(1);
    expect(await db.selectFrom('patients').select(['mrn', 'last_name']).execute()).toEqual([{ mrn: 'M1', last_name: 'Lovelace' }]);
    expect(await db.selectFrom('audit_log').select('entity').execute()).toEqual([{ entity: 'patient' }]);
    const protocols = await db.selectFrom('protocols').select(['name', 'pattern', 'trains', 'status']).orderBy('id').execute();
    expect(protocols.map((p) => [p.name, p.pattern, p.trains])).toEqual([
      ['10 Hz rTMS, left DLPFC (FDA-cleared)', 'rtms', 75],
      ['iTBS, left DLPFC', 'theta_burst', 20],
      ['Deep TMS, H1 coil, left DLPFC', 'rtms', 55],
      ['1 Hz rTMS, right DLPFC', 'rtms', 1],
      ['Accelerated iTBS (SNT), left DLPFC', 'theta_burst', 60],
    ]);
    // A released protocol revision cannot be edited, only superseded or retired.
    await expect(sql`UPDATE protocols SET trains = 10 WHERE id = 1`.execute(db)).rejects.toThrow(/immutable/);
    await sql`UPDATE protocols SET status = 'retired' WHERE id = 1`.execute(db);
    await expect(sql`DELETE FROM protocols WHERE id = 1`.execute(db)).rejects.toThrow(/never deleted/);
    await db.destroy();
  });
});
