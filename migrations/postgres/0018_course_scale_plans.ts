import type { Kysely } from 'kysely';
import { onlyChars, run } from './sql';

/** PostgreSQL variant of 0018_course_scale_plans. */
export async function up(db: Kysely<any>): Promise<void> {
  await run(db, `
    CREATE TABLE course_scale_plans (
      course_id integer NOT NULL REFERENCES courses (id),
      scale text NOT NULL CHECK (length(scale) BETWEEN 2 AND 20 AND ${onlyChars('scale', 'a-z0-9_')}),
      schedule text NOT NULL CHECK (schedule IN ('weekly', 'baseline_mid_end')),
      PRIMARY KEY (course_id, scale)
    )`);
}
