import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { patientInput, prescriptionInput } from '../support/fixtures';
import { at, ok, tempDatabase, TEST_PASSWORD } from '../support/tempDatabase';

const T0 = at('2026-03-01T09:00:00.000Z');
const STAMP = '2026-04-01T09:00:00.000Z';

/** Staff 1, patients 1 and 2, course 1 of patient 1: written through dispatch. */
async function clinic() {
  const env = await tempDatabase();
  ok(await env.dispatch('staff:createFirst', { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD }, T0));
  ok(await env.dispatch('patients:create', patientInput(), T0));
  ok(await env.dispatch('patients:create', patientInput({ mrn: 'MRN-0002', firstName: 'Bob' }), T0));
  ok(await env.dispatch('courses:prescribe', prescriptionInput({ patientId: 1, protocolId: 1, startDate: '2026-03-02' }), T0));
  return env;
}

/**
 * The PostgreSQL migrations rewrite SQLite's checks and triggers (GLOB, date(), json_each, RAISE)
 * in PostgreSQL's SQL; the service suites exercise what they let through, these what they refuse.
 * Mirrors test/main/migration0017.test.ts and the guards of 0001–0016.
 */
describe('the PostgreSQL schema refuses what the SQLite one refuses', () => {
  it('assessments: sums, whole numbers, PHQ-9 ranges, one per scale per patient per day, no edits, acknowledgements of a positive item only', async () => {
    const { db } = await clinic();
    const insert = (scale: string, on: string, answers: unknown, total: number, suicide: 0 | 1) =>
      sql<{ id: number }>`INSERT INTO assessments (patient_id, scale, assessed_on, answers, total, suicide_item_positive, entered_by, created_at)
        VALUES (2, ${scale}, ${on}, ${typeof answers === 'string' ? answers : JSON.stringify(answers)}, ${total}, ${suicide}, 1, ${STAMP}) RETURNING id`.execute(db);
    const madrs = [4, 4, 3, 2, 2, 3, 3, 4, 3, 1];
    await expect(insert('madrs', '2026-04-01', madrs, 28, 1)).rejects.toThrow(/total is their sum/);
    await expect(insert('madrs', '2026-04-01', [...madrs.slice(0, 9), 1.5], 29, 1)).rejects.toThrow(/whole numbers/);
    await expect(insert('madrs', '2026-04-01', [...madrs.slice(0, 9), '1'], 29, 1)).rejects.toThrow(/whole numbers/);
    await expect(insert('madrs', '2026-04-01', [...madrs.slice(0, 9), 101], 129, 1)).rejects.toThrow(/in range/);
    await expect(insert('phq9', '2026-04-01', [4, 0, 0, 0, 0, 0, 0, 0, 0], 4, 0)).rejects.toThrow(/in range/);
    await expect(insert('phq9', '2026-04-01', [1, 0, 0, 0, 0, 0, 0, 0, 1], 2, 0)).rejects.toThrow(/in range/);
    await expect(insert('phq9', '2026-04-01', [1, 0, 0], 1, 0)).rejects.toThrow(/check constraint|in range/);
    await expect(insert('gad7', '2026-04-01', 'not json', 0, 0)).rejects.toThrow(/check constraint/);
    await expect(insert('gad7', '2026-04-01', { a: 1 }, 0, 0)).rejects.toThrow(/check constraint/);
    await expect(insert('MADRS!', '2026-04-01', madrs, 29, 1)).rejects.toThrow(/check constraint/);
    await expect(insert('gad7', '2026-02-30', [1, 1, 1, 1, 1, 1, 1], 7, 0)).rejects.toThrow(/check constraint/);
    const { rows } = await insert('madrs', '2026-04-01', madrs, 29, 1);
    await insert('gad7', '2026-04-01', [1, 1, 1, 1, 1, 1, 1], 7, 0);
    await insert('phq9', '2026-04-01', [1, 1, 1, 1, 1, 1, 1, 1, 0], 8, 0);
    await expect(insert('madrs', '2026-04-01', madrs, 29, 1)).rejects.toThrow(/already has an assessment of this scale on that day/);
    const id = rows[0]?.id ?? 0;
    await expect(sql`UPDATE assessments SET total = 0 WHERE id = ${id}`.execute(db)).rejects.toThrow(/never edited/);
    await expect(sql`DELETE FROM assessments WHERE id = ${id}`.execute(db)).rejects.toThrow(/never deleted/);
    const gad = (await sql<{ id: number }>`SELECT id FROM assessments WHERE scale = 'gad7'`.execute(db)).rows[0]?.id ?? 0;
    await expect(sql`INSERT INTO assessment_acknowledgements VALUES (${gad}, 1, ${STAMP}, 'Nothing to see')`.execute(db)).rejects.toThrow(/positive suicide item/);
    await sql`INSERT INTO assessment_acknowledgements VALUES (${id}, 1, ${STAMP}, 'Seen today')`.execute(db);
    await expect(sql`UPDATE assessment_acknowledgements SET action_taken = 'x' WHERE assessment_id = ${id}`.execute(db)).rejects.toThrow(/append-only/);
    // A course revision is raised for every course of the patient (the dashboard re-reads it).
    const revision = async () => (await sql<{ r: number }>`SELECT revision AS r FROM course_progress WHERE course_id = 1`.execute(db)).rows[0]?.r;
    const r0 = await revision();
    await sql`INSERT INTO assessments (patient_id, scale, assessed_on, answers, total, suicide_item_positive, entered_by, created_at)
      VALUES (1, 'cgi_s', '2026-04-02', '[5]', 5, 0, 1, ${STAMP})`.execute(db);
    expect(await revision()).toBe((r0 ?? 0) + 1);
  });

  it('deletes only what an import being undone created', async () => {
    const { db } = await clinic();
    await sql`INSERT INTO import_batches (kind, file_name, rows, imported_by, imported_at, imported_on) VALUES ('patients', 'p.csv', 1, 1, ${STAMP}, '2026-04-01')`.execute(db);
    await sql`INSERT INTO import_records (batch_id, entity, entity_id) VALUES (1, 'patient', 2)`.execute(db);
    await expect(sql`DELETE FROM patients WHERE id = 2`.execute(db)).rejects.toThrow(/archived, never deleted/);
    await sql`UPDATE import_batches SET undoing = 1 WHERE id = 1`.execute(db);
    await expect(sql`DELETE FROM patients WHERE id = 1`.execute(db)).rejects.toThrow(/archived, never deleted/);
    await sql`DELETE FROM patients WHERE id = 2`.execute(db);
    await sql`UPDATE import_batches SET undoing = 0, undone_by = 1, undone_at = ${STAMP} WHERE id = 1`.execute(db);
    await expect(sql`UPDATE import_batches SET undoing = 1 WHERE id = 1`.execute(db)).rejects.toThrow(/already undone/);
    expect((await sql<{ id: number }>`SELECT id FROM patients ORDER BY id`.execute(db)).rows).toEqual([{ id: 1 }]);
  });

  it('freezes released protocol revisions, keeps sessions, and checks formats as SQLite does', async () => {
    const { db } = await clinic();
    await expect(sql`UPDATE protocols SET trains = 99 WHERE id = 1`.execute(db)).rejects.toThrow(/immutable/);
    await expect(sql`UPDATE protocols SET billing_scheme = 'snt_per_day' WHERE id = 1`.execute(db)).rejects.toThrow(/immutable/);
    await sql`UPDATE protocols SET status = 'retired' WHERE id = 1`.execute(db);
    await expect(sql`DELETE FROM protocols WHERE id = 2`.execute(db)).rejects.toThrow(/never deleted/);
    await expect(sql`DELETE FROM courses WHERE id = 1`.execute(db)).rejects.toThrow(/never deleted/);
    await expect(sql`UPDATE patients SET mrn = 'MRN 7' WHERE id = 1`.execute(db)).rejects.toThrow(/check constraint/);
    await expect(sql`UPDATE patients SET date_of_birth = '1990-02-29' WHERE id = 1`.execute(db)).rejects.toThrow(/check constraint/);
    await expect(sql`UPDATE patients SET updated_at = '2026-04-01 09:00' WHERE id = 1`.execute(db)).rejects.toThrow(/check constraint/);
    await expect(sql`UPDATE courses SET planned_time = '24:00' WHERE id = 1`.execute(db)).rejects.toThrow(/check constraint/);
    await sql`UPDATE courses SET planned_time = '23:59' WHERE id = 1`.execute(db);
    await expect(sql`INSERT INTO staff (name, role, created_at, updated_at) VALUES ('DR. MAYA PATEL', 'admin', ${STAMP}, ${STAMP})`.execute(db)).rejects.toThrow(/duplicate key/);
    await expect(sql`UPDATE staff SET username = 'Maya' WHERE id = 1`.execute(db)).rejects.toThrow(/check constraint/);
  });
});
