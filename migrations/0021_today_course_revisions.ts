import { type Kysely, sql } from 'kysely';

/**
 * The course revision of 0006 also moves when anything else the today list shows of a course
 * changes: its motor thresholds, its planned time moved for a day, its scale plan (what is due).
 * The today list then keeps each course's row and re-reads only the courses whose revision moved
 * (issue 16, part 6: 1,900 courses a day in a group practice of 100,000 patients), as the dashboard
 * does. The last technician's name is the one fact it shows from a table without a course (staff):
 * the list's reader checks the staff names itself, a handful of rows. The dashboard re-reads these
 * courses too, and finds them unchanged.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, event, where] of todayRevisionTriggers) {
    await sql`CREATE TRIGGER ${sql.raw(name)} ${sql.raw(event)} BEGIN UPDATE course_progress SET revision = revision + 1 WHERE ${sql.raw(where)}; END`.execute(db);
  }
}

/** Name, event and the courses it touches: shared with the PostgreSQL variant, which writes them as functions. */
export const todayRevisionTriggers: ReadonlyArray<readonly [name: string, event: string, where: string]> = [
  ['course_revision_on_threshold_insert', 'AFTER INSERT ON motor_thresholds', 'course_id = NEW.course_id'],
  ['course_revision_on_threshold_update', 'AFTER UPDATE ON motor_thresholds', 'course_id IN (OLD.course_id, NEW.course_id)'],
  ['course_revision_on_threshold_delete', 'AFTER DELETE ON motor_thresholds', 'course_id = OLD.course_id'],
  ['course_revision_on_day_time_insert', 'AFTER INSERT ON course_day_times', 'course_id = NEW.course_id'],
  ['course_revision_on_day_time_update', 'AFTER UPDATE ON course_day_times', 'course_id IN (OLD.course_id, NEW.course_id)'],
  ['course_revision_on_day_time_delete', 'AFTER DELETE ON course_day_times', 'course_id = OLD.course_id'],
  ['course_revision_on_scale_plan_insert', 'AFTER INSERT ON course_scale_plans', 'course_id = NEW.course_id'],
  ['course_revision_on_scale_plan_update', 'AFTER UPDATE ON course_scale_plans', 'course_id IN (OLD.course_id, NEW.course_id)'],
  ['course_revision_on_scale_plan_delete', 'AFTER DELETE ON course_scale_plans', 'course_id = OLD.course_id'],
];
