import { daysBetween, MT_MAX_AGE_DAYS, type MtMethod } from './motorThreshold';

/** A course's motor-threshold measurement, as `thresholdForSession` reads it. */
export interface ThresholdMeasurement {
  id: number;
  measuredOn: string;
  rmtPctMso: number;
  method: MtMethod;
}

/** The threshold that doses a session, with how old it was on the session's day. */
export interface SessionThreshold {
  id: number;
  rmtPctMso: number;
  /** Days from the measurement to the session. */
  ageDays: number;
  /** Older than 7 days on the session's day. */
  stale: boolean;
  /** Measured visually (reads about 11% higher than EMG: Westin et al. 2014). */
  visual: boolean;
}

/**
 * The latest threshold measured on or before the session's day (two on one day: the larger
 * id); null when none qualifies. A session is dosed from this one, never an older one.
 */
export function thresholdForSession(thresholds: readonly ThresholdMeasurement[], sessionDate: string): SessionThreshold | null {
  let best: ThresholdMeasurement | null = null;
  for (const t of thresholds) {
    if (t.measuredOn > sessionDate) continue;
    if (!best || t.measuredOn > best.measuredOn || (t.measuredOn === best.measuredOn && t.id > best.id)) best = t;
  }
  if (!best) return null;
  const ageDays = daysBetween(best.measuredOn, sessionDate);
  return { id: best.id, rmtPctMso: best.rmtPctMso, ageDays, stale: ageDays > MT_MAX_AGE_DAYS, visual: best.method === 'visual' };
}
