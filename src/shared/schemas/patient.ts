import { z } from 'zod';
import { ICD10_PATTERN } from '../icd10';
import { id, optionalText, pastOrTodayDate, requiredText, timestamp, version } from './common';

export const sexes = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof sexes)[number];
export const sexLabels: Record<Sex, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Not recorded',
};

export const MRN_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/** What a user types for a patient: the single source of truth for form and service. */
export const patientFields = z.object({
  mrn: requiredText('MRN', 32).regex(MRN_PATTERN, 'MRN may contain only letters, digits and hyphens'),
  firstName: requiredText('First name', 100),
  lastName: requiredText('Last name', 100),
  dateOfBirth: pastOrTodayDate.refine((d) => d >= '1900-01-01', 'Date of birth must be after 1900'),
  sex: z.enum(sexes, { error: 'Choose the sex recorded for this patient' }),
  primaryDiagnosis: z
    .string({ error: 'Primary diagnosis is required' })
    .trim()
    .toUpperCase()
    .min(1, 'Primary diagnosis is required')
    .regex(ICD10_PATTERN, 'Enter an ICD-10 code such as F33.2'),
  referringPsychiatrist: optionalText('Referring psychiatrist', 200),
  notes: optionalText('Notes', 4000),
});
export type PatientFields = z.infer<typeof patientFields>;
export type PatientFieldsInput = z.input<typeof patientFields>;

export const patient = z.object({
  id,
  mrn: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  sex: z.enum(sexes),
  primaryDiagnosis: z.string(),
  referringPsychiatrist: z.string(),
  notes: z.string(),
  archivedAt: timestamp.nullable(),
  archiveReason: z.string().nullable(),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Patient = z.infer<typeof patient>;

export const patientSummary = patient.pick({
  id: true,
  mrn: true,
  firstName: true,
  lastName: true,
  dateOfBirth: true,
  sex: true,
  primaryDiagnosis: true,
  archivedAt: true,
});
export type PatientSummary = z.infer<typeof patientSummary>;

export const PATIENT_SEARCH_LIMIT = 100;

export const patientSearchInput = z.object({
  query: z.string().max(200, 'Search is at most 200 characters').default(''),
  includeArchived: z.boolean().default(false),
  limit: z.number().int().min(1).max(500).default(PATIENT_SEARCH_LIMIT),
});
export const patientSearchResult = z.object({
  items: z.array(patientSummary),
  /** How many patients match in all; items holds at most `limit` of them. */
  total: z.number().int().nonnegative(),
});
export type PatientSearchResult = z.infer<typeof patientSearchResult>;

export const patientGetInput = z.object({ id });
export const patientCreateInput = patientFields;
export const patientUpdateInput = patientFields.extend({ id, version });
export const patientArchiveInput = z.object({
  id,
  version,
  reason: requiredText('Reason', 500).min(3, 'Give a reason of at least 3 characters'),
});
export const patientRestoreInput = z.object({ id, version });
