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
  baseline: z.number().int().nullable(),
  latest: z.number().int().nullable(),
  change: z.number().int().nullable(),
  percentChange: z.number().nullable(),
  response: z.boolean().nullable(),
  remission: z.boolean().nullable(),
  item9Open: z.number().int(),
  adverseEvents: z.number().int(),
  /** Latest at least 5 points above baseline. */
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
  n: z.number().int(),
  responders: z.number().int(),
  remitters: z.number().int(),
  responseRate: z.number(),
  remissionRate: z.number(),
});
export const cohort = z.object({
  /** Courses with a baseline of at least 10 and a later PHQ-9: the only ones the figures use. */
  includedCourses: z.number().int(),
  excludedCourses: z.number().int(),
  weeks: z.array(cohortWeek),
  byProtocol: z.array(cohortProtocol),
});
export type Cohort = z.infer<typeof cohort>;

export const COHORT_MIN_BASELINE = 10;
