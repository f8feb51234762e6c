import { addDaysIso } from '../dates';
import { daysBetween } from './motorThreshold';

/** Sessions given daily, Monday to Friday, before a standard course tapers (DOMAIN.md: 30, then 3, 2, 1). */
export const DAILY_PHASE_SESSIONS = 30;

function isWeekday(isoDate: string): boolean {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

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
  const given = new Set(sorted);
  const missed: string[] = [];
  for (let offset = 0, days = daysBetween(first, end); offset <= days; offset++) {
    const day = addDaysIso(first, offset);
    if (isWeekday(day) && !given.has(day)) missed.push(day);
  }
  return missed;
}
