import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { openDatabase } from '../../src/main/db';
import { runMigrations } from '../../src/main/db/migrate';
import { tempDir } from '../support/tempDatabase';

describe('migration 0015_treatment_history', () => {
  it('adds the treatment-history tables to an existing clinic, with the zod rules as CHECKs and no deletes', async () => {
    const file = join(tempDir(), 'before.sqlite');
    const raw = new Database(file);
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    await runMigrations(old, raw, migrations.slice(0, migrations.findIndex((m) => m.name === '0015_treatment_history')));
    const t = '2026-01-01T00:00:00.000Z';
    raw.exec(`
      INSERT INTO staff (name, role, created_at, updated_at) VALUES ('Dr A', 'psychiatrist', '${t}', '${t}');
      INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex, primary_diagnosis, created_at, updated_at)
        VALUES ('M1', 'Ada', 'Lovelace', '1980-12-10', 'female', 'F33.2', '${t}', '${t}');
    `);
    await old.destroy();

    const db = await openDatabase(file);
    expect(await db.selectFrom('patients').select('mrn').execute()).toEqual([{ mrn: 'M1' }]);
    const meta = `1, 0, '${t}', '${t}'`;
    await sql.raw(`INSERT INTO antidepressant_trials (patient_id, drug, drug_class, dose, started_on, ended_on, adequate, outcome, outcome_note, entered_by, version, created_at, updated_at)
      VALUES (1, 'Sertraline', 'SSRI', '150 mg', '2025-01-06', '2025-03-31', 1, 'no_response', '', ${meta})`).execute(db);
    const trial = (end: string, outcome: string, note: string) => sql.raw(`INSERT INTO antidepressant_trials (patient_id, drug, drug_class, dose, started_on, ended_on, adequate, outcome, outcome_note, entered_by, version, created_at, updated_at)
      VALUES (1, 'Sertraline', 'SSRI', '150 mg', '2025-01-06', ${end}, 1, '${outcome}', '${note}', ${meta})`).execute(db);
    await expect(trial(`'2024-12-31'`, 'no_response', '')).rejects.toThrow(/CHECK/);
    await expect(trial('NULL', 'other', '')).rejects.toThrow(/CHECK/);
    await expect(trial('NULL', 'cured', 'x')).rejects.toThrow(/CHECK/);
    await trial('NULL', 'other', 'Stopped for cost');
    await expect(sql.raw(`INSERT INTO psychotherapy_trials (patient_id, therapy_type, started_on, sessions, notes, entered_by, version, created_at, updated_at)
      VALUES (1, 'cbt', '2024-09-02', -1, '', ${meta})`).execute(db)).rejects.toThrow(/CHECK/);
    await expect(sql.raw(`INSERT INTO current_medications (patient_id, drug, dose, started_on, changed_on, entered_by, version, created_at, updated_at)
      VALUES (1, 'Lorazepam', '1 mg', '2026-02-01', '2026-01-31', ${meta})`).execute(db)).rejects.toThrow(/CHECK/);
    await expect(sql`DELETE FROM antidepressant_trials`.execute(db)).rejects.toThrow(/never deleted/);
    const tables = await sql<{ name: string; strict: number }>`SELECT name, strict FROM pragma_table_list WHERE name IN ('antidepressant_trials', 'psychotherapy_trials', 'current_medications')`.execute(db);
    expect(tables.rows.map((r) => [r.name, r.strict]).sort()).toEqual([['antidepressant_trials', 1], ['current_medications', 1], ['psychotherapy_trials', 1]]);
    await db.destroy();
  });
});
