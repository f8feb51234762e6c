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

export interface DatedScore {
  id: number;
  date: string;
  total: number;
}

export interface CourseOutcome extends Outcome {
  baseline: DatedScore;
  latest: DatedScore;
  /** Week the response (≥ 50% drop) was first reached, null if never. */
  responseWeek: number | null;
  remissionWeek: number | null;
}

/**
 * The course outcome from its PHQ-9s: baseline = the last PHQ-9 on or before the first
 * session's day; latest = the last one after it. Null without a baseline or a later score.
 */
export function courseOutcome(scores: readonly DatedScore[], firstSessionDate: string | null): CourseOutcome | null {
  if (!firstSessionDate) return null;
  const sorted = [...scores].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  const baseline = sorted.filter((s) => s.date <= firstSessionDate).at(-1);
  const after = sorted.filter((s) => s.date > firstSessionDate);
  const latest = after.at(-1);
  if (!baseline || !latest) return null;
  const firstWeek = (test: (o: Outcome) => boolean) => {
    const hit = after.find((s) => test(classifyOutcome(baseline.total, s.total)));
    return hit ? weekOfCourse(firstSessionDate, hit.date) : null;
  };
  return {
    baseline,
    latest,
    ...classifyOutcome(baseline.total, latest.total),
    responseWeek: firstWeek((o) => o.response),
    remissionWeek: firstWeek((o) => o.remission),
  };
}
