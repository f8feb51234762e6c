import { z } from 'zod';
import { assessment } from './assessment';
import { id, timestamp } from './common';
import { courseDetail } from './course';
import { billingSchemes } from './protocol';
import { clinicSettings } from './settings';

const count = z.number().int().nonnegative();

/** The course's billing codes, counted by `cptCodes` (src/shared/clinical/billing.ts). */
export const billingCounts = z.object({
  /** Copied from the protocol at prescription: which set of codes the report shows. */
  scheme: z.enum(billingSchemes),
  codes: z.object({
    '90867': count,
    '90868': count,
    '90869': count,
    '0890T': count,
    '0891T': count,
    '0892T': count,
    unbilledRedeterminations: count,
  }),
});
export type BillingCounts = z.infer<typeof billingCounts>;

export const reportData = z.object({
  clinic: clinicSettings,
  generatedAt: timestamp,
  generatedByName: z.string(),
  detail: courseDetail,
  billing: billingCounts,
  /** The patient's assessments on every scale beside the PHQ-9 (the report windows them to the course). */
  otherScales: z.array(assessment),
});
export type ReportData = z.infer<typeof reportData>;

export const reportDataInput = z.object({ courseId: id });
export const reportExportInput = z.object({ courseId: id });
/** Sessions; PHQ-9 (one column per item, LOINC total); every scale (one row per assessment, items as columns up to the longest scale). */
export const csvKinds = ['sessions', 'phq9', 'assessments'] as const;
export type CsvKind = (typeof csvKinds)[number];
export const csvExportInput = z.object({ courseId: id, kind: z.enum(csvKinds) });
export const exportResult = z.object({
  /** Where the file was written; null when the user cancelled the save dialog. */
  path: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative().nullable(),
});
