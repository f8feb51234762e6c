/** A course's revision as read from course_progress (migration 0006). */
export interface CourseRevision {
  course_id: number;
  revision: number;
}

/**
 * The revision a reader last saw of each course, by course id. A flat array rather than a Map:
 * the dashboard checks all 121,440 of a group practice's courses after every change, and a Map
 * lookup each cost more than the rest of its refresh together.
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
