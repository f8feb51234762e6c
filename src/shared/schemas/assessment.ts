import { z } from 'zod';
import { missingItems, phq9Difficulties, scaleDefinition, scaleIds } from '../clinical';
import { id, optionalText, pastOrTodayDate, requiredText, timestamp } from './common';

export const scaleId = z.enum(scaleIds, { error: 'Choose a rating scale' });

function listItems(items: number[]): string {
  return items.length === 1 ? `item ${items[0]}` : `items ${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * An assessment of any scale as entered: answers in item order, null for an item left unanswered
 * (refused, with the items named). Count and each item's range come from the scale's definition.
 */
export const assessmentFields = z
  .object({
    patientId: id,
    scale: scaleId,
    assessedOn: pastOrTodayDate,
    answers: z.array(z.number().int('Answers are whole numbers').nullable()).max(100),
    /** PHQ-9 only: the functional-difficulty question (not scored). */
    difficulty: z.enum(phq9Difficulties).nullable().default(null),
    notes: optionalText('Notes', 2000),
  })
  .superRefine((value, ctx) => {
    const def = scaleDefinition(value.scale);
    if (value.answers.length !== def.items.length) {
      ctx.addIssue({ code: 'custom', path: ['answers'], message: `A ${def.name} has ${def.items.length} ${def.items.length === 1 ? 'item' : 'items'} (got ${value.answers.length})` });
      return;
    }
    def.items.forEach((item, i) => {
      const a = value.answers[i];
      if (a !== null && a !== undefined && (a < item.min || a > item.max)) {
        ctx.addIssue({ code: 'custom', path: ['answers', i], message: `Item ${i + 1} is ${item.min}–${item.max}` });
      }
    });
    if (value.difficulty !== null && value.scale !== 'phq9') {
      ctx.addIssue({ code: 'custom', path: ['difficulty'], message: 'Only the PHQ-9 asks about difficulty' });
    }
    const missing = missingItems(value.scale, value.answers);
    if (missing.length === 0) return;
    ctx.addIssue({ code: 'custom', path: ['answers'], message: `Incomplete: answer ${listItems(missing)}. An incomplete ${def.name} is not scored.` });
    for (const item of missing) ctx.addIssue({ code: 'custom', path: ['answers', item - 1], message: `Answer item ${item}` });
  });
export type AssessmentFields = z.infer<typeof assessmentFields>;
export type AssessmentFieldsInput = z.input<typeof assessmentFields>;

export const assessmentAcknowledgement = z.object({ byName: z.string(), at: timestamp, actionTaken: z.string() });
/** Marked as saved by mistake: kept in the record, left out of outcomes, charts and alerts. */
export const assessmentEnteredInError = z.object({ byName: z.string(), at: timestamp, reason: z.string() });

export const assessment = z.object({
  id,
  patientId: id,
  scale: scaleId,
  assessedOn: z.string(),
  answers: z.array(z.number().int()),
  difficulty: z.enum(phq9Difficulties).nullable(),
  total: z.number().int(),
  /** The severity band's key (scaleBand(scale, total)). */
  severity: z.string(),
  suicideItemPositive: z.boolean(),
  notes: z.string(),
  enteredByName: z.string(),
  createdAt: timestamp,
  acknowledgement: assessmentAcknowledgement.nullable(),
  enteredInError: assessmentEnteredInError.nullable(),
});
export type Assessment = z.infer<typeof assessment>;

export const assessmentListInput = z.object({ patientId: id, scale: scaleId.optional() });
export const assessmentMarkEnteredInErrorInput = z.object({
  assessmentId: id,
  reason: requiredText('Reason', 500).min(5, 'Say what was wrong (at least 5 characters)'),
});
export const assessmentAcknowledgeInput = z.object({
  assessmentId: id,
  actionTaken: requiredText('What was done', 2000).min(3, 'Say what was done (at least 3 characters)'),
});

export const assessmentAlert = z.object({ assessment, patientName: z.string(), mrn: z.string() });
export type AssessmentAlert = z.infer<typeof assessmentAlert>;
