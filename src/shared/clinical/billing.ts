import { isIsoDate } from '../dates';

/**
 * CPT counts of one course (DOMAIN.md, "Billing"). Every delivered session carries exactly one
 * per-session code; every treatment day exactly one per-day code.
 */
export interface CptCodes {
  /** First delivered session of the course (cortical mapping and the initial motor threshold). */
  '90867': number;
  /** Every other session ("per session": an accelerated day of 10 has 9 or 10 of them). */
  '90868': number;
  /** First session of a later day on which the motor threshold was re-determined. */
  '90869': number;
  /** SNT: the first treatment day. */
  '0890T': number;
  /** SNT: every other later treatment day. */
  '0891T': number;
  /** SNT: a later treatment day with a threshold re-determination. */
  '0892T': number;
  /** Days after the first session's day with a re-determination but no session: nothing to bill it with. */
  unbilledRedeterminations: number;
}

/** Per-session codes (standard courses), in report order. */
export const PER_SESSION_CPT_CODES = ['90867', '90868', '90869'] as const;
/** Per-treatment-day Category III codes (accelerated fcMRI-guided theta burst, SNT), in report order. */
export const PER_DAY_CPT_CODES = ['0890T', '0891T', '0892T'] as const;
export type CptCode = (typeof PER_SESSION_CPT_CODES)[number] | (typeof PER_DAY_CPT_CODES)[number];

export const cptCodeLabels: Record<CptCode, string> = {
  '90867': 'first session, with MT',
  '90868': 'subsequent session',
  '90869': 'MT re-determination',
  '0890T': 'first treatment day',
  '0891T': 'subsequent treatment day',
  '0892T': 'treatment day with MT re-determination',
};

function requireDates(name: string, dates: readonly string[]): void {
  for (const d of dates) {
    if (!isIsoDate(d)) throw new RangeError(`${name}: expected YYYY-MM-DD dates, got ${JSON.stringify(d)}`);
  }
}

/** The codes one delivered session carries: its per-session code, and the per-day code when it is its day's first session. */
export interface SessionCptCode {
  perSession: (typeof PER_SESSION_CPT_CODES)[number];
  /** Only on the first session of each treatment day (SNT courses bill the day once). */
  perDay: (typeof PER_DAY_CPT_CODES)[number] | null;
}

function firstDayOf(sessionDates: readonly string[]): string {
  let firstDay = sessionDates[0] as string;
  for (const d of sessionDates) if (d < firstDay) firstDay = d;
  return firstDay;
}

/**
 * The billing codes of each delivered session (DOMAIN.md, "Billing"), one entry per session in the
 * order given, which must be session order (by date, then start time): within a day, the first
 * entry is that day's first session. `cptCodes` counts exactly these.
 */
export function sessionCptCodes({ sessionDates, thresholdDates }: { sessionDates: readonly string[]; thresholdDates: readonly string[] }): SessionCptCode[] {
  requireDates('sessionDates', sessionDates);
  requireDates('thresholdDates', thresholdDates);
  if (sessionDates.length === 0) return [];
  const firstDay = firstDayOf(sessionDates);
  const redeterminationDays = new Set(thresholdDates.filter((d) => d > firstDay));
  const seenDays = new Set<string>();
  let firstSessionSeen = false;
  return sessionDates.map((date): SessionCptCode => {
    const firstOfDay = !seenDays.has(date);
    seenDays.add(date);
    if (date === firstDay && !firstSessionSeen) {
      firstSessionSeen = true;
      return { perSession: '90867', perDay: '0890T' };
    }
    const redetermined = firstOfDay && redeterminationDays.has(date);
    return {
      perSession: redetermined ? '90869' : '90868',
      perDay: firstOfDay ? (redetermined ? '0892T' : '0891T') : null,
    };
  });
}

/**
 * Counts the billing codes of a course from its delivered sessions' dates (one entry per session,
 * so a day of 10 sessions appears 10 times) and its motor thresholds' dates, in any order.
 * Re-determinations are threshold dates after the first session's day, several on one day counting
 * once; thresholds on or before that day belong to 90867. No session: all zero.
 */
export function cptCodes({ sessionDates, thresholdDates }: { sessionDates: readonly string[]; thresholdDates: readonly string[] }): CptCodes {
  const counts: CptCodes = { '90867': 0, '90868': 0, '90869': 0, '0890T': 0, '0891T': 0, '0892T': 0, unbilledRedeterminations: 0 };
  // Which session of a day comes first does not change the counts, so any order will do here.
  for (const code of sessionCptCodes({ sessionDates, thresholdDates })) {
    counts[code.perSession]++;
    if (code.perDay) counts[code.perDay]++;
  }
  if (sessionDates.length === 0) return counts;
  const firstDay = firstDayOf(sessionDates);
  const days = new Set(sessionDates);
  counts.unbilledRedeterminations = new Set(thresholdDates.filter((d) => d > firstDay && !days.has(d))).size;
  return counts;
}
