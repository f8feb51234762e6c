import { daysBetween } from './motorThreshold';

export interface Outcome {
  /** latest − baseline: negative is better. */
  change: number;
  /** 100 × (latest − baseline) / baseline, unrounded; null when the baseline is 0. */
  percentChange: number | null;
  /** baseline > 0 and latest ≤ baseline / 2: a drop of at least 50%. */
  response: boolean;
  /** latest < 5 (PHQ-9 ≤ 4). */
  remission: boolean;
}

export function classifyOutcome(baseline: number, latest: number): Outcome {
  for (const [name, value] of [['Baseline', baseline], ['Latest', latest]] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 27) throw new RangeError(`${name} must be a PHQ-9 total 0–27 (got ${String(value)})`);
  }
  return {
    change: latest - baseline,
    percentChange: baseline === 0 ? null : (100 * (latest - baseline)) / baseline,
    response: baseline > 0 && latest <= baseline / 2,
    remission: latest < 5,
  };
}

/** Week of an assessment: floor(days since the first session / 7); baseline is week 0. */
export function weekOfCourse(firstSessionDate: string, date: string): number {
  return Math.max(0, Math.floor(daysBetween(firstSessionDate, date) / 7));
}

/** Treatment day of an assessment for accelerated courses: the first session's day is day 1, a baseline before it day 0. */
export function treatmentDayOf(firstSessionDate: string, date: string): number {
  return Math.max(0, daysBetween(firstSessionDate, date) + 1);
}
