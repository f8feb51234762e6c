import { z } from 'zod';
import { checkStimulation, type StimulationParameters, stimulationPatterns } from '../clinical';
import { optionalText } from './common';

export const targets = ['left_dlpfc', 'right_dlpfc', 'bilateral_dlpfc', 'other'] as const;
export type Target = (typeof targets)[number];
export const targetLabels: Record<Target, string> = {
  left_dlpfc: 'Left DLPFC',
  right_dlpfc: 'Right DLPFC',
  bilateral_dlpfc: 'Bilateral DLPFC',
  other: 'Other',
};

export const patternLabels: Record<(typeof stimulationPatterns)[number], string> = {
  rtms: 'Repetitive TMS',
  theta_burst: 'Theta burst',
};

/** A number typed in a form: missing or not a number gets a message naming the field. */
export function numberField(label: string, { min, max, integer = false, inclusiveMin = false }: { min: number; max: number; integer?: boolean; inclusiveMin?: boolean }) {
  let schema = z.number({ error: `Enter ${label.toLowerCase()} as a number` });
  if (integer) schema = schema.int(`${label} must be a whole number`);
  schema = inclusiveMin
    ? schema.min(min, `${label} must be at least ${min}`)
    : schema.gt(min, `${label} must be more than ${min}`);
  return schema.max(max, `${label} must be at most ${max}`);
}

export const stimulationShape = {
  pattern: z.enum(stimulationPatterns, { error: 'Choose repetitive TMS or theta burst' }),
  intensityPctMt: numberField('Intensity (% MT)', { min: 0, max: 200 }),
  frequencyHz: numberField('Frequency', { min: 0, max: 100 }),
  burstFrequencyHz: numberField('Burst frequency', { min: 0, max: 20 }).nullable(),
  pulsesPerBurst: numberField('Pulses per burst', { min: 0, max: 10, integer: true }).nullable(),
  trainDurationS: numberField('Train duration', { min: 0, max: 3600 }),
  interTrainIntervalS: numberField('Inter-train interval', { min: 0, max: 3600, inclusiveMin: true }),
  trains: numberField('Trains', { min: 0, max: 1000, integer: true }),
  /** Why parameters beyond a published safety warning are prescribed anyway. */
  safetyOverrideReason: optionalText('Override reason', 500),
};

type StimulationInput = StimulationParameters & { safetyOverrideReason: string };

/**
 * The safety rules as form-field errors: impossible parameters are refused; parameters a
 * published limit warns about need a recorded reason (the prescriber is a psychiatrist).
 */
export function refineStimulation(value: StimulationInput, ctx: z.RefinementCtx): void {
  if (value.pattern === 'theta_burst') {
    if (value.burstFrequencyHz === null) ctx.addIssue({ code: 'custom', path: ['burstFrequencyHz'], message: 'Theta burst needs a burst frequency' });
    if (value.pulsesPerBurst === null) ctx.addIssue({ code: 'custom', path: ['pulsesPerBurst'], message: 'Theta burst needs pulses per burst' });
    if (value.burstFrequencyHz === null || value.pulsesPerBurst === null) return;
  }
  const params: StimulationParameters =
    value.pattern === 'rtms' ? { ...value, burstFrequencyHz: null, pulsesPerBurst: null } : value;
  for (const finding of checkStimulation(params)) {
    if (finding.level === 'refuse') {
      ctx.addIssue({ code: 'custom', path: [finding.field], message: finding.message });
    } else if (finding.level === 'warn' && value.safetyOverrideReason.trim().length < 5) {
      ctx.addIssue({ code: 'custom', path: [finding.field], message: finding.message });
      ctx.addIssue({
        code: 'custom',
        path: ['safetyOverrideReason'],
        message: 'Beyond a published safety limit: a psychiatrist must record why (at least 5 characters)',
      });
    }
  }
}

/** The stored parameters of a protocol or course, as they cross IPC. */
export const stimulation = z.object({
  pattern: z.enum(stimulationPatterns),
  intensityPctMt: z.number(),
  frequencyHz: z.number(),
  burstFrequencyHz: z.number().nullable(),
  pulsesPerBurst: z.number().nullable(),
  trainDurationS: z.number(),
  interTrainIntervalS: z.number(),
  trains: z.number(),
});

export const sessionDoseSchema = z.object({
  pulsesPerTrain: z.number().int(),
  totalPulses: z.number().int(),
  durationS: z.number(),
});
