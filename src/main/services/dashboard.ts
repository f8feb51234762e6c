import type { Kysely } from 'kysely';
import { type CourseOutcome, courseOutcome, type DatedScore, meanWithCi, weekOfCourse } from '../../shared/clinical';
import { type Cohort, COHORT_MIN_BASELINE, type DashboardFilters, type DashboardRow } from '../../shared/schemas/dashboard';
import type { DB } from '../db/schema';

interface CourseScores {
  row: DashboardRow;
  firstSessionDate: string | null;
  scores: DatedScore[];
  outcome: CourseOutcome | null;
}

/**
 * Every course matching the filters with its PHQ-9 outcome. Two queries whatever the number
 * of courses: the courses with their session aggregates, then all their PHQ-9 totals.
 */
async function loadCourses(db: Kysely<DB>, f: DashboardFilters): Promise<CourseScores[]> {
  const courses = await db
    .selectFrom('courses as c')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .innerJoin('staff as s', 's.id', 'c.prescriber_id')
    .innerJoin('protocols as pr', 'pr.id', 'c.protocol_id')
    .select((eb) => [
      'c.id', 'c.patient_id', 'p.first_name', 'p.last_name', 'p.mrn', 'c.protocol_name', 'pr.lineage_id', 's.name as prescriber_name',
      'c.status', 'c.start_date', 'c.planned_sessions',
      eb.selectFrom('treatment_sessions as t').select((e) => e.fn.countAll<number>().as('n')).whereRef('t.course_id', '=', 'c.id').as('sessions_done'),
      eb.selectFrom('treatment_sessions as t').select((e) => e.fn.min<string>('t.session_date').as('d')).whereRef('t.course_id', '=', 'c.id').as('first_session'),
      eb.selectFrom('session_adverse_events as ae').innerJoin('treatment_sessions as t', 't.id', 'ae.session_id')
        .select((e) => e.fn.countAll<number>().as('n')).whereRef('t.course_id', '=', 'c.id').as('adverse_events'),
      eb.selectFrom('phq9_assessments as a').leftJoin('phq9_item9_acknowledgements as k', 'k.assessment_id', 'a.id')
        .select((e) => e.fn.countAll<number>().as('n')).whereRef('a.course_id', '=', 'c.id').where('a.item9', '>', 0).where('k.assessment_id', 'is', null).as('item9_open'),
    ])
    .$if(f.statuses.length > 0, (qb) => qb.where('c.status', 'in', f.statuses))
    .$if(f.protocolLineageIds.length > 0, (qb) => qb.where('pr.lineage_id', 'in', f.protocolLineageIds))
    .$if(f.prescriberIds.length > 0, (qb) => qb.where('c.prescriber_id', 'in', f.prescriberIds))
    .$if(f.startFrom !== null, (qb) => qb.where('c.start_date', '>=', f.startFrom ?? ''))
    .$if(f.startTo !== null, (qb) => qb.where('c.start_date', '<=', f.startTo ?? ''))
    .orderBy('c.start_date', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  if (courses.length === 0) return [];

  const scoresByCourse = new Map<number, DatedScore[]>();
  const ids = courses.map((c) => c.id);
  // SQLite limits bound parameters; read the scores in chunks of course ids.
  for (let i = 0; i < ids.length; i += 30_000) {
    const rows = await db
      .selectFrom('phq9_assessments')
      .select(['id', 'course_id', 'assessed_on', 'total'])
      .where('course_id', 'in', ids.slice(i, i + 30_000))
      .execute();
    for (const r of rows) {
      if (r.course_id === null) continue;
      const list = scoresByCourse.get(r.course_id) ?? [];
      list.push({ id: r.id, date: r.assessed_on, total: r.total });
      scoresByCourse.set(r.course_id, list);
    }
  }

  return courses.map((c) => {
    const scores = scoresByCourse.get(c.id) ?? [];
    const firstSessionDate = c.first_session ?? null;
    const outcome = courseOutcome(scores, firstSessionDate);
    return {
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
        item9Open: c.item9_open ?? 0,
        adverseEvents: c.adverse_events ?? 0,
        worsening: outcome !== null && outcome.change >= 5,
      },
    };
  });
}

export async function dashboardCourses(db: Kysely<DB>, filters: DashboardFilters): Promise<DashboardRow[]> {
  return (await loadCourses(db, filters)).map((c) => c.row);
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
export async function dashboardCohort(db: Kysely<DB>, filters: DashboardFilters): Promise<Cohort> {
  const all = await loadCourses(db, filters);
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
