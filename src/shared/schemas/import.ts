import { z } from 'zod';
import { phq9Severities } from '../clinical';
import { DATE_FORMATS } from '../dateFormat';
import { id, timestamp } from './common';

/** What a CSV import creates: one kind of record per file. */
export const importKinds = ['patients', 'phq9', 'courses'] as const;
export type ImportKind = (typeof importKinds)[number];
export const importKindLabels: Record<ImportKind, string> = {
  patients: 'Patients',
  phq9: 'PHQ-9 history',
  courses: 'Past courses',
};

export interface TemplateColumn {
  name: string;
  /** A file without this column cannot be imported (its cells may still be checked row by row). */
  required: boolean;
  description: string;
}

const column = (name: string, required: boolean, description: string): TemplateColumn => ({ name, required, description });

/** The documented template (docs/import.md): the header names a file has, or is mapped to. */
export const importTemplates: Record<ImportKind, readonly TemplateColumn[]> = {
  patients: [
    column('mrn', true, 'Medical record number: letters, digits and hyphens; unique in the clinic'),
    column('first_name', true, 'First name'),
    column('last_name', true, 'Last name'),
    column('date_of_birth', true, 'Date of birth'),
    column('sex', true, 'female, male, other or unknown (F and M are read as female and male)'),
    column('primary_diagnosis', true, 'ICD-10 code, e.g. F33.2'),
    column('referring_psychiatrist', false, 'Referring psychiatrist'),
    column('notes', false, 'Notes'),
  ],
  phq9: [
    column('mrn', true, 'MRN of a patient already in the clinic'),
    column('assessed_on', true, 'Date of the PHQ-9'),
    ...Array.from({ length: 9 }, (_, i) => column(`item${i + 1}`, true, `Answer to item ${i + 1}: 0, 1, 2 or 3`)),
    column('difficulty', false, 'Not difficult at all, Somewhat difficult, Very difficult or Extremely difficult (or empty)'),
    column('notes', false, 'Notes'),
  ],
  courses: [
    column('mrn', true, 'MRN of a patient already in the clinic'),
    column('protocol', true, 'Name of a protocol in the protocol library; the course takes its parameters'),
    column('start_date', true, 'First day of the course'),
    column('end_date', true, 'Day the course ended'),
    column('status', true, 'completed or discontinued'),
    column('prescriber', true, 'Username of the prescribing psychiatrist'),
    column('planned_sessions', false, "Planned sessions (default: the protocol's)"),
    column('authorized_sessions', false, 'Sessions the payer authorized (default 0)'),
    column('reason', false, 'Why it was discontinued (required for discontinued courses)'),
    column('notes', false, 'Notes'),
  ],
};

/** Files up to 20 MB (10,000 rows of any template are about 1 MB). */
export const IMPORT_MAX_CHARS = 20_000_000;

export const importInput = z.object({
  kind: z.enum(importKinds, { error: 'Choose what the file holds' }),
  fileName: z.string().trim().min(1, 'Choose a file').max(260, 'The file name is too long'),
  csv: z.string().min(1, 'The file is empty').max(IMPORT_MAX_CHARS, 'The file is larger than 20 MB: split it'),
  /** Template column → the file's header that holds it; a template column not listed is looked up by its own name. */
  mapping: z.record(z.string(), z.string()).default({}),
  /** How the file writes dates (one of the app's date formats; YYYY-MM-DD is always read too). Default: the clinic's. */
  dateFormat: z.enum(DATE_FORMATS).optional(),
});
export type ImportInput = z.input<typeof importInput>;
export type ImportRequest = z.output<typeof importInput>;

/** A problem with one cell (or, row 1, the header): the row as a spreadsheet numbers it, the file's column name. */
export const importIssue = z.object({ row: z.number().int().positive(), column: z.string(), message: z.string() });
export type ImportIssue = z.infer<typeof importIssue>;

/** A record the import will create (or created). */
export const importItem = z.object({
  row: z.number().int().positive(),
  mrn: z.string(),
  patientName: z.string(),
  /** Date of birth, assessment date or course start. */
  date: z.string(),
  total: z.number().int().nullable(),
  severity: z.enum(phq9Severities).nullable(),
  protocolName: z.string().nullable(),
  endedOn: z.string().nullable(),
  status: z.enum(['completed', 'discontinued']).nullable(),
});
export type ImportItem = z.infer<typeof importItem>;

export const importCheck = z.object({
  kind: z.enum(importKinds),
  /** Data rows in the file (the header not counted, empty lines skipped). */
  rows: z.number().int().nonnegative(),
  headers: z.array(z.string()),
  /** Template column → the file's header used for it, null when the file has none. */
  mapping: z.record(z.string(), z.string().nullable()),
  /** The date format the file was read in. */
  dateFormat: z.enum(DATE_FORMATS),
  items: z.array(importItem),
  errors: z.array(importIssue),
  /** Not errors, but worth seeing before confirming (a positive item 9 raises an alert). */
  warnings: z.array(importIssue),
});
export type ImportCheck = z.infer<typeof importCheck>;

export const importBatch = z.object({
  id,
  kind: z.enum(importKinds),
  fileName: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  importedByName: z.string(),
  importedAt: timestamp,
  importedOn: z.string(),
  undoneAt: timestamp.nullable(),
  undoneByName: z.string().nullable(),
  /** Undo is possible on the clinic's day of the import, until it is undone. */
  canUndo: z.boolean(),
});
export type ImportBatch = z.infer<typeof importBatch>;

export const importUndoInput = z.object({ batchId: id });
