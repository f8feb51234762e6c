/** Throws unless `value` is a finite number above zero. */
export function requirePositive(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive number (got ${String(value)})`);
  }
}

/** Throws unless `value` is a whole number ≥ 1. */
export function requirePositiveInteger(name: string, value: number): void {
  requirePositive(name, value);
  if (!Number.isInteger(value)) throw new RangeError(`${name} must be a whole number (got ${value})`);
}

/** Throws unless `value` is a finite number ≥ 0. */
export function requireNonNegative(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be zero or more (got ${String(value)})`);
  }
}

/**
 * Rounds to the nearest whole number, halves up, after removing binary floating-point
 * noise (65 × 115 / 100 is 74.74999999… in doubles; it should round as 74.75).
 */
export function roundHalfUp(value: number): number {
  return Math.floor(Number(value.toFixed(9)) + 0.5);
}
