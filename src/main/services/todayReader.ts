import type { Kysely } from 'kysely';
import type { TodayItem } from '../../shared/schemas/session';
import { compareToday } from '../../shared/todayList';
import { engineOf } from '../db/engines/engine';
import type { DB } from '../db/schema';
import { KeptRevisions } from './keptRevisions';
import { todayItems, todayRevisionsQuery } from './today';

/** One day's list as last read: each course's item, the revision it was read at, and the staff names it shows. */
interface KeptDay {
  date: string;
  token: string;
  staffNames: string;
  items: Map<number, TodayItem>;
  revisions: KeptRevisions;
  list: readonly TodayItem[];
}

/**
 * The day's list, kept between reads. Every screen that shows it asks again when another
 * workstation logs a session, and a group practice's day has 1,900 courses:
 * - nothing changed (the engine's change token: any write on this workstation or another): the
 *   same list, not read at all;
 * - something changed: which courses may be on the day's list and their revisions (0006, 0021:
 *   any change to what the list shows of a course moves it, archiving its patient too), then the
 *   rows of only the courses whose revision moved or that joined the list. The technicians' names are the one thing shown from
 *   outside a course: when one is renamed, every row is read again.
 * The token and revisions are read before the rows, so a write landing in between only makes the
 * next call read that course again.
 */
export class TodayReader {
  private kept: KeptDay | null = null;

  constructor(private readonly db: Kysely<DB>) {}

  async list(date: string): Promise<readonly TodayItem[]> {
    const token = await engineOf(this.db).changeToken(this.db);
    if (this.kept?.date === date && this.kept.token === token) return this.kept.list;
    const [onTheDay, staff] = await Promise.all([
      todayRevisionsQuery(this.db, date).execute(),
      this.db.selectFrom('staff').select(['id', 'name']).orderBy('id').execute(),
    ]);
    const staffNames = JSON.stringify(staff);
    const kept = this.kept?.date === date && this.kept.staffNames === staffNames ? this.kept : null;
    const revisions = kept?.revisions ?? new KeptRevisions();
    const items = kept?.items ?? new Map<number, TodayItem>();
    const moved = revisions.moved(onTheDay);
    if (moved.length > 0) {
      // Most of the list moved (a first read): one query for the day, not a list of ids.
      const ids = moved.length > onTheDay.length / 2 ? null : moved.map((r) => r.course_id);
      const read = await todayItems(this.db, date, ids);
      // A moved course without a row has left the list (its patient was archived).
      for (const r of moved) {
        items.delete(r.course_id);
        revisions.set(r.course_id, r.revision);
      }
      const isMoved = new Set(moved.map((r) => r.course_id));
      for (const item of read) if (isMoved.has(item.courseId)) items.set(item.courseId, item);
    }
    const list: TodayItem[] = [];
    for (const r of onTheDay) {
      const item = items.get(r.course_id);
      if (item) list.push(item);
    }
    list.sort(compareToday);
    this.kept = { date, token, staffNames, items, revisions, list };
    return list;
  }
}
