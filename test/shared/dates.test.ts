import { describe, expect, it } from 'vitest';
import { addYearsIso, ageInYears, isIsoDate, localIsoDate } from '../../src/shared/dates';

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-04-31', false],
    ['2023-12-31', true],
    ['2023-1-01', false],
    ['20230101', false],
    ['', false],
  ])('isIsoDate(%s) = %s', (value, expected) => expect(isIsoDate(value)).toBe(expected));

  it.each([
    ['1980-12-10', '2026-12-09', 45],
    ['1980-12-10', '2026-12-10', 46],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
    ['2026-01-01', '2026-01-01', 0],
  ])('ageInYears(%s, %s) = %i', (dob, on, age) => expect(ageInYears(dob, on)).toBe(age));

  it('formats the local calendar date', () => {
    expect(localIsoDate(new Date(2026, 2, 2, 23, 59))).toBe('2026-03-02');
  });
});

describe('addYearsIso', () => {
  it.each([
    ['2026-11-25', 1, '2027-11-25'],
    ['2026-11-25', -1, '2025-11-25'],
    ['2028-02-29', 1, '2029-03-01'],
    ['2028-02-29', -4, '2024-02-29'],
    ['2026-12-31', 1, '2027-12-31'],
  ] as const)('%s %+d years is %s', (from, years, expected) => {
    expect(addYearsIso(from, years)).toBe(expected);
  });
});
