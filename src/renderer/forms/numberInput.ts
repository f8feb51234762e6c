/**
 * react-hook-form `setValueAs` helpers for number inputs: an empty box is "missing"
 * (undefined, so the schema says which field needs a number) or null where the field is optional.
 */
export function toNumber(value: unknown): number | undefined {
  if (value === '' || value === null || value === undefined) return undefined;
  return typeof value === 'number' ? value : Number(value);
}

export function toNumberOrNull(value: unknown): number | null {
  return toNumber(value) ?? null;
}
