import type { Kysely } from 'kysely';
import { DEFAULT_SCALE_PLAN, type PlannedScale, scaleDue, type ScaleId } from '../../shared/clinical';
import type { AssessmentDue } from '../../shared/schemas/session';
import type { DB } from '../db/schema';
import { appendTo } from './lists';

export interface CourseOnTheDay {
  courseId: number;
  patientId: number;
  sessionsDone: number;
  plannedSessions: number;
  firstSessionOn: string | null;
}

/** Keeps each `IN (…)` list well under SQLite's bound-parameter limit. */
const CHUNK = 5000;

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

/**
 * For each course, the planned scales due or overdue on `date` (the course plan, PHQ-9 weekly when
 * none was set; `scaleDue` decides), in two reads whatever the number of courses.
 */
export async function assessmentsDueOn(db: Kysely<DB>, courses: readonly CourseOnTheDay[], date: string): Promise<Map<number, AssessmentDue[]>> {
  const plans = new Map<number, PlannedScale[]>();
  const assessed = new Map<string, string[]>();
  for (const part of chunks(courses)) {
    const planRows = await db.selectFrom('course_scale_plans').select(['course_id', 'scale', 'schedule']).where('course_id', 'in', part.map((c) => c.courseId)).orderBy('course_id').orderBy('scale').execute();
    for (const r of planRows) appendTo(plans, r.course_id, { scale: r.scale as ScaleId, schedule: r.schedule });
    // Only the scales these courses plan: a patient's other scales (years of them, in a large clinic) decide nothing here.
    const scales = new Set<ScaleId>();
    for (const c of part) for (const planned of plans.get(c.courseId) ?? DEFAULT_SCALE_PLAN) scales.add(planned.scale);
    const dateRows = await db
      .selectFrom('assessments as a')
      .leftJoin('assessment_entered_in_error as x', 'x.assessment_id', 'a.id')
      .select(['a.patient_id', 'a.scale', 'a.assessed_on'])
      .where('a.patient_id', 'in', [...new Set(part.map((c) => c.patientId))])
      .where('a.scale', 'in', [...scales])
      .where('a.assessed_on', '<=', date)
      .where('x.assessment_id', 'is', null)
      .execute();
    for (const r of dateRows) appendTo(assessed, `${r.patient_id}:${r.scale}`, r.assessed_on);
  }
  const due = new Map<number, AssessmentDue[]>();
  for (const c of courses) {
    const list: AssessmentDue[] = [];
    for (const planned of plans.get(c.courseId) ?? DEFAULT_SCALE_PLAN) {
      const days = assessed.get(`${c.patientId}:${planned.scale}`) ?? [];
      const d = scaleDue({ schedule: planned.schedule, sessionsDone: c.sessionsDone, plannedSessions: c.plannedSessions, firstSessionOn: c.firstSessionOn, assessedOn: days, today: date });
      if (d) list.push({ scale: planned.scale, status: d.status, what: d.what, lastOn: days.reduce<string | null>((max, day) => (max === null || day > max ? day : max), null) });
    }
    due.set(c.courseId, list);
  }
  return due;
}
