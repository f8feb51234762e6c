import type { Kysely } from 'kysely';
import { afterRow, run } from './sql';

/**
 * PostgreSQL variant of 0006_course_revisions: a revision per course raised by triggers, and a
 * course_progress row for every course. (SQLite replaces 0005's insert trigger here to skip NULL
 * dates; 0005's PostgreSQL one already does, with least()/greatest().)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await run(db, `ALTER TABLE course_progress ADD COLUMN revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0)`);
  await run(db, `
    INSERT INTO course_progress (course_id, sessions_done, first_session_date, last_session_date, pulses_delivered)
    SELECT id, 0, NULL, NULL, 0 FROM courses WHERE id NOT IN (SELECT course_id FROM course_progress)`);
  await afterRow(db, 'course_progress_for_new_course', 'AFTER INSERT', 'courses', `
      INSERT INTO course_progress (course_id, sessions_done, first_session_date, last_session_date, pulses_delivered)
      VALUES (NEW.id, 0, NULL, NULL, 0);`);
  const triggers: Array<[string, string, string, string]> = [
    ['course_revision_on_course', 'AFTER UPDATE', 'courses', 'course_id = NEW.id'],
    ['course_revision_on_session_insert', 'AFTER INSERT', 'treatment_sessions', 'course_id = NEW.course_id'],
    ['course_revision_on_session_update', 'AFTER UPDATE', 'treatment_sessions', 'course_id IN (OLD.course_id, NEW.course_id)'],
    ['course_revision_on_adverse_event', 'AFTER INSERT', 'session_adverse_events',
      'course_id = (SELECT course_id FROM treatment_sessions WHERE id = NEW.session_id)'],
    ['course_revision_on_adverse_event_delete', 'AFTER DELETE', 'session_adverse_events',
      'course_id = (SELECT course_id FROM treatment_sessions WHERE id = OLD.session_id)'],
    ['course_revision_on_phq9_insert', 'AFTER INSERT', 'phq9_assessments', 'course_id = NEW.course_id'],
    ['course_revision_on_phq9_update', 'AFTER UPDATE', 'phq9_assessments', 'course_id IN (OLD.course_id, NEW.course_id)'],
    ['course_revision_on_acknowledgement', 'AFTER INSERT', 'phq9_item9_acknowledgements',
      'course_id = (SELECT course_id FROM phq9_assessments WHERE id = NEW.assessment_id)'],
    ['course_revision_on_patient', 'AFTER UPDATE', 'patients', 'course_id IN (SELECT id FROM courses WHERE patient_id = NEW.id)'],
    ['course_revision_on_prescriber', 'AFTER UPDATE OF name', 'staff', 'course_id IN (SELECT id FROM courses WHERE prescriber_id = NEW.id)'],
  ];
  for (const [name, timing, table, where] of triggers) {
    await afterRow(db, name, timing, table, `UPDATE course_progress SET revision = revision + 1 WHERE ${where};`);
  }
}
