import { z } from 'zod';
import { id, timestamp } from './common';
import { courseDetail } from './course';
import { clinicSettings } from './settings';

export const billingCounts = z.object({
  /** First treatment session, with motor threshold mapping. */
  cpt90867: z.number().int(),
  /** Each later treatment session. */
  cpt90868: z.number().int(),
  /** Motor threshold re-determinations after the first session. */
  cpt90869: z.number().int(),
});
export type BillingCounts = z.infer<typeof billingCounts>;

export const reportData = z.object({
  clinic: clinicSettings,
  generatedAt: timestamp,
  generatedByName: z.string(),
  detail: courseDetail,
  billing: billingCounts,
});
export type ReportData = z.infer<typeof reportData>;

export const reportDataInput = z.object({ courseId: id });
export const reportExportInput = z.object({ courseId: id });
export const csvExportInput = z.object({ courseId: id, kind: z.enum(['sessions', 'phq9']) });
export const exportResult = z.object({
  /** Where the file was written; null when the user cancelled the save dialog. */
  path: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative().nullable(),
});
