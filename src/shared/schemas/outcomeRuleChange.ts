import { z } from 'zod';
import { id, timestamp } from './common';

const dated = z.object({ id, on: z.string(), total: z.number().int() });

/** A course's outcome as a screen showed it: baseline, the score it was compared with, and the result. */
export const shownOutcome = z.object({
  baseline: dated.nullable(),
  /** Before: the latest PHQ-9 after the first session; after: the end-of-treatment score. */
  latest: dated.nullable(),
  change: z.number().int().nullable(),
  /** Null without an outcome, or (new rules) when the baseline is below 10: not rated. */
  response: z.boolean().nullable(),
  remission: z.boolean().nullable(),
});
export type ShownOutcome = z.infer<typeof shownOutcome>;

/**
 * A course whose outcome changed when assessments were linked to courses by date windows
 * (migration 0011): what the course view showed before, and what it shows now.
 */
export const outcomeRuleChange = z.object({
  id,
  courseId: id,
  patientId: id,
  patientName: z.string(),
  mrn: z.string(),
  protocolName: z.string(),
  /** The change of rules that moved it: '0011_assessment_windows' (assessments linked by date windows). */
  ruleChange: z.string(),
  recordedAt: timestamp,
  before: shownOutcome,
  after: shownOutcome,
});
export type OutcomeRuleChange = z.infer<typeof outcomeRuleChange>;

export const outcomeRuleChangesListInput = z.object({});
export const outcomeRuleChangesMarkSeenInput = z.object({ ids: z.array(id).min(1, 'Nothing to mark').max(100_000) });
export const outcomeRuleChangesMarkSeenOutput = z.object({ marked: z.number().int().nonnegative() });
