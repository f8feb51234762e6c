import type { Kysely } from 'kysely';
import { type Cohort, type DashboardFilters, type DashboardPage, type DashboardScale, dashboardScaleIds } from '../../shared/schemas/dashboard';
import { engineOf } from '../db/engines/engine';
import type { DB } from '../db/schema';
import { CohortSums } from './cohortSums';
import { loadScoredCourses, type ScoredCourse } from './dashboardCourses';
import { CourseRevisionReader, KeptRevisions } from './keptRevisions';

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

/** The cohort sums of the courses matching one set of filters, kept up to date as courses change. */
interface KeptCohort {
  filters: DashboardFilters;
  sums: CohortSums;
}

/** One scale's scored courses, kept with each course's revision, newest first, and the cohorts asked for lately. */
interface ScaleCache {
  kept: Map<number, ScoredCourse>;
  revisions: KeptRevisions;
  changes: CourseRevisionReader;
  ordered: ScoredCourse[];
  /** Each kept course's index in `ordered`. */
  position: Map<number, number>;
  version: string | null;
  refreshing: Promise<ScoredCourse[]> | null;
  /** By the filters' JSON, the most recently asked last. */
  cohorts: Map<string, KeptCohort>;
}

// Filter sets whose sums are kept per scale (each is a handful of numbers per week and protocol).
const KEPT_COHORTS = 8;

/**
 * The dashboard's reads over every course in the clinic, on one scale at a time. Scoring every
 * course is the expensive part, so each scale's scored courses are kept with their revision
 * (migration 0006: triggers raise it on any change to what the dashboard shows). When the database
 * has changed (the engine's change token: on SQLite `total_changes()` and `data_version`, on
 * PostgreSQL the audit log's head), only courses whose revision moved are read again, found
 * through sums of revisions by block of course ids (CourseRevisionReader). Filters are applied to
 * the kept list; the course table is read a page at a time, the cohort figures are computed here,
 * so no read sends every course.
 */
export class DashboardReader {
  private readonly caches = new Map<DashboardScale, ScaleCache>();
  private scalesSeen: { version: string; scales: DashboardScale[] } | null = null;

  constructor(private readonly db: Kysely<DB>) {}

  private cache(scale: DashboardScale): ScaleCache {
    let cache = this.caches.get(scale);
    if (!cache) {
      cache = { kept: new Map(), revisions: new KeptRevisions(), changes: new CourseRevisionReader(this.db), ordered: [], position: new Map(), version: null, refreshing: null, cohorts: new Map() };
      this.caches.set(scale, cache);
    }
    return cache;
  }

  private async all(scale: DashboardScale): Promise<ScoredCourse[]> {
    const cache = this.cache(scale);
    if (cache.refreshing) return cache.refreshing;
    const version = await engineOf(this.db).changeToken(this.db);
    if (version === cache.version) return cache.ordered;
    cache.refreshing = this.refresh(cache, scale, version).finally(() => {
      cache.refreshing = null;
    });
    return cache.refreshing;
  }

  private async refresh(cache: ScaleCache, scale: DashboardScale, version: string): Promise<ScoredCourse[]> {
    const changed = await cache.changes.changedBlocks();
    const stale = cache.revisions.moved(changed.rows);
    if (stale.length > 0) {
      const isNew = stale.some((r) => !cache.kept.has(r.course_id));
      // Everything stale at once (a first read): the whole-clinic queries, not 12,000 ids.
      const ids = changed.everyCourse && stale.length === changed.rows.length ? null : stale.map((r) => r.course_id);
      const revisionOf = new Map(stale.map((r) => [r.course_id, r.revision]));
      for (const course of await loadScoredCourses(this.db, ids, scale)) {
        const id = course.row.courseId;
        const before = cache.kept.get(id);
        for (const { filters, sums } of cache.cohorts.values()) {
          if (before && matches(before, filters)) sums.remove(before);
          if (matches(course, filters)) sums.add(course);
        }
        cache.kept.set(id, course);
        cache.revisions.set(id, revisionOf.get(id) ?? -1);
        const at = cache.position.get(id);
        if (at !== undefined) cache.ordered[at] = course;
      }
      // A course's start date never changes, so the order only moves when courses are added.
      if (isNew) {
        cache.ordered = [...cache.kept.values()].sort(byStartDescending);
        cache.position = new Map(cache.ordered.map((c, i) => [c.row.courseId, i]));
      }
    }
    cache.version = version;
    return cache.ordered;
  }

  /** The scales the clinic has at least one valid score on, PHQ-9 always first. */
  private async scales(): Promise<DashboardScale[]> {
    const version = await engineOf(this.db).changeToken(this.db);
    if (this.scalesSeen?.version === version) return this.scalesSeen.scales;
    const present = await Promise.all(dashboardScaleIds.map(async (scale) =>
      scale === 'phq9' || (await this.db.selectFrom('assessments as a').leftJoin('assessment_entered_in_error as x', 'x.assessment_id', 'a.id')
        .select('a.id').where('a.scale', '=', scale).where('x.assessment_id', 'is', null).limit(1).executeTakeFirst()) !== undefined));
    const scales = dashboardScaleIds.filter((_, i) => present[i]);
    this.scalesSeen = { version, scales };
    return scales;
  }

  /** One page of the courses matching the filters, newest first, with how many match in all. */
  async courses(input: DashboardFilters & { offset: number; limit: number }): Promise<DashboardPage> {
    const matching = (await this.all(input.scale)).filter((c) => matches(c, input));
    return { total: matching.length, offset: input.offset, rows: matching.slice(input.offset, input.offset + input.limit).map((c) => c.row) };
  }

  async cohort(filters: DashboardFilters): Promise<Cohort> {
    const [, scales] = await Promise.all([this.all(filters.scale), this.scales()]);
    // The kept list as it is now, not as that read returned it: a refresh finishing in between has already updated the kept sums.
    const { cohorts, ordered } = this.cache(filters.scale);
    const key = JSON.stringify(filters);
    let kept = cohorts.get(key);
    if (kept) {
      cohorts.delete(key);
    } else {
      kept = { filters, sums: CohortSums.of(ordered.filter((c) => matches(c, filters))) };
      if (cohorts.size >= KEPT_COHORTS) cohorts.delete(cohorts.keys().next().value ?? key);
    }
    cohorts.set(key, kept);
    return { ...kept.sums.cohort(filters.scale), scales };
  }
}
