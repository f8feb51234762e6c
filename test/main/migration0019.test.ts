import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { openDatabase } from '../../src/main/db';
import { engineOf } from '../../src/main/db/engines/engine';
import { runMigrations } from '../../src/main/db/migrate';
import { planOf } from '../support/queryPlan';
import { tempDatabase, tempDir, TEST_ENGINE } from '../support/tempDatabase';

const t = '2026-01-01T00:00:00.000Z';
const insertPatient = (id: number, mrn: string, first: string, last: string) =>
  `INSERT INTO patients (id, mrn, first_name, last_name, date_of_birth, sex, primary_diagnosis, created_at, updated_at)
    VALUES (${id}, '${mrn}', '${first}', '${last}', '1980-12-10', 'female', 'F33.2', '${t}', '${t}');`;

describe('migration 0019_patient_search (SQLite)', () => {
  it('indexes the patients already there, then follows every insert, rename and delete', async () => {
    const file = join(tempDir(), 'v18.sqlite');
    const raw = new Database(file);
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    await runMigrations(old, raw, migrations.slice(0, 18));
    raw.exec(insertPatient(1, 'MRN-0001', 'Ada', 'LOVELACE') + insertPatient(2, 'mrn-0002', 'Alan', 'Turing'));
    await old.destroy();

    const db = await openDatabase(file);
    const found = async (phrase: string) =>
      (await sql<{ id: number }>`SELECT rowid AS id FROM patient_search WHERE patient_search MATCH ${phrase} ORDER BY rowid`.execute(db)).rows.map((r) => r.id);
    // Lower-cased ASCII, case-sensitive trigrams: "LOVELACE" is found as "ove", never as "OVE".
    expect(await found('"ove"')).toEqual([1]);
    expect(await found('"OVE"')).toEqual([]);
    expect(await found('"mrn-000"')).toEqual([1, 2]);
    expect(await found('"ada lov"')).toEqual([]); // the fields are joined last, first, MRN
    expect(await found('"lovelace ada"')).toEqual([1]);

    await sql.raw(insertPatient(3, 'X-3', 'Grace', 'Hopper')).execute(db);
    expect(await found('"hop"')).toEqual([3]);
    await sql`UPDATE patients SET last_name = 'Brewster', mrn = 'Y-3' WHERE id = 3`.execute(db);
    expect(await found('"hop"')).toEqual([]);
    expect(await found('"brew"')).toEqual([3]);
    expect(await found('"y-3"')).toEqual([3]);
    // Fields outside the index leave it as it was.
    await sql`UPDATE patients SET notes = 'hopper' WHERE id = 3`.execute(db);
    expect(await found('"brew"')).toEqual([3]);
    expect(await found('"hopper"')).toEqual([]);
    // Patients are deleted only when an import is undone (0014); the index forgets them too.
    await sql`DROP TRIGGER patients_never_deleted`.execute(db);
    await sql`DELETE FROM patients WHERE id = 3`.execute(db);
    expect(await found('"brew"')).toEqual([]);
    await db.destroy();
  });
});

describe('migration 0019_patient_search: the search reads the index', () => {
  it('plans a search for a word of three letters or more through the index, on this engine', async () => {
    const { db } = await tempDatabase();
    const query = db.selectFrom('patients').select('id').where(engineOf(db).patientContainsAll(['Lov', 'a']));
    const compiled = query.compile();
    const plan = await planOf(db, compiled);
    expect(plan).toMatch(TEST_ENGINE === 'postgres' ? /Bitmap Index Scan on patients_search/ : /SCAN patient_search VIRTUAL TABLE INDEX/);
  });
});
