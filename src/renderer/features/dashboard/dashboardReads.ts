import type { CourseStatus } from '../../../shared/schemas/course';
import type { DashboardCoursesInput, DashboardFiltersInput, DashboardScale } from '../../../shared/schemas/dashboard';

/** Rows per read of the course table: about 50 KB, far below the 1 MB a read may send. */
export const COURSE_PAGE_SIZE = 100;

/** What the dashboard's filter fields hold (as the inputs hold them: ids as strings, dates as text). */
export interface DashboardFilterFields {
  scale: DashboardScale;
  statuses: CourseStatus[];
  protocolIds: string[];
  prescriberIds: string[];
  startFrom: string;
  startTo: string;
}

/** The dashboard as it opens: PHQ-9, every course. */
export const openingFilterFields: DashboardFilterFields = { scale: 'phq9', statuses: [], protocolIds: [], prescriberIds: [], startFrom: '', startTo: '' };

/** The reads' filters from the fields. */
export function dashboardFiltersOf(fields: DashboardFilterFields): DashboardFiltersInput {
  return {
    scale: fields.scale,
    statuses: fields.statuses,
    protocolLineageIds: fields.protocolIds.map(Number),
    prescriberIds: fields.prescriberIds.map(Number),
    startFrom: fields.startFrom || null,
    startTo: fields.startTo || null,
  };
}

/** The read of one page of the course table. */
export function coursePageInput(filters: DashboardFiltersInput, page: number): DashboardCoursesInput {
  return { ...filters, offset: page * COURSE_PAGE_SIZE, limit: COURSE_PAGE_SIZE };
}
