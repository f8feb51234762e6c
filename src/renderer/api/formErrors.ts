import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { AppError, errorMessage } from './client';

/**
 * Shows a failed save on the form: each field error next to its field (when the form has
 * that field). Returns the message for the form as a whole, or null when every part of the
 * error already stands next to a field. What was typed stays.
 */
export function applyServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  formFields: readonly Path<T>[],
): string | null {
  if (!(error instanceof AppError)) return errorMessage(error);
  const entries = Object.entries(error.fields);
  const shown = entries.filter(([field]) => (formFields as readonly string[]).includes(field));
  for (const [field, message] of shown) setError(field as Path<T>, { type: 'server', message });
  return shown.length > 0 && shown.length === entries.length ? null : error.message;
}
