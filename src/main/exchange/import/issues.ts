import type { z } from 'zod';
import { ServiceError } from '../../services/errors';
import type { ImportIssue } from '../../../shared/schemas/import';

/**
 * A schema's refusal as row issues: the first message for each field, named by the file's column
 * (`columnOf` maps a field path such as `answers.2` to a template column; null leaves it out; a
 * column already `reported` for this row is not reported twice).
 */
export function zodIssues(error: z.ZodError, row: number, columnOf: (path: string) => string | null, header: (column: string) => string, reported: ReadonlySet<string> = new Set()): ImportIssue[] {
  const seen = new Set<string>();
  const issues: ImportIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    const column = columnOf(path);
    if (column === null || seen.has(path) || reported.has(header(column))) continue;
    seen.add(path);
    issues.push({ row, column: header(column), message: issue.message });
  }
  return issues;
}

/** A service check's refusal (ServiceError with fields) as row issues; anything else is rethrown. */
export function serviceIssues(error: unknown, row: number, columnOf: (field: string) => string, header: (column: string) => string): ImportIssue[] {
  if (!(error instanceof ServiceError)) throw error;
  const fields = Object.entries(error.fields ?? {});
  if (fields.length === 0) return [{ row, column: '', message: error.message }];
  return fields.map(([field, message]) => ({ row, column: header(columnOf(field)), message }));
}
