import type { Kysely } from 'kysely';
import { todayRevisionTriggers } from '../0021_today_course_revisions';
import { afterRow } from './sql';

/** PostgreSQL variant of 0021_today_course_revisions: the same triggers, each with its function. */
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, event, where] of todayRevisionTriggers) {
    const [, timing, table] = /^(AFTER \w+) ON (\w+)$/.exec(event) ?? [];
    if (!timing || !table) throw new Error(`Unexpected trigger event: ${event}`);
    await afterRow(db, name, timing, table, `UPDATE course_progress SET revision = revision + 1 WHERE ${where};`);
  }
}
