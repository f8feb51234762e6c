import type { Kysely } from 'kysely';
import { type CourseAssessments, courseAssessments, isRatedBaseline, type MeasuredOutcome, measuredOutcome, type ScaleId, type ScoredAssessment, weekOfCourse } from '../../shared/clinical';
import type { DashboardRow } from '../../shared/schemas/dashboard';
import type { DB } from '../db/schema';
import { appendTo } from './lists';

/** One course as the dashboard needs it: its row, its assessments by part, its outcome and its score in each week. */
export interface ScoredCourse {
  row: DashboardRow;
  prescriberId: number;
  parts: CourseAssessments;
  outcome: MeasuredOutcome | null;
  /**
   * The course's last total in each week (0 = baseline) as pairs, [week, total, week, total, …];
   * empty without an outcome. Flat, because the cohort adds them up for every course after every change.
   */
  weeks: Float64Array;
  /** Whether the scale rates the course's baseline (isRatedBaseline): the cohort's figures count only these. */
  ratedBaseline: boolean;
  /** The protocol's name without its revision: the cohort's rates by protocol. */
  protocolBaseName: string;
}

const REVISION_SUFFIX = / \(rev\. \d+\)$/;

// Above this many courses, one query for all of them beats lists of ids.
const SUBSET_LIMIT = 2_000;
// SQLite's limit on bound parameters is 32,766; stay well under it.
const ID_CHUNK = 900;

function chunks(ids: number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += ID_CHUNK) out.push(ids.slice(i, i + ID_CHUNK));
  return out;
}

/** Counts per course of rare things (adverse events, open item-9 alerts), read from their small indexes. */
async function rareCounts(db: Kysely<DB>, ids: number[] | null): Promise<{ adverse: Map<number, number>; item9Open: Map<number, number> }> {
  const [adverse, item9] = await Promise.all([
    db.selectFrom('session_adverse_events as ae').innerJoin('treatment_sessions as t', 't.id', 'ae.session_id')
      .select((eb) => ['t.course_id', eb.fn.countAll<number>().as('n')])
      .$if(ids !== null, (qb) => qb.where('t.course_id', 'in', ids ?? []))
      .groupBy('t.course_id').execute(),
    // An open suicide-item alert (PHQ-9 item 9 or any scale's) is the patient's, whichever course it falls in: every course of theirs shows it.
    db.selectFrom('assessments as a').innerJoin('courses as c', 'c.patient_id', 'a.patient_id')
      .leftJoin('assessment_acknowledgements as k', 'k.assessment_id', 'a.id')
      .leftJoin('assessment_entered_in_error as x', 'x.assessment_id', 'a.id')
      .select((eb) => ['c.id as course_id', eb.fn.countAll<number>().as('n')])
      .where('a.suicide_item_positive', '=', 1).where('k.assessment_id', 'is', null).where('x.assessment_id', 'is', null)
      .$if(ids !== null, (qb) => qb.where('c.id', 'in', ids ?? []))
      .groupBy('c.id').execute(),
  ]);
  return {
    adverse: new Map(adverse.map((r) => [r.course_id, r.n])),
    item9Open: new Map(item9.map((r) => [r.course_id, r.n])),
  };
}

function selectCourses(db: Kysely<DB>) {
  return db
    .selectFrom('courses as c')
    .innerJoin('protocols as pr', 'pr.id', 'c.protocol_id')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .innerJoin('staff as s', 's.id', 'c.prescriber_id')
    .leftJoin('course_progress as cp', 'cp.course_id', 'c.id')
    .select([
      'c.id', 'c.patient_id', 'c.prescriber_id', 'p.first_name', 'p.last_name', 'p.mrn', 'c.protocol_name', 'pr.lineage_id', 's.name as prescriber_name',
      'c.status', 'c.start_date', 'c.planned_sessions', 'cp.sessions_done', 'cp.first_session_date as first_session',
      'cp.last_session_date as last_session',
    ]);
}

