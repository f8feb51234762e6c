import { describe, expect, it } from 'vitest';
import { scaleDue, type ScaleDueInput } from '../../src/shared/clinical';

const base: ScaleDueInput = { schedule: 'weekly', sessionsDone: 0, plannedSessions: 36, firstSessionOn: null, assessedOn: [], today: '2026-03-02' };

describe('scaleDue', () => {
  it.each([
    ['no baseline yet', {}, { status: 'due', what: 'baseline' }],
    ['a baseline within 30 days', { assessedOn: ['2026-01-31'] }, null],
    ['a baseline 31 days old', { assessedOn: ['2026-01-30'] }, { status: 'due', what: 'baseline' }],
    ['weekly, 6 days since the last', { sessionsDone: 5, firstSessionOn: '2026-02-23', assessedOn: ['2026-02-23', '2026-02-24'] , today: '2026-03-02' }, null],
    ['weekly, 7 days since the last', { sessionsDone: 5, firstSessionOn: '2026-02-23', assessedOn: ['2026-02-23'], today: '2026-03-02' }, { status: 'due', what: 'weekly' }],
    ['weekly, 10 days since the last', { sessionsDone: 8, firstSessionOn: '2026-02-20', assessedOn: ['2026-02-20'], today: '2026-03-02' }, { status: 'overdue', what: 'weekly' }],
    ['weekly, never taken after treatment began', { sessionsDone: 1, firstSessionOn: '2026-03-02' }, { status: 'overdue', what: 'baseline' }],
  ] as const)('%s', (_name, change, expected) => {
    expect(scaleDue({ ...base, ...change })).toEqual(expected);
  });

  const milestones = { ...base, schedule: 'baseline_mid_end' as const, firstSessionOn: '2026-02-02', today: '2026-03-02' };
  it.each([
    ['baseline taken, session 17 of 36', 17, ['2026-02-01'], null],
    ['mid-course due at half (18 of 36)', 18, ['2026-02-01'], { status: 'due', what: 'mid_course' }],
    ['mid-course overdue 3 sessions later', 21, ['2026-02-01'], { status: 'overdue', what: 'mid_course' }],
    ['mid-course taken', 22, ['2026-02-01', '2026-02-20'], null],
    ['end due from the second-to-last session', 35, ['2026-02-01', '2026-02-20'], { status: 'due', what: 'end' }],
    ['end taken', 36, ['2026-02-01', '2026-02-20', '2026-03-01'], null],
    ['no baseline and nothing since', 3, [], { status: 'overdue', what: 'baseline' }],
  ] as const)('%s', (_name, sessionsDone, assessedOn, expected) => {
    expect(scaleDue({ ...milestones, sessionsDone, assessedOn })).toEqual(expected);
  });

  it('ignores assessments after the day asked about', () => {
    expect(scaleDue({ ...base, assessedOn: ['2026-03-05'] })).toEqual({ status: 'due', what: 'baseline' });
  });
});
