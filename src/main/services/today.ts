import { type Kysely, sql } from 'kysely';
import { daysBetween, motorThresholdFlags } from '../../shared/clinical';
import type { TodayItem } from '../../shared/schemas/session';
import { compareToday } from '../../shared/todayList';
import { engineOf } from '../db/engines/engine';
import type { DB } from '../db/schema';
import { assessmentsDueOn } from './assessmentsDue';

/**
 * The technician's list for a day: every planned or active course that has started, with
 * what is needed to pick the next patient (progress, last session, motor threshold age).
 * Courses still to be treated that day come first, by planned time (`compareToday`).
 */
export async function todayList(db: Kysely<DB>, date: string): Promise<TodayItem[]> {
  return (await todayItems(db, date, null)).sort(compareToday);
}

/** The day's items of the given courses (null: all of them), unordered; a course no longer on the day's list is left out. */
export async function todayItems(db: Kysely<DB>, date: string, courseIds: readonly number[] | null): Promise<TodayItem[]> {
  const rows = await todayRowsQuery(db, date).$if(courseIds !== null, (qb) => qb.where('c.id', 'in', courseIds ?? [])).execute();
  const due = await assessmentsDueOn(db, rows.map((r) => ({ courseId: r.course_id, patientId: r.patient_id, sessionsDone: r.sessions_done, plannedSessions: r.planned_sessions, firstSessionOn: r.first_session_date ?? null })), date);
  return rows.map((r): TodayItem => {
    const mt = r.mt_json ? (JSON.parse(r.mt_json) as { rmt: number; on: string; method: 'emg' | 'visual' }) : null;
    const technician = r.last_technician_json ? (JSON.parse(r.last_technician_json) as { id: number; name: string }) : null;
    return {
      courseId: r.course_id,
      patientId: r.patient_id,
      patientName: `${r.last_name.toUpperCase()}, ${r.first_name}`,
      mrn: r.mrn,
      dateOfBirth: r.date_of_birth,
      protocolName: r.protocol_name,
      courseStatus: r.status === 'planned' ? 'planned' : 'active',
      sessionsDone: r.sessions_done,
      plannedSessions: r.planned_sessions,
      authorizedSessions: r.authorized_sessions,
      nextSessionNumber: r.sessions_done + 1,
      sessionsToday: r.sessions_today,
      sessionsPerDay: r.sessions_per_day,
      lastSessionDate: r.last_session_date,
      daysSinceLastSession: r.last_session_date ? daysBetween(r.last_session_date, date) : null,
      mt: mt ? { rmtPctMso: mt.rmt, measuredOn: mt.on, method: mt.method, ...motorThresholdFlags({ measuredOn: mt.on, method: mt.method }, date) } : null,
      reviewRequired: r.review_required === 1,
      assessmentsDue: due.get(r.course_id) ?? [],
      item9Open: r.item9_open > 0,
      plannedTime: r.day_time ?? r.planned_time,
      coursePlannedTime: r.planned_time,
      movedForTheDay: r.day_time !== null,
      lastTechnicianId: technician?.id ?? null,
      lastTechnicianName: technician?.name ?? null,
      courseVersion: r.version,
    };
  });
}

/** The day's courses with one row each of what the list shows (its subqueries read one index entry per course: 0020). */
export function todayRowsQuery(db: Kysely<DB>, date: string) {
  const engine = engineOf(db);
  return todayCourses(db, date)
    .leftJoin('course_progress as cp', 'cp.course_id', 'c.id')
    .select([
      'c.id as course_id',
      'p.id as patient_id',
      'p.first_name',
      'p.last_name',
      'p.mrn',
      'p.date_of_birth',
      'c.protocol_name',
      'c.status',
      'c.planned_sessions',
      'c.authorized_sessions',
      'c.sessions_per_day',
      'c.review_required',
      'c.planned_time',
      'c.version',
      sql<string | null>`(SELECT t.planned_time FROM course_day_times t WHERE t.course_id = c.id AND t.on_date = ${date})`.as('day_time'),
      sql<string | null>`(SELECT ${engine.jsonObject([['id', sql.ref('st.id')], ['name', sql.ref('st.name')]])} FROM treatment_sessions s JOIN staff st ON st.id = s.technician_id
        WHERE s.course_id = c.id ORDER BY s.session_date DESC, s.start_time DESC, s.id DESC LIMIT 1)`.as('last_technician_json'),
      sql<number>`coalesce(cp.sessions_done, 0)`.as('sessions_done'),
      sql<number>`(SELECT count(*) FROM treatment_sessions s WHERE s.course_id = c.id AND s.session_date = ${date})`.as('sessions_today'),
      'cp.last_session_date',
      sql<string | null>`(SELECT ${engine.jsonObject([['rmt', sql.ref('m.rmt_pct_mso')], ['on', sql.ref('m.measured_on')], ['method', sql.ref('m.method')]])}
        FROM motor_thresholds m WHERE m.course_id = c.id ORDER BY m.measured_on DESC, m.id DESC LIMIT 1)`.as('mt_json'),
      'cp.first_session_date',
      // An open suicide item of any scale (PHQ-9 item 9, MADRS item 10, HAM-D item 3).
      sql<number>`(SELECT count(*) FROM assessments a LEFT JOIN assessment_acknowledgements k ON k.assessment_id = a.id
        WHERE a.patient_id = c.patient_id AND a.suicide_item_positive = 1 AND k.assessment_id IS NULL
        AND a.id NOT IN (SELECT assessment_id FROM assessment_entered_in_error))`.as('item9_open'),
    ]);
}

/**
 * The courses that may be on the day's list, with their revision (0006, 0021): what a kept list
 * checks before reading rows again. The patient's record is not read here (1,900 more lookups):
 * archiving a patient moves their courses' revisions, and the rows read then leave them out.
 */
export function todayRevisionsQuery(db: Kysely<DB>, date: string) {
  return startedOpenCourses(db, date).innerJoin('course_progress as cp', 'cp.course_id', 'c.id').select(['c.id as course_id', 'cp.revision']);
}

/** Planned or active courses that have started by `date`. */
function startedOpenCourses(db: Kysely<DB>, date: string) {
  return db.selectFrom('courses as c').where('c.status', 'in', ['planned', 'active']).where('c.start_date', '<=', date);
}

/** The day's list is every planned or active course that has started, of a patient whose record is not archived. */
function todayCourses(db: Kysely<DB>, date: string) {
  return startedOpenCourses(db, date).innerJoin('patients as p', 'p.id', 'c.patient_id').where('p.archived_at', 'is', null);
}
