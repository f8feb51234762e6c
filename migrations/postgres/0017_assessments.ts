import type { Kysely } from 'kysely';
import { afterRow, ID, isDate, isoTime, onlyChars, refuse, refuseWhen, run } from './sql';

/**
 * PostgreSQL variant of 0017_assessments: every scale in one table, the PHQ-9s copied in with
 * their ids, acknowledgements and entered-in-error marks; then the PHQ-9 tables (and, unlike
 * SQLite, their trigger functions) go. SQLite's json_each/json_extract checks are PL/pgSQL here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // SQLite json_array_length of a valid JSON array; NULL for anything else.
  await run(db, `
    CREATE FUNCTION tms_json_array_length(v text) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $fn$
    BEGIN
      IF json_typeof(v::json) <> 'array' THEN RETURN NULL; END IF;
      RETURN json_array_length(v::json);
    EXCEPTION WHEN others THEN RETURN NULL;
    END $fn$`);
  const stamp = (column: string) => `${column} text NOT NULL CHECK (${isoTime(column)})`;
  await run(db, `
    CREATE TABLE assessments (
      ${ID},
      patient_id integer NOT NULL REFERENCES patients (id),
      scale text NOT NULL CHECK (length(scale) BETWEEN 2 AND 20 AND ${onlyChars('scale', 'a-z0-9_')}),
      assessed_on text NOT NULL CHECK (${isDate('assessed_on')}),
      answers text NOT NULL CHECK (coalesce(tms_json_array_length(answers), 0) BETWEEN 1 AND 100),
      total integer NOT NULL CHECK (total >= 0),
      suicide_item_positive integer NOT NULL CHECK (suicide_item_positive IN (0, 1)),
      difficulty text CHECK (difficulty IS NULL OR (scale = 'phq9' AND difficulty IN ('not_difficult', 'somewhat', 'very', 'extremely'))),
      entered_by integer NOT NULL REFERENCES staff (id),
      notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
      ${stamp('created_at')},
      legacy_course_id integer REFERENCES courses (id),
      CHECK (scale <> 'phq9' OR (tms_json_array_length(answers) = 9 AND total <= 27))
    )`);
  await run(db, `
    CREATE TABLE assessment_acknowledgements (
      assessment_id integer PRIMARY KEY REFERENCES assessments (id),
      acknowledged_by integer NOT NULL REFERENCES staff (id),
      ${stamp('acknowledged_at')},
      action_taken text NOT NULL CHECK (length(trim(action_taken)) BETWEEN 3 AND 2000)
    )`);
  await run(db, `
    CREATE TABLE assessment_entered_in_error (
      assessment_id integer PRIMARY KEY REFERENCES assessments (id),
      marked_by integer NOT NULL REFERENCES staff (id),
      ${stamp('marked_at')},
      reason text NOT NULL CHECK (length(trim(reason)) BETWEEN 5 AND 500)
    )`);

  await run(db, `
    INSERT INTO assessments (id, patient_id, scale, assessed_on, answers, total, suicide_item_positive, difficulty, entered_by, notes, created_at, legacy_course_id)
    SELECT id, patient_id, 'phq9', assessed_on, '[' || concat_ws(',', item1, item2, item3, item4, item5, item6, item7, item8, item9) || ']', total,
      (item9 > 0)::integer, difficulty, entered_by, notes, created_at, course_id
    FROM phq9_assessments ORDER BY id`);
  await run(db, `SELECT setval(pg_get_serial_sequence('assessments', 'id'), coalesce((SELECT max(id) FROM assessments), 0) + 1, false)`);
  await run(db, `
    INSERT INTO assessment_acknowledgements (assessment_id, acknowledged_by, acknowledged_at, action_taken)
    SELECT assessment_id, acknowledged_by, acknowledged_at, action_taken FROM phq9_item9_acknowledgements ORDER BY assessment_id`);
  await run(db, `
    INSERT INTO assessment_entered_in_error (assessment_id, marked_by, marked_at, reason)
    SELECT assessment_id, marked_by, marked_at, reason FROM phq9_entered_in_error ORDER BY assessment_id`);

  await run(db, `DROP TABLE phq9_entered_in_error`);
  await run(db, `DROP TABLE phq9_item9_acknowledgements`);
  await run(db, `DROP TABLE phq9_assessments`);
  for (const fn of ['course_revision_on_phq9_insert', 'course_revision_on_phq9_update', 'course_revision_on_acknowledgement',
    'course_revision_on_phq9_entered_in_error', 'course_revision_on_phq9_patient_change', 'phq9_one_per_patient_day', 'phq9_never_deleted']) {
    await run(db, `DROP FUNCTION ${fn}()`);
  }

  await run(db, `CREATE INDEX assessments_patient ON assessments (patient_id, scale, assessed_on)`);
  await run(db, `CREATE INDEX assessments_suicide_item ON assessments (id) WHERE suicide_item_positive = 1`);

  // Answers that are not a JSON array are left to the CHECK; here each must be a whole number 0–100.
  const answers = `json_array_elements(NEW.answers::json)`;
  await refuseWhen(db, 'assessments_answers_sum', 'BEFORE INSERT', 'assessments',
    'An assessment\'s answers are whole numbers in range and its total is their sum', `
      coalesce(tms_json_array_length(NEW.answers), 0) > 0 AND (
        EXISTS (SELECT 1 FROM ${answers} e WHERE CASE WHEN json_typeof(e) = 'number' AND e::text ~ '^-?[0-9]+$'
          THEN e::text::numeric NOT BETWEEN 0 AND 100 ELSE true END)
        OR (NOT EXISTS (SELECT 1 FROM ${answers} e WHERE json_typeof(e) <> 'number' OR e::text !~ '^-?[0-9]+$')
          AND NEW.total IS DISTINCT FROM (SELECT sum(e::text::numeric) FROM ${answers} e))
        OR (NEW.scale = 'phq9' AND NOT EXISTS (SELECT 1 FROM ${answers} e WHERE json_typeof(e) <> 'number' OR e::text !~ '^-?[0-9]+$') AND (
          EXISTS (SELECT 1 FROM ${answers} e WHERE e::text::numeric > 3)
          OR NEW.suicide_item_positive IS DISTINCT FROM ((NEW.answers::json ->> 8)::numeric > 0)::integer)))`);
  await refuse(db, 'assessments_unchanged', 'BEFORE UPDATE', 'assessments', 'Assessments are never edited: mark one entered in error and enter it again');
  await refuseWhen(db, 'assessments_never_deleted', 'BEFORE DELETE', 'assessments', 'assessments are never deleted', `
      NOT EXISTS (SELECT 1 FROM import_records r JOIN import_batches b ON b.id = r.batch_id
        WHERE r.entity = 'phq9' AND r.entity_id = OLD.id AND b.undoing = 1)`);
  await refuseWhen(db, 'assessments_one_per_scale_patient_day', 'BEFORE INSERT', 'assessments', 'This patient already has an assessment of this scale on that day', `
      EXISTS (SELECT 1 FROM assessments a
        WHERE a.patient_id = NEW.patient_id AND a.scale = NEW.scale AND a.assessed_on = NEW.assessed_on
          AND a.id NOT IN (SELECT assessment_id FROM assessment_entered_in_error))`);
  for (const table of ['assessment_acknowledgements', 'assessment_entered_in_error']) {
    for (const event of ['UPDATE', 'DELETE']) {
      await refuse(db, `${table}_no_${event.toLowerCase()}`, `BEFORE ${event}`, table, 'Acknowledgements and entered-in-error marks are append-only');
    }
  }
  await refuseWhen(db, 'assessment_acknowledgement_needs_positive_item', 'BEFORE INSERT', 'assessment_acknowledgements', 'Only a positive suicide item is acknowledged',
    `(SELECT suicide_item_positive FROM assessments WHERE id = NEW.assessment_id) IS DISTINCT FROM 1`);

  const bumpPatient = (patient: string) =>
    `UPDATE course_progress SET revision = revision + 1 WHERE course_id IN (SELECT id FROM courses WHERE patient_id = ${patient});`;
  const triggers: Array<[string, string, string]> = [
    ['course_revision_on_assessment_insert', 'assessments', 'NEW.patient_id'],
    ['course_revision_on_assessment_acknowledgement', 'assessment_acknowledgements', '(SELECT patient_id FROM assessments WHERE id = NEW.assessment_id)'],
    ['course_revision_on_assessment_entered_in_error', 'assessment_entered_in_error', '(SELECT patient_id FROM assessments WHERE id = NEW.assessment_id)'],
  ];
  for (const [name, table, patient] of triggers) await afterRow(db, name, 'AFTER INSERT', table, bumpPatient(patient));

  await run(db, `ALTER TABLE staff ADD COLUMN trained_rater integer NOT NULL DEFAULT 0 CHECK (trained_rater IN (0, 1))`);
}
