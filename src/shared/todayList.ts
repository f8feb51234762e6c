import type { TodayItem } from './schemas/session';

/** A course not started this long after its planned time is overdue. */
export const OVERDUE_AFTER_MINUTES = 15;

export const todayFlags = ['overdue', 'no_mt', 'mt_stale', 'assessment_due', 'alert', 'beyond_authorization'] as const;
export type TodayFlag = (typeof todayFlags)[number];
export const todayFlagLabels: Record<TodayFlag, string> = {
  overdue: 'Overdue',
  no_mt: 'No motor threshold',
  mt_stale: 'Re-measure MT',
  assessment_due: 'Assessment due',
  alert: 'Review or item-9 alert',
  beyond_authorization: 'Beyond authorization',
};

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function doneForTheDay(item: TodayItem): boolean {
  return item.sessionsToday >= item.sessionsPerDay;
}

/** Minutes past the planned time, when the course still waits for today's session; else null. */
export function overdueMinutes(item: TodayItem, timeNow: string): number | null {
  if (!item.plannedTime || doneForTheDay(item)) return null;
  const late = minutes(timeNow) - minutes(item.plannedTime);
  return late > OVERDUE_AFTER_MINUTES ? late : null;
}

export function flagsOf(item: TodayItem, timeNow: string): TodayFlag[] {
  const flags: TodayFlag[] = [];
  if (overdueMinutes(item, timeNow) !== null) flags.push('overdue');
  if (!item.mt) flags.push('no_mt');
  if (item.mt?.stale) flags.push('mt_stale');
  if (item.assessmentsDue.length > 0) flags.push('assessment_due');
  if (item.reviewRequired || item.item9Open) flags.push('alert');
  if (item.nextSessionNumber > item.authorizedSessions) flags.push('beyond_authorization');
  return flags;
}

export interface TodayFilter {
  /** Words of a name or an MRN, in any order. */
  search: string;
  protocol: string | null;
  technicianId: number | null;
  /** Courses with any of these flags; empty: all. */
  flags: readonly TodayFlag[];
}

export const noTodayFilter: TodayFilter = { search: '', protocol: null, technicianId: null, flags: [] };

/** The day's list as the technician asked to see it. */
export function filterToday(items: readonly TodayItem[], filter: TodayFilter, timeNow: string): TodayItem[] {
  const words = filter.search.toLowerCase().split(/[\s,]+/).filter(Boolean);
  return items.filter((item) => {
    const text = `${item.patientName} ${item.mrn}`.toLowerCase();
    if (!words.every((w) => text.includes(w))) return false;
    if (filter.protocol !== null && item.protocolName !== filter.protocol) return false;
    if (filter.technicianId !== null && item.lastTechnicianId !== filter.technicianId) return false;
    if (filter.flags.length > 0) {
      const flags = flagsOf(item, timeNow);
      if (!filter.flags.some((f) => flags.includes(f))) return false;
    }
    return true;
  });
}

// One collator for every comparison: String#localeCompare builds its own on each call (a clinic
// day of 1,900 courses spent tens of milliseconds sorting by name).
const byName = new Intl.Collator().compare;
const NO_PLANNED_TIME = 24 * 60;

/** A course's place in the day before its name: still to treat first, then by planned time (none last). */
const dayRank = (i: TodayItem) => (doneForTheDay(i) ? 2 * NO_PLANNED_TIME : 0) + (i.plannedTime ? minutes(i.plannedTime) : NO_PLANNED_TIME);

/**
 * The order of the day: courses still to treat first, each part by planned time (courses without
 * one after those with one), then by name, then by MRN and course (two patients can share a name):
 * the same order however the courses were read.
 */
export function compareToday(a: TodayItem, b: TodayItem): number {
  return dayRank(a) - dayRank(b) || byName(a.patientName, b.patientName) || byName(a.mrn, b.mrn) || a.courseId - b.courseId;
}
