import type { Kysely } from 'kysely';
import { recordOutcomeRuleChanges } from '../0011_assessment_windows';
import { afterRow, dropTrigger, ID, isoTime, refuse, refuseWhen, run } from './sql';

/**
 * PostgreSQL variant of 0011_assessment_windows: PHQ-9s raise every course of their patient,
 * one valid PHQ-9 per patient per day, and the outcome rule changes (recorded by the SQLite
 * migration's own function, whose SQL runs on both engines).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await dropTrigger(db, 'course_revision_on_phq9_insert', 'phq9_assessments', true);
  await dropTrigger(db, 'course_revision_on_phq9_update', 'phq9_assessments', true);
  await dropTrigger(db, 'course_revision_on_acknowledgement', 'phq9_item9_acknowledgements', true);
  await dropTrigger(db, 'course_revision_on_phq9_entered_in_error', 'phq9_entered_in_error', true);
  const bumpPatient = (patient: string) =>
    `UPDATE course_progress SET revision = revision + 1 WHERE course_id IN (SELECT id FROM courses WHERE patient_id = ${patient});`;
  const triggers: Array<[string, string, string, string]> = [
    ['course_revision_on_phq9_insert', 'AFTER INSERT', 'phq9_assessments', 'NEW.patient_id'],
    ['course_revision_on_phq9_update', 'AFTER UPDATE', 'phq9_assessments', 'NEW.patient_id'],
    ['course_revision_on_acknowledgement', 'AFTER INSERT', 'phq9_item9_acknowledgements',
      '(SELECT patient_id FROM phq9_assessments WHERE id = NEW.assessment_id)'],
    ['course_revision_on_phq9_entered_in_error', 'AFTER INSERT', 'phq9_entered_in_error',
      '(SELECT patient_id FROM phq9_assessments WHERE id = NEW.assessment_id)'],
  ];
  for (const [name, timing, table, patient] of triggers) await afterRow(db, name, timing, table, bumpPatient(patient));
  await afterRow(db, 'course_revision_on_phq9_patient_change', 'AFTER UPDATE OF patient_id', 'phq9_assessments',
    bumpPatient('OLD.patient_id'), 'OLD.patient_id IS DISTINCT FROM NEW.patient_id');
  await run(db, `DROP INDEX phq9_course`);
  await refuseWhen(db, 'phq9_one_per_patient_day', 'BEFORE INSERT', 'phq9_assessments', 'This patient already has a PHQ-9 on that day', `
      EXISTS (SELECT 1 FROM phq9_assessments a
        WHERE a.patient_id = NEW.patient_id AND a.assessed_on = NEW.assessed_on
          AND a.id NOT IN (SELECT assessment_id FROM phq9_entered_in_error))`);

  await run(db, `
    CREATE TABLE outcome_rule_changes (
      ${ID},
      course_id integer NOT NULL REFERENCES courses (id),
      rule_change text NOT NULL CHECK (length(rule_change) BETWEEN 1 AND 60),
      recorded_at text NOT NULL CHECK (${isoTime('recorded_at')}),
      before_json text NOT NULL CHECK (tms_json_valid(before_json)),
      after_json text NOT NULL CHECK (tms_json_valid(after_json)),
      UNIQUE (course_id, rule_change)
    )`);
  await run(db, `
    CREATE TABLE outcome_rule_change_seen (
      change_id integer NOT NULL REFERENCES outcome_rule_changes (id),
      staff_id integer NOT NULL REFERENCES staff (id),
      seen_at text NOT NULL CHECK (${isoTime('seen_at')}),
      PRIMARY KEY (change_id, staff_id)
    )`);
  for (const table of ['outcome_rule_changes', 'outcome_rule_change_seen']) {
    for (const event of ['UPDATE', 'DELETE']) {
      await refuse(db, `${table}_no_${event.toLowerCase()}`, `BEFORE ${event}`, table, 'Outcome rule changes are kept as recorded');
    }
  }
  await recordOutcomeRuleChanges(db);
}
