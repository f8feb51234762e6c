import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { runMigrations } from '../../src/main/db/migrate';
import { tempDir } from '../support/tempDatabase';

describe('migration 0014_import_batches', () => {
  it('keeps patients, courses and PHQ-9s undeletable except the records of an import being undone', async () => {
    const file = join(tempDir(), 'v12.sqlite');
    const raw = new Database(file);
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    await runMigrations(old, raw, migrations.slice(0, 13));
    const t = '2026-01-01T00:00:00.000Z';
    raw.exec(`
      INSERT INTO staff (name, role, created_at, updated_at) VALUES ('Dr A', 'psychiatrist', '${t}', '${t}');
      INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex, primary_diagnosis, created_at, updated_at)
        VALUES ('M1', 'Ada', 'Lovelace', '1980-12-10', 'female', 'F33.2', '${t}', '${t}'), ('M2', 'Alan', 'Turing', '1954-06-23', 'male', 'F33.2', '${t}', '${t}');
      INSERT INTO phq9_assessments (patient_id, assessed_on, item1, item2, item3, item4, item5, item6, item7, item8, item9, entered_by, created_at)
        VALUES (1, '2025-12-01', 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, '${t}'), (2, '2025-12-01', 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, '${t}');
    `);
    // Up to schema 16 only: from 0017 on the PHQ-9s live in `assessments` (migration0017.test.ts
    // checks the same import-aware trigger there).
    await runMigrations(old, raw, migrations.slice(0, 16));
    await old.destroy();
    raw.close();
    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(16);
    expect(after.prepare('SELECT count(*) AS n FROM patients').get()).toEqual({ n: 2 });
    const strict = after.prepare("SELECT name, strict FROM pragma_table_list WHERE name LIKE 'import_%' ORDER BY name").all();
    expect(strict).toEqual([{ name: 'import_batches', strict: 1 }, { name: 'import_records', strict: 1 }]);

    // Patient 2 and its PHQ-9 belong to an import; patient 1 and its PHQ-9 do not.
    after.exec(`
      INSERT INTO import_batches (kind, file_name, rows, imported_by, imported_at, imported_on) VALUES ('patients', 'p.csv', 1, 1, '${t}', '2026-01-01');
      INSERT INTO import_records (batch_id, entity, entity_id) VALUES (1, 'patient', 2), (1, 'phq9', 2);
    `);
    expect(() => after.exec('DELETE FROM phq9_assessments WHERE id = 2')).toThrow('assessments are never deleted');
    after.exec('UPDATE import_batches SET undoing = 1 WHERE id = 1');
    expect(() => after.exec('DELETE FROM phq9_assessments WHERE id = 1')).toThrow('assessments are never deleted');
    expect(() => after.exec('DELETE FROM patients WHERE id = 1')).toThrow('patients are archived, never deleted');
    after.exec('DELETE FROM phq9_assessments WHERE id = 2; DELETE FROM patients WHERE id = 2;');
    expect(after.prepare('SELECT id FROM patients').all()).toEqual([{ id: 1 }]);
    after.exec(`UPDATE import_batches SET undoing = 0, undone_by = 1, undone_at = '${t}' WHERE id = 1`);
    expect(() => after.exec('UPDATE import_batches SET undoing = 1 WHERE id = 1')).toThrow('this import was already undone');
    expect(() => after.exec("UPDATE import_records SET entity_id = 1 WHERE batch_id = 1")).toThrow('import records are kept as written');
    expect(() => after.exec(`INSERT INTO import_batches (kind, file_name, rows, imported_by, imported_at, imported_on) VALUES ('staff', 'p.csv', 1, 1, '${t}', '2026-01-01')`)).toThrow(/CHECK/);
    after.close();
  });
});
