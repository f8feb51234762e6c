import { type Kysely, sql } from 'kysely';
import { type CourseOutcome, courseOutcome, type DatedScore, meanWithCi, weekOfCourse } from '../../shared/clinical';
import { type Cohort, COHORT_MIN_BASELINE, type DashboardFilters, type DashboardRow } from '../../shared/schemas/dashboard';
import type { DB } from '../db/schema';

interface CourseScores {
  row: DashboardRow;
  prescriberId: number;
  firstSessionDate: string | null;
  scores: DatedScore[];
  outcome: CourseOutcome | null;
}

function matches(c: CourseScores, f: DashboardFilters): boolean {
  return (
    (f.statuses.length === 0 || f.statuses.includes(c.row.status)) &&
    (f.protocolLineageIds.length === 0 || f.protocolLineageIds.includes(c.row.protocolLineageId)) &&
    (f.prescriberIds.length === 0 || f.prescriberIds.includes(c.prescriberId)) &&
    (f.startFrom === null || c.row.startDate >= f.startFrom) &&
    (f.startTo === null || c.row.startDate <= f.startTo)
  );
}

/** Counts per course of rare things (adverse events, open item-9 alerts), read from their small indexes. */
async function rareCounts(db: Kysely<DB>): Promise<{ adverse: Map<number, number>; item9Open: Map<number, number> }> {
  const [adverse, item9] = await Promise.all([
    db.selectFrom('session_adverse_events as ae').innerJoin('treatment_sessions as t', 't.id', 'ae.session_id')
      .select((eb) => ['t.course_id', eb.fn.countAll<number>().as('n')]).groupBy('t.course_id').execute(),
    db.selectFrom('phq9_assessments as a').leftJoin('phq9_item9_acknowledgements as k', 'k.assessment_id', 'a.id')
      .select((eb) => ['a.course_id', eb.fn.countAll<number>().as('n')])
      .where('a.item9', '>', 0).where('k.assessment_id', 'is', null).where('a.course_id', 'is not', null)
      .groupBy('a.course_id').execute(),
  ]);
  return {
    adverse: new Map(adverse.map((r) => [r.course_id, r.n])),
    item9Open: new Map(item9.flatMap((r) => (r.course_id === null ? [] : [[r.course_id, r.n] as const]))),
  };
}

/**
 * Every course with its PHQ-9 outcome, in a fixed number of queries whatever the number of
 * courses: the courses with their session progress, all PHQ-9 totals of courses, and the few
 * courses with adverse events or open item-9 alerts.
 */
async function loadCourses(db: Kysely<DB>): Promise<CourseScores[]> {
  const [courses, scoreRows, rare] = await Promise.all([
    db
      .selectFrom('courses as c')
      .innerJoin('protocols as pr', 'pr.id', 'c.protocol_id')
      .innerJoin('patients as p', 'p.id', 'c.patient_id')
      .innerJoin('staff as s', 's.id', 'c.prescriber_id')
      .leftJoin('course_progress as cp', 'cp.course_id', 'c.id')
      .select([
        'c.id', 'c.patient_id', 'c.prescriber_id', 'p.first_name', 'p.last_name', 'p.mrn', 'c.protocol_name', 'pr.lineage_id', 's.name as prescriber_name',
        'c.status', 'c.start_date', 'c.planned_sessions', 'cp.sessions_done', 'cp.first_session_date as first_session',
      ])
      .orderBy('c.start_date', 'desc')
      .orderBy('c.id', 'desc')
      .execute(),
    db
      .selectFrom('phq9_assessments as a')
      .select(['a.id', 'a.course_id', 'a.assessed_on', 'a.total'])
      .where('a.course_id', 'is not', null)
      .orderBy('a.course_id')
      .orderBy('a.assessed_on')
      .orderBy('a.id')
      .execute(),
    rareCounts(db),
  ]);
  if (courses.length === 0) return [];

  const scoresByCourse = new Map<number, DatedScore[]>();
  for (const r of scoreRows) {
    if (r.course_id === null) continue;
    const list = scoresByCourse.get(r.course_id) ?? [];
    list.push({ id: r.id, date: r.assessed_on, total: r.total });
    scoresByCourse.set(r.course_id, list);
  }

  return courses.map((c) => {
    const scores = scoresByCourse.get(c.id) ?? [];
    const firstSessionDate = c.first_session ?? null;
    const outcome = courseOutcome(scores, firstSessionDate);
    return {
      prescriberId: c.prescriber_id,
      firstSessionDate,
      scores,
      outcome,
      row: {
        courseId: c.id,
        patientId: c.patient_id,
        patientName: `${c.last_name.toUpperCase()}, ${c.first_name}`,
        mrn: c.mrn,
        protocolName: c.protocol_name,
        protocolLineageId: c.lineage_id,
        prescriberName: c.prescriber_name,
        status: c.status,
        startDate: c.start_date,
        sessionsDone: c.sessions_done ?? 0,
        plannedSessions: c.planned_sessions,
        baseline: outcome?.baseline.total ?? null,
        latest: outcome?.latest.total ?? null,
        change: outcome?.change ?? null,
        percentChange: outcome?.percentChange ?? null,
        response: outcome?.response ?? null,
        remission: outcome?.remission ?? null,
        item9Open: rare.item9Open.get(c.id) ?? 0,
        adverseEvents: rare.adverse.get(c.id) ?? 0,
        worsening: outcome !== null && outcome.change >= 5,
      },
    };
  });
}


