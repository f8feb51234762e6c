import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema';

/** A course's revision as read from course_progress (migration 0006). */
export interface CourseRevision {
  course_id: number;
  revision: number;
}

/** Courses per block of ids whose revisions are summed. */
const BLOCK = 256;
// Above this many moved blocks, one read of every course beats a long OR of ranges.
const MOST_BLOCKS = 64;

/**
 * The revision a reader last saw of each course, by course id. A flat array rather than a Map:
 * the dashboard checks all 121,440 of a group practice's courses after a change, and a Map lookup
 * each cost more than the rest of its refresh together.
 */
export class KeptRevisions {
  private seen = new Float64Array(0);

  /** The rows whose revision differs from the one last seen (or were never seen). */
  moved<T extends CourseRevision>(rows: readonly T[]): T[] {
    const seen = this.seen;
    return rows.filter((r) => r.course_id >= seen.length || seen[r.course_id] !== r.revision);
  }

  set(courseId: number, revision: number): void {
    if (courseId >= this.seen.length) {
      const grown = new Float64Array(Math.max(courseId + 1, this.seen.length * 2)).fill(-1);
      grown.set(this.seen);
      this.seen = grown;
    }
    this.seen[courseId] = revision;
  }
}

/**
 * Every course's revision as last read, without reading 121,440 rows after each change. The
 * database sums `revision + 1` over each block of 256 course ids. A revision only ever rises (the
 * triggers add 1) and courses are never deleted, so any change or new course raises its block's
 * sum. Only the rows of blocks whose sum moved are read, and a write landing between the two reads
 * leaves its block's old sum kept, to be read again next time.
 */
export class CourseRevisionReader {
  private blockSums = new Map<number, number>();

  constructor(private readonly db: Kysely<DB>) {}

  /**
   * The revisions of every course in a block that changed since the last call (all of them the
   * first time); `everyCourse` when that is every course of the clinic.
   */
  async changedBlocks(): Promise<{ rows: CourseRevision[]; everyCourse: boolean }> {
    const sums = await this.db
      .selectFrom('course_progress')
      .select([sql<number>`course_id / ${sql.lit(BLOCK)}`.as('block'), sql<number | string>`sum(revision + 1)`.as('total')])
      .groupBy(sql`course_id / ${sql.lit(BLOCK)}`)
      .execute();
    const moved = sums.filter((s) => this.blockSums.get(s.block) !== Number(s.total));
    if (moved.length === 0) return { rows: [], everyCourse: false };
    const everyCourse = moved.length > MOST_BLOCKS;
    const rows = await this.db
      .selectFrom('course_progress')
      .select(['course_id', 'revision'])
      .$if(!everyCourse, (qb) => qb.where((eb) => eb.or(moved.map((s) => eb.and([eb('course_id', '>=', s.block * BLOCK), eb('course_id', '<', (s.block + 1) * BLOCK)])))))
      .execute();
    for (const s of moved) this.blockSums.set(s.block, Number(s.total));
    return { rows, everyCourse };
  }
}
