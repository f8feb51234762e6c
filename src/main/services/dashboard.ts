import type { Kysely } from 'kysely';
import { meanWithCiOfSums, type ValueSums, wilsonInterval } from '../../shared/clinical';
import {
  type Cohort, type CohortRate, type CohortRateSet, type DashboardFilters, type DashboardPage, type DashboardScale, dashboardScaleIds,
} from '../../shared/schemas/dashboard';
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

/** Responders and remitters among n courses. */
interface Tally {
  n: number;
  responders: number;
  remitters: number;
}

const tally = (): Tally => ({ n: 0, responders: 0, remitters: 0 });

function count(t: Tally, outcome: ScoredCourse['outcome']): void {
  t.n++;
  if (outcome?.response === true) t.responders++;
  if (outcome?.remission === true) t.remitters++;
}

function rateSet(t: Tally): CohortRateSet {
  return { n: t.n, response: rate(t.responders, t.n), remission: rate(t.remitters, t.n) };
}

/**
 * Cohort figures (DOMAIN.md, "Cohort figures") on one scale, only over courses whose baseline the
 * scale rates (isRatedBaseline: PHQ-9 and GAD-7 at least 10, MADRS 20, HAM-D 17):
 * - completers: completed courses with an end-of-treatment score;
 * - intention to treat: every ended course with at least one session; one with no score after
 *   its baseline counts as neither responding nor remitting;
 * each rate with its n and 95% Wilson interval. Active courses are in neither set until they end.
 * The mean trajectory uses every course with a rated baseline and an end-of-treatment score;
 * the rates by protocol are intention to treat. Response and remission are the scale's rule
 * (measuredOutcome → classifyScaleOutcome), never restated here.
 */
function cohortOf(all: ScoredCourse[], scale: DashboardScale): Omit<Cohort, 'scales'> {
  // One pass over the courses: at 121,440 courses each pass over them costs tens of milliseconds
  // in memory reads alone, and the old six passes (and the per-entry arrays of iterating Maps) took
  // most of a second after every change.
  const completers = tally();
  const intentionToTreat = tally();
  let included = 0;
  let notYetEnded = 0;
  const sumsByWeek = new Map<number, ValueSums>();
  const byName = new Map<string, Tally>();
  const addWeek = (week: number, total: number) => {
    const sums = sumsByWeek.get(week);
    if (sums) {
      sums.n++;
      sums.sum += total;
      sums.sumOfSquares += total * total;
    } else {
      sumsByWeek.set(week, { n: 1, sum: total, sumOfSquares: total * total });
    }
  };
  for (const course of all) {
    if (!course.ratedBaseline) continue;
    const { parts, outcome, row } = course;
    const ended = row.status === 'completed' || row.status === 'discontinued';
    if (!ended) notYetEnded++;
    if (row.status === 'completed' && parts.endOfTreatment !== null) count(completers, outcome);
    if (ended && row.sessionsDone > 0) {
      count(intentionToTreat, outcome);
      let entry = byName.get(course.protocolBaseName);
      if (!entry) {
        entry = tally();
        byName.set(course.protocolBaseName, entry);
      }
      count(entry, outcome);
    }
    if (outcome !== null) {
      included++;
      const weeks = course.weeks;
      for (let i = 0; i < weeks.length; i += 2) addWeek(weeks[i] ?? 0, weeks[i + 1] ?? 0);
    }
  }
  const weeks = [...sumsByWeek.entries()].sort(([a], [b]) => a - b).map(([week, sums]) => ({ week, ...meanWithCiOfSums(sums) }));
  const byProtocol = [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([protocolName, e]) => ({ protocolName, ...e, responseRate: e.responders / e.n, remissionRate: e.remitters / e.n }));
  return {
    scale,
    includedCourses: included,
    excludedCourses: all.length - included,
    completers: rateSet(completers),
    intentionToTreat: rateSet(intentionToTreat),
    notYetEnded,
    weeks,
    byProtocol,
  };
}

/** One scale's scored courses, kept with each course's revision, newest first. */
interface ScaleCache {
  kept: Map<number, { revision: number; course: ScoredCourse }>;
  ordered: ScoredCourse[];
  version: string | null;
  refreshing: Promise<ScoredCourse[]> | null;
}

/**
 * The dashboard's reads over every course in the clinic, on one scale at a time. Scoring every
 * course is the expensive part, so each scale's scored courses are kept with their revision
 * (migration 0006: triggers raise it on any change to what the dashboard shows). When the database
 * has changed (the engine's change token: on SQLite `total_changes()` and `data_version`, on
 * PostgreSQL the audit log's head), only courses whose revision moved are read again. Filters are applied to the kept list; the course
 * table is read a page at a time, the cohort figures are computed here, so no read sends every course.
 */
export class DashboardReader {
  private readonly caches = new Map<DashboardScale, ScaleCache>();
  private scalesSeen: { version: string; scales: DashboardScale[] } | null = null;
  /** The last cohort answered, by its filters, while the scale's courses have not been refreshed. */
  private lastCohort: { key: string; courses: ScoredCourse[]; cohort: Cohort } | null = null;

  constructor(private readonly db: Kysely<DB>) {}

  private cache(scale: DashboardScale): ScaleCache {
    let cache = this.caches.get(scale);
    if (!cache) {
      cache = { kept: new Map(), ordered: [], version: null, refreshing: null };
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
    const revisions = await this.db.selectFrom('course_progress').select(['course_id', 'revision']).execute();
    const stale = revisions.filter((r) => cache.kept.get(r.course_id)?.revision !== r.revision);
    if (stale.length > 0) {
      const revisionOf = new Map(stale.map((r) => [r.course_id, r.revision]));
      const isNew = stale.some((r) => !cache.kept.has(r.course_id));
      // Everything stale at once (a first read): the whole-clinic queries, not 12,000 ids.
      const ids = stale.length === revisions.length ? null : stale.map((r) => r.course_id);
      for (const course of await loadScoredCourses(this.db, ids, scale)) {
        cache.kept.set(course.row.courseId, { revision: revisionOf.get(course.row.courseId) ?? -1, course });
      }
      // A course's start date never changes, so the order only moves when courses are added.
      cache.ordered = isNew
        ? [...cache.kept.values()].map((k) => k.course).sort(byStartDescending)
        : cache.ordered.map((c) => cache.kept.get(c.row.courseId)?.course ?? c);
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
    const [all, scales] = await Promise.all([this.all(filters.scale), this.scales()]);
    // The same filters over the same kept list (a refresh makes a new list): the same figures.
    const key = JSON.stringify(filters);
    if (this.lastCohort?.key === key && this.lastCohort.courses === all && this.lastCohort.cohort.scales === scales) return this.lastCohort.cohort;
    const cohort = { ...cohortOf(all.filter((c) => matches(c, filters)), filters.scale), scales };
    this.lastCohort = { key, courses: all, cohort };
    return cohort;
  }
}
