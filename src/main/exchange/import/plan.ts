import type { Kysely, Transaction } from 'kysely';
import type { ImportDateFormat, ImportIssue, ImportItem } from '../../../shared/schemas/import';
import type { DB } from '../../db/schema';
import type { ActorContext } from '../../services/context';
import type { ColumnReader, CsvTable } from './csvTable';

/** What a file's rows will create, and everything wrong with them. */
export interface RowPlan<T> {
  items: ImportItem[];
  records: T[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

export interface RowSource {
  table: CsvTable;
  reader: ColumnReader;
  dateFormat: ImportDateFormat;
}

/** One kind of import: checks every row with the app's own schemas and services, and inserts a checked record. */
export interface ImportPlanner<T> {
  entity: 'patient' | 'phq9' | 'course';
  check(db: Kysely<DB>, ctx: ActorContext, source: RowSource): Promise<RowPlan<T>>;
  /** Inserts one record (audited as created by the import) and returns its id. */
  insert(trx: Transaction<DB>, ctx: ActorContext, record: T, reason: string): Promise<number>;
}

export function emptyPlan<T>(): RowPlan<T> {
  return { items: [], records: [], errors: [], warnings: [] };
}

/** The clinic's patients by MRN (case-insensitive), for rows that name an existing patient. */
export async function patientsByMrn(db: Kysely<DB>) {
  const rows = await db.selectFrom('patients').select(['id', 'mrn', 'first_name', 'last_name', 'date_of_birth', 'archived_at']).execute();
  return new Map(rows.map((r) => [r.mrn.toLowerCase(), { id: r.id, mrn: r.mrn, name: `${r.last_name.toUpperCase()}, ${r.first_name}`, dateOfBirth: r.date_of_birth, archived: r.archived_at !== null }]));
}
export type PatientIndex = Awaited<ReturnType<typeof patientsByMrn>>;
