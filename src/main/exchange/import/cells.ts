import { type DateFormat, dateFormatPattern, parseDateText } from '../../../shared/dateFormat';

/**
 * A date cell as YYYY-MM-DD, read in the file's date format by the app's one date reader
 * (`parseDateText`: YYYY-MM-DD is always understood too). `null` when the cell is empty or is not a
 * real date in that format; the caller reports it in the file's format.
 */
export function dateCell(text: string, format: DateFormat): { iso: string; problem: string | null } {
  if (text === '') return { iso: '', problem: null };
  const iso = parseDateText(text, format);
  return iso ? { iso, problem: null } : { iso: text, problem: `Enter a real date as ${dateFormatPattern(format)}` };
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
