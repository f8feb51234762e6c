import { type Kysely, sql } from 'kysely';

/**
 * Per-course session progress (count, first and last day, pulses), kept by triggers so the
 * today list and the dashboard read one row per course instead of counting its sessions.
 * Sessions are never deleted, so an insert adds and a correction recomputes its course.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE course_progress (
      course_id INTEGER PRIMARY KEY REFERENCES courses (id),
      sessions_done INTEGER NOT NULL CHECK (sessions_done >= 0),
      first_session_date TEXT CHECK (first_session_date IS NULL OR date(first_session_date) IS first_session_date),
      last_session_date TEXT CHECK (last_session_date IS NULL OR date(last_session_date) IS last_session_date),
      pulses_delivered INTEGER NOT NULL CHECK (pulses_delivered >= 0)
    ) STRICT
  `.execute(db);
  await sql`
    INSERT INTO course_progress (course_id, sessions_done, first_session_date, last_session_date, pulses_delivered)
    SELECT course_id, count(*), min(session_date), max(session_date), sum(pulses_delivered) FROM treatment_sessions GROUP BY course_id
  `.execute(db);
  await sql`
    CREATE TRIGGER course_progress_on_insert AFTER INSERT ON treatment_sessions BEGIN
      INSERT INTO course_progress (course_id, sessions_done, first_session_date, last_session_date, pulses_delivered)
      VALUES (NEW.course_id, 1, NEW.session_date, NEW.session_date, NEW.pulses_delivered)
      ON CONFLICT (course_id) DO UPDATE SET
        sessions_done = sessions_done + 1,
        first_session_date = min(first_session_date, excluded.first_session_date),
        last_session_date = max(last_session_date, excluded.last_session_date),
        pulses_delivered = pulses_delivered + excluded.pulses_delivered;
    END
  `.execute(db);
  await sql`
    CREATE TRIGGER course_progress_on_update AFTER UPDATE OF session_date, pulses_delivered ON treatment_sessions BEGIN
      UPDATE course_progress SET
        sessions_done = (SELECT count(*) FROM treatment_sessions WHERE course_id = NEW.course_id),
        first_session_date = (SELECT min(session_date) FROM treatment_sessions WHERE course_id = NEW.course_id),
        last_session_date = (SELECT max(session_date) FROM treatment_sessions WHERE course_id = NEW.course_id),
        pulses_delivered = (SELECT sum(pulses_delivered) FROM treatment_sessions WHERE course_id = NEW.course_id)
      WHERE course_id = NEW.course_id;
    END
  `.execute(db);
}
