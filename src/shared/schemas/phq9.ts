import { z } from 'zod';
import { missingPhq9Items, phq9Difficulties, phq9Severities } from '../clinical';
import { id, optionalText, pastOrTodayDate, requiredText, timestamp } from './common';

const answer = z.number().int().min(0, 'Answers are 0–3').max(3, 'Answers are 0–3');

function listItems(items: number[]): string {
  return items.length === 1 ? `item ${items[0]}` : `items ${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export const phq9Fields = z
  .object({
    patientId: id,
    assessedOn: pastOrTodayDate,
    /** Nine answers in item order; null for an item left unanswered (refused, with the items named). */
    answers: z.array(answer.nullable()).length(9, 'A PHQ-9 has nine items'),
    difficulty: z.enum(phq9Difficulties).nullable(),
    notes: optionalText('Notes', 2000),
  })
  .superRefine((value, ctx) => {
    const missing = missingPhq9Items(value.answers);
    if (missing.length === 0) return;
    ctx.addIssue({ code: 'custom', path: ['answers'], message: `Incomplete: answer ${listItems(missing)}. An incomplete PHQ-9 is not scored.` });
    for (const item of missing) ctx.addIssue({ code: 'custom', path: ['answers', item - 1], message: `Answer item ${item}` });
  });
export type Phq9Fields = z.infer<typeof phq9Fields>;
export type Phq9FieldsInput = z.input<typeof phq9Fields>;
export const phq9CreateInput = phq9Fields;

export const phq9Acknowledgement = z.object({ byName: z.string(), at: timestamp, actionTaken: z.string() });
/** Marked as saved by mistake: kept in the record, left out of outcomes, charts and alerts. */
export const phq9EnteredInError = z.object({ byName: z.string(), at: timestamp, reason: z.string() });

export const phq9Assessment = z.object({
  id,
  patientId: id,
  assessedOn: z.string(),
  answers: z.array(z.number().int()).length(9),
  difficulty: z.enum(phq9Difficulties).nullable(),
  total: z.number().int(),
  severity: z.enum(phq9Severities),
  item9Positive: z.boolean(),
  notes: z.string(),
  enteredByName: z.string(),
  createdAt: timestamp,
  acknowledgement: phq9Acknowledgement.nullable(),
  enteredInError: phq9EnteredInError.nullable(),
});
export type Phq9Assessment = z.infer<typeof phq9Assessment>;

/** The part of a course an assessment measures (courseAssessments, DOMAIN.md). */
export const assessmentPartValues = ['baseline', 'during', 'end_of_treatment', 'follow_up'] as const;
export const assessmentPartLabels: Record<(typeof assessmentPartValues)[number], string> = {
  baseline: 'Baseline',
  during: 'During treatment',
  end_of_treatment: 'End of treatment',
  follow_up: 'Follow-up',
};
/** A PHQ-9 as a course sees it: the part it measures, null when it measures none (entered in error, or no session yet). */
export const courseAssessment = phq9Assessment.extend({ part: z.enum(assessmentPartValues).nullable() });
export type CourseAssessment = z.infer<typeof courseAssessment>;

export const phq9ListInput = z.object({ patientId: id });
export const phq9MarkEnteredInErrorInput = z.object({
  assessmentId: id,
  reason: requiredText('Reason', 500).min(5, 'Say what was wrong (at least 5 characters)'),
});
export const phq9AcknowledgeInput = z.object({
  assessmentId: id,
  actionTaken: requiredText('What was done', 2000).min(3, 'Say what was done (at least 3 characters)'),
});

export const phq9Alert = z.object({
  assessment: phq9Assessment,
  patientName: z.string(),
  mrn: z.string(),
});
export type Phq9Alert = z.infer<typeof phq9Alert>;
