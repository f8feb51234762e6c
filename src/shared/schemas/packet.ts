import { z } from 'zod';
import { id } from './common';
import { treatmentHistory } from './history';
import { phq9Assessment } from './phq9';
import { reportData } from './report';
import { courseReadiness } from './screening';

/** The two payer documents printed from a course (issue 15): before it (authorization) and during it (extension). */
export const packetKinds = ['authorization', 'extension'] as const;
export type PacketKind = (typeof packetKinds)[number];
export const packetTitles: Record<PacketKind, string> = {
  authorization: 'TMS prior authorization packet',
  extension: 'TMS course extension request',
};

export const packetData = z.object({
  report: reportData,
  history: treatmentHistory,
  readiness: courseReadiness,
  /**
   * The baseline PHQ-9 (`courseAssessments`): of the delivered course, or, before the first
   * session, the one that would be the baseline if the course started on its planned start date.
   */
  baseline: phq9Assessment.nullable(),
  baselineProvisional: z.boolean(),
});
export type PacketData = z.infer<typeof packetData>;

export const packetDataInput = z.object({ courseId: id });
export const packetExportInput = z.object({ courseId: id, kind: z.enum(packetKinds) });
