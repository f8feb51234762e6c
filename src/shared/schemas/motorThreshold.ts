import { z } from 'zod';
import { mtMethods } from '../clinical';
import { id, optionalText, pastOrTodayDate, requiredText, timestamp } from './common';
import { numberField } from './stimulation';

export const mtMethodLabels: Record<(typeof mtMethods)[number], string> = {
  emg: 'EMG (MEP ≥ 50 µV in 5 of 10)',
  visual: 'Visual (finger or thumb twitch)',
};

export const motorThresholdFields = z.object({
  courseId: id,
  measuredOn: pastOrTodayDate,
  rmtPctMso: numberField('Resting motor threshold', { min: 1, max: 100, integer: true, inclusiveMin: true }),
  method: z.enum(mtMethods, { error: 'Choose how the threshold was measured' }),
  coil: requiredText('Coil', 120),
  measuredById: z.number({ error: 'Choose who measured it' }).int().positive(),
  notes: optionalText('Notes', 1000),
});
export type MotorThresholdFields = z.infer<typeof motorThresholdFields>;

export const motorThresholdRecordInput = motorThresholdFields;

export const motorThreshold = z.object({
  id,
  courseId: id,
  measuredOn: z.string(),
  rmtPctMso: z.number().int(),
  method: z.enum(mtMethods),
  coil: z.string(),
  measuredById: id,
  measuredByName: z.string(),
  notes: z.string(),
  createdAt: timestamp,
  /** Days from measurement to today, and the flags DOMAIN.md asks for. */
  ageDays: z.number().int(),
  stale: z.boolean(),
  visual: z.boolean(),
});
export type MotorThreshold = z.infer<typeof motorThreshold>;
