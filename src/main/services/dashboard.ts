import type { Kysely } from 'kysely';
import { meanWithCi, wilsonInterval } from '../../shared/clinical';
import { type Cohort, COHORT_MIN_BASELINE, type CohortRate, type CohortRateSet, type DashboardFilters, type DashboardRow } from '../../shared/schemas/dashboard';
import { engineOf } from '../db/engines/engine';
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

function rate(k: number, n: number): CohortRate {
  const ci = wilsonInterval(k, n);
  return { k, n, rate: n === 0 ? null : k / n, low: ci?.low ?? null, high: ci?.high ?? null };
}

function rateSet(courses: ScoredCourse[]): CohortRateSet {
  const n = courses.length;
  return {
    n,
    response: rate(courses.filter((c) => c.outcome?.response === true).length, n),
    remission: rate(courses.filter((c) => c.outcome?.remission === true).length, n),
  };
}

const ended = (c: ScoredCourse) => c.row.status === 'completed' || c.row.status === 'discontinued';
const ratedBaseline = (c: ScoredCourse) => c.parts.baseline !== null && c.parts.baseline.total >= COHORT_MIN_BASELINE;

/**
 * Cohort figures (DOMAIN.md, "Cohort figures"), only over courses with a baseline of at least 10:
 * - completers: completed courses with an end-of-treatment score;
 * - intention to treat: every ended course with at least one session; one with no score after
 *   its baseline counts as neither responding nor remitting;
 * each rate with its n and 95% Wilson interval. Active courses are in neither set until they end.
 * The mean trajectory uses every course with a baseline ≥ 10 and an end-of-treatment score;
 * the rates by protocol are intention to treat.
 */
function cohortOf(all: ScoredCourse[]): Cohort {
  const rated = all.filter(ratedBaseline);
  const completers = rated.filter((c) => c.row.status === 'completed' && c.parts.endOfTreatment !== null);
  const intentionToTreat = rated.filter((c) => ended(c) && c.row.sessionsDone > 0);
  const included = rated.filter((c) => c.outcome !== null);
  const valuesByWeek = new Map<number, number[]>();
  for (const course of included) {
    for (const [week, total] of course.weeks) {
      const list = valuesByWeek.get(week);
      if (list) list.push(total);
      else valuesByWeek.set(week, [total]);
    }
  }
  const byName = new Map<string, { n: number; responders: number; remitters: number }>();
  for (const course of intentionToTreat) {
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
  return {
    includedCourses: included.length,
    excludedCourses: all.length - included.length,
    completers: rateSet(completers),
    intentionToTreat: rateSet(intentionToTreat),
    notYetEnded: rated.filter((c) => !ended(c)).length,
    weeks,
    byProtocol,
  };
}

/**
 * The dashboard's reads over every course in the clinic. Scoring every course is the expensive
 * part, so scored courses are kept with their revision (migration 0006: triggers raise it on any
 * change to what the dashboard shows). When the database has changed (the engine's change token:
 * on SQLite `total_changes()` and `data_version`, on PostgreSQL the audit log's head), only courses whose revision moved are
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
    const version = await engineOf(this.db).changeToken(this.db);
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
