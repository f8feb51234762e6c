import { type Kysely, sql } from 'kysely';

/**
 * Indexes the today list reads once per course (issue 16, part 6: 1,900 courses a day in a group
 * practice of 100,000 patients). Each replaces a narrower one it starts with, so nothing else
 * that used the old index loses it:
 * - the course's latest session and its technician, read backwards from the index (before: every
 *   session of the course read from the table and sorted);
 * - the course's current motor threshold, value and method in the index (before: a table read);
 * - a patient's positive suicide items (before: every assessment of the patient read from the table).
 * Runs inside the migration runner's transaction.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX treatment_sessions_course_latest ON treatment_sessions (course_id, session_date, start_time, id, technician_id)`.execute(db);
  await sql`DROP INDEX treatment_sessions_course_date`.execute(db);
  await sql`CREATE INDEX motor_thresholds_course_current ON motor_thresholds (course_id, measured_on, id, rmt_pct_mso, method)`.execute(db);
  await sql`DROP INDEX motor_thresholds_course`.execute(db);
  await sql`CREATE INDEX assessments_suicide_patient ON assessments (patient_id) WHERE suicide_item_positive = 1`.execute(db);
}
