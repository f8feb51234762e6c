import { type Kysely, sql } from 'kysely';

/**
 * The today list at clinic scale: each course has a planned time of day (set on the course) and
 * may be moved for one day without changing the course (course_day_times, one row per course and
 * day). Times are HH:MM on the clinic's clock. Runs inside the migration runner's transaction.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const time = (column: string) => sql.raw(`${column} GLOB '[0-1][0-9]:[0-5][0-9]' OR ${column} GLOB '2[0-3]:[0-5][0-9]'`);
  await sql`ALTER TABLE courses ADD COLUMN planned_time TEXT CHECK (planned_time IS NULL OR ${time('planned_time')})`.execute(db);
  await sql`
    CREATE TABLE course_day_times (
      course_id INTEGER NOT NULL REFERENCES courses (id),
      on_date TEXT NOT NULL,
      planned_time TEXT NOT NULL CHECK (${time('planned_time')}),
      set_by INTEGER NOT NULL REFERENCES staff (id),
      set_at TEXT NOT NULL,
      PRIMARY KEY (course_id, on_date)
    ) STRICT, WITHOUT ROWID
  `.execute(db);
}
