import { addDaysIso } from '../dates';
import { type Outcome, weekOfCourse } from './outcome';
import { classifyScaleOutcome, isRatedBaseline, type ScaleId } from './scales';

/** One valid assessment of one scale (entered-in-error ones are left out by the caller). */
export interface ScoredAssessment {
  id: number;
  /** YYYY-MM-DD, the clinic's calendar day. */
  assessedOn: string;
  total: number;
}

/** The course's first and last delivered session days; both null before the first session. */
export interface CourseSessionSpan {
  firstSessionOn: string | null;
  lastSessionOn: string | null;
}

export interface CourseAssessments<T extends ScoredAssessment = ScoredAssessment> {
  baseline: T | null;
  during: T[];
  endOfTreatment: T | null;
  followUp: T[];
}

/** A baseline may be up to this many days before the first session's day. */
export const BASELINE_WINDOW_DAYS = 30;
/** An assessment up to this many days after the last session still measures the treatment. */
export const END_OF_TREATMENT_WINDOW_DAYS = 7;

export type AssessmentPart = 'baseline' | 'during' | 'end_of_treatment' | 'follow_up';

function byDateThenId(a: ScoredAssessment, b: ScoredAssessment): number {
  return a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : a.id - b.id;
}

/**
 * Which assessments measure a course (DOMAIN.md, "Which assessments measure a course"), from one
 * patient's valid assessments of one scale in any order and the course's delivered-session span:
 * - baseline: the latest dated from 30 days before the first session's day up to and including
 *   it (same day: the larger id);
 * - during: after the first session's day up to and including 7 days after the last session, by
 *   date then id; endOfTreatment is the last of them;
 * - followUp: more than 7 days after the last session, by date then id (never the end of treatment).
 * No delivered session: all empty. Earlier assessments belong to no part of the course.
 */
export function courseAssessments<T extends ScoredAssessment>(assessments: readonly T[], course: CourseSessionSpan): CourseAssessments<T> {
  const { firstSessionOn, lastSessionOn } = course;
  if (firstSessionOn === null || lastSessionOn === null) return { baseline: null, during: [], endOfTreatment: null, followUp: [] };
  const baselineFrom = addDaysIso(firstSessionOn, -BASELINE_WINDOW_DAYS);
  const duringTo = addDaysIso(lastSessionOn, END_OF_TREATMENT_WINDOW_DAYS);
  const sorted = [...assessments].sort(byDateThenId);
  let baseline: T | null = null;
  const during: T[] = [];
  const followUp: T[] = [];
  for (const a of sorted) {
    if (a.assessedOn < baselineFrom) continue;
    if (a.assessedOn <= firstSessionOn) baseline = a;
    else if (a.assessedOn <= duringTo) during.push(a);
    else followUp.push(a);
  }
  return { baseline, during, endOfTreatment: during.at(-1) ?? null, followUp };
}

/** The part of the course each assessment measures, by id (absent: no part of this course). */
export function assessmentParts(parts: CourseAssessments): Map<number, AssessmentPart> {
  const out = new Map<number, AssessmentPart>();
  if (parts.baseline) out.set(parts.baseline.id, 'baseline');
  for (const a of parts.during) out.set(a.id, 'during');
  if (parts.endOfTreatment) out.set(parts.endOfTreatment.id, 'end_of_treatment');
  for (const a of parts.followUp) out.set(a.id, 'follow_up');
  return out;
}

/** Response and remission are rated only from a baseline of at least this (PHQ-9 moderate). */
export const RATED_MIN_BASELINE = 10;

export interface MeasuredOutcome<T extends ScoredAssessment = ScoredAssessment> extends Outcome {
  baseline: T;
  endOfTreatment: T;
  /** Baseline ≥ 10: response and remission are shown and counted; otherwise "not rated". */
  rated: boolean;
}

/**
 * The outcome of a course on one scale (PHQ-9 unless named): classifyScaleOutcome(baseline, end of
 * treatment), rated when the baseline is at least moderate on that scale; null without either.
 */
export function measuredOutcome<T extends ScoredAssessment>(parts: CourseAssessments<T>, scale: ScaleId = 'phq9'): MeasuredOutcome<T> | null {
  const { baseline, endOfTreatment } = parts;
  if (!baseline || !endOfTreatment) return null;
  return { baseline, endOfTreatment, rated: isRatedBaseline(scale, baseline.total), ...classifyScaleOutcome(scale, baseline.total, endOfTreatment.total) };
}

export interface CourseOutcome<T extends ScoredAssessment = ScoredAssessment> extends MeasuredOutcome<T> {
  /** Week the response (≥ 50% drop) was first reached during treatment, null if never. */
  responseWeek: number | null;
  remissionWeek: number | null;
}

/**
 * A course's outcome with the weeks response and remission were first reached, from the patient's
 * valid assessments and the course's delivered-session span. Null without a baseline or an
 * end-of-treatment score. Follow-ups never count here.
 */
export function courseOutcome<T extends ScoredAssessment>(assessments: readonly T[], span: CourseSessionSpan, scale: ScaleId = 'phq9'): CourseOutcome<T> | null {
  const parts = courseAssessments(assessments, span);
  const outcome = measuredOutcome(parts, scale);
  if (!outcome || span.firstSessionOn === null) return null;
  const first = span.firstSessionOn;
  const firstWeek = (test: (o: Outcome) => boolean) => {
    const hit = parts.during.find((a) => test(classifyScaleOutcome(scale, outcome.baseline.total, a.total)));
    return hit ? weekOfCourse(first, hit.assessedOn) : null;
  };
  return { ...outcome, responseWeek: firstWeek((o) => o.response), remissionWeek: firstWeek((o) => o.remission) };
}
