import { type Kysely, sql } from 'kysely';

/**
 * A PHQ-9 saved by mistake (wrong patient, mis-keyed answers) is marked "entered in error" by a
 * psychiatrist with a reason, never deleted or edited: it stays in the record, struck through,
 * and leaves the outcome, the charts, the dashboard and the alerts. One mark per assessment,
 * append-only like the item-9 acknowledgements.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE phq9_entered_in_error (
      assessment_id INTEGER PRIMARY KEY REFERENCES phq9_assessments (id),
      marked_by INTEGER NOT NULL REFERENCES staff (id),
      marked_at TEXT NOT NULL CHECK (marked_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
      reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 5 AND 500)
    ) STRICT
  `.execute(db);
  for (const [name, event] of [['phq9_entered_in_error_no_update', 'UPDATE'], ['phq9_entered_in_error_no_delete', 'DELETE']] as const) {
    await sql`
      CREATE TRIGGER ${sql.raw(name)} BEFORE ${sql.raw(event)} ON phq9_entered_in_error
      BEGIN SELECT RAISE(ABORT, 'A PHQ-9 marked entered in error stays marked'); END
    `.execute(db);
  }
  await sql`
    CREATE TRIGGER course_revision_on_phq9_entered_in_error AFTER INSERT ON phq9_entered_in_error BEGIN
      UPDATE course_progress SET revision = revision + 1
      WHERE course_id = (SELECT course_id FROM phq9_assessments WHERE id = NEW.assessment_id);
    END
  `.execute(db);
}
