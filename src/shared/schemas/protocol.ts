import { z } from 'zod';
import { id, optionalText, requiredText, timestamp } from './common';
import { numberField, refineStimulation, sessionDoseSchema, stimulation, stimulationShape, targets } from './stimulation';

export const protocolStatuses = ['current', 'superseded', 'retired'] as const;

/**
 * How courses of a protocol are billed (DOMAIN.md, "Billing"): per session (CPT 90867, 90868,
 * 90869) or, for accelerated fcMRI-guided theta burst (SNT), per treatment day (0890T, 0891T,
 * 0892T). Copied into the course at prescription.
 */
export const billingSchemes = ['per_session', 'snt_per_day'] as const;
export type BillingScheme = (typeof billingSchemes)[number];
export const billingSchemeLabels: Record<BillingScheme, string> = {
  per_session: 'Per session (CPT 90867, 90868, 90869)',
  snt_per_day: 'Per treatment day, SNT (CPT 0890T, 0891T, 0892T)',
};

const protocolShape = {
  name: requiredText('Name', 120),
  target: z.enum(targets, { error: 'Choose a target' }),
  coil: requiredText('Coil', 120),
  ...stimulationShape,
  sessionsPerDay: numberField('Sessions per day', { min: 1, max: 10, integer: true, inclusiveMin: true }),
  minMinutesBetweenSessions: numberField('Minutes between sessions', { min: 0, max: 1440, integer: true }).nullable(),
  defaultPlannedSessions: numberField('Planned sessions', { min: 1, max: 200, integer: true, inclusiveMin: true }),
  billingScheme: z.enum(billingSchemes, { error: 'Choose how courses of this protocol are billed' }).default('per_session'),
  reference: optionalText('Reference', 300),
  notes: optionalText('Notes', 2000),
};

export const protocolFields = z.object(protocolShape).superRefine(refineStimulation);
export type ProtocolFields = z.infer<typeof protocolFields>;
export type ProtocolFieldsInput = z.input<typeof protocolFields>;

export const protocol = stimulation.extend({
  id,
  lineageId: id,
  revision: z.number().int(),
  name: z.string(),
  target: z.enum(targets),
  coil: z.string(),
  sessionsPerDay: z.number().int(),
  minMinutesBetweenSessions: z.number().int().nullable(),
  defaultPlannedSessions: z.number().int(),
  billingScheme: z.enum(billingSchemes),
  reference: z.string(),
  notes: z.string(),
  safetyOverrideReason: z.string().nullable(),
  status: z.enum(protocolStatuses),
  createdByName: z.string().nullable(),
  createdAt: timestamp,
  dose: sessionDoseSchema,
});
export type Protocol = z.infer<typeof protocol>;

export const protocolListInput = z.object({ includeInactive: z.boolean().default(false) });
export const protocolCreateInput = z.object({ ...protocolShape }).superRefine(refineStimulation);
export const protocolReviseInput = z.object({ ...protocolShape, id }).superRefine(refineStimulation);
export const protocolRetireInput = z.object({ id, reason: requiredText('Reason', 500) });
