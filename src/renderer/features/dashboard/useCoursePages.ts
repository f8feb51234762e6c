import { keepPreviousData, useQueries } from '@tanstack/react-query';
import type { DashboardFiltersInput, DashboardPage, DashboardRow } from '../../../shared/schemas/dashboard';
import { call } from '../../api/client';
import { refetchUnlessJustSeeded } from '../../app/earlyAnswers';
import { queryKeys } from '../../app/queryKeys';
import { COURSE_PAGE_SIZE, coursePageInput } from './dashboardReads';


export interface CoursePages {
  /** Courses matching the filters; null until the first page has arrived. */
  total: number | null;
  /** The row at a table index, or undefined while its page is on its way. */
  rowAt(index: number): DashboardRow | undefined;
  isPending: boolean;
  error: Error | null;
}

/**
 * The dashboard's course table, read a page at a time: the first page always (it says how many
 * courses match), and the pages holding `indexes` (the rows in view). Pages already read stay
 * cached under their filters.
 */
export function useCoursePages(filters: DashboardFiltersInput, indexes: number[]): CoursePages {
  const wanted = [...new Set([0, ...indexes.map((i) => Math.floor(i / COURSE_PAGE_SIZE))])].sort((a, b) => a - b);
  const results = useQueries({
    queries: wanted.map((page) => ({
      queryKey: queryKeys.dashboardPage(filters, page),
      queryFn: () => call('dashboard:courses', coursePageInput(filters, page)),
      // Other windows and connections change the clinic: read again on each visit, showing the last answer meanwhile.
      staleTime: 0,
      refetchOnMount: refetchUnlessJustSeeded,
      placeholderData: page === 0 ? keepPreviousData : undefined,
    })),
  });
  const byPage = new Map<number, DashboardPage>();
  wanted.forEach((page, i) => {
    const data = results[i]?.data;
    if (data) byPage.set(page, data);
  });
  const first = results[0];
  return {
    total: first?.data?.total ?? null,
    rowAt: (index) => byPage.get(Math.floor(index / COURSE_PAGE_SIZE))?.rows[index % COURSE_PAGE_SIZE],
    isPending: first?.isPending ?? true,
    error: results.find((r) => r.error)?.error ?? null,
  };
}
