export interface Timing {
  median: number;
  p95: number;
  runs: number;
}

/** Median and 95th percentile (nearest rank) in milliseconds, rounded to 0.01 ms. */
export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { median: round(at(0.5)), p95: round(at(0.95)), runs: sorted.length };
}
