import { describe, expect, it } from 'vitest';
import { summarizeTrials, trialWeeks } from '../../src/shared/clinical';

describe('summarizeTrials', () => {
  it('counts trials, adequate ones, distinct classes in the order tried, and outcomes', () => {
    expect(summarizeTrials([
      { drugClass: 'SSRI', adequate: true, outcome: 'no_response' },
      { drugClass: 'SNRI', adequate: true, outcome: 'partial' },
      { drugClass: 'SSRI', adequate: false, outcome: 'intolerable' },
    ])).toEqual({ count: 3, adequate: 2, classes: ['SSRI', 'SNRI'], outcomes: { no_response: 1, partial: 1, intolerable: 1, other: 0 } });
    expect(summarizeTrials([])).toEqual({ count: 0, adequate: 0, classes: [], outcomes: { no_response: 0, partial: 0, intolerable: 0, other: 0 } });
  });
});

describe('trialWeeks', () => {
  it('counts whole weeks, both days included; null while ongoing', () => {
    expect(trialWeeks('2023-03-06', '2023-07-31')).toBe(21);
    expect(trialWeeks('2026-03-02', '2026-03-08')).toBe(1);
    expect(trialWeeks('2026-03-02', '2026-03-07')).toBe(0);
    expect(trialWeeks('2026-03-02', null)).toBeNull();
  });
});
