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

// Slices, not split(): the dashboard calls this for every PHQ-9 in the clinic.
function dayNumber(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / 86_400_000;
}

/** Whole days from `from` to `to` (YYYY-MM-DD each). */
export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

export function motorThresholdFlags(mt: { measuredOn: string; method: MtMethod }, today: string): MtFlags {
  const ageDays = daysBetween(mt.measuredOn, today);
  return { ageDays, stale: ageDays > MT_MAX_AGE_DAYS, visual: mt.method === 'visual' };
}
