import { type Kysely, sql } from 'kysely';

/**
 * Which rating scales a course follows and how often (issue 14): 'weekly' (a baseline, then one
 * at least every 7 days) or 'baseline_mid_end' (baseline, mid-course, end). A course without rows
 * follows the default, PHQ-9 weekly (the app's rule, src/shared/clinical/scalePlan.ts), so
 * existing courses need no rows. Changes are audited by the app; the plan is replaced whole.
 * Runs inside the migration runner's transaction.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE course_scale_plans (
      course_id INTEGER NOT NULL REFERENCES courses (id),
      scale TEXT NOT NULL CHECK (length(scale) BETWEEN 2 AND 20 AND scale NOT GLOB '*[^a-z0-9_]*'),
      schedule TEXT NOT NULL CHECK (schedule IN ('weekly', 'baseline_mid_end')),
      PRIMARY KEY (course_id, scale)
    ) STRICT
  `.execute(db);
}
