import { z } from 'zod';
import { isoDate } from './common';
import { courseStatuses } from './course';
import type { SymptomScaleId } from '../clinical';

/** The scales the dashboard can show: those that measure change (response and remission), PHQ-9 first. */
export const dashboardScaleIds = ['phq9', 'gad7', 'madrs', 'hamd17'] as const satisfies readonly SymptomScaleId[];
export const dashboardScale = z.enum(dashboardScaleIds, { error: 'Choose PHQ-9, GAD-7, MADRS or HAM-D 17' });
export type DashboardScale = z.infer<typeof dashboardScale>;

const filterFields = {
  /** The scale whose scores, outcomes and cohort figures are shown. */
  scale: dashboardScale.default('phq9'),
  statuses: z.array(z.enum(courseStatuses)).default([]),
  /** Protocol lineage ids (every revision of a protocol counts as that protocol). */
  protocolLineageIds: z.array(z.number().int().positive()).default([]),
  prescriberIds: z.array(z.number().int().positive()).default([]),
  /** Courses that started in this range (inclusive). */
  startFrom: isoDate.nullable().default(null),
  startTo: isoDate.nullable().default(null),
};
const rangeInOrder = (f: { startFrom: string | null; startTo: string | null }) => !f.startFrom || !f.startTo || f.startFrom <= f.startTo;
const rangeMessage = { path: ['startTo'], message: 'The end of the range is before its start' };

export const dashboardFilters = z.object(filterFields).refine(rangeInOrder, rangeMessage);
export type DashboardFilters = z.infer<typeof dashboardFilters>;
export type DashboardFiltersInput = z.input<typeof dashboardFilters>;

/** Most rows one read of the course table returns: a page stays far below 1 MB. */
export const DASHBOARD_PAGE_MAX = 500;
/** One page of the course table: rows offset … offset + limit − 1 of the matching courses, newest first. */
export const dashboardCoursesInput = z
  .object({
    ...filterFields,
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().positive().max(DASHBOARD_PAGE_MAX).default(100),
  })
  .refine(rangeInOrder, rangeMessage);
export type DashboardCoursesInput = z.input<typeof dashboardCoursesInput>;

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
  /** Baseline and end-of-treatment totals on the chosen scale (courseAssessments); null where there is none. */
  baseline: z.number().int().nullable(),
  endOfTreatment: z.number().int().nullable(),
  change: z.number().int().nullable(),
  percentChange: z.number().nullable(),
  /** Baseline at least the scale's rated minimum (PHQ-9 10); false: "not rated"; null without an outcome. */
  rated: z.boolean().nullable(),
  /** Null when not rated or without an outcome. */
  response: z.boolean().nullable(),
  remission: z.boolean().nullable(),
  item9Open: z.number().int(),
  adverseEvents: z.number().int(),
  /** PHQ-9 only: end of treatment at least 5 points above baseline. */
  worsening: z.boolean(),
});
export type DashboardRow = z.infer<typeof dashboardRow>;

export const dashboardPage = z.object({
  /** Every course matching the filters; the page holds at most `limit` of them. */
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(dashboardRow),
});
export type DashboardPage = z.infer<typeof dashboardPage>;

export const cohortWeek = z.object({
  week: z.number().int(),
  n: z.number().int(),
  mean: z.number(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
});
export const cohortProtocol = z.object({
  protocolName: z.string(),
  /** Intention to treat: ended courses of this protocol with a rated baseline and a session. */
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
  /** The scale these figures are on. */
  scale: dashboardScale,
  /** The scales the clinic has scores on (PHQ-9 always): the dashboard offers these. */
  scales: z.array(dashboardScale),
  /** Courses with a rated baseline (the scale's rule) and an end-of-treatment score: the mean trajectory uses them. */
  includedCourses: z.number().int(),
  excludedCourses: z.number().int(),
  /** Completed courses with a rated baseline and an end-of-treatment score. */
  completers: cohortRateSet,
  /** Every ended course with a rated baseline and at least one session; no later score counts as not responding. */
  intentionToTreat: cohortRateSet,
  /** Active or planned courses with a rated baseline: in neither set until they end. */
  notYetEnded: z.number().int(),
  weeks: z.array(cohortWeek),
  byProtocol: z.array(cohortProtocol),
});
export type Cohort = z.infer<typeof cohort>;
