import { describe, expect, it } from 'vitest';
import { classifyOutcome, meanWithCi, meanWithCiOfSums, missingPhq9Items, scorePhq9, tCritical95, weekOfCourse } from '../../src/shared/clinical';

describe('scorePhq9 (Kroenke 2001)', () => {
  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'minimal', false],
    [[1, 1, 1, 1, 0, 0, 0, 0, 0], 4, 'minimal', false],
    [[1, 1, 1, 1, 1, 0, 0, 0, 0], 5, 'mild', false],
    [[2, 2, 2, 2, 1, 0, 0, 0, 0], 9, 'mild', false],
    [[2, 2, 2, 2, 2, 0, 0, 0, 0], 10, 'moderate', false],
    [[2, 2, 2, 2, 2, 2, 2, 0, 0], 14, 'moderate', false],
    [[3, 3, 3, 3, 3, 0, 0, 0, 0], 15, 'moderately_severe', false],
    [[3, 3, 3, 3, 3, 2, 2, 0, 0], 19, 'moderately_severe', false],
    [[3, 3, 3, 3, 3, 3, 2, 0, 0], 20, 'severe', false],
    [[3, 3, 3, 3, 3, 3, 3, 3, 3], 27, 'severe', true],
    [[0, 0, 0, 0, 0, 0, 0, 0, 1], 1, 'minimal', true],
  ])('%j → %i %s, item 9 positive %s', (answers, total, severity, item9Positive) => {
    expect(scorePhq9(answers)).toEqual({ total, severity, item9Positive });
  });

  it.each([[[0, 0, 0, 0, 0, 0, 0, 0]], [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0]], [[0, 0, 0, 0, 4, 0, 0, 0, 0]], [[0, 0, 0, -1, 0, 0, 0, 0, 0]], [[0, 0, 0, 1.5, 0, 0, 0, 0, 0]], [[0, 0, 0, Number.NaN, 0, 0, 0, 0, 0]]])(
    'throws on %j',
    (answers) => expect(() => scorePhq9(answers)).toThrow(RangeError),
  );

  it('names the missing items', () => {
    expect(missingPhq9Items([1, null, 2, 0, undefined, 1, 1, 1, null])).toEqual([2, 5, 9]);
  });
});

describe('classifyOutcome', () => {
  it.each([
    [20, 10, -10, -50, true, false],
    [20, 11, -9, -45, false, false],
    [20, 4, -16, -80, true, true],
    [9, 4, -5, -55.55555555555556, true, true],
    [15, 5, -10, -66.66666666666667, true, false], // 5 is not remission: < 5 needed
    [12, 15, 3, 25, false, false],
    [0, 0, 0, null, false, true], // no response from a baseline of 0
    [3, 4, 1, 33.333333333333336, false, true],
  ])('baseline %i, latest %i', (baseline, latest, change, percentChange, response, remission) => {
    expect(classifyOutcome(baseline, latest)).toEqual({ change, percentChange, response, remission });
  });
  it('refuses totals outside 0–27', () => {
    expect(() => classifyOutcome(28, 3)).toThrow(RangeError);
  });
});

describe('course outcome', () => {
  it('numbers weeks from the first session', () => {
    expect([weekOfCourse('2026-03-02', '2026-03-02'), weekOfCourse('2026-03-02', '2026-03-08'), weekOfCourse('2026-03-02', '2026-03-09'), weekOfCourse('2026-03-02', '2026-02-27')]).toEqual([0, 0, 1, 0]);
  });
});

describe('mean with a 95% confidence interval', () => {
  it('uses Student’s t', () => {
    const r = meanWithCi([10, 12, 14, 16, 18]);
    expect(r.mean).toBe(14);
    // sd = √10, se = √2, t(4) = 2.776 → ± 3.9259
    expect(r.ciLow).toBeCloseTo(14 - 2.776 * Math.SQRT2, 10);
    expect(r.ciHigh).toBeCloseTo(14 + 2.776 * Math.SQRT2, 10);
    expect(meanWithCi([7])).toEqual({ n: 1, mean: 7, ciLow: null, ciHigh: null });
    // From running sums (the dashboard's weekly means): the same figures.
    expect(meanWithCiOfSums({ n: 5, sum: 70, sumOfSquares: 1020 })).toEqual(r);
    expect(() => meanWithCiOfSums({ n: 0, sum: 0, sumOfSquares: 0 })).toThrow(RangeError);
    expect([tCritical95(1), tCritical95(35), tCritical95(500)]).toEqual([12.706, 2.042, 1.96]);
  });
});
