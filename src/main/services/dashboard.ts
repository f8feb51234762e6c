import { type Kysely, sql } from 'kysely';
import { meanWithCi } from '../../shared/clinical';
import { type Cohort, COHORT_MIN_BASELINE, type DashboardFilters, type DashboardRow } from '../../shared/schemas/dashboard';
import type { DB } from '../db/schema';
import { loadScoredCourses, type ScoredCourse } from './dashboardCourses';

function matches(c: ScoredCourse, f: DashboardFilters): boolean {
  return (
    (f.statuses.length === 0 || f.statuses.includes(c.row.status)) &&
    (f.protocolLineageIds.length === 0 || f.protocolLineageIds.includes(c.row.protocolLineageId)) &&
    (f.prescriberIds.length === 0 || f.prescriberIds.includes(c.prescriberId)) &&
    (f.startFrom === null || c.row.startDate >= f.startFrom) &&
    (f.startTo === null || c.row.startDate <= f.startTo)
  );
}

/** Newest first, as the dashboard lists them (ISO dates compare as strings). */
function byStartDescending(a: ScoredCourse, b: ScoredCourse): number {
  if (a.row.startDate !== b.row.startDate) return a.row.startDate < b.row.startDate ? 1 : -1;
  return b.row.courseId - a.row.courseId;
}

/**
 * Cohort figures over courses with a baseline of at least 10 (moderate or worse) and a later
 * PHQ-9; the others are counted as excluded.
 */
function cohortOf(all: ScoredCourse[]): Cohort {
  const included = all.filter((c) => c.outcome !== null && c.outcome.baseline.total >= COHORT_MIN_BASELINE);
  const valuesByWeek = new Map<number, number[]>();
  const byName = new Map<string, { n: number; responders: number; remitters: number }>();
  for (const course of included) {
    for (const [week, total] of course.weeks) {
      const list = valuesByWeek.get(week);
      if (list) list.push(total);
      else valuesByWeek.set(week, [total]);
    }
    const name = course.row.protocolName.replace(/ \(rev\. \d+\)$/, '');
    const entry = byName.get(name) ?? { n: 0, responders: 0, remitters: 0 };
    entry.n++;
    if (course.outcome?.response) entry.responders++;
    if (course.outcome?.remission) entry.remitters++;
    byName.set(name, entry);
  }
  const weeks = [...valuesByWeek.entries()].sort(([a], [b]) => a - b).map(([week, values]) => ({ week, ...meanWithCi(values) }));
  const byProtocol = [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([protocolName, e]) => ({ protocolName, ...e, responseRate: e.responders / e.n, remissionRate: e.remitters / e.n }));
  return { includedCourses: included.length, excludedCourses: all.length - included.length, weeks, byProtocol };
}

/**
 * The dashboard's reads over every course in the clinic. Scoring every course is the expensive
 * part, so scored courses are kept with their revision (migration 0006: triggers raise it on any
 * change to what the dashboard shows). When the database has changed (`total_changes()` counts
 * this connection's writes, `data_version` any other's), only courses whose revision moved are
 * read again. Filters are applied to the kept list.
 */
export class DashboardReader {
  private readonly kept = new Map<number, { revision: number; course: ScoredCourse }>();
  private ordered: ScoredCourse[] = [];
  private version: string | null = null;
  private refreshing: Promise<ScoredCourse[]> | null = null;

  constructor(private readonly db: Kysely<DB>) {}

  private async all(): Promise<ScoredCourse[]> {
    if (this.refreshing) return this.refreshing;
    const version = await dataVersion(this.db);
    if (version === this.version) return this.ordered;
    this.refreshing = this.refresh(version).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refresh(version: string): Promise<ScoredCourse[]> {
    const revisions = await this.db.selectFrom('course_progress').select(['course_id', 'revision']).execute();
    const stale = revisions.filter((r) => this.kept.get(r.course_id)?.revision !== r.revision);
    if (stale.length > 0) {
      const revisionOf = new Map(stale.map((r) => [r.course_id, r.revision]));
      const isNew = stale.some((r) => !this.kept.has(r.course_id));
      for (const course of await loadScoredCourses(this.db, stale.map((r) => r.course_id))) {
        this.kept.set(course.row.courseId, { revision: revisionOf.get(course.row.courseId) ?? -1, course });
      }
      // A course's start date never changes, so the order only moves when courses are added.
      this.ordered = isNew
        ? [...this.kept.values()].map((k) => k.course).sort(byStartDescending)
        : this.ordered.map((c) => this.kept.get(c.row.courseId)?.course ?? c);
    }
    this.version = version;
    return this.ordered;
  }

  async courses(filters: DashboardFilters): Promise<DashboardRow[]> {
    return (await this.all()).filter((c) => matches(c, filters)).map((c) => c.row);
  }

  async cohort(filters: DashboardFilters): Promise<Cohort> {
    return cohortOf((await this.all()).filter((c) => matches(c, filters)));
  }
}

async function dataVersion(db: Kysely<DB>): Promise<string> {
  const [changes, version] = await Promise.all([
    sql<{ n: number }>`SELECT total_changes() AS n`.execute(db),
    sql<{ data_version: number }>`PRAGMA data_version`.execute(db),
  ]);
  return `${changes.rows[0]?.n ?? 0}:${version.rows[0]?.data_version ?? 0}`;
}
