import { describe, expect, it } from 'vitest';
import { type CptCodes, cptCodes, sessionCptCodes } from '../../src/shared/clinical';
import { addDaysIso } from '../../src/shared/dates';

// 2026-03-02 is a Monday.
const weekdaysFrom = (start: string, count: number) => {
  const days: string[] = [];
  for (let d = start; days.length < count; d = addDaysIso(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(d);
  }
  return days;
};
/** `perDay` sessions on each of `days` consecutive days from `start`. */
const accelerated = (start: string, days: number, perDay: number) =>
  Array.from({ length: days }, (_, i) => Array<string>(perDay).fill(addDaysIso(start, i))).flat();

const codes = (c: Partial<CptCodes>): CptCodes => ({
  '90867': 0, '90868': 0, '90869': 0, '0890T': 0, '0891T': 0, '0892T': 0, unbilledRedeterminations: 0, ...c,
});

const standard36 = weekdaysFrom('2026-03-02', 36); // 2026-03-02 … 2026-04-20
const snt50 = accelerated('2026-03-02', 5, 10); // SNT: 10 a day for 5 days

describe('cptCodes', () => {
  it.each([
    ['no session: all zero, thresholds too', [], ['2026-03-01', '2026-03-09'], codes({})],
    ['one session', ['2026-03-02'], [], codes({ '90867': 1, '0890T': 1 })],
    ['a threshold on the first session\'s day is part of 90867', ['2026-03-02', '2026-03-03'], ['2026-03-02'], codes({ '90867': 1, '90868': 1, '0890T': 1, '0891T': 1 })],
    ['a threshold before the first session is part of 90867', ['2026-03-02', '2026-03-03'], ['2026-02-27'], codes({ '90867': 1, '90868': 1, '0890T': 1, '0891T': 1 })],
    [
      'the 36-session course with one re-determination: 1 + 34 + 1 = 36 codes, not 37',
      standard36, ['2026-02-27', '2026-03-09'],
      codes({ '90867': 1, '90868': 34, '90869': 1, '0890T': 1, '0891T': 34, '0892T': 1 }),
    ],
    [
      '36 sessions, weekly re-determinations on session days (6 after the first day)',
      standard36, ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06', '2026-04-13'],
      codes({ '90867': 1, '90868': 29, '90869': 6, '0890T': 1, '0891T': 29, '0892T': 6 }),
    ],
    [
      'two thresholds the same later day count once',
      ['2026-03-02', '2026-03-03', '2026-03-04'], ['2026-03-03', '2026-03-03'],
      codes({ '90867': 1, '90868': 1, '90869': 1, '0890T': 1, '0891T': 1, '0892T': 1 }),
    ],
    [
      'a threshold on a day without a session is unbilled (a Saturday)',
      weekdaysFrom('2026-03-02', 10), ['2026-03-07'],
      codes({ '90867': 1, '90868': 9, '0890T': 1, '0891T': 9, unbilledRedeterminations: 1 }),
    ],
    [
      'a threshold after the last session is unbilled',
      ['2026-03-02', '2026-03-03'], ['2026-03-10'],
      codes({ '90867': 1, '90868': 1, '0890T': 1, '0891T': 1, unbilledRedeterminations: 1 }),
    ],
    [
      'billed, unbilled and first-day thresholds together',
      ['2026-03-02', '2026-03-03', '2026-03-05'], ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-04', '2026-03-06'],
      codes({ '90867': 1, '90868': 1, '90869': 1, '0890T': 1, '0891T': 1, '0892T': 1, unbilledRedeterminations: 2 }),
    ],
    [
      'SNT: 5 days of 10 sessions, no re-determination',
      snt50, ['2026-02-20'],
      codes({ '90867': 1, '90868': 49, '0890T': 1, '0891T': 4 }),
    ],
    [
      'SNT: a re-determination on day 3 bills one 90869 (first session of that day) and 0892T for the day',
      snt50, ['2026-02-20', '2026-03-04'],
      codes({ '90867': 1, '90868': 48, '90869': 1, '0890T': 1, '0891T': 3, '0892T': 1 }),
    ],
    [
      'several sessions a day on a standard course (duplicated dates)',
      ['2026-03-02', '2026-03-02', '2026-03-03', '2026-03-03'], ['2026-03-03'],
      codes({ '90867': 1, '90868': 2, '90869': 1, '0890T': 1, '0891T': 0, '0892T': 1 }),
    ],
    [
      'inputs in any order: the first session is the earliest date',
      ['2026-03-05', '2026-03-02', '2026-03-04', '2026-03-03'], ['2026-03-04', '2026-03-01', '2026-03-02'],
      codes({ '90867': 1, '90868': 2, '90869': 1, '0890T': 1, '0891T': 2, '0892T': 1 }),
    ],
  ] as const)('%s', (_name, sessionDates, thresholdDates, expected) => {
    expect(cptCodes({ sessionDates, thresholdDates })).toEqual(expected);
  });

  it('gives every delivered session exactly one per-session code and every treatment day one per-day code, never more', () => {
    // Deterministic pseudo-random courses: sessions 0–60 over up to 40 days, 0–8 thresholds.
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let trial = 0; trial < 500; trial++) {
      const sessionDates = Array.from({ length: random(61) }, () => addDaysIso('2026-03-02', random(40)));
      const thresholdDates = Array.from({ length: random(9) }, () => addDaysIso('2026-02-25', random(50)));
      const c = cptCodes({ sessionDates, thresholdDates });
      const days = new Set(sessionDates).size;
      expect(c['90867'] + c['90868'] + c['90869']).toBe(sessionDates.length);
      expect(c['0890T'] + c['0891T'] + c['0892T']).toBe(days);
      expect(c['90869']).toBe(c['0892T']);
      expect(Math.min(...Object.values(c))).toBeGreaterThanOrEqual(0);
      expect(cptCodes({ sessionDates: [...sessionDates].reverse(), thresholdDates: [...thresholdDates].reverse() })).toEqual(c);
    }
  });

  it('refuses anything but YYYY-MM-DD dates', () => {
    expect(() => cptCodes({ sessionDates: ['2026-3-2'], thresholdDates: [] })).toThrow(/sessionDates/);
    expect(() => cptCodes({ sessionDates: ['2026-03-02'], thresholdDates: ['2026-02-30'] })).toThrow(/thresholdDates/);
  });
});

