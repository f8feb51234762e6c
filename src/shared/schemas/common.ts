import { z } from 'zod';
import { isIsoDate, localIsoDate } from '../dates';

export const id = z.number({ error: 'An id is required' }).int().positive();

/** Optimistic concurrency: the version the user was looking at when they edited. */
export const version = z.number().int().nonnegative();

export const isoDate = z
  .string({ error: 'Enter a date' })
  .trim()
  .min(1, 'Enter a date')
  .refine(isIsoDate, 'Enter a real date as YYYY-MM-DD');

export const pastOrTodayDate = isoDate.refine(
  (d) => d <= localIsoDate(new Date()),
  'This date cannot be in the future',
);

export const timestamp = z.iso.datetime();

/** Required free text, trimmed. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);
}

/** Optional free text: trimmed, empty string when absent. */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .default('');
}
