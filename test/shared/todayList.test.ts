import { describe, expect, it } from 'vitest';
import type { TodayItem } from '../../src/shared/schemas/session';
import { compareToday, filterToday, flagsOf, noTodayFilter, overdueMinutes } from '../../src/shared/todayList';

function item(edit: Partial<TodayItem>): TodayItem {
  return {
    courseId: 1, patientId: 1, patientName: 'LOVELACE, Ada', mrn: 'MRN-0001', dateOfBirth: '1980-12-10', protocolName: '10 Hz rTMS, left DLPFC',
    courseStatus: 'active', sessionsDone: 3, plannedSessions: 36, authorizedSessions: 30, nextSessionNumber: 4, sessionsToday: 0, sessionsPerDay: 1,
    lastSessionDate: '2026-03-04', daysSinceLastSession: 1, mt: { rmtPctMso: 60, measuredOn: '2026-03-02', method: 'emg', ageDays: 3, stale: false, visual: false },
    reviewRequired: false, assessmentsDue: [], item9Open: false, plannedTime: '09:30', coursePlannedTime: '09:30', movedForTheDay: false,
    lastTechnicianId: 2, lastTechnicianName: 'Sam Okafor', courseVersion: 1, ...edit,
  };
}

describe('the today list', () => {
  it('is overdue more than 15 minutes after the planned time, until the day is done', () => {
    expect(overdueMinutes(item({}), '09:45')).toBeNull();
    expect(overdueMinutes(item({}), '09:46')).toBe(16);
    expect(overdueMinutes(item({ sessionsToday: 1 }), '12:00')).toBeNull();
    expect(overdueMinutes(item({ plannedTime: null }), '23:00')).toBeNull();
    expect(overdueMinutes(item({ sessionsPerDay: 10, sessionsToday: 9 }), '12:00')).toBe(150);
  });

  it('names each flag a technician filters by', () => {
    expect(flagsOf(item({}), '09:00')).toEqual([]);
    expect(flagsOf(item({ mt: null, assessmentsDue: [{ scale: 'phq9', status: 'due', what: 'weekly', lastOn: '2026-03-01' }], item9Open: true, nextSessionNumber: 31 }), '10:00')).toEqual(['overdue', 'no_mt', 'assessment_due', 'alert', 'beyond_authorization']);
    expect(flagsOf(item({ reviewRequired: true, mt: { rmtPctMso: 60, measuredOn: '2026-02-20', method: 'emg', ageDays: 13, stale: true, visual: false } }), '09:00')).toEqual(['mt_stale', 'alert']);
  });

  it('finds by words of the name or MRN in any order, by protocol, by technician and by any of the chosen flags', () => {
    const ada = item({});
    const alan = item({ courseId: 2, patientName: 'TURING, Alan', mrn: 'MRN-0002', protocolName: 'iTBS, left DLPFC', lastTechnicianId: 3, assessmentsDue: [{ scale: 'phq9', status: 'overdue', what: 'weekly', lastOn: '2026-02-20' }] });
    const grace = item({ courseId: 3, patientName: 'HOPPER, Grace', mrn: 'MRN-0003', plannedTime: '13:00', mt: null, lastTechnicianId: null });
    const all = [ada, alan, grace];
    const ids = (f: Partial<typeof noTodayFilter>) => filterToday(all, { ...noTodayFilter, ...f }, '10:00').map((i) => i.courseId);
    expect(ids({})).toEqual([1, 2, 3]);
    expect(ids({ search: 'ada love' })).toEqual([1]);
    expect(ids({ search: 'mrn-0003' })).toEqual([3]);
    expect(ids({ search: 'nobody' })).toEqual([]);
    expect(ids({ protocol: 'iTBS, left DLPFC' })).toEqual([2]);
    expect(ids({ technicianId: 2 })).toEqual([1]);
    expect(ids({ flags: ['no_mt', 'assessment_due'] })).toEqual([2, 3]);
    expect(ids({ flags: ['overdue'] })).toEqual([1, 2]);
    expect(ids({ flags: ['overdue'], technicianId: 3 })).toEqual([2]);
  });

  it('puts courses still to treat first, each by planned time (none last), then name', () => {
    const list = [
      item({ courseId: 1, plannedTime: null, patientName: 'A' }),
      item({ courseId: 2, plannedTime: '14:00' }),
      item({ courseId: 3, plannedTime: '08:00', sessionsToday: 1 }),
      item({ courseId: 4, plannedTime: '09:00', patientName: 'B' }),
      item({ courseId: 5, plannedTime: '09:00', patientName: 'A' }),
    ];
    expect(list.sort(compareToday).map((i) => i.courseId)).toEqual([5, 4, 2, 1, 3]);
  });

  it('orders two patients of the same name by MRN, then course, whatever order they were read in', () => {
    const list = [
      item({ courseId: 7, patientName: 'SMITH, Ann', mrn: 'MRN-2' }),
      item({ courseId: 9, patientName: 'SMITH, Ann', mrn: 'MRN-1' }),
      item({ courseId: 8, patientName: 'SMITH, Ann', mrn: 'MRN-2' }),
    ];
    expect([...list].sort(compareToday).map((i) => i.courseId)).toEqual([9, 7, 8]);
    expect([...list].reverse().sort(compareToday).map((i) => i.courseId)).toEqual([9, 7, 8]);
  });
});
