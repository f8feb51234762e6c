import { type Kysely, sql } from 'kysely';

/**
 * Assessments of any rating scale in one table (issue 14): a scale is data in the app
 * (src/shared/clinical/scales), so adding the next one needs no schema change.
 *
 * - `assessments` holds every scale: its id (`scale`, e.g. 'phq9', 'gad7', 'madrs'), the answers
 *   in item order as a JSON array of whole numbers, the total (a trigger checks it is their sum),
 *   whether the scale's suicide item is positive (decided by the app from the scale's
 *   definition), the PHQ-9's functional-difficulty answer (PHQ-9 only), notes, who entered it.
 *   Item ranges per scale are checked by the app (scoreAssessment); the database checks what it
 *   can know without the definitions (whole numbers 0–100, the sum, the PHQ-9's nine answers 0–3).
 * - `assessment_acknowledgements` (a positive suicide item, acknowledged by a named staff member)
 *   and `assessment_entered_in_error` replace the PHQ-9 ones, with the same rules (append-only).
 * - Every PHQ-9 is copied with its id (so audit entries of entity 'phq9' still point at it), its
 *   nine answers, total, difficulty, notes, author, time, the course it was typed under (kept as
 *   history in `legacy_course_id`), its item-9 acknowledgement and its entered-in-error mark.
 *   Then the PHQ-9 tables go.
 * - One valid assessment per scale per patient per day (a trigger; the app refuses first, naming
 *   the first). PHQ-9s stored twice on a day before schema 11 are kept.
 * - The dashboard's course revisions are raised for every course of the patient, as in 0011.
 * - Staff get `trained_rater`: the clinic marks who may enter clinician-rated scales besides
 *   psychiatrists.
 *
 * Written out here, not imported: migrations are frozen and import no app code.
 * Runs inside the migration runner's transaction. Numbered 0017: it came after 0013–0016
 * (planned times, import batches, treatment history, screening) when the branches met.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const stamp = (column: string) => sql.raw(`${column} TEXT NOT NULL CHECK (${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')`);
  await sql`
    CREATE TABLE assessments (
      id INTEGER PRIMARY KEY,
      patient_id INTEGER NOT NULL REFERENCES patients (id),
      scale TEXT NOT NULL CHECK (length(scale) BETWEEN 2 AND 20 AND scale NOT GLOB '*[^a-z0-9_]*'),
      assessed_on TEXT NOT NULL CHECK (date(assessed_on) IS assessed_on),
      answers TEXT NOT NULL CHECK (json_valid(answers) AND json_type(answers) = 'array' AND json_array_length(answers) BETWEEN 1 AND 100),
      total INTEGER NOT NULL CHECK (total >= 0),
      suicide_item_positive INTEGER NOT NULL CHECK (suicide_item_positive IN (0, 1)),
      difficulty TEXT CHECK (difficulty IS NULL OR (scale = 'phq9' AND difficulty IN ('not_difficult', 'somewhat', 'very', 'extremely'))),
      entered_by INTEGER NOT NULL REFERENCES staff (id),
      notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
      ${stamp('created_at')},
      legacy_course_id INTEGER REFERENCES courses (id),
      CHECK (scale <> 'phq9' OR (json_array_length(answers) = 9 AND total <= 27))
    ) STRICT
  `.execute(db);
  await sql`
    CREATE TABLE assessment_acknowledgements (
      assessment_id INTEGER PRIMARY KEY REFERENCES assessments (id),
      acknowledged_by INTEGER NOT NULL REFERENCES staff (id),
      ${stamp('acknowledged_at')},
      action_taken TEXT NOT NULL CHECK (length(trim(action_taken)) BETWEEN 3 AND 2000)
    ) STRICT
  `.execute(db);
  await sql`
    CREATE TABLE assessment_entered_in_error (
      assessment_id INTEGER PRIMARY KEY REFERENCES assessments (id),
      marked_by INTEGER NOT NULL REFERENCES staff (id),
      ${stamp('marked_at')},
      reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 5 AND 500)
    ) STRICT
  `.execute(db);

  // The copy, before any trigger exists (nothing to check or raise for rows already valid).
  await sql`
    INSERT INTO assessments (id, patient_id, scale, assessed_on, answers, total, suicide_item_positive, difficulty, entered_by, notes, created_at, legacy_course_id)
    SELECT id, patient_id, 'phq9', assessed_on, json_array(item1, item2, item3, item4, item5, item6, item7, item8, item9), total,
      item9 > 0, difficulty, entered_by, notes, created_at, course_id
    FROM phq9_assessments ORDER BY id
  `.execute(db);
  await sql`
    INSERT INTO assessment_acknowledgements (assessment_id, acknowledged_by, acknowledged_at, action_taken)
    SELECT assessment_id, acknowledged_by, acknowledged_at, action_taken FROM phq9_item9_acknowledgements ORDER BY assessment_id
  `.execute(db);
  await sql`
    INSERT INTO assessment_entered_in_error (assessment_id, marked_by, marked_at, reason)
    SELECT assessment_id, marked_by, marked_at, reason FROM phq9_entered_in_error ORDER BY assessment_id
  `.execute(db);
  const copied = (await sql<{ a: number; b: number; c: number; d: number; e: number; f: number }>`
    SELECT (SELECT count(*) FROM assessments) AS a, (SELECT count(*) FROM phq9_assessments) AS b,
      (SELECT count(*) FROM assessment_acknowledgements) AS c, (SELECT count(*) FROM phq9_item9_acknowledgements) AS d,
      (SELECT count(*) FROM assessment_entered_in_error) AS e, (SELECT count(*) FROM phq9_entered_in_error) AS f
  `.execute(db)).rows[0];
  if (!copied || copied.a !== copied.b || copied.c !== copied.d || copied.e !== copied.f) throw new Error('PHQ-9 copy incomplete');

  // Old triggers (0003, 0007, 0011, 0014) go with their tables.
  await sql`DROP TABLE phq9_entered_in_error`.execute(db);
  await sql`DROP TABLE phq9_item9_acknowledgements`.execute(db);
  await sql`DROP TABLE phq9_assessments`.execute(db);

  await sql`CREATE INDEX assessments_patient ON assessments (patient_id, scale, assessed_on)`.execute(db);
  await sql`CREATE INDEX assessments_suicide_item ON assessments (id) WHERE suicide_item_positive = 1`.execute(db);

  await sql`
    CREATE TRIGGER assessments_answers_sum BEFORE INSERT ON assessments
    WHEN EXISTS (SELECT 1 FROM json_each(NEW.answers) WHERE type <> 'integer' OR value < 0 OR value > 100)
      OR NEW.total IS NOT (SELECT sum(value) FROM json_each(NEW.answers))
      OR (NEW.scale = 'phq9' AND EXISTS (SELECT 1 FROM json_each(NEW.answers) WHERE value > 3))
      OR (NEW.scale = 'phq9' AND NEW.suicide_item_positive IS NOT (json_extract(NEW.answers, '$[8]') > 0))
    BEGIN SELECT RAISE(ABORT, 'An assessment''s answers are whole numbers in range and its total is their sum'); END
  `.execute(db);
  await sql`
    CREATE TRIGGER assessments_unchanged BEFORE UPDATE ON assessments
    BEGIN SELECT RAISE(ABORT, 'Assessments are never edited: mark one entered in error and enter it again'); END
  `.execute(db);
  // Never deleted, except the PHQ-9s of a CSV import while that import is being undone (as
  // 0014_import_batches wrote it for phq9_assessments; import_records keeps entity 'phq9').
  await sql`
    CREATE TRIGGER assessments_never_deleted BEFORE DELETE ON assessments
    WHEN NOT EXISTS (SELECT 1 FROM import_records r JOIN import_batches b ON b.id = r.batch_id
      WHERE r.entity = 'phq9' AND r.entity_id = OLD.id AND b.undoing = 1)
    BEGIN SELECT RAISE(ABORT, 'assessments are never deleted'); END
  `.execute(db);
  await sql`
    CREATE TRIGGER assessments_one_per_scale_patient_day BEFORE INSERT ON assessments
    WHEN EXISTS (
      SELECT 1 FROM assessments a
      WHERE a.patient_id = NEW.patient_id AND a.scale = NEW.scale AND a.assessed_on = NEW.assessed_on
        AND a.id NOT IN (SELECT assessment_id FROM assessment_entered_in_error)
    )
    BEGIN SELECT RAISE(ABORT, 'This patient already has an assessment of this scale on that day'); END
  `.execute(db);
  for (const table of ['assessment_acknowledgements', 'assessment_entered_in_error']) {
    for (const event of ['UPDATE', 'DELETE']) {
      await sql`
        CREATE TRIGGER ${sql.raw(`${table}_no_${event.toLowerCase()}`)} BEFORE ${sql.raw(event)} ON ${sql.raw(table)}
        BEGIN SELECT RAISE(ABORT, 'Acknowledgements and entered-in-error marks are append-only'); END
      `.execute(db);
    }
  }
  await sql`
    CREATE TRIGGER assessment_acknowledgement_needs_positive_item BEFORE INSERT ON assessment_acknowledgements
    WHEN (SELECT suicide_item_positive FROM assessments WHERE id = NEW.assessment_id) IS NOT 1
    BEGIN SELECT RAISE(ABORT, 'Only a positive suicide item is acknowledged'); END
  `.execute(db);

  const bumpPatient = (patient: string) =>
    sql.raw(`UPDATE course_progress SET revision = revision + 1 WHERE course_id IN (SELECT id FROM courses WHERE patient_id = ${patient});`);
  const triggers: Array<[string, string, string]> = [
    ['course_revision_on_assessment_insert', 'AFTER INSERT ON assessments', 'NEW.patient_id'],
    ['course_revision_on_assessment_acknowledgement', 'AFTER INSERT ON assessment_acknowledgements',
      '(SELECT patient_id FROM assessments WHERE id = NEW.assessment_id)'],
    ['course_revision_on_assessment_entered_in_error', 'AFTER INSERT ON assessment_entered_in_error',
      '(SELECT patient_id FROM assessments WHERE id = NEW.assessment_id)'],
  ];
  for (const [name, event, patient] of triggers) {
    await sql`CREATE TRIGGER ${sql.raw(name)} ${sql.raw(event)} BEGIN ${bumpPatient(patient)} END`.execute(db);
  }

  await sql`ALTER TABLE staff ADD COLUMN trained_rater INTEGER NOT NULL DEFAULT 0 CHECK (trained_rater IN (0, 1))`.execute(db);
}