/** The score a course had in a week: its last PHQ-9 of that week (week 0 is the baseline). */
function weeklyScores(course: CourseScores): Map<number, number> {
  const byWeek = new Map<number, number>();
  const { outcome, firstSessionDate } = course;
  if (!outcome || !firstSessionDate) return byWeek;
  byWeek.set(0, outcome.baseline.total);
  const later = course.scores
    .filter((s) => s.date > firstSessionDate)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  for (const s of later) {
    const week = weekOfCourse(firstSessionDate, s.date);
    if (week > 0) byWeek.set(week, s.total);
  }
  return byWeek;
}

/**
 * Cohort figures over courses with a baseline of at least 10 (moderate or worse) and a later
 * PHQ-9; the others are counted as excluded.
 */
function cohortOf(all: CourseScores[]): Cohort {
  const included = all.filter((c) => c.outcome !== null && c.outcome.baseline.total >= COHORT_MIN_BASELINE);
  const valuesByWeek = new Map<number, number[]>();
  for (const course of included) {
    for (const [week, total] of weeklyScores(course)) {
      const list = valuesByWeek.get(week) ?? [];
      list.push(total);
      valuesByWeek.set(week, list);
    }
  }
  const weeks = [...valuesByWeek.entries()].sort(([a], [b]) => a - b).map(([week, values]) => ({ week, ...meanWithCi(values) }));
  const byName = new Map<string, { n: number; responders: number; remitters: number }>();
  for (const course of included) {
    const name = course.row.protocolName.replace(/ \(rev\. \d+\)$/, '');
    const entry = byName.get(name) ?? { n: 0, responders: 0, remitters: 0 };
    entry.n++;
    if (course.outcome?.response) entry.responders++;
    if (course.outcome?.remission) entry.remitters++;
    byName.set(name, entry);
  }
  const byProtocol = [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([protocolName, e]) => ({ protocolName, ...e, responseRate: e.responders / e.n, remissionRate: e.remitters / e.n }));
  return { includedCourses: included.length, excludedCourses: all.length - included.length, weeks, byProtocol };
}

/**
 * The dashboard's reads over every course in the clinic. Loading and scoring all courses is the
 * expensive part, so the result is kept until the database changes: `total_changes()` counts
 * this connection's writes and `data_version` any other connection's, so the key changes with
 * every committed write, whoever made it. Filters are applied to the kept list.
 */
export class DashboardReader {
  private cached: { version: string; courses: Promise<CourseScores[]> } | null = null;

  constructor(private readonly db: Kysely<DB>) {}

  private async all(): Promise<CourseScores[]> {
    const version = await dataVersion(this.db);
    if (this.cached?.version !== version) {
      const courses = loadCourses(this.db);
      this.cached = { version, courses };
      courses.catch(() => {
        if (this.cached?.courses === courses) this.cached = null;
      });
    }
    return this.cached.courses;
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
