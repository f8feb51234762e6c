import type { Kysely } from 'kysely';
import { afterRow, isDate, run } from './sql';

/** PostgreSQL variant of 0005_course_progress: per-course progress kept by triggers. */
export async function up(db: Kysely<any>): Promise<void> {
  await run(db, `
    CREATE TABLE course_progress (
      course_id integer PRIMARY KEY REFERENCES courses (id),
      sessions_done integer NOT NULL CHECK (sessions_done >= 0),
      first_session_date text CHECK (first_session_date IS NULL OR ${isDate('first_session_date')}),
      last_session_date text CHECK (last_session_date IS NULL OR ${isDate('last_session_date')}),
      pulses_delivered integer NOT NULL CHECK (pulses_delivered >= 0)
    )`);
  await run(db, `
    INSERT INTO course_progress (course_id, sessions_done, first_session_date, last_session_date, pulses_delivered)
    SELECT course_id, count(*), min(session_date), max(session_date), sum(pulses_delivered) FROM treatment_sessions GROUP BY course_id`);
  // least()/greatest() skip NULLs, as 0006's coalesce makes SQLite's min()/max() do.
  await afterRow(db, 'course_progress_on_insert', 'AFTER INSERT', 'treatment_sessions', `
      INSERT INTO course_progress AS p (course_id, sessions_done, first_session_date, last_session_date, pulses_delivered)
      VALUES (NEW.course_id, 1, NEW.session_date, NEW.session_date, NEW.pulses_delivered)
      ON CONFLICT (course_id) DO UPDATE SET
        sessions_done = p.sessions_done + 1,
        first_session_date = least(p.first_session_date, excluded.first_session_date),
        last_session_date = greatest(p.last_session_date, excluded.last_session_date),
        pulses_delivered = p.pulses_delivered + excluded.pulses_delivered;`);
  await afterRow(db, 'course_progress_on_update', 'AFTER UPDATE OF session_date, pulses_delivered', 'treatment_sessions', `
      UPDATE course_progress SET
        sessions_done = (SELECT count(*) FROM treatment_sessions WHERE course_id = NEW.course_id),
        first_session_date = (SELECT min(session_date) FROM treatment_sessions WHERE course_id = NEW.course_id),
        last_session_date = (SELECT max(session_date) FROM treatment_sessions WHERE course_id = NEW.course_id),
        pulses_delivered = (SELECT sum(pulses_delivered) FROM treatment_sessions WHERE course_id = NEW.course_id)
      WHERE course_id = NEW.course_id;`);
}
