import { describe, expect, it } from 'vitest';
import { courseAssessments, courseOutcome, measuredOutcome, treatmentDayOf, wilsonInterval } from '../../src/shared/clinical';

const a = (id: number, assessedOn: string, total: number) => ({ id, assessedOn, total });
const span = { firstSessionOn: '2026-03-02', lastSessionOn: '2026-04-10' };

describe('courseAssessments', () => {
  const ids = (list: Array<{ id: number }>) => list.map((x) => x.id);
  it.each([
    // [case, assessments, expected { baseline, during, endOfTreatment, followUp } as ids]
    ['30 days before the first session is a baseline', [a(1, '2026-01-31', 20)], { baseline: 1, during: [], eot: null, follow: [] }],
    ['31 days before belongs to no part', [a(1, '2026-01-30', 20)], { baseline: null, during: [], eot: null, follow: [] }],
    ['the first session day is the baseline day', [a(1, '2026-02-20', 24), a(2, '2026-03-02', 20)], { baseline: 2, during: [], eot: null, follow: [] }],
    ['same day: the larger id is the baseline', [a(7, '2026-03-02', 18), a(3, '2026-03-02', 20)], { baseline: 7, during: [], eot: null, follow: [] }],
    ['the day after the first session is during', [a(1, '2026-03-01', 20), a(2, '2026-03-03', 15)], { baseline: 1, during: [2], eot: 2, follow: [] }],
    ['7 days after the last session is still the end of treatment', [a(1, '2026-03-01', 20), a(2, '2026-04-17', 8)], { baseline: 1, during: [2], eot: 2, follow: [] }],
    ['8 days after the last session is a follow-up', [a(1, '2026-03-01', 20), a(2, '2026-04-10', 9), a(3, '2026-04-18', 12)], { baseline: 1, during: [2], eot: 2, follow: [3] }],
    ['a relapse score months later never replaces the end of treatment', [a(4, '2026-07-10', 22), a(1, '2026-03-01', 20), a(2, '2026-04-09', 6)], { baseline: 1, during: [2], eot: 2, follow: [4] }],
    ['during and follow-ups by date then id, in any input order', [a(9, '2026-03-20', 10), a(5, '2026-03-20', 12), a(2, '2026-03-10', 15), a(8, '2026-05-01', 7), a(6, '2026-05-01', 9)], { baseline: null, during: [2, 5, 9], eot: 9, follow: [6, 8] }],
  ] as const)('%s', (_, list, expected) => {
    const parts = courseAssessments(list, span);
    expect({ baseline: parts.baseline?.id ?? null, during: ids(parts.during), eot: parts.endOfTreatment?.id ?? null, follow: ids(parts.followUp) }).toEqual(expected);
  });

  it('is all empty before any delivered session', () => {
    expect(courseAssessments([a(1, '2026-03-01', 20), a(2, '2026-03-05', 12)], { firstSessionOn: null, lastSessionOn: null })).toEqual({
      baseline: null, during: [], endOfTreatment: null, followUp: [],
    });
  });

  it('lets the same follow-up be the next course baseline', () => {
    const list = [a(1, '2025-01-02', 21), a(2, '2025-02-20', 9), a(3, '2025-09-01', 19)];
    const first = courseAssessments(list, { firstSessionOn: '2025-01-06', lastSessionOn: '2025-02-14' });
    const second = courseAssessments(list, { firstSessionOn: '2025-09-08', lastSessionOn: '2025-10-17' });
    expect(first.followUp.map((x) => x.id)).toEqual([3]);
    expect(second.baseline?.id).toBe(3);
    // A year-old score is nobody's baseline.
    expect(courseAssessments([a(1, '2025-01-02', 21)], { firstSessionOn: '2026-01-05', lastSessionOn: '2026-02-13' }).baseline).toBeNull();
  });

  it('crosses month and year ends by calendar days, whatever the machine time zone', () => {
    expect(courseAssessments([a(1, '2025-12-02', 20)], { firstSessionOn: '2026-01-01', lastSessionOn: '2026-01-01' }).baseline?.id).toBe(1);
    expect(courseAssessments([a(1, '2025-12-01', 20)], { firstSessionOn: '2026-01-01', lastSessionOn: '2026-01-01' }).baseline).toBeNull();
    expect(courseAssessments([a(1, '2026-03-07', 8)], { firstSessionOn: '2026-02-01', lastSessionOn: '2026-02-28' }).endOfTreatment?.id).toBe(1);
    expect(courseAssessments([a(1, '2026-03-08', 8)], { firstSessionOn: '2026-02-01', lastSessionOn: '2026-02-28' }).followUp.map((x) => x.id)).toEqual([1]);
  });
});

describe('course outcome from the windows', () => {
  it('is classifyOutcome(baseline, end of treatment), rated from a baseline of 10', () => {
    const list = [a(1, '2026-03-02', 20), a(2, '2026-03-16', 10), a(3, '2026-04-06', 4), a(4, '2026-06-01', 15)];
    expect(courseOutcome(list, span)).toMatchObject({
      baseline: list[0], endOfTreatment: list[2], change: -16, percentChange: -80, response: true, remission: true, rated: true, responseWeek: 2, remissionWeek: 5,
    });
    expect(measuredOutcome(courseAssessments([a(1, '2026-03-02', 9), a(2, '2026-03-20', 3)], span))).toMatchObject({ rated: false, response: true });
    expect(courseOutcome([a(1, '2026-03-02', 20)], span)).toBeNull();
    expect(courseOutcome([a(1, '2026-03-02', 20), a(2, '2026-05-01', 5)], span)).toBeNull(); // a follow-up only
  });
  it('numbers treatment days from 1 on the first session day', () => {
    expect([treatmentDayOf('2026-03-02', '2026-03-01'), treatmentDayOf('2026-03-02', '2026-03-02'), treatmentDayOf('2026-03-02', '2026-03-06')]).toEqual([0, 1, 5]);
  });
});

describe('wilsonInterval', () => {
  it.each([
    // Newcombe, Stat Med 1998;17:857–872, table I (method 3, Wilson without continuity correction).
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    // Worked from the formula.
    [5, 10, 0.2366, 0.7634],
    [10, 10, 0.7225, 1],
  ])('%i of %i → %f–%f', (k, n, low, high) => {
    const ci = wilsonInterval(k, n);
    expect(ci?.low).toBeCloseTo(low, 4);
    expect(ci?.high).toBeCloseTo(high, 4);
  });
  it('is null for n = 0, clamps to 0–1 and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    const all = wilsonInterval(1, 1);
    expect(all?.high).toBe(1);
    expect(all?.low).toBeGreaterThan(0);
    expect(wilsonInterval(0, 1)?.low).toBe(0);
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError);
  });
});
