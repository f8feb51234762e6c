import { type Kysely, sql } from 'kysely';

/**
 * Accelerated protocols (SNT/SAINT: at least 50 min from one session's start to the next) copy
 * their minimum interval into the course at prescription, like sessions per day, so a later
 * protocol revision cannot change a course under way. Existing courses take their protocol's.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE courses ADD COLUMN min_minutes_between_sessions INTEGER
      CHECK (min_minutes_between_sessions IS NULL OR min_minutes_between_sessions BETWEEN 0 AND 1440)
  `.execute(db);
  await sql`
    UPDATE courses SET min_minutes_between_sessions =
      (SELECT min_minutes_between_sessions FROM protocols WHERE protocols.id = courses.protocol_id)
  `.execute(db);
}
