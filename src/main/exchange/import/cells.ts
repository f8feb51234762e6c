import type { ImportDateFormat } from '../../../shared/schemas/import';

/**
 * A date cell as YYYY-MM-DD, read in the file's format (3/2/2026 is 2 March in MM/DD/YYYY); a cell
 * that does not fit the format is passed on unchanged, for the schema to refuse with its own message.
 */
export function isoDateCell(text: string, format: ImportDateFormat): string {
  if (format === 'iso') return text;
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!match) return text;
  const [, a = '', b = '', year = ''] = match;
  const [month, day] = format === 'mdy' ? [a, b] : [b, a];
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** A number cell: empty → null, a number → that number, anything else → the text (the schema says what it expects). */
export function numberCell(text: string): number | string | null {
  if (text === '') return null;
  return /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** Case-insensitive match of a cell against a set of codes and their labels (e.g. "Very difficult" → very). */
export function codeCell<T extends string>(text: string, labels: Record<T, string>, aliases: Record<string, T> = {}): T | string {
  const lower = text.toLowerCase();
  for (const [code, label] of Object.entries(labels) as Array<[T, string]>) {
    if (lower === code.toLowerCase() || lower === label.toLowerCase()) return code;
  }
  return aliases[lower] ?? text;
}