describe('sessionCptCodes (the codes of each session, which cptCodes counts)', () => {
  it('codes the first session 90867, the first session of a re-determination day 90869, the rest 90868', () => {
    const codes = sessionCptCodes({ sessionDates: ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-04'], thresholdDates: ['2026-03-02', '2026-03-04'] });
    expect(codes).toEqual([
      { perSession: '90867', perDay: '0890T' },
      { perSession: '90868', perDay: '0891T' },
      { perSession: '90869', perDay: '0892T' },
      { perSession: '90868', perDay: null },
    ]);
  });

  it('gives one per-day code per treatment day of an accelerated course', () => {
    const codes = sessionCptCodes({ sessionDates: snt50, thresholdDates: ['2026-03-04'] });
    expect(codes.filter((c) => c.perDay !== null).map((c) => c.perDay)).toEqual(['0890T', '0891T', '0892T', '0891T', '0891T']);
    expect(codes.filter((c) => c.perSession === '90867')).toHaveLength(1);
  });

  it('counts to cptCodes for every case', () => {
    for (const [sessionDates, thresholdDates] of [[standard36, ['2026-03-09', '2026-03-16', '2026-03-14']], [snt50, ['2026-03-03']], [[], ['2026-03-01']]] as const) {
      const tally = codes({});
      for (const c of sessionCptCodes({ sessionDates, thresholdDates })) {
        tally[c.perSession]++;
        if (c.perDay) tally[c.perDay]++;
      }
      const counted = cptCodes({ sessionDates, thresholdDates });
      expect({ ...tally, unbilledRedeterminations: counted.unbilledRedeterminations }).toEqual(counted);
    }
  });
});
