import Papa from 'papaparse';
import type { ImportIssue, TemplateColumn } from '../../../shared/schemas/import';

/** A CSV file's header and data rows; `row` is the row as a spreadsheet numbers it (the header is row 1). */
export interface CsvTable {
  headers: string[];
  rows: Array<{ row: number; cells: string[] }>;
  issues: ImportIssue[];
}

/** Parses RFC 4180 CSV (papaparse); a leading byte-order mark is dropped and empty lines are skipped. */
export function parseCsv(text: string): CsvTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const [header = [], ...data] = parsed.data;
  const issues: ImportIssue[] = parsed.errors.map((e) => ({ row: (e.row ?? 0) + 1, column: '', message: `Not readable as CSV: ${e.message}` }));
  const rows = data
    .map((cells, i) => ({ row: i + 2, cells }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { headers: header.map((h) => h.trim()), rows, issues };
}

/** "First Name", "first-name" and "FIRST_NAME" all name the template column first_name. */
const normalize = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** Reads a row's cells by template column, through the user's mapping or the template's own names. */
export interface ColumnReader {
  /** Template column → the file's header used for it (null: none). */
  mapping: Record<string, string | null>;
  /** The file's name for a template column, for error messages. */
  header(column: string): string;
  cell(cells: string[], column: string): string;
  /** Header problems: a mapped header the file lacks, a required column with no header. */
  issues: ImportIssue[];
}

export function columnReader(headers: string[], template: readonly TemplateColumn[], mapping: Record<string, string>): ColumnReader {
  const index = new Map<string, number>();
  const issues: ImportIssue[] = [];
  const resolved: Record<string, string | null> = {};
  for (const column of template) {
    const chosen = mapping[column.name];
    const mapped = chosen !== undefined && chosen !== '';
    const at = mapped ? headers.indexOf(chosen) : headers.findIndex((h) => normalize(h) === column.name);
    if (mapped && at < 0) issues.push({ row: 1, column: chosen, message: `The file has no column "${chosen}" (chosen for ${column.name})` });
    resolved[column.name] = at >= 0 ? (headers[at] as string) : null;
    if (at >= 0) index.set(column.name, at);
    else if (column.required && !mapped) {
      issues.push({ row: 1, column: column.name, message: `No column for ${column.name}: add it to the file or choose which column holds it` });
    }
  }
  return {
    mapping: resolved,
    header: (column) => resolved[column] ?? column,
    cell: (cells, column) => {
      const at = index.get(column);
      return at === undefined ? '' : (cells[at] ?? '').trim();
    },
    issues,
  };
}
