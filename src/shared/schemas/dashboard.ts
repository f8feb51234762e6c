import { z } from 'zod';
import { isoDate } from './common';
import { courseStatuses } from './course';

export const dashboardFilters = z
  .object({
    statuses: z.array(z.enum(courseStatuses)).default([]),
    /** Protocol lineage ids (every revision of a protocol counts as that protocol). */
    protocolLineageIds: z.array(z.number().int().positive()).default([]),
    prescriberIds: z.array(z.number().int().positive()).default([]),
    /** Courses that started in this range (inclusive). */
    startFrom: isoDate.nullable().default(null),
    startTo: isoDate.nullable().default(null),
  })
  .refine((f) => !f.startFrom || !f.startTo || f.startFrom <= f.startTo, { path: ['startTo'], message: 'The end of the range is before its start' });
export type DashboardFilters = z.infer<typeof dashboardFilters>;
export type DashboardFiltersInput = z.input<typeof dashboardFilters>;

export const dashboardRow = z.object({
  courseId: z.number().int(),
  patientId: z.number().int(),
  patientName: z.string(),
  mrn: z.string(),
  protocolName: z.string(),
  protocolLineageId: z.number().int(),
  prescriberName: z.string(),
  status: z.enum(courseStatuses),
  startDate: z.string(),
  sessionsDone: z.number().int(),
  plannedSessions: z.number().int(),
  /** Baseline and end-of-treatment PHQ-9 totals (courseAssessments); null where there is none. */
  baseline: z.number().int().nullable(),
  endOfTreatment: z.number().int().nullable(),
  change: z.number().int().nullable(),
  percentChange: z.number().nullable(),
  /** Baseline ≥ 10; false: "baseline below 10: not rated"; null without an outcome. */
  rated: z.boolean().nullable(),
  /** Null when not rated or without an outcome. */
  response: z.boolean().nullable(),
  remission: z.boolean().nullable(),
  item9Open: z.number().int(),
  adverseEvents: z.number().int(),
  /** End of treatment at least 5 points above baseline. */
  worsening: z.boolean(),
});
export type DashboardRow = z.infer<typeof dashboardRow>;

export const cohortWeek = z.object({
  week: z.number().int(),
  n: z.number().int(),
  mean: z.number(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
});
export const cohortProtocol = z.object({
  protocolName: z.string(),
  /** Intention to treat: ended courses of this protocol with a baseline ≥ 10 and a session. */
  n: z.number().int(),
  responders: z.number().int(),
  remitters: z.number().int(),
  responseRate: z.number(),
  remissionRate: z.number(),
});
/** k of n with its 95% Wilson interval (proportions 0–1); rate and interval null when n is 0. */
export const cohortRate = z.object({
  k: z.number().int(),
  n: z.number().int(),
  rate: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});
export type CohortRate = z.infer<typeof cohortRate>;
export const cohortRateSet = z.object({ n: z.number().int(), response: cohortRate, remission: cohortRate });
export type CohortRateSet = z.infer<typeof cohortRateSet>;
export const cohort = z.object({
  /** Courses with a baseline of at least 10 and an end-of-treatment PHQ-9: the mean trajectory uses them. */
  includedCourses: z.number().int(),
  excludedCourses: z.number().int(),
  /** Completed courses with a baseline ≥ 10 and an end-of-treatment score. */
  completers: cohortRateSet,
  /** Every ended course with a baseline ≥ 10 and at least one session; no later score counts as not responding. */
  intentionToTreat: cohortRateSet,
  /** Active or planned courses with a baseline ≥ 10: in neither set until they end. */
  notYetEnded: z.number().int(),
  weeks: z.array(cohortWeek),
  byProtocol: z.array(cohortProtocol),
});
export type Cohort = z.infer<typeof cohort>;

export const COHORT_MIN_BASELINE = 10;
