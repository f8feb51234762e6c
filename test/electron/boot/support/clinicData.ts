import type { IpcResult } from '../../../../src/shared/ipc/result';
import { patientInput, prescriptionInput } from '../../../support/fixtures';
import { TEST_PASSWORD } from '../../../support/tempDatabase';
import { localIsoDate } from '../../../../src/shared/dates';
import type { BootedMain, Sender } from './bootMain';

/**
 * The boot tests' data-writing calls, kept here in one place: identity comes from the sender's
 * window (signed in by staff:createFirst), never from the input.
 */

function value<T>(result: IpcResult<unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

export interface Course {
  staffId: number;
  courseId: number;
}

/**
 * The first staff account (which signs `from`'s window in, as the first-run screen does), a
 * patient and a prescribed course, through the app's own IPC handler.
 */
export async function createCourse(main: BootedMain, from: Sender): Promise<Course> {
  const first = { name: 'Dr. Maya Patel', username: 'maya.patel', role: 'psychiatrist', password: TEST_PASSWORD };
  const doctor = value<{ staff: { id: number } }>(await main.invoke('staff:createFirst', first, from), 'staff:createFirst').staff;
  const { actorId: _patientActor, ...patient } = patientInput();
  const created = value<{ id: number }>(await main.invoke('patients:create', patient, from), 'patients:create');
  // The built main runs on the real clock: a course starts today (a start more than a year away is refused).
  const { actorId: _courseActor, ...prescription } = prescriptionInput({ patientId: created.id, startDate: localIsoDate(new Date()) });
  const course = value<{ id: number }>(await main.invoke('courses:prescribe', prescription, from), 'courses:prescribe');
  return { staffId: doctor.id, courseId: course.id };
}

export interface ExportResult {
  path: string | null;
  bytes: number;
  pages: number | null;
}

/** Exports the course report as PDF, as the course screen's button does. */
export async function exportPdf(main: BootedMain, from: Sender, course: Course): Promise<ExportResult> {
  return value<ExportResult>(await main.invoke('reports:exportPdf', { courseId: course.courseId }, from), 'reports:exportPdf');
}
