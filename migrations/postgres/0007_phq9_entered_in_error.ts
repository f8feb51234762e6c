import type { Kysely } from 'kysely';
import { afterRow, isoTime, refuse, run } from './sql';

/** PostgreSQL variant of 0007_phq9_entered_in_error (dropped again by 0017). */
export async function up(db: Kysely<any>): Promise<void> {
  await run(db, `
    CREATE TABLE phq9_entered_in_error (
      assessment_id integer PRIMARY KEY REFERENCES phq9_assessments (id),
      marked_by integer NOT NULL REFERENCES staff (id),
      marked_at text NOT NULL CHECK (${isoTime('marked_at')}),
      reason text NOT NULL CHECK (length(trim(reason)) BETWEEN 5 AND 500)
    )`);
  for (const [name, event] of [['phq9_entered_in_error_no_update', 'UPDATE'], ['phq9_entered_in_error_no_delete', 'DELETE']] as const) {
    await refuse(db, name, `BEFORE ${event}`, 'phq9_entered_in_error', 'A PHQ-9 marked entered in error stays marked');
  }
  await afterRow(db, 'course_revision_on_phq9_entered_in_error', 'AFTER INSERT', 'phq9_entered_in_error', `
      UPDATE course_progress SET revision = revision + 1
      WHERE course_id = (SELECT course_id FROM phq9_assessments WHERE id = NEW.assessment_id);`);
}
