import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { openDatabase } from '../../src/main/db';
import { runMigrations } from '../../src/main/db/migrate';
import { listAssessments, openSuicideItemAlerts } from '../../src/main/services/assessments';
import { tempDir } from '../support/tempDatabase';

const STAMP = '2026-01-01T00:00:00.000Z';

/**
 * A schema-10 clinic (before one PHQ-9 per day was enforced), so it can hold two PHQ-9s on one
 * day; then schema 16 (everything before 0017) adds acknowledgements and entered-in-error marks as the app wrote them.
 */
async function writeSchema16Clinic(file: string) {
  const raw = new Database(file);
  const old = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
  await runMigrations(old, raw, migrations.slice(0, 10));
  raw.exec(`
    INSERT INTO staff (name, role, created_at, updated_at) VALUES ('Dr. Maya Patel', 'psychiatrist', '${STAMP}', '${STAMP}'), ('Sam Okafor', 'technician', '${STAMP}', '${STAMP}');
    INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex, primary_diagnosis, created_at, updated_at)
      VALUES ('M1', 'Ada', 'Lovelace', '1970-01-01', 'female', 'F33.1', '${STAMP}', '${STAMP}'), ('M2', 'Alan', 'Turing', '1971-06-23', 'male', 'F32.2', '${STAMP}', '${STAMP}');
    INSERT INTO courses (patient_id, protocol_id, prescriber_id, protocol_name, target, coil, pattern, intensity_pct_mt, frequency_hz,
        train_duration_s, inter_train_interval_s, trains, sessions_per_day, planned_sessions, authorized_sessions, start_date, status, created_at, updated_at)
      VALUES (1, 1, 1, '10 Hz rTMS', 'left_dlpfc', 'Figure-8', 'rtms', 120, 10, 4, 26, 75, 1, 36, 36, '2026-03-02', 'active', '${STAMP}', '${STAMP}');
  `);
  const phq9 = raw.prepare(`INSERT INTO phq9_assessments (id, patient_id, course_id, assessed_on, item1, item2, item3, item4, item5, item6, item7, item8, item9, difficulty, entered_by, notes, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // Ids with a gap, a course link kept as history, every difficulty and none, notes, a duplicate day.
  phq9.run(3, 1, null, '2026-02-27', 3, 3, 2, 2, 2, 2, 2, 1, 0, 'very', 2, 'Baseline before prescription', '2026-02-27T09:00:00.000Z');
  phq9.run(4, 1, 1, '2026-03-09', 2, 2, 1, 1, 1, 1, 1, 0, 2, 'somewhat', 2, '', '2026-03-09T09:00:00.000Z');
  phq9.run(7, 1, 1, '2026-03-16', 1, 1, 1, 0, 0, 0, 0, 0, 1, null, 1, 'Line one\nline two', '2026-03-16T09:00:00.000Z');
  phq9.run(8, 1, 1, '2026-03-16', 1, 1, 1, 1, 0, 0, 0, 0, 0, 'not_difficult', 2, '', '2026-03-16T10:00:00.000Z');
  phq9.run(9, 2, null, '2026-03-20', 3, 3, 3, 3, 3, 3, 3, 3, 3, 'extremely', 2, '', '2026-03-20T09:00:00.000Z');
  await runMigrations(old, raw, migrations.slice(0, 16));
  raw.exec(`
    INSERT INTO phq9_item9_acknowledgements (assessment_id, acknowledged_by, acknowledged_at, action_taken) VALUES (4, 1, '2026-03-09T15:00:00.000Z', 'Called; safety plan reviewed');
    INSERT INTO phq9_item9_acknowledgements (assessment_id, acknowledged_by, acknowledged_at, action_taken) VALUES (7, 1, '2026-03-16T15:00:00.000Z', 'Seen the same day');
    INSERT INTO phq9_entered_in_error (assessment_id, marked_by, marked_at, reason) VALUES (7, 1, '2026-03-17T08:00:00.000Z', 'Answers keyed for another patient');
  `);
  const before = {
    phq9: raw.prepare('SELECT * FROM phq9_assessments ORDER BY id').all(),
    acks: raw.prepare('SELECT * FROM phq9_item9_acknowledgements ORDER BY assessment_id').all(),
    errors: raw.prepare('SELECT * FROM phq9_entered_in_error ORDER BY assessment_id').all(),
  };
  await old.destroy();
  return before;
}

type OldRow = Record<string, string | number | null>;

describe('migration 0017_assessments', () => {
  it('moves every PHQ-9 into the generic table without loss: ids, answers, totals, difficulty, notes, authors, times, course history, acknowledgements, entered-in-error marks', async () => {
    const file = join(tempDir(), 'v16.sqlite');
    const before = await writeSchema16Clinic(file);
    const db = await openDatabase(file);
    const raw = new Database(file, { readonly: true });
    const rows = raw.prepare('SELECT * FROM assessments ORDER BY id').all() as OldRow[];
    expect(rows).toEqual(
      (before.phq9 as OldRow[]).map((o) => ({
        id: o.id,
        patient_id: o.patient_id,
        scale: 'phq9',
        assessed_on: o.assessed_on,
        answers: JSON.stringify([o.item1, o.item2, o.item3, o.item4, o.item5, o.item6, o.item7, o.item8, o.item9]),
        total: o.total,
        suicide_item_positive: Number(o.item9) > 0 ? 1 : 0,
        difficulty: o.difficulty,
        entered_by: o.entered_by,
        notes: o.notes,
        created_at: o.created_at,
        legacy_course_id: o.course_id,
      })),
    );
    expect(raw.prepare('SELECT * FROM assessment_acknowledgements ORDER BY assessment_id').all()).toEqual(before.acks);
    expect(raw.prepare('SELECT * FROM assessment_entered_in_error ORDER BY assessment_id').all()).toEqual(before.errors);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'phq9%'").all()).toEqual([]);
    expect(raw.prepare('SELECT trained_rater FROM staff ORDER BY id').all()).toEqual([{ trained_rater: 0 }, { trained_rater: 0 }]);
    raw.close();

    // The app reads them as before: scores, alerts (item 9 of PHQ-9 9 is open), marks.
    const list = await listAssessments(db, 1);
    expect(list.map((a) => [a.id, a.total, a.suicideItemPositive, a.enteredInError?.reason ?? null])).toEqual([
      [3, 17, false, null], [4, 11, true, null], [7, 4, true, 'Answers keyed for another patient'], [8, 4, false, null],
    ]);
    expect((await openSuicideItemAlerts(db)).map((a) => a.assessment.id)).toEqual([9]);
    await db.destroy();
  });

  it('guards the generic table: sums, PHQ-9 ranges, one per scale per patient per day, no edits, acknowledgements only of a positive suicide item', async () => {
    const file = join(tempDir(), 'v16.sqlite');
    await writeSchema16Clinic(file);
    const db = await openDatabase(file);
    const insert = (scale: string, on: string, answers: number[], total: number, suicide: 0 | 1) =>
      sql`INSERT INTO assessments (patient_id, scale, assessed_on, answers, total, suicide_item_positive, entered_by, created_at)
        VALUES (2, ${scale}, ${on}, ${JSON.stringify(answers)}, ${total}, ${suicide}, 1, ${STAMP}) RETURNING id`.execute(db);
    const madrs = [4, 4, 3, 2, 2, 3, 3, 4, 3, 1];
    await expect(insert('madrs', '2026-04-01', madrs, 28, 1)).rejects.toThrow(/total is their sum/);
    await expect(insert('madrs', '2026-04-01', [...madrs.slice(0, 9), 1.5], 29.5, 1)).rejects.toThrow(/STRICT|integer|sum/i);
    await expect(insert('phq9', '2026-04-01', [4, 0, 0, 0, 0, 0, 0, 0, 0], 4, 0)).rejects.toThrow(/in range/);
    await expect(insert('phq9', '2026-04-01', [1, 0, 0, 0, 0, 0, 0, 0, 1], 2, 0)).rejects.toThrow(/in range/);
    await expect(insert('phq9', '2026-04-01', [1, 0, 0], 1, 0)).rejects.toThrow(/CHECK|in range/);
    await expect(insert('MADRS!', '2026-04-01', madrs, 29, 1)).rejects.toThrow(/CHECK/);
    const { rows } = await insert('madrs', '2026-04-01', madrs, 29, 1);
    // The same day: another scale is fine, the same scale is refused.
    await insert('gad7', '2026-04-01', [1, 1, 1, 1, 1, 1, 1], 7, 0);
    await insert('phq9', '2026-04-01', [1, 1, 1, 1, 1, 1, 1, 1, 0], 8, 0);
    await expect(insert('madrs', '2026-04-01', madrs, 29, 1)).rejects.toThrow(/already has an assessment of this scale on that day/);
    const id = (rows[0] as { id: number }).id;
    await expect(sql`UPDATE assessments SET total = 0 WHERE id = ${id}`.execute(db)).rejects.toThrow(/never edited/);
    await expect(sql`DELETE FROM assessments WHERE id = ${id}`.execute(db)).rejects.toThrow(/never deleted/);
    await expect(sql`INSERT INTO assessment_acknowledgements VALUES (3, 1, ${STAMP}, 'Nothing to see')`.execute(db)).rejects.toThrow(/positive suicide item/);
    await sql`INSERT INTO assessment_acknowledgements VALUES (${id}, 1, ${STAMP}, 'Seen today')`.execute(db);
    await expect(sql`UPDATE assessment_acknowledgements SET action_taken = 'x' WHERE assessment_id = ${id}`.execute(db)).rejects.toThrow(/append-only/);
    // A course revision is raised for every course of the patient (the dashboard re-reads it).
    const revision = async () => (await sql<{ r: number }>`SELECT revision AS r FROM course_progress WHERE course_id = 1`.execute(db)).rows[0]?.r;
    const r0 = await revision();
    await sql`INSERT INTO assessments (patient_id, scale, assessed_on, answers, total, suicide_item_positive, entered_by, created_at)
      VALUES (1, 'cgi_s', '2026-04-02', '[5]', 5, 0, 1, ${STAMP})`.execute(db);
    expect(await revision()).toBe((r0 ?? 0) + 1);
    await db.destroy();
  });

  it('lets an import being undone delete its own PHQ-9s (as 0014_import_batches did for phq9_assessments), and nothing else', async () => {
    const file = join(tempDir(), 'v16.sqlite');
    await writeSchema16Clinic(file);
    const db = await openDatabase(file);
    await sql`INSERT INTO import_batches (id, kind, file_name, rows, imported_by, imported_at, imported_on) VALUES (1, 'phq9', 'phq9.csv', 1, 1, ${STAMP}, '2026-01-01')`.execute(db);
    // PHQ-9 8 was imported (entity 'phq9' as the import writes it); PHQ-9 3 was not.
    await sql`INSERT INTO import_records (batch_id, entity, entity_id) VALUES (1, 'phq9', 8)`.execute(db);
    await expect(sql`DELETE FROM assessments WHERE id = 8`.execute(db)).rejects.toThrow(/never deleted/);
    await sql`UPDATE import_batches SET undoing = 1 WHERE id = 1`.execute(db);
    await expect(sql`DELETE FROM assessments WHERE id = 3`.execute(db)).rejects.toThrow(/never deleted/);
    await sql`DELETE FROM assessments WHERE id = 8`.execute(db);
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM assessments WHERE id = 8`.execute(db)).rows[0]?.n).toBe(0);
    await db.destroy();
  });
});
