import type { Kysely } from 'kysely';
import { run } from './sql';

/** PostgreSQL variant of 0020_today_list_indexes: the same indexes, the same ones dropped. */
export async function up(db: Kysely<any>): Promise<void> {
  await run(db, 'CREATE INDEX treatment_sessions_course_latest ON treatment_sessions (course_id, session_date, start_time, id, technician_id)');
  await run(db, 'DROP INDEX treatment_sessions_course_date');
  await run(db, 'CREATE INDEX motor_thresholds_course_current ON motor_thresholds (course_id, measured_on, id, rmt_pct_mso, method)');
  await run(db, 'DROP INDEX motor_thresholds_course');
  await run(db, 'CREATE INDEX assessments_suicide_patient ON assessments (patient_id) WHERE suicide_item_positive = 1');
}
