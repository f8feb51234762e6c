import type { Kysely } from 'kysely';
import { run } from './sql';

/** PostgreSQL variant of 0010_course_session_interval. */
export async function up(db: Kysely<any>): Promise<void> {
  await run(db, `
    ALTER TABLE courses ADD COLUMN min_minutes_between_sessions integer
      CHECK (min_minutes_between_sessions IS NULL OR min_minutes_between_sessions BETWEEN 0 AND 1440)`);
  await run(db, `
    UPDATE courses SET min_minutes_between_sessions =
      (SELECT min_minutes_between_sessions FROM protocols WHERE protocols.id = courses.protocol_id)`);
}
