import {
  assessmentParts,
  courseAssessments,
  type CourseSessionSpan,
  daysBetween,
  type MeasuredOutcome,
  measuredOutcome,
  measuresChange,
  type ScaleId,
  scaleIds,
} from '../../../shared/clinical';
import type { Assessment } from '../../../shared/schemas/assessment';
import type { ListedAssessment } from './AssessmentTable';

export interface CourseScale {
  scale: ScaleId;
  baseline: Assessment | null;
  /** Valid assessments measuring the course (baseline, during, end, follow-up) plus entered-in-error ones, each with its part. */
  listed: ListedAssessment[];
  /** Baseline and treatment scores (no follow-ups), by date. */
  treatment: Assessment[];
  outcome: MeasuredOutcome<Assessment> | null;
}

/**
 * Each scale's assessments that measure a course, by the same date windows main uses
 * (courseAssessments), with the outcome on that scale (response ≥ 50% drop, its own remission
 * rule, rated from a baseline at least moderate on that scale).
 */
export function courseScales(all: readonly Assessment[], span: CourseSessionSpan): CourseScale[] {
  return scaleIds.flatMap((scale): CourseScale[] => {
    const ofScale = all.filter((a) => a.scale === scale);
    if (ofScale.length === 0 || span.firstSessionOn === null) return [];
    const parts = courseAssessments(ofScale.filter((a) => !a.enteredInError), span);
    const partOf = assessmentParts(parts);
    const first = span.firstSessionOn;
    const listed = ofScale.flatMap((a): ListedAssessment[] => {
      const part = partOf.get(a.id);
      if (part) return [{ ...a, part }];
      return a.enteredInError && daysBetween(first, a.assessedOn) >= -30 ? [{ ...a, part: null }] : [];
    });
    if (listed.length === 0) return [];
    const treatment = [parts.baseline, ...parts.during].filter((a): a is Assessment => a !== null);
    return [{ scale, baseline: parts.baseline, listed, treatment, outcome: measuresChange(scale) ? measuredOutcome(parts, scale) : null }];
  });
}