function selectScores(db: Kysely<DB>, scale: ScaleId) {
  return db
    .selectFrom('assessments as a')
    .leftJoin('assessment_entered_in_error as x', 'x.assessment_id', 'a.id')
    .select(['a.id', 'a.patient_id', 'a.assessed_on', 'a.total'])
    .where('a.scale', '=', scale)
    .where('x.assessment_id', 'is', null);
}

/**
 * The score a course had in each week of treatment: its last PHQ-9 of that week (week 0 is the
 * baseline). Follow-ups show durability, not the treatment's course: they are left out.
 */
function weeklyScores(parts: CourseAssessments, outcome: MeasuredOutcome | null, firstSessionDate: string | null): Float64Array {
  if (!outcome || !firstSessionDate) return new Float64Array(0);
  const byWeek = new Map<number, number>([[0, outcome.baseline.total]]);
  for (const s of parts.during) {
    const week = weekOfCourse(firstSessionDate, s.assessedOn);
    if (week > 0) byWeek.set(week, s.total);
  }
  return Float64Array.from([...byWeek].flat());
}

/**
 * Courses with their outcome and weekly scores on one scale (PHQ-9 unless asked): all of them (`ids` null) or the given
 * ones, in a fixed number of queries: the courses with their session progress, their patients'
 * PHQ-9 totals (linked to each course by courseAssessments' date windows), and the few courses
 * with adverse events or open item-9 alerts.
 */
export async function loadScoredCourses(db: Kysely<DB>, ids: number[] | null, scale: ScaleId = 'phq9'): Promise<ScoredCourse[]> {
  const all = ids === null || ids.length > SUBSET_LIMIT;
  const [courses, scoreRows, rare] = await Promise.all([
    all ? selectCourses(db).execute() : Promise.all(chunks(ids).map((part) => selectCourses(db).where('c.id', 'in', part).execute())).then((r) => r.flat()),
    all
      ? selectScores(db, scale).execute()
      : Promise.all(chunks(ids).map((part) =>
        selectScores(db, scale).where('a.patient_id', 'in', (eb) => eb.selectFrom('courses').select('patient_id').where('id', 'in', part)).execute(),
      )).then((r) => r.flat()),
    rareCounts(db, all ? null : ids),
  ]);
  const wanted = all && ids !== null ? new Set(ids) : null;
  const scoresByPatient = new Map<number, ScoredAssessment[]>();
  const seen = new Set<number>(); // chunks of courses can share a patient
  for (const r of scoreRows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    appendTo(scoresByPatient, r.patient_id, { id: r.id, assessedOn: r.assessed_on, total: r.total });
  }
  return courses
    .filter((c) => !wanted || wanted.has(c.id))
    .map((c) => {
      const firstSessionDate = c.first_session ?? null;
      const parts = courseAssessments(scoresByPatient.get(c.patient_id) ?? [], { firstSessionOn: firstSessionDate, lastSessionOn: c.last_session ?? null });
      const outcome = measuredOutcome(parts, scale);
      return {
        prescriberId: c.prescriber_id,
        parts,
        outcome,
        weeks: weeklyScores(parts, outcome, firstSessionDate),
        ratedBaseline: parts.baseline !== null && isRatedBaseline(scale, parts.baseline.total),
        protocolBaseName: c.protocol_name.replace(REVISION_SUFFIX, ''),
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
          baseline: parts.baseline?.total ?? null,
          endOfTreatment: parts.endOfTreatment?.total ?? null,
          change: outcome?.change ?? null,
          percentChange: outcome?.percentChange ?? null,
          rated: outcome?.rated ?? null,
          response: outcome?.rated ? outcome.response : null,
          remission: outcome?.rated ? outcome.remission : null,
          item9Open: rare.item9Open.get(c.id) ?? 0,
          adverseEvents: rare.adverse.get(c.id) ?? 0,
          // A rise of 5 or more is the PHQ-9's worsening flag; other scales have no such rule here.
          worsening: scale === 'phq9' && outcome !== null && outcome.change >= 5,
        },
      };
    });
}
