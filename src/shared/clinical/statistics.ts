/**
 * Two-sided 95% critical values of Student's t by degrees of freedom (standard tables);
 * between listed values the next smaller df is used, which errs on the wide side.
 */
const T_975: ReadonlyArray<[number, number]> = [
  [1, 12.706], [2, 4.303], [3, 3.182], [4, 2.776], [5, 2.571], [6, 2.447], [7, 2.365], [8, 2.306], [9, 2.262],
  [10, 2.228], [11, 2.201], [12, 2.179], [13, 2.16], [14, 2.145], [15, 2.131], [16, 2.12], [17, 2.11], [18, 2.101],
  [19, 2.093], [20, 2.086], [21, 2.08], [22, 2.074], [23, 2.069], [24, 2.064], [25, 2.06], [26, 2.056], [27, 2.052],
  [28, 2.048], [29, 2.045], [30, 2.042], [40, 2.021], [60, 2.0], [120, 1.98],
];

export function tCritical95(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError('Degrees of freedom must be a whole number ≥ 1');
  if (df > 120) return 1.96;
  let value = T_975[0]?.[1] ?? 12.706;
  for (const [d, t] of T_975) if (d <= df) value = t;
  return value;
}

export interface MeanWithCi {
  n: number;
  mean: number;
  /** 95% confidence interval of the mean (t-based); null with a single value. */
  ciLow: number | null;
  ciHigh: number | null;
}

/** Running sums of values: what a mean and its interval need, without keeping the values. */
export interface ValueSums {
  n: number;
  sum: number;
  sumOfSquares: number;
}

/**
 * The mean with its t-based 95% interval, from running sums: the dashboard adds a clinic's weekly
 * scores as it goes instead of keeping 700,000 of them. The sums of the scales' whole-number scores
 * stay exact in doubles far beyond any clinic's size, so the one-pass variance differs from a
 * two-pass one only in the last digits (never below zero).
 */
export function meanWithCiOfSums({ n, sum, sumOfSquares }: ValueSums): MeanWithCi {
  if (n === 0) throw new RangeError('No values');
  const mean = sum / n;
  if (n === 1) return { n, mean, ciLow: null, ciHigh: null };
  const variance = Math.max(0, (sumOfSquares - sum * mean) / (n - 1));
  const half = tCritical95(n - 1) * Math.sqrt(variance / n);
  return { n, mean, ciLow: mean - half, ciHigh: mean + half };
}

export function meanWithCi(values: readonly number[]): MeanWithCi {
  let sum = 0;
  let sumOfSquares = 0;
  for (const v of values) {
    sum += v;
    sumOfSquares += v * v;
  }
  return meanWithCiOfSums({ n: values.length, sum, sumOfSquares });
}

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959964;

export interface ProportionInterval {
  /** Proportions 0–1. */
  low: number;
  high: number;
}

/**
 * 95% Wilson score interval of k successes in n (DOMAIN.md, "Cohort figures"): p̂ = k/n;
 * centre = (p̂ + z²/2n) / (1 + z²/n); half-width = z·√(p̂(1−p̂)/n + z²/4n²) / (1 + z²/n);
 * clamped to 0–1. Null when n is 0.
 */
export function wilsonInterval(successes: number, n: number): ProportionInterval | null {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0 (got ${String(n)})`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) throw new RangeError(`successes must be a whole number 0–n (got ${String(successes)} of ${n})`);
  if (n === 0) return null;
  const p = successes / n;
  const z2 = Z_95 * Z_95;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z_95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
