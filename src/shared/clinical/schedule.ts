import { addDaysIso } from '../dates';
import { daysBetween } from './motorThreshold';

/** Sessions given daily, Monday to Friday, before a standard course tapers (DOMAIN.md: 30, then 3, 2, 1). */
export const DAILY_PHASE_SESSIONS = 30;

/**
 * Weekdays of a course's daily phase on which no session was given: from the first session to
 * the day of the last daily-phase session (`dailySessions`, e.g. 30 of a 36-session course), or,
 * while that phase is still running, to `through` (yesterday, or the day the course ended).
 * The taper's spacing is the clinic's choice, so it is not judged; clinic holidays are not
 * known here and count as missed.
 */
export function missedWeekdays(sessionDates: readonly string[], dailySessions: number, through: string): string[] {
  if (sessionDates.length === 0 || dailySessions < 1) return [];
  const sorted = [...sessionDates].sort();
  const first = sorted[0] ?? through;
  const end = sorted[dailySessions - 1] ?? through;
  // Day offsets from the first session, so only the missed days are turned back into dates.
  const given = new Set(sorted.map((d) => daysBetween(first, d)));
  const firstWeekday = new Date(`${first}T00:00:00Z`).getUTCDay();
  const missed: string[] = [];
  for (let offset = 0, days = daysBetween(first, end); offset <= days; offset++) {
    const weekday = (firstWeekday + offset) % 7;
    if (weekday !== 0 && weekday !== 6 && !given.has(offset)) missed.push(addDaysIso(first, offset));
  }
  return missed;
}
