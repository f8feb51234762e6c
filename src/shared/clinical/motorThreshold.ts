export const mtMethods = ['emg', 'visual'] as const;
export type MtMethod = (typeof mtMethods)[number];

/** Many clinics re-measure at least weekly; older thresholds are flagged. */
export const MT_MAX_AGE_DAYS = 7;

export interface MtFlags {
  ageDays: number;
  /** Older than 7 days. */
  stale: boolean;
  /** Visual thresholds read on average about 11% higher than EMG ones (Westin et al. 2014). */
  visual: boolean;
}

function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Whole days from `from` to `to` (YYYY-MM-DD each). */
export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

export function motorThresholdFlags(mt: { measuredOn: string; method: MtMethod }, today: string): MtFlags {
  const ageDays = daysBetween(mt.measuredOn, today);
  return { ageDays, stale: ageDays > MT_MAX_AGE_DAYS, visual: mt.method === 'visual' };
}
