import { describe, expect, it } from 'vitest';
import { missedWeekdays } from '../../src/shared/clinical';
import { addDaysIso } from '../../src/shared/dates';

// 2026-03-02 is a Monday.
const weekdaysFrom = (start: string, count: number, skip: string[] = []) => {
  const days: string[] = [];
  for (let d = start; days.length < count; d = addDaysIso(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !skip.includes(d)) days.push(d);
  }
  return days;
};

describe('missedWeekdays', () => {
  it.each([
    ['no sessions yet', [], 30, '2026-03-10', []],
    ['every weekday, weekends not counted', weekdaysFrom('2026-03-02', 10), 30, '2026-03-13', []],
    ['a Wednesday skipped', weekdaysFrom('2026-03-02', 9, ['2026-03-04']), 30, '2026-03-13', ['2026-03-04']],
    ['open course: days since the last session up to yesterday', ['2026-03-02', '2026-03-03'], 30, '2026-03-05', ['2026-03-04', '2026-03-05']],
    ['a Friday last, checked on Sunday: nothing missed', weekdaysFrom('2026-03-02', 5), 30, '2026-03-08', []],
    ['the taper after the 30th session is not judged', [...weekdaysFrom('2026-03-02', 30), '2026-04-13', '2026-04-15'], 30, '2026-04-30', []],
    ['accelerated: 10 a day counts one day once', Array.from({ length: 20 }, (_, i) => (i < 10 ? '2026-03-02' : '2026-03-04')), 50, '2026-03-04', ['2026-03-03']],
  ] as const)('%s', (_name, dates, daily, through, expected) => {
    expect(missedWeekdays(dates, daily, through)).toEqual(expected);
  });
});

describe('addDaysIso', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-29', 1, '2026-03-30'],
  ] as const)('%s %+d → %s', (date, days, expected) => {
    expect(addDaysIso(date, days)).toBe(expected);
  });
});
