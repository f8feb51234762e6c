import { BASELINE_WINDOW_DAYS } from './assessments';
import { daysBetween } from './motorThreshold';
import type { ScaleId } from './scales';

/** How often a course takes a scale. */
export const scaleSchedules = ['weekly', 'baseline_mid_end'] as const;
export type ScaleSchedule = (typeof scaleSchedules)[number];
export const scaleScheduleLabels: Record<ScaleSchedule, string> = {
  weekly: 'Weekly (baseline, then every 7 days)',
  baseline_mid_end: 'Baseline, mid-course and end',
};

export interface PlannedScale {
  scale: ScaleId;
  schedule: ScaleSchedule;
}

/** A course with no plan follows the PHQ-9 weekly. */
export const DEFAULT_SCALE_PLAN: readonly PlannedScale[] = [{ scale: 'phq9', schedule: 'weekly' }];

/** Weekly: due 7 days after the last one, overdue from 10 (as the PHQ-9 on the today list). */
export const WEEKLY_DUE_DAYS = 7;
export const WEEKLY_OVERDUE_DAYS = 10;
/** Mid-course and end: overdue this many sessions after they fell due. */
export const MILESTONE_GRACE_SESSIONS = 3;

/** What a due assessment is for. */
export const scaleDueKinds = ['baseline', 'weekly', 'mid_course', 'end'] as const;
export type ScaleDueKind = (typeof scaleDueKinds)[number];
export const scaleDueKindLabels: Record<ScaleDueKind, string> = { baseline: 'baseline', weekly: 'weekly', mid_course: 'mid-course', end: 'end of course' };
export type ScaleDue = { status: 'due' | 'overdue'; what: ScaleDueKind } | null;

export interface ScaleDueInput {
  schedule: ScaleSchedule;
  /** Sessions delivered so far and planned. */
  sessionsDone: number;
  plannedSessions: number;
  /** The course's first session day, null before it. */
  firstSessionOn: string | null;
  /** Valid assessment days of this scale for the patient, any order. */
  assessedOn: readonly string[];
  /** The clinic's day. */
  today: string;
}

/**
 * Whether a planned scale is due or overdue on a day:
 * - before the first session: a baseline is due unless one lies in the 30 days before today;
 * - weekly: due 7 days after the last one (from the first session on), overdue from 10;
 * - baseline, mid-course and end: mid-course due once half the planned sessions are done with no
 *   assessment since the first session, the end due from the second-to-last planned session with
 *   fewer than two since the first session; each overdue 3 sessions later.
 */
export function scaleDue(input: ScaleDueInput): ScaleDue {
  const { schedule, sessionsDone, plannedSessions, firstSessionOn, assessedOn, today } = input;
  const past = assessedOn.filter((d) => d <= today).sort();
  const last = past.at(-1) ?? null;
  if (sessionsDone === 0 || firstSessionOn === null) {
    return last !== null && daysBetween(last, today) <= BASELINE_WINDOW_DAYS ? null : { status: 'due', what: 'baseline' };
  }
  const hasBaseline = past.some((d) => d <= firstSessionOn && daysBetween(d, firstSessionOn) <= BASELINE_WINDOW_DAYS);
  const since = past.filter((d) => d > firstSessionOn).length;
  if (schedule === 'weekly') {
    if (!last) return { status: 'overdue', what: hasBaseline ? 'weekly' : 'baseline' };
    const days = daysBetween(last, today);
    return days >= WEEKLY_OVERDUE_DAYS ? { status: 'overdue', what: 'weekly' } : days >= WEEKLY_DUE_DAYS ? { status: 'due', what: 'weekly' } : null;
  }
  const mid = Math.ceil(plannedSessions / 2);
  const end = Math.max(mid + 1, plannedSessions - 1);
  if (sessionsDone >= end && since < 2) return { status: sessionsDone >= end + MILESTONE_GRACE_SESSIONS ? 'overdue' : 'due', what: 'end' };
  if (sessionsDone >= mid && since < 1) return { status: sessionsDone >= mid + MILESTONE_GRACE_SESSIONS ? 'overdue' : 'due', what: 'mid_course' };
  if (!hasBaseline && since === 0) return { status: 'overdue', what: 'baseline' };
  return null;
}
