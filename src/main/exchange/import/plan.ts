import type { Kysely, Transaction } from 'kysely';
import type { DateFormat } from '../../../shared/dateFormat';
import type { ImportIssue, ImportItem } from '../../../shared/schemas/import';
import type { DB } from '../../db/schema';
import type { ActorContext } from '../../services/context';
import { dateCell } from './cells';
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
  dateFormat: DateFormat;
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

/**
 * Reads a row's date cells in the file's format: their values for the schema, and a problem for each
 * cell that is not a date in that format (the schema's own message for it is then left out).
 */
export function readDates(row: number, cell: (column: string) => string, header: (column: string) => string, columns: readonly string[], format: DateFormat) {
  const values: Record<string, string> = {};
  const problems: ImportIssue[] = [];
  for (const column of columns) {
    const { iso, problem } = dateCell(cell(column), format);
    values[column] = iso;
    if (problem) problems.push({ row, column: header(column), message: problem });
  }
  return { values, problems, reported: new Set(problems.map((p) => p.column)) };
}
