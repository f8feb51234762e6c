import type { Kysely } from 'kysely';
import { run } from './sql';

/** PostgreSQL variant of 0013_planned_times (SQLite's WITHOUT ROWID has no counterpart: a plain table). */
export async function up(db: Kysely<any>): Promise<void> {
  const time = (column: string) => `${column} ~ '^([0-1][0-9]|2[0-3]):[0-5][0-9]$'`;
  await run(db, `ALTER TABLE courses ADD COLUMN planned_time text CHECK (planned_time IS NULL OR ${time('planned_time')})`);
  await run(db, `
    CREATE TABLE course_day_times (
      course_id integer NOT NULL REFERENCES courses (id),
      on_date text NOT NULL,
      planned_time text NOT NULL CHECK (${time('planned_time')}),
      set_by integer NOT NULL REFERENCES staff (id),
      set_at text NOT NULL,
      PRIMARY KEY (course_id, on_date)
    )`);
}
